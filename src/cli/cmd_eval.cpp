// `copydesk eval`: scores a prediction (JSON Lines with a cluster label per
// document) against gold labels in the same or another file, and/or against a
// list of gold pairs.
#include <zlib.h>

#include <simdjson.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unistd.h>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "copydesk/eval.h"
#include "copydesk/status.h"
#include "util/json.h"
#include "util/line_reader.h"

namespace copydesk::cli {
namespace {

struct EvalOptions {
  std::string pred;                 // predictions, JSON Lines ("-" = stdin)
  std::string pred_field = "group";
  std::string gold;                 // gold labels; empty = the --pred file
  std::string gold_field;           // empty = no label scoring
  std::string gold_pairs;           // gold pairs, JSON Lines; empty = none
  std::vector<std::string> pair_fields = {"id_a", "id_b"};
  std::string id_field = "id";
  bool json = false;
};

using util::LineReader;

std::string where(const std::string& path, uint64_t line) { return path + ":" + std::to_string(line) + ": "; }

// The text of an id or label: strings as they are, numbers as their decimal
// text; nullopt for null. Anything else is an error.
Result<std::optional<std::string>> value_text(simdjson::dom::element v, std::string_view field,
                                              const std::string& place) {
  using simdjson::dom::element_type;
  switch (v.type()) {
    case element_type::STRING: return std::optional<std::string>(std::string(v.get_string().value_unsafe()));
    case element_type::INT64: return std::optional<std::string>(std::to_string(v.get_int64().value_unsafe()));
    case element_type::UINT64: return std::optional<std::string>(std::to_string(v.get_uint64().value_unsafe()));
    case element_type::DOUBLE: {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.17g", v.get_double().value_unsafe());
      return std::optional<std::string>(std::string(buf));
    }
    case element_type::NULL_VALUE: return std::optional<std::string>();
    default:
      return Status::ParseError(place + "field '" + std::string(field) + "' must be a string or a number");
  }
}

// A JSON Lines file reduced to what eval needs: the id of every record and
// the text of some label fields (nullopt where the value is null).
struct LabelTable {
  std::vector<std::string> ids;
  std::vector<std::vector<std::optional<std::string>>> columns;  // [field][record]
  std::unordered_map<std::string, size_t> index;                 // id -> record
};

Result<LabelTable> read_labels(const std::string& path, const std::string& id_field,
                               const std::vector<std::string>& fields) {
  LineReader reader;
  COPYDESK_RETURN_IF_ERROR(reader.open(path));
  LabelTable table;
  table.columns.resize(fields.size());
  std::vector<uint64_t> first_line;
  simdjson::dom::parser parser;
  std::string line;
  while (reader.next(line)) {
    std::string_view text = line;
    if (reader.line_number() == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank line
    const std::string place = where(path, reader.line_number());
    simdjson::dom::element doc;
    if (auto err = parser.parse(text.data(), text.size()).get(doc)) {
      return Status::ParseError(place + "not valid JSON: " + simdjson::error_message(err));
    }
    simdjson::dom::object obj;
    if (doc.get_object().get(obj)) return Status::ParseError(place + "record must be a JSON object");
    simdjson::dom::element id_value;
    if (obj[id_field].get(id_value)) return Status::ParseError(place + "missing field '" + id_field + "'");
    auto id = value_text(id_value, id_field, place);
    if (!id.ok()) return id.status();
    if (!id->has_value()) return Status::ParseError(place + "field '" + id_field + "' is null");
    auto [it, added] = table.index.try_emplace(**id, table.ids.size());
    if (!added) {
      return Status::ParseError(place + "duplicate id '" + **id + "' (first on line " +
                                std::to_string(first_line[it->second]) + ")");
    }
    for (size_t f = 0; f < fields.size(); ++f) {
      simdjson::dom::element label_value;
      if (obj[fields[f]].get(label_value)) {
        return Status::ParseError(place + "missing field '" + fields[f] + "'");
      }
      auto label = value_text(label_value, fields[f], place);
      if (!label.ok()) return label.status();
      table.columns[f].push_back(std::move(*label));
    }
    table.ids.push_back(std::move(**id));
    first_line.push_back(reader.line_number());
  }
  COPYDESK_RETURN_IF_ERROR(reader.status());
  return table;
}

Result<std::vector<std::pair<std::string, std::string>>> read_pairs(const std::string& path,
                                                                    const std::vector<std::string>& fields) {
  LineReader reader;
  COPYDESK_RETURN_IF_ERROR(reader.open(path));
  std::vector<std::pair<std::string, std::string>> pairs;
  simdjson::dom::parser parser;
  std::string line;
  while (reader.next(line)) {
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const std::string place = where(path, reader.line_number());
    simdjson::dom::element doc;
    if (auto err = parser.parse(line.data(), line.size()).get(doc)) {
      return Status::ParseError(place + "not valid JSON: " + simdjson::error_message(err));
    }
    simdjson::dom::object obj;
    if (doc.get_object().get(obj)) return Status::ParseError(place + "record must be a JSON object");
    std::string ends[2];
    for (int k = 0; k < 2; ++k) {
      simdjson::dom::element v;
      if (obj[fields[k]].get(v)) return Status::ParseError(place + "missing field '" + fields[k] + "'");
      auto text = value_text(v, fields[k], place);
      if (!text.ok()) return text.status();
      if (!text->has_value()) return Status::ParseError(place + "field '" + fields[k] + "' is null");
      ends[k] = std::move(**text);
    }
    pairs.emplace_back(std::move(ends[0]), std::move(ends[1]));
  }
  COPYDESK_RETURN_IF_ERROR(reader.status());
  return pairs;
}

// Labels handed to the library: a real label, or a singleton of its own. The
// prefixes keep the two kinds from ever comparing equal.
std::string cluster_label(const std::optional<std::string>& label, const std::string& id) {
  return label ? "v:" + *label : "s:" + id;
}

struct ClusteringReport {
  ClusteringScores scores;
  uint64_t missing_predictions = 0;  // gold documents absent from --pred
  uint64_t ignored_predictions = 0;  // predicted documents absent from gold
};

ClusteringReport score_against_gold(const LabelTable& pred, size_t pred_col, const LabelTable& gold,
                                    size_t gold_col) {
  ClusteringReport r;
  std::vector<std::string> g, p;
  g.reserve(gold.ids.size());
  p.reserve(gold.ids.size());
  for (size_t i = 0; i < gold.ids.size(); ++i) {
    const std::string& id = gold.ids[i];
    g.push_back(cluster_label(gold.columns[gold_col][i], id));
    const auto it = pred.index.find(id);
    if (it == pred.index.end()) {
      ++r.missing_predictions;
      p.push_back("s:" + id);
    } else {
      p.push_back(cluster_label(pred.columns[pred_col][it->second], id));
    }
  }
  for (const std::string& id : pred.ids) r.ignored_predictions += gold.index.count(id) == 0 ? 1 : 0;
  r.scores = score_clustering(g, p);
  return r;
}

// Metrics with enough digits to compare against other tools.
void append_metric(std::string& out, const char* key, double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "\"%s\":%.10g", key, v);
  out += buf;
}

void append_count(std::string& out, const char* key, uint64_t v) {
  out += '"';
  out += key;
  out += "\":";
  out += std::to_string(v);
}

void append_text(std::string& out, const char* key, const std::string& v) {
  out += '"';
  out += key;
  out += "\":";
  util::append_json_string(out, v);
}

std::string to_json(const EvalOptions& o, size_t pred_records, const std::optional<ClusteringReport>& c,
                    const std::optional<PairScores>& p) {
  std::string out = "{";
  append_text(out, "pred", o.pred);
  out += ',';
  append_text(out, "pred_field", o.pred_field);
  out += ',';
  append_count(out, "pred_records", pred_records);
  if (c) {
    const ClusteringScores& s = c->scores;
    out += ",\"clustering\":{";
    append_text(out, "gold", o.gold.empty() ? o.pred : o.gold);
    out += ',';
    append_text(out, "gold_field", o.gold_field);
    const std::pair<const char*, uint64_t> counts[] = {
        {"documents", s.documents}, {"missing_predictions", c->missing_predictions},
        {"ignored_predictions", c->ignored_predictions}, {"gold_clusters", s.gold_clusters},
        {"predicted_clusters", s.predicted_clusters}, {"gold_pairs", s.gold_pairs},
        {"predicted_pairs", s.predicted_pairs}, {"true_positive_pairs", s.true_positive_pairs}};
    for (const auto& [k, v] : counts) {
      out += ',';
      append_count(out, k, v);
    }
    const std::pair<const char*, double> metrics[] = {
        {"pairwise_precision", s.pairwise_precision}, {"pairwise_recall", s.pairwise_recall},
        {"pairwise_f1", s.pairwise_f1}, {"bcubed_precision", s.bcubed_precision},
        {"bcubed_recall", s.bcubed_recall}, {"bcubed_f1", s.bcubed_f1}, {"ari", s.ari}, {"nmi", s.nmi}};
    for (const auto& [k, v] : metrics) {
      out += ',';
      append_metric(out, k, v);
    }
    out += '}';
  }
  if (p) {
    out += ",\"pairs\":{";
    append_text(out, "gold_pairs_file", o.gold_pairs);
    const std::pair<const char*, uint64_t> counts[] = {
        {"documents", p->documents}, {"gold_pairs", p->gold_pairs},
        {"gold_pairs_missing", p->gold_pairs_missing}, {"predicted_pairs", p->predicted_pairs},
        {"true_positives", p->true_positives}};
    for (const auto& [k, v] : counts) {
      out += ',';
      append_count(out, k, v);
    }
    const std::pair<const char*, double> metrics[] = {
        {"precision", p->precision}, {"recall", p->recall}, {"f1", p->f1}};
    for (const auto& [k, v] : metrics) {
      out += ',';
      append_metric(out, k, v);
    }
    out += '}';
  }
  out += "}\n";
  return out;
}

std::string to_table(const EvalOptions& o, size_t pred_records, const std::optional<ClusteringReport>& c,
                     const std::optional<PairScores>& p) {
  std::string out;
  char buf[512];
  auto row = [&](const char* name, const std::string& value, const char* note = "") {
    std::snprintf(buf, sizeof buf, "%-28s %s%s\n", name, value.c_str(), note);
    out += buf;
  };
  auto num = [](double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.4f", v);
    return std::string(b);
  };
  row("predictions", o.pred + " (field '" + o.pred_field + "', " + std::to_string(pred_records) + " records)");
  if (c) {
    const ClusteringScores& s = c->scores;
    out += "\n";
    row("gold labels", (o.gold.empty() ? o.pred : o.gold) + " (field '" + o.gold_field + "')");
    row("documents", std::to_string(s.documents));
    row("missing from predictions", std::to_string(c->missing_predictions), "  (counted as singletons)");
    row("predictions not in gold", std::to_string(c->ignored_predictions), "  (ignored)");
    row("gold clusters", std::to_string(s.gold_clusters));
    row("predicted clusters", std::to_string(s.predicted_clusters));
    row("gold pairs", std::to_string(s.gold_pairs));
    row("predicted pairs", std::to_string(s.predicted_pairs));
    row("true positive pairs", std::to_string(s.true_positive_pairs));
    row("pairwise precision", num(s.pairwise_precision));
    row("pairwise recall", num(s.pairwise_recall));
    row("pairwise F1", num(s.pairwise_f1));
    row("B-cubed precision", num(s.bcubed_precision));
    row("B-cubed recall", num(s.bcubed_recall));
    row("B-cubed F1", num(s.bcubed_f1));
    row("ARI", num(s.ari));
    row("NMI", num(s.nmi));
  }
  if (p) {
    out += "\n";
    row("gold pairs file", o.gold_pairs);
    row("gold pairs", std::to_string(p->gold_pairs));
    row("gold pairs, unknown ids", std::to_string(p->gold_pairs_missing), "  (counted as missed)");
    row("predicted pairs", std::to_string(p->predicted_pairs));
    row("true positives", std::to_string(p->true_positives));
    row("pair precision", num(p->precision), "  (share of predicted pairs that are gold pairs)");
    row("pair recall", num(p->recall));
    row("pair F1", num(p->f1));
  }
  return out;
}

Status run_eval(const EvalOptions& o) {
  if (o.gold_field.empty() && o.gold_pairs.empty()) {
    return Status::InvalidArgument("nothing to score against: give --gold-field and/or --gold-pairs");
  }
  if (o.pair_fields.size() != 2) return Status::InvalidArgument("--pair-fields takes exactly two names");
  const std::string gold_path = o.gold.empty() ? o.pred : o.gold;
  const bool gold_in_pred = !o.gold_field.empty() && gold_path == o.pred;

  // One pass over the prediction file, also for the gold labels when they
  // live there (so that `--pred -` works with the default --gold).
  std::vector<std::string> pred_fields = {o.pred_field};
  if (gold_in_pred) pred_fields.push_back(o.gold_field);
  Result<LabelTable> pred = read_labels(o.pred, o.id_field, pred_fields);
  if (!pred.ok()) return pred.status();

  std::optional<ClusteringReport> clustering;
  if (gold_in_pred) {
    clustering = score_against_gold(*pred, 0, *pred, 1);
  } else if (!o.gold_field.empty()) {
    Result<LabelTable> gold = read_labels(gold_path, o.id_field, {o.gold_field});
    if (!gold.ok()) return gold.status();
    clustering = score_against_gold(*pred, 0, *gold, 0);
  }

  std::optional<PairScores> pairs;
  if (!o.gold_pairs.empty()) {
    auto gold_pairs = read_pairs(o.gold_pairs, o.pair_fields);
    if (!gold_pairs.ok()) return gold_pairs.status();
    std::vector<std::string> labels;
    labels.reserve(pred->ids.size());
    for (size_t i = 0; i < pred->ids.size(); ++i) labels.push_back(cluster_label(pred->columns[0][i], pred->ids[i]));
    pairs = score_pairs(pred->ids, labels, *gold_pairs);
  }

  const std::string out = o.json ? to_json(o, pred->ids.size(), clustering, pairs)
                                 : to_table(o, pred->ids.size(), clustering, pairs);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return Status::Ok();
}

}  // namespace

void register_eval(CLI::App& root, int& exit_code) {
  auto opts = std::make_shared<EvalOptions>();
  CLI::App* sub = root.add_subcommand(
      "eval",
      "Score a clustering against gold labels and/or gold pairs.\n"
      "Reports pairwise precision/recall/F1, B-cubed precision/recall/F1, ARI and NMI\n"
      "(arithmetic-mean normalisation, as scikit-learn). Inputs are JSON Lines (.gz too);\n"
      "ids and labels may be strings or numbers and are compared as text. A null label\n"
      "makes the document a singleton. Gold documents missing from the predictions count\n"
      "as singletons; predicted documents missing from the gold file are ignored (counted).\n"
      "Exit 0 on success, 2 on any error (the message names the file and line).");
  sub->add_option("--pred", opts->pred,
                  "Predictions: JSON Lines with an id and a cluster label per document, such as the\n"
                  "output of `copydesk dedup` ('-' reads stdin)")
      ->required()
      ->type_name("FILE");
  sub->add_option("--pred-field", opts->pred_field, "Field of --pred holding the predicted cluster label")
      ->capture_default_str()
      ->type_name("NAME");
  sub->add_option("--gold", opts->gold,
                  "Gold labels: JSON Lines with an id and --gold-field per document (default: the\n"
                  "--pred file itself, since dedup carries unknown input fields such as gold labels through)")
      ->type_name("FILE");
  sub->add_option("--gold-field", opts->gold_field,
                  "Field of --gold holding the gold cluster label (e.g. subtopic for ECB+); every gold\n"
                  "record must have it. Enables the clustering metrics")
      ->type_name("NAME");
  sub->add_option("--gold-pairs", opts->gold_pairs,
                  "Gold pairs: JSON Lines, one pair of ids per record (e.g. the silver near-duplicate\n"
                  "pairs of Reuters-21578). Enables pair precision/recall/F1 over all predicted documents;\n"
                  "with silver pairs, precision is the share of predicted pairs that are silver pairs")
      ->type_name("FILE");
  sub->add_option("--pair-fields", opts->pair_fields,
                  "The two id fields of a --gold-pairs record, comma-separated (default: id_a,id_b)")
      ->delimiter(',')
      ->expected(2)
      ->type_name("A,B");
  sub->add_option("--id-field", opts->id_field, "Field holding the document id in every input file")
      ->capture_default_str()
      ->type_name("NAME");
  sub->add_flag("--json", opts->json, "Write one JSON object instead of the table");
  sub->callback([opts, &exit_code] {
    const Status status = run_eval(*opts);
    if (!status.ok()) {
      std::fprintf(stderr, "copydesk eval: %s\n", status.message().c_str());
      exit_code = kExitError;
      return;
    }
    exit_code = kExitOk;
  });
}

}  // namespace copydesk::cli
