// Checks and bounds applied to the raw bytes before parsing (internal).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace copydesk::html {

// Fraction of bytes that are C0 controls other than tab, LF, FF and CR, or
// DEL: zero in text, ~11 % in random bytes, more in most binary formats.
double control_byte_fraction(std::string_view bytes);

// Drops the start tags that would open an element deeper than `max_depth`,
// and as many end tags after them, keeping all text. Depth is estimated from
// the tags as written: void, self-closing and optional-end-tag elements
// (p, li, td, option …) do not count, raw text (script, style, textarea,
// title …) and comments are skipped. Returns false and leaves `out` alone
// when nothing is dropped (the usual case); otherwise `out` is the rewritten
// page.
bool limit_nesting(std::string_view html, uint32_t max_depth, std::string& out);

}  // namespace copydesk::html
