#include <algorithm>

#include "copydesk/warc.h"
#include "io/warc_fields.h"
#include "io/warc_http.h"
#include "io/warc_input.h"

namespace copydesk {
namespace {

using warc::WarcInput;

// "WARC/" digits "." digits, nothing else but white space.
bool valid_version_line(std::string_view line) {
  line = warc::trim(line);
  if (!line.starts_with("WARC/")) return false;
  line.remove_prefix(5);
  const size_t dot = line.find('.');
  if (dot == 0 || dot == std::string_view::npos || dot + 1 == line.size()) return false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (i != dot && (line[i] < '0' || line[i] > '9')) return false;
  }
  return true;
}

bool parse_decimal(std::string_view s, uint64_t& value) {
  if (s.empty() || s.size() > 18) return false;
  value = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return true;
}

// Where the blank line ending a header is: the offset just after it, or npos.
size_t find_header_end(std::string_view s, size_t from) {
  for (size_t eol = s.find('\n', from); eol != std::string_view::npos; eol = s.find('\n', eol + 1)) {
    if (eol + 1 < s.size() && s[eol + 1] == '\n') return eol + 2;
    if (eol + 2 < s.size() && s[eol + 1] == '\r' && s[eol + 2] == '\n') return eol + 3;
  }
  return std::string_view::npos;
}

void clear_keeping_capacity(WarcRecord& r) {
  for (std::string* field : {&r.version, &r.type, &r.target_uri, &r.date, &r.record_id, &r.content_type, &r.headers,
                             &r.http_content_type, &r.body}) {
    field->clear();
  }
  r.content_length = 0;
  r.offset = r.decompressed_offset = 0;
  r.begins_gzip_member = false;
  r.http_status = 0;
}

}  // namespace

Status WarcReadParams::validate() const {
  if (max_record_bytes == 0) return Status::InvalidArgument("WarcReadParams.max_record_bytes must be > 0");
  if (max_header_bytes < 256) return Status::InvalidArgument("WarcReadParams.max_header_bytes must be >= 256");
  return Status::Ok();
}

struct WarcReader::Impl {
  enum class Resync { kNone, kScanFrom, kNextMember };

  std::string name;
  WarcReadParams params;
  std::unique_ptr<WarcInput> in;
  Resync resync = Resync::kNone;
  uint64_t resync_from = 0;
  bool done = false;
  bool reported = false;  // a record or an error has been returned
  std::string block;
  std::string scratch;
  warc::HttpResponse http;

  Result<bool> next(WarcRecord& r);
  Result<bool> read_record(WarcRecord& r);
  Result<size_t> read_header(uint64_t start);
  Status read_block(uint64_t start, uint64_t block_start, uint64_t length, bool member_per_record, bool keep);
  Status end_block(uint64_t start, uint64_t block_start, uint64_t length);
  Status resynchronise();
  Status scan_to_record_start();

  std::string place(uint64_t pos) const {
    if (!in->gzip()) return "byte " + std::to_string(pos);
    if (auto m = in->member_starting_at(pos)) return "byte " + std::to_string(*m);
    if (auto m = in->member_containing(pos)) {
      return "decompressed byte " + std::to_string(pos) + " (gzip member at byte " + std::to_string(*m) + ")";
    }
    return "decompressed byte " + std::to_string(pos);
  }
  Status record_error(uint64_t start, const std::string& what) const {
    return Status::ParseError(name + ": record at " + place(start) + ": " + what);
  }
  // A read or decode failure of the input while at the record starting at `start`.
  Status input_error(uint64_t start, const Status& s, bool at_record) {
    if (in->fatal()) {
      done = true;
      return s;
    }
    resync = Resync::kNextMember;
    return Status::ParseError(name + ": " + (at_record ? "record at " : "at ") + place(start) + ": " + s.message());
  }
  Status scan_from(uint64_t pos, Status error) {
    resync = Resync::kScanFrom;
    resync_from = pos;
    return error;
  }
};

Result<bool> WarcReader::Impl::next(WarcRecord& r) {
  if (done) return false;
  if (resync != Resync::kNone) {
    const Status s = resynchronise();
    if (!s.ok()) {
      done = true;
      return s;
    }
  }
  for (;;) {  // blank lines between records
    const Status s = in->fill(1);
    if (!s.ok()) return input_error(in->position(), s, in->member_starting_at(in->position()).has_value());
    const std::string_view a = in->available();
    if (a.empty()) {
      done = true;
      if (reported) return false;
      reported = true;
      std::string why;
      if (in->high_water() == 0) why = in->gzip() ? " (the file decompresses to nothing)" : " (the file is empty)";
      return Status::ParseError(name + ": no WARC records" + why);
    }
    size_t k = 0;
    while (k < a.size() && (a[k] == '\r' || a[k] == '\n')) ++k;
    if (k == 0) break;
    in->consume(k);
  }
  reported = true;
  return read_record(r);
}

Result<bool> WarcReader::Impl::read_record(WarcRecord& r) {
  const uint64_t start = in->position();
  in->keep_from(start);
  clear_keeping_capacity(r);
  r.decompressed_offset = start;
  r.offset = start;
  if (in->gzip()) {
    const auto member = in->member_starting_at(start);
    r.begins_gzip_member = member.has_value();
    r.offset = member ? *member : in->member_containing(start).value_or(0);
  }

  Result<size_t> header_len = read_header(start);
  if (!header_len.ok()) return header_len.status();
  const std::string_view header = in->available().substr(0, *header_len);
  const size_t eol = header.find('\n');
  r.version = warc::trim(header.substr(0, eol));
  r.headers = warc::trim(header.substr(eol + 1));
  if (!r.headers.empty()) r.headers += "\r\n";
  r.type = find_header(r.headers, "WARC-Type").value_or("");
  std::string_view uri = find_header(r.headers, "WARC-Target-URI").value_or("");
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
  r.target_uri = uri;
  r.date = find_header(r.headers, "WARC-Date").value_or("");
  r.record_id = find_header(r.headers, "WARC-Record-ID").value_or("");
  r.content_type = find_header(r.headers, "Content-Type").value_or("");
  const std::optional<std::string_view> length_field = find_header(r.headers, "Content-Length");
  in->consume(*header_len);
  const uint64_t block_start = in->position();
  if (!length_field) return scan_from(block_start, record_error(start, "no Content-Length"));
  uint64_t length = 0;
  if (!parse_decimal(*length_field, length)) {
    return scan_from(block_start,
                     record_error(start, "invalid Content-Length '" + warc::quote_bytes(*length_field) + "'"));
  }
  r.content_length = length;

  const bool oversized = length > params.max_record_bytes;
  COPYDESK_RETURN_IF_ERROR(read_block(start, block_start, length, r.begins_gzip_member, !oversized));
  COPYDESK_RETURN_IF_ERROR(end_block(start, block_start, length));

  if (oversized) {
    return record_error(start, "Content-Length " + std::to_string(length) + " exceeds max_record_bytes (" +
                                   std::to_string(params.max_record_bytes) + "); record skipped");
  }
  if (r.type.empty()) return record_error(start, "no WARC-Type");
  const bool is_http = warc::istarts_with(warc::trim(r.content_type), "application/http") ||
                       (r.content_type.empty() && block.starts_with("HTTP/"));
  if (r.type == "response" && is_http) {
    const Status s = warc::decode_http_response(block, params.max_record_bytes, http, scratch);
    r.http_status = http.status;
    if (!s.ok()) {
      return record_error(start, "HTTP response of " + warc::quote_bytes(r.target_uri, 200) + ": " + s.message());
    }
    r.http_content_type.swap(http.content_type);
    r.body.swap(http.body);
  } else {
    r.body.swap(block);
  }
  return true;
}

// The header of the record at `start`: checks the version line and returns
// the length up to and including the blank line.
Result<size_t> WarcReader::Impl::read_header(uint64_t start) {
  Status s = in->fill(64);
  if (!s.ok() && in->available().substr(0, 64).find('\n') == std::string_view::npos) {
    return input_error(start, s, true);
  }
  if (!in->available().starts_with("WARC/")) {
    return scan_from(start + 1, Status::ParseError(name + ": at " + place(start) +
                                                   ": garbage where a WARC record should begin ('" +
                                                   warc::quote_bytes(in->available()) + "')"));
  }
  const std::string_view first = in->available().substr(0, 64);
  const size_t eol = first.find('\n');
  const std::string_view version_line = warc::trim(first.substr(0, eol));
  if (eol == std::string_view::npos || !valid_version_line(version_line)) {
    return scan_from(start + 1, record_error(start, "bad WARC version line '" + warc::quote_bytes(version_line) + "'"));
  }
  size_t header_len = std::string_view::npos;
  for (size_t searched = 0;;) {
    const std::string_view a = in->available();
    header_len = find_header_end(a, searched);
    if (header_len != std::string_view::npos && header_len <= params.max_header_bytes) break;
    if (a.size() > params.max_header_bytes) {
      return scan_from(start + 1, record_error(start, "header longer than max_header_bytes (" +
                                                          std::to_string(params.max_header_bytes) +
                                                          ") or not ended by a blank line"));
    }
    if (!s.ok()) return input_error(start, s, true);
    searched = a.size() >= 2 ? a.size() - 2 : 0;
    const size_t before = a.size();
    s = in->fill(before + 1);
    if (s.ok() && in->available().size() == before) {
      return scan_from(start + 1, record_error(start, "the file ends inside the record header"));
    }
  }
  return header_len;
}

// The block of `length` bytes at `block_start`, into `block` when `keep`.
// `member_per_record`: the record begins a gzip member, so its block must not
// reach into a member where another record begins.
Status WarcReader::Impl::read_block(uint64_t start, uint64_t block_start, uint64_t length, bool member_per_record,
                                    bool keep) {
  Status s;
  block.clear();
  uint64_t remaining = length, boundary_from = start;
  while (remaining > 0) {
    s = in->fill(1);
    if (!s.ok()) return input_error(start, s, true);
    const std::string_view a = in->available();
    if (a.empty()) {
      return scan_from(block_start, record_error(start, "Content-Length " + std::to_string(length) +
                                                             " runs past the end of the file (" +
                                                             std::to_string(length - remaining) +
                                                             " bytes of the block are there)"));
    }
    size_t take = static_cast<size_t>(std::min<uint64_t>(a.size(), remaining));
    if (member_per_record) {
      // One record per member: a block reaching into a member that begins
      // with a record means the Content-Length is wrong.
      if (const auto boundary = in->next_member_start_after(boundary_from)) {
        if (*boundary == in->position()) {
          s = in->fill(5);
          if (!s.ok() && in->available().size() < 5) return input_error(start, s, true);
          if (in->available().starts_with("WARC/")) {
            return scan_from(in->position(), record_error(start, "Content-Length " + std::to_string(length) +
                                                                     " runs past the end of its gzip member"));
          }
          boundary_from = *boundary;
          continue;
        }
        take = static_cast<size_t>(std::min<uint64_t>(take, *boundary - in->position()));
      }
    }
    if (keep) block.append(a.data(), take);
    in->consume(take);
    remaining -= take;
  }
  return Status::Ok();
}

// The two CRLFs after the block. Lenient: other line ends, or none, when a
// record, a gzip member or the end of the file follows them.
Status WarcReader::Impl::end_block(uint64_t start, uint64_t block_start, uint64_t length) {
  const Status s = in->fill(9);
  if (!s.ok() && !in->fatal() && in->gzip() && in->error_offset() == in->member_containing(start)) {
    return input_error(start, s, true);  // the record's own gzip member is corrupt or cut short
  }
  const std::string_view after = in->available();
  size_t k = 0;
  if (after.starts_with("\r\n\r\n")) {
    k = 4;
  } else if (after.starts_with("\n\n")) {
    k = 2;
  } else {
    while (k < std::min<size_t>(after.size(), 4) && (after[k] == '\r' || after[k] == '\n')) ++k;
    const std::string_view rest = after.substr(k);
    // One lone CR or LF before a record is a Content-Length too large by the rest of the CRLF CRLF.
    const bool in_sync =
        rest.empty() || (k != 1 && (rest.starts_with("WARC/") || in->member_starting_at(in->position() + k)));
    if (!in_sync) {
      return scan_from(block_start, record_error(start, "no CRLF CRLF after the block: Content-Length " +
                                                            std::to_string(length) + " does not match the record"));
    }
  }
  in->consume(k);
  return Status::Ok();
}

Status WarcReader::Impl::resynchronise() {
  const Resync mode = resync;
  resync = Resync::kNone;
  if (mode == Resync::kNextMember) {
    COPYDESK_RETURN_IF_ERROR(in->skip_to_next_member());
  } else if (resync_from < in->position()) {
    const Status s = in->rewind(resync_from);
    if (!s.ok()) {
      if (in->fatal()) return s;
      if (s.code() == StatusCode::kParseError) COPYDESK_RETURN_IF_ERROR(in->skip_to_next_member());
      // else the input cannot seek: scan on from here
    }
  } else {
    while (in->position() < resync_from) {
      const Status s = in->fill(1);
      if (!s.ok()) {
        if (in->fatal()) return s;
        COPYDESK_RETURN_IF_ERROR(in->skip_to_next_member());
        break;
      }
      if (in->available().empty()) break;
      in->consume(static_cast<size_t>(std::min<uint64_t>(in->available().size(), resync_from - in->position())));
    }
  }
  return scan_to_record_start();
}

// On to the next "WARC/<digit>" that begins a line or a gzip member; corrupt
// gzip members on the way are skipped without a report (the error that began
// the resync was reported).
Status WarcReader::Impl::scan_to_record_start() {
  constexpr std::string_view kMark = "WARC/";
  for (;;) {
    in->keep_from(in->position());
    const Status s = in->fill(8);
    if (!s.ok() && in->fatal()) return s;
    const std::string_view a = in->available();
    const bool ended = s.ok() && a.size() < 8;  // all there is
    for (size_t i = a.find(kMark); i != std::string_view::npos; i = a.find(kMark, i + 1)) {
      if (i + kMark.size() < a.size() && (a[i + kMark.size()] < '0' || a[i + kMark.size()] > '9')) continue;
      const bool line_start = i == 0 ? in->previous_byte() == '\n' : a[i - 1] == '\n';
      if (line_start || in->member_starting_at(in->position() + i)) {
        in->consume(i);
        return Status::Ok();
      }
    }
    if (!s.ok()) {
      in->consume(a.size());
      COPYDESK_RETURN_IF_ERROR(in->skip_to_next_member());
      continue;
    }
    if (a.empty()) return Status::Ok();
    in->consume(ended ? a.size() : a.size() - std::min<size_t>(a.size(), kMark.size()));
  }
}

WarcReader::WarcReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WarcReader::~WarcReader() = default;

Result<std::unique_ptr<WarcReader>> WarcReader::open(const std::string& path, WarcReadParams params) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  Result<std::unique_ptr<WarcInput>> input = WarcInput::open(path);
  if (!input.ok()) return input.status();
  auto impl = std::make_unique<Impl>();
  impl->name = path == "-" ? "<stdin>" : path;
  impl->params = params;
  impl->in = std::move(*input);
  return std::unique_ptr<WarcReader>(new WarcReader(std::move(impl)));
}

Result<bool> WarcReader::next(WarcRecord& record) { return impl_->next(record); }
uint64_t WarcReader::bytes_read() const { return impl_->in->high_water(); }
uint64_t WarcReader::compressed_bytes_read() const { return impl_->in->compressed_read(); }
bool WarcReader::gzip() const { return impl_->in->gzip(); }

}  // namespace copydesk
