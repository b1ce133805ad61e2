#include "io/warc_fields.h"

#include <cstdio>

#include "copydesk/warc.h"

namespace copydesk {

std::optional<std::string_view> find_header(std::string_view headers, std::string_view name) {
  while (!headers.empty()) {
    const size_t eol = headers.find('\n');
    const std::string_view line = headers.substr(0, eol);
    headers = eol == std::string_view::npos ? std::string_view{} : headers.substr(eol + 1);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || line.empty() || line[0] == ' ' || line[0] == '\t') continue;
    if (warc::iequals(warc::trim(line.substr(0, colon)), name)) return warc::trim(line.substr(colon + 1));
  }
  return std::nullopt;
}

bool is_html_response(const WarcRecord& record) {
  if (record.type != "response" || record.http_status < 200 || record.http_status > 299) return false;
  if (!record.http_content_type.empty()) {
    const std::string media = warc::media_type(record.http_content_type);
    return media == "text/html" || media == "application/xhtml+xml";
  }
  std::string_view body = record.body;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  body = warc::trim(body.substr(0, 1024));
  return warc::istarts_with(body, "<!doctype html") || warc::istarts_with(body, "<html");
}

namespace warc {

std::string quote_bytes(std::string_view s, size_t n) {
  std::string out;
  for (const char c : s.substr(0, n)) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F && c != '\\') {
      out.push_back(c);
    } else {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", u);
      out += hex;
    }
  }
  if (s.size() > n) out += "...";
  return out;
}

}  // namespace warc
}  // namespace copydesk
