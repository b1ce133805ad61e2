#include <string_view>

#include "copydesk/embed_external.h"

namespace copydesk {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

VectorFileFormat vector_format_of(const std::string& path) {
  if (ends_with(path, ".npy")) return VectorFileFormat::kNpy;
  if (ends_with(path, ".fvecs")) return VectorFileFormat::kFvecs;
  return VectorFileFormat::kJsonl;
}

Result<EmbeddingMatrix> read_document_vectors(const std::string& path, const IdTable& ids,
                                              const ExternalVectorParams& params) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  const VectorFileFormat format = params.format == VectorFileFormat::kAuto ? vector_format_of(path) : params.format;
  Result<EmbeddingMatrix> m = format == VectorFileFormat::kNpy     ? read_npy(path)
                              : format == VectorFileFormat::kFvecs ? read_fvecs(path)
                                                                   : read_vectors_jsonl(path, ids);
  if (!m.ok()) return m;
  if (m->rows() != ids.size()) {
    return Status::ParseError(path + ": " + std::to_string(m->rows()) + " vectors for " + std::to_string(ids.size()) +
                              " documents (one per document, in document order)");
  }
  if (params.expected_dims != 0 && m->dims != params.expected_dims) {
    return Status::ParseError(path + ": vectors have " + std::to_string(m->dims) + " dimensions, expected " +
                              std::to_string(params.expected_dims));
  }
  if (params.normalize) {
    for (size_t i = 0; i < m->rows(); ++i) l2_normalize(m->row(i), m->dims);
  }
  return m;
}

}  // namespace copydesk
