#include <string>

#include "copydesk/html.h"

namespace copydesk {

std::string host_of_url(std::string_view url) {
  while (!url.empty() && static_cast<unsigned char>(url.front()) <= ' ') url.remove_prefix(1);
  // Scheme: letters, digits, '+', '-', '.' before "://"; or a bare "//".
  const size_t scheme_end = url.find("://");
  if (scheme_end != std::string_view::npos &&
      url.substr(0, scheme_end).find_first_not_of(
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.") == std::string_view::npos) {
    url.remove_prefix(scheme_end + 3);
  } else if (url.substr(0, 2) == "//") {
    url.remove_prefix(2);
  }
  std::string_view authority = url.substr(0, url.find_first_of("/?#\\ \t\r\n"));
  const size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string_view host = authority;
  if (!host.empty() && host.front() == '[') {  // IPv6 literal
    const size_t close = host.find(']');
    host = close == std::string_view::npos ? std::string_view{} : host.substr(0, close + 1);
  } else {
    host = host.substr(0, host.find(':'));
  }
  std::string out(host);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  while (!out.empty() && out.back() == '.') out.pop_back();
  if (out.size() > 4 && out.compare(0, 4, "www.") == 0) out.erase(0, 4);
  return out;
}

}  // namespace copydesk
