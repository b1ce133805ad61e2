// copydesk — scoring a clustering against gold labels.
//
// Metrics as the field reports them: pairwise precision / recall / F1 over
// document pairs, B-cubed precision / recall / F1, adjusted Rand index (ARI)
// and normalized mutual information (NMI, arithmetic-mean normalisation as in
// scikit-learn's default). All are computed from the contingency table (the
// count of documents per (gold label, predicted label) combination), so they
// cost O(n) whatever the cluster sizes: a predicted cluster of a million
// documents is half a trillion pairs, counted, never listed.
//
//   std::vector<std::string> gold = {"a", "a", "b", "b"};
//   std::vector<std::string> pred = {"x", "x", "y", "z"};
//   copydesk::ClusteringScores s = copydesk::score_clustering(gold, pred);
//   // s.ari == 4/7, s.nmi == 0.8, s.pairwise_precision == 1, ..._recall == 0.5
//
// When the gold standard is a list of pairs rather than labels (the silver
// near-duplicate pairs of Reuters-21578 and BBC), use `score_pairs`.
//
// Conventions for degenerate inputs (documented once, tested):
// - Pairwise precision is 1 when the prediction puts no two documents
//   together (no predicted pairs: nothing claimed, nothing wrong); pairwise
//   recall is 1 when the gold standard has no pairs. F1 is 0 when P + R = 0.
// - ARI follows scikit-learn (pair-confusion form): 1 when the two
//   clusterings agree on every pair, which covers both "all singletons" and
//   "all in one cluster" on both sides.
// - NMI follows scikit-learn: 1 when both sides are one cluster (or empty),
//   0 when the mutual information is 0 otherwise; identical partitions
//   (up to renaming the labels) give exactly 1.
// - No documents at all: every ratio is 1 (two empty clusterings agree).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace copydesk {

struct ClusteringScores {
  uint64_t documents = 0;
  uint64_t gold_clusters = 0;       // distinct gold labels (singletons count)
  uint64_t predicted_clusters = 0;  // distinct predicted labels
  // Unordered document pairs put together by the gold standard, by the
  // prediction, and by both.
  uint64_t gold_pairs = 0, predicted_pairs = 0, true_positive_pairs = 0;
  double pairwise_precision = 0, pairwise_recall = 0, pairwise_f1 = 0;
  double bcubed_precision = 0, bcubed_recall = 0, bcubed_f1 = 0;
  double ari = 0;
  double nmi = 0;
};

// `gold[i]` and `predicted[i]` are the cluster labels of document i; labels
// are compared as text and only their equality matters. A document missing
// from the prediction should be given a label of its own (a singleton) by the
// caller. Precondition: gold.size() == predicted.size() (only the common
// prefix is scored otherwise).
ClusteringScores score_clustering(const std::vector<std::string>& gold,
                                  const std::vector<std::string>& predicted);

struct PairScores {
  uint64_t documents = 0;         // ids scored (distinct)
  uint64_t predicted_pairs = 0;   // all pairs within each predicted cluster
  uint64_t gold_pairs = 0;        // distinct unordered gold pairs, self-pairs dropped
  uint64_t true_positives = 0;    // gold pairs whose two ids share a predicted label
  uint64_t gold_pairs_missing = 0;  // gold pairs with an id not in `ids` (missed)
  // precision = true_positives / predicted_pairs (1 when there are none);
  // recall = true_positives / gold_pairs (1 when there are none).
  //
  // Precision is only the true precision when the gold pairs are the whole
  // truth. For silver pairs (pairs above a similarity threshold, computed by
  // someone else) it is "the share of predicted pairs that are silver pairs":
  // a predicted pair the silver list lacks is not necessarily wrong.
  double precision = 0, recall = 0, f1 = 0;
};

// `ids[i]` has predicted label `predicted_labels[i]`; ids are unique (a
// repeated id keeps its first label). A gold pair naming an id that is not in
// `ids` counts as missed (that document is a singleton of the prediction).
// Gold pairs are unordered: (a, b) and (b, a) are one pair. O(n + pairs).
PairScores score_pairs(const std::vector<std::string>& ids,
                       const std::vector<std::string>& predicted_labels,
                       const std::vector<std::pair<std::string, std::string>>& gold_pairs);

}  // namespace copydesk
