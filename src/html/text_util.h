// Small string helpers for attribute values and metadata (internal).
#pragma once

#include <string>
#include <string_view>

namespace copydesk::html {

// Without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view s);

// ASCII case-insensitive equality.
bool equal_ignoring_case(std::string_view a, std::string_view b);

// Whether the space-separated list `s` holds `lowercase` (any case), as in
// rel="canonical nofollow" or itemprop="articleBody text".
bool contains_word_ignoring_case(std::string_view s, std::string_view lowercase);

// ASCII lower case with all ASCII whitespace removed ("Display: None" →
// "display:none").
std::string lowercase_without_spaces(std::string_view s);

// Whitespace runs (and no-break spaces) → one space, trimmed.
std::string collapse_whitespace(std::string_view s);

}  // namespace copydesk::html
