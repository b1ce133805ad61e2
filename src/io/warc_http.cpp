#include "io/warc_http.h"

#include <zlib.h>

#include <algorithm>

#include "copydesk/warc.h"
#include "io/warc_fields.h"

namespace copydesk::warc {
namespace {

constexpr int kMaxInterimResponses = 4;  // "100 Continue" and friends before the real one

bool parse_status_line(std::string_view line, int& status) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (!line.starts_with("HTTP/")) return false;
  const size_t sp = line.find(' ');
  if (sp == std::string_view::npos) return false;
  std::string_view rest = line.substr(sp + 1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.size() < 3 || (rest.size() > 3 && rest[3] != ' ')) return false;
  int code = 0;
  for (int i = 0; i < 3; ++i) {
    if (rest[i] < '0' || rest[i] > '9') return false;
    code = code * 10 + (rest[i] - '0');
  }
  status = code;
  return code >= 100;
}

// Offset just after the blank line that ends the header, searching from the
// newline at `eol`; npos when there is none.
size_t header_end(std::string_view s, size_t eol) {
  while (eol != std::string_view::npos) {
    if (eol + 1 < s.size() && s[eol + 1] == '\n') return eol + 2;
    if (eol + 2 < s.size() && s[eol + 1] == '\r' && s[eol + 2] == '\n') return eol + 3;
    eol = s.find('\n', eol + 1);
  }
  return std::string_view::npos;
}

bool parse_hex(std::string_view s, uint64_t& value) {
  if (s.empty() || s.size() > 15) return false;
  value = 0;
  for (const char c : s) {
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else {
      return false;
    }
    value = value * 16 + static_cast<uint64_t>(d);
  }
  return true;
}

}  // namespace

Status dechunk(std::string_view in, size_t max_bytes, std::string& out) {
  out.clear();
  size_t p = 0;
  for (bool first = true;; first = false) {
    const size_t eol = in.find('\n', p);
    if (eol == std::string_view::npos) {
      if (first) return Status::NotFound("not chunked");
      return Status::ParseError("truncated chunked body (no last chunk)");
    }
    std::string_view size_line = in.substr(p, eol - p);
    size_line = trim(size_line.substr(0, size_line.find(';')));
    uint64_t size = 0;
    if (!parse_hex(size_line, size)) {
      if (first) return Status::NotFound("not chunked");
      return Status::ParseError("malformed chunk-size line '" + quote_bytes(size_line) + "' in chunked body");
    }
    p = eol + 1;
    if (size == 0) return Status::Ok();  // trailers, if any, are not needed
    if (size > in.size() - p) return Status::ParseError("truncated chunked body (a chunk runs past the record)");
    if (out.size() + size > max_bytes) return Status::ParseError("dechunked body exceeds max_record_bytes");
    out.append(in.data() + p, static_cast<size_t>(size));
    p += static_cast<size_t>(size);
    if (p < in.size() && in[p] == '\r') ++p;
    if (p < in.size() && in[p] == '\n') ++p;
  }
}

Status inflate_payload(std::string_view in, bool gzip_wrapper, size_t max_bytes, std::string& out) {
  const char* kind = gzip_wrapper ? "gzip" : "deflate";
  // deflate is meant to be zlib-wrapped, but servers often send raw deflate.
  for (const int window_bits : {gzip_wrapper ? 15 + 16 : 15, -15}) {
    if (gzip_wrapper && window_bits < 0) break;
    z_stream z{};
    if (inflateInit2(&z, window_bits) != Z_OK) return Status::Internal("inflateInit2 failed");
    out.clear();
    size_t used = 0;
    Status result;
    for (;;) {
      if (out.size() > max_bytes) {
        result = Status::ParseError(std::string("decoded ") + kind + " body exceeds max_record_bytes");
        break;
      }
      const size_t grow = std::clamp<size_t>(in.size() * 3, size_t{1} << 16, size_t{1} << 24);
      const size_t old = out.size();
      out.resize(std::min(old + grow, max_bytes + 1));
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + used));
      z.avail_in = static_cast<uInt>(std::min<size_t>(in.size() - used, 1u << 30));
      z.next_out = reinterpret_cast<Bytef*>(out.data() + old);
      z.avail_out = static_cast<uInt>(out.size() - old);
      const uInt in_before = z.avail_in;
      const int rc = inflate(&z, Z_NO_FLUSH);
      used += in_before - z.avail_in;
      out.resize(out.size() - z.avail_out);
      if (rc == Z_STREAM_END) {
        const std::string_view rest = in.substr(used);
        if (gzip_wrapper && rest.size() >= 2 && rest[0] == '\x1f' && rest[1] == '\x8b') {
          inflateReset(&z);  // another gzip member follows
          continue;
        }
        break;
      }
      if (rc == Z_OK || (rc == Z_BUF_ERROR && z.avail_out == 0)) continue;
      if (rc == Z_BUF_ERROR) {
        result = Status::ParseError(std::string("truncated ") + kind + " body");
      } else {
        result = Status::ParseError(std::string("corrupt ") + kind + " body: " + (z.msg != nullptr ? z.msg : "?"));
      }
      break;
    }
    const bool nothing_decoded = z.total_out == 0;
    inflateEnd(&z);
    if (result.ok() && out.size() > max_bytes) {
      result = Status::ParseError(std::string("decoded ") + kind + " body exceeds max_record_bytes");
    }
    if (result.ok() || gzip_wrapper || !nothing_decoded || window_bits < 0) return result;
  }
  return Status::Internal("unreachable");
}

Status decode_http_response(std::string_view block, size_t max_body_bytes, HttpResponse& out,
                            std::string& scratch) {
  std::string_view rest = block, headers, payload;
  for (int hop = 0;; ++hop) {
    const size_t eol = rest.find('\n');
    if (!parse_status_line(rest.substr(0, eol), out.status)) {
      return Status::ParseError("not an HTTP response: status line '" + quote_bytes(rest.substr(0, eol)) + "'");
    }
    const size_t end = header_end(rest, eol);
    if (end == std::string_view::npos) return Status::ParseError("HTTP header is not ended by a blank line");
    headers = rest.substr(eol + 1, end - eol - 1);
    payload = rest.substr(end);
    if (out.status >= 200 || hop == kMaxInterimResponses || !payload.starts_with("HTTP/")) break;
    rest = payload;
  }
  out.content_type = std::string(find_header(headers, "Content-Type").value_or(""));

  std::string_view data = payload;
  const std::string_view transfer = find_header(headers, "Transfer-Encoding").value_or("");
  if (media_type(transfer).find("chunked") != std::string::npos) {
    const Status s = dechunk(payload, max_body_bytes, scratch);
    if (s.ok()) {
      data = scratch;
    } else if (s.code() != StatusCode::kNotFound) {
      return s;
    }
  }

  std::string coding;
  for (std::string_view list = find_header(headers, "Content-Encoding").value_or(""); !list.empty();) {
    const size_t comma = list.find(',');
    const std::string one = media_type(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    if (one.empty() || one == "identity") continue;
    if (!coding.empty()) {
      return Status::ParseError("stacked Content-Encoding '" + coding + ", " + one + "' is not supported");
    }
    coding = one;
  }
  const bool gzip_magic = data.size() >= 2 && data[0] == '\x1f' && data[1] == '\x8b';
  if ((coding == "gzip" || coding == "x-gzip") && gzip_magic) {
    return inflate_payload(data, true, max_body_bytes, out.body);
  }
  if (coding == "deflate") return inflate_payload(data, false, max_body_bytes, out.body);
  if (!coding.empty() && coding != "gzip" && coding != "x-gzip") {
    return Status::ParseError("unsupported Content-Encoding '" + quote_bytes(coding) + "'");
  }
  if (data.size() > max_body_bytes) return Status::ParseError("HTTP body exceeds max_record_bytes");
  out.body.assign(data);
  return Status::Ok();
}

}  // namespace copydesk::warc
