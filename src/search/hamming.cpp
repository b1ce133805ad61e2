#include "copydesk/hamming.h"

#include <algorithm>
#include <string>

#include "copydesk/lsh.h"
#include "search/hamming_internal.h"

namespace copydesk {

Status HammingParams::validate() const {
  if (radius > kMaxHammingRadius) {
    return Status::InvalidArgument("hamming radius must be at most " + std::to_string(kMaxHammingRadius) + ", got " +
                                   std::to_string(radius));
  }
  return Status::Ok();
}

Result<HammingPairs> find_hamming_pairs(const uint64_t* codes, size_t n, const std::vector<uint8_t>& eligible,
                                        const HammingParams& params) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  if (!eligible.empty() && eligible.size() != n) {
    return Status::InvalidArgument("eligible has " + std::to_string(eligible.size()) + " entries for " +
                                   std::to_string(n) + " codes");
  }
  if (n >= UINT32_MAX) return Status::InvalidArgument("too many codes for one search (max 2^32 − 2)");
  // Compact the eligible codes; ids[k] is the document of compact index k
  // (increasing, so compact pairs i < j map to document pairs a < b).
  std::vector<uint64_t> compact;
  std::vector<uint32_t> ids;
  compact.reserve(n);
  ids.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (!eligible.empty() && eligible[i] == 0) continue;
    compact.push_back(codes[i]);
    ids.push_back(static_cast<uint32_t>(i));
  }
  std::vector<uint64_t> found;
  const Status searched =
      params.method == HammingMethod::kFaissMultiHash
          ? hamming_detail::faiss_multihash_pairs(compact.data(), compact.size(), params.radius, found)
          : hamming_detail::permuted_table_pairs(compact.data(), compact.size(), params.radius, found);
  COPYDESK_RETURN_IF_ERROR(searched);
  const int64_t count = static_cast<int64_t>(found.size());
#pragma omp parallel for schedule(static) if (count > 65536)
  for (int64_t k = 0; k < count; ++k) found[k] = make_pair_key(ids[pair_first(found[k])], ids[pair_second(found[k])]);
  std::sort(found.begin(), found.end());
  if (std::adjacent_find(found.begin(), found.end()) != found.end()) {
    return Status::Internal("hamming search reported a pair twice");
  }
  HammingPairs out;
  out.distances.resize(found.size());
#pragma omp parallel for schedule(static) if (count > 65536)
  for (int64_t k = 0; k < count; ++k) {
    const uint32_t d = hamming_distance(codes[pair_first(found[k])], codes[pair_second(found[k])]);
    out.distances[k] = static_cast<uint8_t>(d);
  }
  out.pairs = std::move(found);
  return out;
}

}  // namespace copydesk
