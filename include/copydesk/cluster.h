// copydesk — copy groups from verified pairs, without chaining.
//
// Union-find over the verified pairs gives connected components. A component
// can still chain unrelated stories: A ≈ B and B ≈ C do not make A ≈ C (a
// story, its update, and the update's follow-up). So every component of three
// or more is split around centres: the member with the highest total verified
// similarity becomes a centre, every member that reaches the threshold
// against it joins its group, and the rest is split the same way until no
// member is left. Every member of a group is then within the threshold of
// its group's centre — no chains.
//
// Each group gets a canonical member — the one a deduplicated crawl keeps:
// the earliest date, then the longest text, then the first in input order.
// Groups are numbered 0, 1, ... in the order of their first member, so the
// numbering depends on the input order only, never on the thread count.
#pragma once

#include <cstdint>
#include <vector>

#include "copydesk/status.h"
#include "copydesk/verify.h"

namespace copydesk {

struct ClusterParams {
  double threshold = 0.8;  // similarity every member must reach against its centre

  Status validate() const;
};

struct CopyGroups {
  std::vector<uint32_t> group_of;    // per document: its group number
  std::vector<uint32_t> canonical;   // per group: the canonical document
  std::vector<uint32_t> group_size;  // per group: number of members
  std::vector<float> similarity;     // per document: similarity to its canonical
  uint64_t components_split = 0;     // components that needed splitting

  size_t num_groups() const { return canonical.size(); }
};

// What cluster_copies needs to know of each document to pick canonicals.
struct CanonicalKey {
  int64_t date;     // kNoDate sorts last
  uint64_t length;  // text bytes; longer wins
};

CopyGroups cluster_copies(size_t n, const std::vector<ScoredPair>& verified, const Similarity& similarity,
                          const std::vector<CanonicalKey>& keys, const ClusterParams& params);

}  // namespace copydesk
