#include "report/jsonl_lines.h"

#include <cerrno>
#include <cstring>

#include "copydesk/date.h"

namespace copydesk::report {
namespace {

std::string quoted(std::string_view field) { return "field '" + std::string(field) + "'"; }

// A value as JSON for a message, cut short (at a character boundary) when long.
std::string shown(simdjson::dom::element value) {
  constexpr size_t kMaxBytes = 60;
  std::string text = simdjson::to_string(value);
  if (text.size() <= kMaxBytes) return text;
  size_t cut = kMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

}  // namespace

Status JsonlRecords::open(const std::string& path) {
  status_ = lines_.open(path);
  opened_ = status_.ok();
  return status_;
}

bool JsonlRecords::next(simdjson::dom::object& record) {
  if (!opened_) return false;
  while (lines_.next(line_text_)) {
    std::string_view text = line_text_;
    if (line() == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    simdjson::dom::element root;
    if (auto err = parser_.parse(text.data(), text.size()).get(root)) {
      status_ = Status::ParseError(where() + "not valid JSON: " + simdjson::error_message(err));
      return false;
    }
    if (root.get_object().get(record) != simdjson::SUCCESS) {
      status_ = Status::ParseError(where() + "the record must be a JSON object");
      return false;
    }
    return true;
  }
  if (!lines_.status().ok()) status_ = lines_.status();
  return false;
}

bool RecordFields::find(std::string_view field, simdjson::dom::element& value) const {
  return record_.at_key(field).get(value) == simdjson::SUCCESS && !value.is_null();
}

Status RecordFields::required_count(std::string_view field, uint64_t& out) const {
  simdjson::dom::element value;
  if (!find(field, value)) return error("missing " + quoted(field));
  if (value.get_uint64().get(out) != simdjson::SUCCESS) {
    return error(quoted(field) + " must be a whole number >= 0, not " + shown(value));
  }
  return Status::Ok();
}

Status RecordFields::optional_count(std::string_view field, uint64_t& out) const {
  simdjson::dom::element value;
  if (!find(field, value)) return Status::Ok();
  return required_count(field, out);
}

Status RecordFields::optional_text(std::string_view field, std::string& out) const {
  simdjson::dom::element value;
  if (!find(field, value)) return Status::Ok();
  std::string_view text;
  if (value.get_string().get(text) != simdjson::SUCCESS) {
    return error(quoted(field) + " must be a string, not " + shown(value));
  }
  out.assign(text);
  return Status::Ok();
}

Status RecordFields::required_id(std::string_view field, std::string& out) const {
  simdjson::dom::element value;
  if (!find(field, value)) return error("missing " + quoted(field));
  std::string_view text;
  int64_t signed_number;
  uint64_t number;
  if (value.get_string().get(text) == simdjson::SUCCESS) {
    out.assign(text);
  } else if (value.get_int64().get(signed_number) == simdjson::SUCCESS) {
    out = std::to_string(signed_number);
  } else if (value.get_uint64().get(number) == simdjson::SUCCESS) {
    out = std::to_string(number);
  } else {
    return error(quoted(field) + " must be a string or an integer, not " + shown(value));
  }
  return Status::Ok();
}

Status RecordFields::optional_id(std::string_view field, std::string& out) const {
  simdjson::dom::element value;
  if (!find(field, value)) return Status::Ok();
  return required_id(field, out);
}

Status RecordFields::optional_date(std::string_view field, std::optional<int64_t>& out) const {
  std::string text;
  COPYDESK_RETURN_IF_ERROR(optional_text(field, text));
  if (text.empty()) return Status::Ok();
  out = parse_iso8601(text);
  if (!out) return error(quoted(field) + " is not an ISO 8601 date: '" + text + "'");
  return Status::Ok();
}

Status RecordFields::optional_texts(std::string_view field, std::vector<std::string>& out) const {
  simdjson::dom::element value;
  if (!find(field, value)) return Status::Ok();
  simdjson::dom::array items;
  if (value.get_array().get(items) != simdjson::SUCCESS) return error(quoted(field) + " must be an array of strings");
  for (simdjson::dom::element item : items) {
    std::string_view text;
    if (item.get_string().get(text) != simdjson::SUCCESS) {
      return error(quoted(field) + " must be an array of strings, not holding " + shown(item));
    }
    out.emplace_back(text);
  }
  return Status::Ok();
}

Status RecordFields::required_counts(std::string_view field, std::vector<uint64_t>& out) const {
  simdjson::dom::element value;
  if (!find(field, value)) return error("missing " + quoted(field));
  simdjson::dom::array items;
  if (value.get_array().get(items) != simdjson::SUCCESS) return error(quoted(field) + " must be an array of numbers");
  for (simdjson::dom::element item : items) {
    uint64_t number;
    if (item.get_uint64().get(number) != simdjson::SUCCESS) {
      return error(quoted(field) + " must hold whole numbers >= 0, not " + shown(item));
    }
    out.push_back(number);
  }
  return Status::Ok();
}

}  // namespace copydesk::report
