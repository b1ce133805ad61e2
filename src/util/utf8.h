// UTF-8 validation and repair (internal).
#pragma once

#include <string>
#include <string_view>

namespace copydesk::util {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values
// above U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Copies `s` to `out` with every maximal ill-formed subsequence replaced by
// U+FFFD (the W3C/WHATWG "substitution of maximal subparts" practice).
// Returns the number of replacements made.
size_t repair_utf8(std::string_view s, std::string& out);

}  // namespace copydesk::util
