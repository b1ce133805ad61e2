// Small JSON output helpers shared by the writers (internal).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace copydesk::util {

// Appends `s` as a JSON string literal (with quotes). `s` must be valid UTF-8.
void append_json_string(std::string& out, std::string_view s);

// Appends a number with up to 6 significant decimals, no exponent for [0,1e15).
void append_json_number(std::string& out, double v);

}  // namespace copydesk::util
