// Private to src/search: the two Hamming range-search methods behind
// find_hamming_pairs (hamming.h). Both take the m eligible codes compacted to
// codes[0..m) and append every pair (i << 32 | j), i < j < m, with
// popcount(codes[i] ^ codes[j]) ≤ radius, each exactly once, in any order.
#pragma once

#include <cstdint>
#include <vector>

#include "copydesk/status.h"

namespace copydesk::hamming_detail {

Status permuted_table_pairs(const uint64_t* codes, size_t m, uint32_t radius, std::vector<uint64_t>& pairs);
Status faiss_multihash_pairs(const uint64_t* codes, size_t m, uint32_t radius, std::vector<uint64_t>& pairs);

}  // namespace copydesk::hamming_detail
