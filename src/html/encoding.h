// Input encodings (internal): what the bytes of a page are taken as.
#pragma once

#include <myencoding/myosi.h>

#include <string>
#include <string_view>

namespace copydesk::html {

// When `bytes` start with a UTF-16 byte-order mark: the rest converted to
// UTF-8 in `out` (unpaired surrogates and an odd last byte become U+FFFD),
// and true. False otherwise.
bool utf16_to_utf8(std::string_view bytes, std::string& out);

// The encoding to parse UTF-8-or-declared input with: UTF-8 when the bytes
// are valid UTF-8, else the charset a <meta> declares in the first 1024
// bytes (HTML's prescan), else UTF-8 (invalid bytes are repaired later).
myencoding_t choose_encoding(std::string_view bytes);

}  // namespace copydesk::html
