// Reading JSON Lines files record by record, for the timeline report
// (internal). Plain or gzip-compressed files read alike (zlib). Blank lines
// are skipped; a UTF-8 byte order mark on the first line is dropped. Every
// error names the file and line: "events.jsonl:8: field 'groups' must be ...".
#pragma once

#include <simdjson.h>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/status.h"
#include "util/line_reader.h"

namespace copydesk::report {

class JsonlRecords {
 public:
  JsonlRecords() = default;
  JsonlRecords(const JsonlRecords&) = delete;
  JsonlRecords& operator=(const JsonlRecords&) = delete;

  Status open(const std::string& path);

  // The next record as a JSON object; false at the end of the file or on an
  // error (then status() says which). The object lives until the next call.
  bool next(simdjson::dom::object& record);

  const Status& status() const { return status_; }
  const std::string& path() const { return lines_.path(); }
  uint64_t line() const { return lines_.line_number(); }
  // "path:line: ", the prefix of every message about the current record.
  std::string where() const { return path() + ":" + std::to_string(line()) + ": "; }

 private:
  util::LineReader lines_;
  bool opened_ = false;
  std::string line_text_;
  simdjson::dom::parser parser_;
  Status status_;
};

// Typed access to one record's fields, each failure a ParseError naming the
// place and the field. Optional fields may be absent or null.
class RecordFields {
 public:
  RecordFields(simdjson::dom::object record, std::string where) : record_(record), where_(std::move(where)) {}

  Status required_count(std::string_view field, uint64_t& out) const;
  Status optional_count(std::string_view field, uint64_t& out) const;  // out unchanged when absent
  Status optional_text(std::string_view field, std::string& out) const;
  // An id: a string as it is, an integer as its decimal text.
  Status required_id(std::string_view field, std::string& out) const;
  Status optional_id(std::string_view field, std::string& out) const;
  Status optional_date(std::string_view field, std::optional<int64_t>& out) const;
  Status optional_texts(std::string_view field, std::vector<std::string>& out) const;
  Status required_counts(std::string_view field, std::vector<uint64_t>& out) const;

  Status error(const std::string& what) const { return Status::ParseError(where_ + what); }

 private:
  // The field's value; false when absent or null.
  bool find(std::string_view field, simdjson::dom::element& value) const;

  simdjson::dom::object record_;
  std::string where_;
};

}  // namespace copydesk::report
