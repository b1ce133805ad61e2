// copydesk — document vectors computed elsewhere (a sentence-transformer, say).
//
// A model copydesk does not run can still drive event clustering: compute one
// vector per document with it, save them, and read them here into the same
// `EmbeddingMatrix` the built-in embedders produce. Three formats:
//
//   .npy    NumPy array, 2-D, C order, little-endian float32 ('<f4') or
//           float64 ('<f8', narrowed to float32); row i = document i.
//           (np.save("vectors.npy", model.encode(texts)))
//   .fvecs  the TEXMEX/FAISS format: per vector an int32 dimension d, then d
//           float32; all d equal; vector i = document i.
//   .jsonl  JSON Lines (plain or gzip), one {"id": ..., "vector": [...]} per
//           document, in any order; the id (string or integer, as in the
//           crawl) says which document. Other fields are ignored.
//
// Every value must be finite. Errors name the file and the record (row,
// vector or line) and what is wrong: a dimension that differs from the first
// record's, a NaN, a count that differs from the documents', an id that is
// missing, unknown or repeated.
//
// Vectors are L2-normalised on reading (`normalize`, default) so cosine is a
// dot product as for the built-in embedders; an all-zero vector stays zero.
//
//   Result<EmbeddingMatrix> m = read_document_vectors("minilm.npy", corpus.ids);
//   if (!m.ok()) return m.status();   // "minilm.npy: 771 vectors for 772 documents"
#pragma once

#include <string>

#include "copydesk/embed.h"
#include "copydesk/id_table.h"
#include "copydesk/status.h"

namespace copydesk {

enum class VectorFileFormat { kAuto, kNpy, kFvecs, kJsonl };

struct ExternalVectorParams {
  VectorFileFormat format = VectorFileFormat::kAuto;  // kAuto: from the extension (.npy, .fvecs, else JSON Lines)
  bool normalize = true;                              // L2-normalise every row
  uint32_t expected_dims = 0;                         // 0: any; else every vector must have this many

  Status validate() const { return Status::Ok(); }
};

// Reads vectors for the documents whose ids are `ids` (in document order):
// row i of the result is document i's vector.
Result<EmbeddingMatrix> read_document_vectors(const std::string& path, const IdTable& ids,
                                              const ExternalVectorParams& params = {});

// The readers alone, without the document checks (rows as stored; not normalised).
Result<EmbeddingMatrix> read_npy(const std::string& path);
Result<EmbeddingMatrix> read_fvecs(const std::string& path);
// Rows in the order of `ids`; every id needs exactly one line.
Result<EmbeddingMatrix> read_vectors_jsonl(const std::string& path, const IdTable& ids);

// Writers for the same formats (`copydesk vectors embed` uses them).
// `path` "-" writes to stdout for JSON Lines only.
Status write_npy(const std::string& path, const EmbeddingMatrix& m);
Status write_fvecs(const std::string& path, const EmbeddingMatrix& m);
Status write_vectors_jsonl(const std::string& path, const EmbeddingMatrix& m, const IdTable& ids);

// The format kAuto picks for `path`.
VectorFileFormat vector_format_of(const std::string& path);

}  // namespace copydesk
