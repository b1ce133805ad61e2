// copydesk — how well document vectors separate labelled events.
//
// For evaluation sets with two levels of labels — ECB+ has `topic` (two
// look-alike events, e.g. two different earthquakes) and `subtopic` (one
// real-world event) — these figures say whether an embedding can tell the two
// events of a topic apart, which is what event clustering needs:
//
//   * nearest-neighbour accuracy: the share of documents whose most similar
//     other document (cosine) has the same fine (resp. coarse) label;
//   * mean cosine over document pairs with the same fine label, with the same
//     coarse but another fine label (the look-alikes), and with another coarse
//     label;
//   * within-coarse AUC: over pairs that share a coarse label, the probability
//     that a same-event pair has a higher cosine than a look-alike pair (ties
//     count half) — 0.5 is chance, 1.0 a threshold that splits them perfectly.
//
// Brute force, O(n² · dims): meant for evaluation sets (thousands of
// documents), not crawls. Parallel, deterministic.
//
//   Result<NeighbourQuality> q = neighbour_quality(vectors, subtopic_ids, topic_ids);
//   printf("%.3f\n", q->nn_same_fine);
#pragma once

#include <cstdint>
#include <vector>

#include "copydesk/embed.h"
#include "copydesk/status.h"

namespace copydesk {

struct NeighbourQuality {
  size_t docs = 0;
  double nn_same_fine = 0;
  double nn_same_coarse = 0;
  double cos_same_fine = 0;
  double cos_same_coarse_other_fine = 0;
  double cos_other_coarse = 0;
  double within_coarse_auc = 0;
};

// Rows of `vectors` should be L2-normalised (cosine = dot product). Labels are
// any integers, one per row; `fine` must refine `coarse` for the figures to
// mean what they say (not checked). Fails on size mismatch or fewer than 2 rows.
Result<NeighbourQuality> neighbour_quality(const EmbeddingMatrix& vectors, const std::vector<uint32_t>& fine,
                                           const std::vector<uint32_t>& coarse);

}  // namespace copydesk
