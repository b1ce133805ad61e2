#include <cmath>

#include "copydesk/embed.h"

namespace copydesk {

Result<std::unique_ptr<ConcatEmbedder>> ConcatEmbedder::create(std::vector<Part> parts) {
  if (parts.empty()) return Status::InvalidArgument("ConcatEmbedder needs at least one part");
  for (size_t k = 0; k < parts.size(); ++k) {
    if (parts[k].embedder == nullptr) return Status::InvalidArgument("ConcatEmbedder part " + std::to_string(k) + " is null");
    if (!(parts[k].weight > 0) || !std::isfinite(parts[k].weight)) {
      return Status::InvalidArgument("ConcatEmbedder part " + std::to_string(k) + " ('" + parts[k].embedder->name() +
                                     "'): weight must be positive and finite, got " + std::to_string(parts[k].weight));
    }
  }
  return std::unique_ptr<ConcatEmbedder>(new ConcatEmbedder(std::move(parts)));
}

ConcatEmbedder::ConcatEmbedder(std::vector<Part> parts) : parts_(std::move(parts)) {
  for (const Part& p : parts_) dims_ += p.embedder->dims();
}

std::string ConcatEmbedder::name() const {
  std::string n;
  for (const Part& p : parts_) n += (n.empty() ? "" : "+") + p.embedder->name();
  return n;
}

Status ConcatEmbedder::fit(const std::vector<std::string_view>& texts) {
  for (Part& p : parts_) COPYDESK_RETURN_IF_ERROR(p.embedder->fit(texts));
  return Status::Ok();
}

bool ConcatEmbedder::fitted() const {
  for (const Part& p : parts_) {
    if (!p.embedder->fitted()) return false;
  }
  return true;
}

void ConcatEmbedder::embed(std::string_view text, float* out) const {
  float* slice = out;
  for (const Part& p : parts_) {
    const uint32_t d = p.embedder->dims();
    p.embedder->embed(text, slice);
    for (uint32_t i = 0; i < d; ++i) slice[i] *= p.weight;
    slice += d;
  }
  l2_normalize(out, dims_);
}

}  // namespace copydesk
