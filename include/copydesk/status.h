// copydesk — one error model for the whole library.
//
// Every fallible call returns a `Status` (or a `Result<T>` that carries either
// a value or a non-OK status). The library never prints, exits or aborts on
// bad input or failed I/O: it reports. Only the command-line tool turns a
// status into a message on stderr and an exit code.
//
// Messages name the place of the problem the way a user would look for it:
// "crawl.jsonl:17: field 'text' must be a string".
//
//   copydesk::Result<Corpus> corpus = read_jsonl(path, params);
//   if (!corpus.ok()) return corpus.status();
//   use(*corpus);
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace copydesk {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // a parameter or option value is out of range
  kIoError,          // a file could not be opened, read or written
  kParseError,       // input data is malformed
  kNotFound,         // a named file, field or record does not exist
  kInternal,         // a broken invariant: a bug in copydesk
};

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status ParseError(std::string m) { return {StatusCode::kParseError, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the reason there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace copydesk

// Propagate a non-OK status to the caller.
#define COPYDESK_RETURN_IF_ERROR(expr)            \
  do {                                            \
    ::copydesk::Status copydesk_status_ = (expr); \
    if (!copydesk_status_.ok()) return copydesk_status_; \
  } while (0)
