#include "copydesk/embed_hashed.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "embed/doc_features.h"
#include "embed/feature_table.h"
#include "embed/splitmix.h"

namespace copydesk {

using embed_detail::Feature;
using embed_detail::FeatureExtractor;
using embed_detail::FeatureTable;
using embed_detail::splitmix64;

Status HashedEmbedderParams::validate() const {
  if (dims < 1 || dims > 65536) return Status::InvalidArgument("dims must be in [1, 65536], got " + std::to_string(dims));
  if (nonzeros < 1 || nonzeros > dims) {
    return Status::InvalidArgument("nonzeros must be in [1, dims], got " + std::to_string(nonzeros));
  }
  for (auto [name, w] : {std::pair{"bigram_weight", bigram_weight}, std::pair{"name_weight", name_weight},
                         std::pair{"number_weight", number_weight}}) {
    if (!(w >= 0.0f) || !std::isfinite(w)) {
      return Status::InvalidArgument(std::string(name) + " must be finite and >= 0, got " + std::to_string(w));
    }
  }
  return Status::Ok();
}

HashedEmbedder::HashedEmbedder(const HashedEmbedderParams& params) : params_(params) {}
HashedEmbedder::~HashedEmbedder() = default;

size_t HashedEmbedder::distinct_features() const { return df_ ? df_->size() : 0; }

void HashedEmbedder::project(uint64_t hash, float weight, uint64_t seed, uint32_t nonzeros, uint32_t dims,
                             float* out) {
  const float v = weight / std::sqrt(static_cast<float>(nonzeros));
  uint64_t x = hash ^ splitmix64(seed);
  for (uint32_t j = 0; j < nonzeros; ++j) {
    x = splitmix64(x);
    const uint64_t position = ((x & 0xFFFFFFFFULL) * dims) >> 32;
    out[position] += (x >> 63) != 0 ? -v : v;
  }
}

Status HashedEmbedder::fit(const std::vector<std::string_view>& texts) {
  COPYDESK_RETURN_IF_ERROR(params_.validate());
  const int threads = omp_get_max_threads();
  std::vector<FeatureTable> local(static_cast<size_t>(threads));
  const int64_t n = static_cast<int64_t>(texts.size());
#pragma omp parallel num_threads(threads)
  {
    FeatureExtractor extractor;
    FeatureTable& table = local[static_cast<size_t>(omp_get_thread_num())];
#pragma omp for schedule(dynamic, 64)
    for (int64_t i = 0; i < n; ++i) {
      extractor.extract(texts[static_cast<size_t>(i)], params_, false);
      for (const Feature& f : extractor.features()) table.add(f.hash);
    }
  }
  // Counts are sums: the merged table is the same whatever the thread count.
  for (size_t t = 1; t < local.size(); ++t) {
    local[0].merge(local[t]);
    local[t] = FeatureTable();
  }
  // Fitted on fewer texts than min_df, keep what all of them share rather than nothing.
  const uint64_t min_df = std::clamp<uint64_t>(params_.min_df, 1, std::max<uint64_t>(texts.size(), 1));
  local[0].prune_below(static_cast<uint32_t>(min_df));
  df_ = std::make_unique<FeatureTable>(std::move(local[0]));
  fitted_texts_ = texts.size();
  return Status::Ok();
}

void HashedEmbedder::embed(std::string_view text, float* out) const {
  const uint32_t d = params_.dims;
  std::memset(out, 0, sizeof(float) * d);
  if (!df_) return;
  thread_local FeatureExtractor extractor;
  extractor.extract(text, params_, true);
  const double n = static_cast<double>(fitted_texts_);
  for (const Feature& f : extractor.features()) {
    const uint32_t df = df_->get(f.hash);  // 0: unseen or pruned below min_df
    if (df == 0) continue;
    const double tf = static_cast<double>(f.count);
    const double tf_weight = params_.sublinear_tf ? 1.0 + std::log(tf) : tf;
    const double idf = std::log((1.0 + n) / (1.0 + df)) + 1.0;
    project(f.hash, static_cast<float>(tf_weight * idf * f.kind), params_.seed, params_.nonzeros, d, out);
  }
  l2_normalize(out, d);
}

}  // namespace copydesk
