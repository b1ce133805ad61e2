// copydesk — document embeddings: one dense, L2-normalised vector per story.
//
// Copy groups (dedup.h) say which documents are the same text. Event and
// storyline clustering need to know which *different* texts report the same
// happening, so they compare documents by meaning-ish vectors instead of
// shingles. An `Embedder` turns a text into a `dims()`-float vector of L2 norm
// 1 (or all zeros when the text has nothing to go on); cosine similarity is
// then a dot product, which is what FAISS searches.
//
// Three sources of vectors, one matrix type (`EmbeddingMatrix`, n × dims,
// row-major, float32):
//   1. `HashedEmbedder` (embed_hashed.h) — built in, needs no data: IDF-weighted
//      hashed word features, projected to 256 dimensions by a seeded sparse
//      random projection.
//   2. `SifEmbedder` (embed_sif.h) — pretrained word vectors (a CDVEC file,
//      embed_word_vectors.h) averaged with smooth-inverse-frequency weights,
//      common component removed; `make_pretrained_embedder` concatenates it
//      with (1) so names and numbers the vectors lack still count.
//   3. Vectors computed elsewhere (embed_external.h): `.npy`, `.fvecs` or
//      JSON Lines `{id, vector}`, read into the same matrix.
//
// Embedders have a fit/transform shape: `fit` learns corpus statistics (document
// frequencies, word probabilities, the common component) from the texts that
// will be embedded; `embed` is then const and thread-safe. Embed one
// representative per copy group, not every copy: a story republished by 300
// sites would otherwise count 300 times in the document frequencies and cost
// 300 embeddings.
//
//   HashedEmbedder embedder(HashedEmbedderParams{});
//   std::vector<std::string_view> texts = ...;          // one per copy group
//   Result<EmbeddingMatrix> m = fit_and_embed(embedder, texts);
//   if (!m.ok()) return m.status();
//   float cos = dot(m->row(0), m->row(1), m->dims);
//
// Determinism: the same texts give the same bytes whatever the thread count
// (each row is computed by one thread from its own text; corpus statistics are
// integer counts or merged in a fixed order).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/status.h"

namespace copydesk {

// n vectors of `dims` floats, row-major: row i is values[i*dims .. i*dims+dims).
struct EmbeddingMatrix {
  uint32_t dims = 0;
  std::vector<float> values;

  size_t rows() const { return dims == 0 ? 0 : values.size() / dims; }
  float* row(size_t i) { return values.data() + i * dims; }
  const float* row(size_t i) const { return values.data() + i * dims; }
};

class Embedder {
 public:
  virtual ~Embedder() = default;

  // Length of every vector this embedder writes.
  virtual uint32_t dims() const = 0;
  // A short name for messages and reports ("hashed", "sif", "hashed+sif").
  virtual std::string name() const = 0;
  // Learns corpus statistics from `texts` (UTF-8); replaces any earlier fit.
  // Not thread-safe; parallel inside (OpenMP), deterministic.
  virtual Status fit(const std::vector<std::string_view>& texts) = 0;
  virtual bool fitted() const = 0;
  // Writes dims() floats to out: L2 norm 1, or all zeros when the text has no
  // usable feature. Const and thread-safe once fitted; never fails.
  virtual void embed(std::string_view text, float* out) const = 0;
};

// Embeds every text, in parallel (OpenMP); row i is texts[i]. The embedder
// must be fitted.
Result<EmbeddingMatrix> embed_texts(const Embedder& embedder, const std::vector<std::string_view>& texts);

// fit(texts), then embed_texts(texts): the usual call for a corpus.
Result<EmbeddingMatrix> fit_and_embed(Embedder& embedder, const std::vector<std::string_view>& texts);

// One representative per copy group: fits on texts[representatives[g]] and
// embeds them, row g for representative g. With copy groups from dedup,
// `representatives` is CopyGroups::canonical and document i's vector is row
// CopyGroups::group_of[i]. Fails when an index is out of range.
Result<EmbeddingMatrix> embed_representatives(Embedder& embedder, const std::vector<std::string_view>& texts,
                                              const std::vector<uint32_t>& representatives);

// Two embeddings of the same rows side by side, scaled by √(1 − share_b) and
// √share_b: the dot product of two rows is (1 − share_b) · cosine in `a` +
// share_b · cosine in `b` when both are unit rows (an all-zero row of `b`
// leaves that row compared by its `a` part alone). Fails when the row counts
// differ or share_b is outside [0, 1].
Result<EmbeddingMatrix> side_by_side(const EmbeddingMatrix& a, const EmbeddingMatrix& b, double share_b);

// The same join with `b` never held as a matrix of its own: `write_b(out,
// stride, scale)` writes row i of b, times `scale`, at out + i · stride
// (b_dims floats) — straight into the joined rows (storylines.h's name
// vectors, a gigabyte or two at a million documents). Fails when share_b is
// outside [0, 1].
using RowWriter = std::function<void(float* out, size_t stride, float scale)>;
Result<EmbeddingMatrix> side_by_side(const EmbeddingMatrix& a, uint32_t b_dims, const RowWriter& write_b,
                                     double share_b);

// Joins several embedders into one: each part's (unit) vector is scaled by its
// weight and written to its own slice, then the whole is L2-normalised. The
// cosine of two joined vectors is then the weighted mean
//   Σ w_k² cos_k / Σ w_k²   (when no part is all zeros).
class ConcatEmbedder : public Embedder {
 public:
  struct Part {
    std::unique_ptr<Embedder> embedder;
    float weight = 1;
  };
  // Weights must be positive and finite; at least one part.
  static Result<std::unique_ptr<ConcatEmbedder>> create(std::vector<Part> parts);

  uint32_t dims() const override { return dims_; }
  std::string name() const override;
  Status fit(const std::vector<std::string_view>& texts) override;
  bool fitted() const override;
  void embed(std::string_view text, float* out) const override;

  const Embedder& part(size_t k) const { return *parts_[k].embedder; }
  size_t num_parts() const { return parts_.size(); }

 private:
  explicit ConcatEmbedder(std::vector<Part> parts);
  std::vector<Part> parts_;
  uint32_t dims_ = 0;
};

// Small vector helpers shared by the embedders and their users.
float dot(const float* a, const float* b, uint32_t n);
// Scales v to L2 norm 1; leaves an all-zero (or non-finite-norm) vector zero. Returns the old norm.
double l2_normalize(float* v, uint32_t n);

}  // namespace copydesk
