#include "html/encoding.h"

#include <myencoding/encoding.h>

#include <algorithm>

#include "util/utf8.h"

namespace copydesk::html {
namespace {

void append_utf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

bool utf16_to_utf8(std::string_view bytes, std::string& out) {
  if (bytes.size() < 2) return false;
  const auto byte = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])); };
  bool little_endian;
  if (byte(0) == 0xFF && byte(1) == 0xFE) little_endian = true;
  else if (byte(0) == 0xFE && byte(1) == 0xFF) little_endian = false;
  else return false;
  const auto unit = [&](size_t i) { return little_endian ? byte(i) | (byte(i + 1) << 8) : (byte(i) << 8) | byte(i + 1); };
  constexpr uint32_t kReplacement = 0xFFFD;
  out.clear();
  out.reserve(bytes.size() * 3 / 2);
  size_t i = 2;
  for (; i + 1 < bytes.size(); i += 2) {
    const uint32_t u = unit(i);
    if (u >= 0xD800 && u < 0xDC00 && i + 3 < bytes.size()) {
      const uint32_t low = unit(i + 2);
      if (low >= 0xDC00 && low < 0xE000) {
        append_utf8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), out);
        i += 2;
        continue;
      }
    }
    append_utf8(u >= 0xD800 && u < 0xE000 ? kReplacement : u, out);
  }
  if (i < bytes.size()) append_utf8(kReplacement, out);
  return true;
}

myencoding_t choose_encoding(std::string_view bytes) {
  if (util::is_valid_utf8(bytes)) return MyENCODING_UTF_8;
  const myencoding_t declared =
      myencoding_prescan_stream_to_determine_encoding(bytes.data(), std::min<size_t>(bytes.size(), 1024));
  // A page whose bytes are ASCII-compatible cannot be UTF-16, whatever it
  // declares (HTML's rule); x-user-defined is not worth a code path.
  if (declared == MyENCODING_NOT_DETERMINED || declared == MyENCODING_UTF_16LE || declared == MyENCODING_UTF_16BE ||
      declared == MyENCODING_X_USER_DEFINED || declared >= MyENCODING_LAST_ENTRY) {
    return MyENCODING_UTF_8;
  }
  return declared;
}

}  // namespace copydesk::html
