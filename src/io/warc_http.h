// copydesk (private) — the HTTP response inside a WARC `response` record.
#pragma once

#include <string>
#include <string_view>

#include "copydesk/status.h"

namespace copydesk::warc {

struct HttpResponse {
  int status = 0;
  std::string content_type;  // the Content-Type header, trimmed; empty when absent
  std::string body;          // the payload, dechunked and content-decoded
};

// Parses `block` (status line, header lines, blank line, payload; CRLF or LF
// line ends; interim 1xx responses skipped). Transfer-Encoding: chunked is
// removed (a payload that does not start with a chunk-size line is kept as it
// is) and Content-Encoding gzip / x-gzip / deflate is decoded (a "gzip" payload
// without the gzip magic is kept as it is: some crawlers store it decoded).
// Any other coding, a truncated or corrupt payload, or a decoded body larger
// than `max_body_bytes` gives kParseError with a short reason. `scratch` is a
// reusable buffer.
Status decode_http_response(std::string_view block, size_t max_body_bytes, HttpResponse& out,
                            std::string& scratch);

// Removes chunked transfer coding from `in` into `out`. kNotFound when `in`
// does not start with a chunk-size line (not chunked after all).
Status dechunk(std::string_view in, size_t max_bytes, std::string& out);

// Inflates a gzip (`gzip_wrapper`) or zlib/raw-deflate payload into `out`.
Status inflate_payload(std::string_view in, bool gzip_wrapper, size_t max_bytes, std::string& out);

}  // namespace copydesk::warc
