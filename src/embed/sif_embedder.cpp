#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "copydesk/embed_sif.h"
#include "copydesk/normalize.h"
#include "embed/principal_components.h"

namespace copydesk {

using embed_detail::top_eigenvectors;

namespace {

struct SifScratch {
  Normalizer normalizer;
  TokenizedText tokens;
  std::vector<uint32_t> rows;  // rows of the tokens that have a vector
  std::vector<float> word;
};

SifScratch& scratch_for(uint32_t dims) {
  thread_local SifScratch s;
  s.word.resize(dims);
  return s;
}

// Sums over documents are taken per chunk of documents and the chunks added in
// order, so they do not depend on the thread count. At most 256 chunks.
size_t chunk_docs(size_t n) { return std::max<size_t>(1024, (n + 255) / 256); }

}  // namespace

Status SifEmbedderParams::validate() const {
  if (!(a > 0) || !std::isfinite(a)) return Status::InvalidArgument("SIF a must be positive, got " + std::to_string(a));
  if (remove_components > 16) {
    return Status::InvalidArgument("remove_components must be at most 16, got " + std::to_string(remove_components));
  }
  if (power_iterations < 1) return Status::InvalidArgument("power_iterations must be at least 1");
  return Status::Ok();
}

SifEmbedder::SifEmbedder(std::shared_ptr<const WordVectors> vectors, const SifEmbedderParams& params)
    : vectors_(std::move(vectors)), params_(params) {
  double h = 0;
  for (uint32_t k = std::max<uint32_t>(vectors_->source_words(), 1); k >= 1; --k) h += 1.0 / k;
  harmonic_ = h;
}

double SifEmbedder::weight_of(uint32_t row) const {
  if (params_.frequency == WordFrequency::kCorpus) return corpus_weight_.empty() ? 1.0 : corpus_weight_[row];
  const double p = 1.0 / ((static_cast<double>(vectors_->rank(row)) + 1.0) * harmonic_);
  return params_.a / (params_.a + p);
}

size_t SifEmbedder::mean_vector(std::string_view text, double* out, size_t* tokens) const {
  const uint32_t d = dims();
  SifScratch& s = scratch_for(d);
  s.normalizer.tokenize(text, s.tokens);
  std::fill(out, out + d, 0.0);
  s.rows.clear();
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const uint32_t row = vectors_->find(s.tokens.token(i));
    if (row != WordVectors::kNotFound) s.rows.push_back(row);
  }
  if (tokens != nullptr) *tokens = s.tokens.size();
  // Each distinct word once, weighted by its count, in row order.
  std::sort(s.rows.begin(), s.rows.end());
  for (size_t i = 0; i < s.rows.size();) {
    size_t end = i + 1;
    while (end < s.rows.size() && s.rows[end] == s.rows[i]) ++end;
    vectors_->vector(s.rows[i], s.word.data());
    const double w = weight_of(s.rows[i]) * static_cast<double>(end - i);
    for (uint32_t k = 0; k < d; ++k) out[k] += w * s.word[k];
    i = end;
  }
  const size_t found = s.rows.size();
  for (uint32_t k = 0; k < d && found > 0; ++k) out[k] /= static_cast<double>(found);
  return found;
}

Status SifEmbedder::fit(const std::vector<std::string_view>& texts) {
  COPYDESK_RETURN_IF_ERROR(params_.validate());
  fitted_ = false;
  components_.clear();
  corpus_weight_.clear();
  const uint32_t d = dims();
  const int64_t n = static_cast<int64_t>(texts.size());

  if (params_.frequency == WordFrequency::kCorpus) {
    std::vector<uint64_t> counts(vectors_->size(), 0);
    uint64_t total = 0;
#pragma omp parallel
    {
      std::vector<uint64_t> local(vectors_->size(), 0);
      uint64_t local_total = 0;
      SifScratch& s = scratch_for(d);
#pragma omp for schedule(dynamic, 64)
      for (int64_t i = 0; i < n; ++i) {
        s.normalizer.tokenize(texts[static_cast<size_t>(i)], s.tokens);
        for (size_t t = 0; t < s.tokens.size(); ++t) {
          const uint32_t row = vectors_->find(s.tokens.token(t));
          if (row != WordVectors::kNotFound) ++local[row], ++local_total;
        }
      }
#pragma omp critical
      {
        for (size_t r = 0; r < local.size(); ++r) counts[r] += local[r];
        total += local_total;
      }
    }
    corpus_weight_.assign(vectors_->size(), 1.0f);
    for (size_t r = 0; r < counts.size() && total > 0; ++r) {
      const double p = static_cast<double>(counts[r]) / static_cast<double>(total);
      corpus_weight_[r] = static_cast<float>(params_.a / (params_.a + p));
    }
  }

  // Second-moment matrix of the documents' mean vectors, and the token coverage.
  const size_t per_chunk = chunk_docs(texts.size());
  const size_t chunks = (texts.size() + per_chunk - 1) / per_chunk;
  std::vector<std::vector<double>> partial(chunks);
  std::vector<uint64_t> tokens_seen(chunks, 0), tokens_found(chunks, 0);
#pragma omp parallel
  {
    std::vector<double> v(d);
#pragma omp for schedule(dynamic, 1)
    for (int64_t c = 0; c < static_cast<int64_t>(chunks); ++c) {
      std::vector<double>& m = partial[static_cast<size_t>(c)];
      m.assign(size_t{d} * d, 0.0);
      const size_t end = std::min(texts.size(), static_cast<size_t>(c + 1) * per_chunk);
      for (size_t i = static_cast<size_t>(c) * per_chunk; i < end; ++i) {
        size_t tokens = 0;
        const size_t with_vector = mean_vector(texts[i], v.data(), &tokens);
        tokens_seen[static_cast<size_t>(c)] += tokens;
        tokens_found[static_cast<size_t>(c)] += with_vector;
        if (with_vector == 0) continue;
        for (uint32_t r = 0; r < d; ++r) {  // upper triangle; mirrored below
          for (uint32_t k = r; k < d; ++k) m[size_t{r} * d + k] += v[r] * v[k];
        }
      }
    }
  }
  std::vector<double> moment(size_t{d} * d, 0.0);
  uint64_t seen = 0, found = 0;
  for (size_t c = 0; c < chunks; ++c) {
    for (size_t k = 0; k < moment.size(); ++k) moment[k] += partial[c][k];
    seen += tokens_seen[c];
    found += tokens_found[c];
  }
  for (uint32_t r = 0; r < d; ++r) {
    for (uint32_t k = 0; k < r; ++k) moment[size_t{r} * d + k] = moment[size_t{k} * d + r];
  }
  coverage_ = seen > 0 ? static_cast<double>(found) / static_cast<double>(seen) : 0;
  components_ = top_eigenvectors(moment, d, params_.remove_components, params_.power_iterations);
  fitted_ = true;
  return Status::Ok();
}

void SifEmbedder::embed(std::string_view text, float* out) const {
  const uint32_t d = dims();
  thread_local std::vector<double> v;
  v.resize(d);
  if (mean_vector(text, v.data()) == 0) {
    std::memset(out, 0, sizeof(float) * d);
    return;
  }
  for (const std::vector<float>& u : components_) {
    double along = 0;
    for (uint32_t k = 0; k < d; ++k) along += u[k] * v[k];
    for (uint32_t k = 0; k < d; ++k) v[k] -= along * u[k];
  }
  for (uint32_t k = 0; k < d; ++k) out[k] = static_cast<float>(v[k]);
  l2_normalize(out, d);
}

Status PretrainedEmbedderParams::validate() const {
  COPYDESK_RETURN_IF_ERROR(hashed.validate());
  COPYDESK_RETURN_IF_ERROR(sif.validate());
  if (!(sif_weight > 0) || !std::isfinite(sif_weight)) {
    return Status::InvalidArgument("sif_weight must be positive and finite, got " + std::to_string(sif_weight));
  }
  return Status::Ok();
}

Result<std::unique_ptr<Embedder>> make_pretrained_embedder(std::shared_ptr<const WordVectors> vectors,
                                                           const PretrainedEmbedderParams& params) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  if (vectors == nullptr) return Status::InvalidArgument("make_pretrained_embedder: no word vectors");
  std::vector<ConcatEmbedder::Part> parts;
  parts.push_back({std::make_unique<HashedEmbedder>(params.hashed), 1.0f});
  parts.push_back({std::make_unique<SifEmbedder>(std::move(vectors), params.sif), params.sif_weight});
  Result<std::unique_ptr<ConcatEmbedder>> joined = ConcatEmbedder::create(std::move(parts));
  if (!joined.ok()) return joined.status();
  return std::unique_ptr<Embedder>(std::move(*joined));
}

}  // namespace copydesk
