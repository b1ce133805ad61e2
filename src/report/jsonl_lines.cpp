#include "report/jsonl_lines.h"

#include <cerrno>
#include <cstring>

#include "copydesk/date.h"

namespace copydesk::report {
namespace {

constexpr size_t kBufferBytes = 1 << 17;

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

JsonlRecords::~JsonlRecords() {
  if (file_ != nullptr) gzclose(file_);
}

Status JsonlRecords::open(const std::string& path) {
  path_ = path;
  errno = 0;
  file_ = gzopen(path.c_str(), "rb");
  if (file_ == nullptr) {
    const int err = errno;
    return status_ = Status::IoError(path + ": cannot open: " + (err != 0 ? std::strerror(err) : "out of memory"));
  }
  gzbuffer(file_, kBufferBytes);
  buffer_.resize(kBufferBytes);
  return Status::Ok();
}

bool JsonlRecords::fill() {
  if (eof_ || !status_.ok()) return false;
  const int got = gzread(file_, buffer_.data(), static_cast<unsigned>(buffer_.size()));
  int errnum = Z_OK;
  const char* message = gzerror(file_, &errnum);
  if (got < 0 || (got == 0 && errnum != Z_OK)) {
    status_ = Status::IoError(path_ + ":" + std::to_string(line_ + 1) + ": read failed: " + message);
    return false;
  }
  if (got == 0) {
    eof_ = true;
    return false;
  }
  pos_ = 0;
  end_ = static_cast<size_t>(got);
  return true;
}

bool JsonlRecords::next_line() {
  line_text_.clear();
  bool partial = false;
  for (;;) {
    if (pos_ == end_ && !fill()) {
      if (!partial || !status_.ok()) return false;
      break;
    }
    const char* start = buffer_.data() + pos_;
    const size_t avail = end_ - pos_;
    const void* newline = std::memchr(start, '\n', avail);
    if (newline != nullptr) {
      const size_t len = static_cast<size_t>(static_cast<const char*>(newline) - start);
      line_text_.append(start, len);
      pos_ += len + 1;
      break;
    }
    line_text_.append(start, avail);
    pos_ = end_;
    partial = true;
  }
  ++line_;
  if (!line_text_.empty() && line_text_.back() == '\r') line_text_.pop_back();
  return true;
}

bool JsonlRecords::next(simdjson::dom::object& record) {
  if (file_ == nullptr) return false;
  while (next_line()) {
    std::string_view text = line_text_;
    if (line_ == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
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
