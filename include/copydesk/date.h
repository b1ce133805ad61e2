// copydesk — ISO 8601 / RFC 3339 dates.
//
// Accepted: `YYYY-MM-DD`, optionally followed by `T` or a space and
// `hh:mm[:ss[.fraction]]`, optionally followed by `Z` or `±hh:mm` / `±hhmm`.
// A date without an offset is taken as UTC. Fractions are dropped.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace copydesk {

// Seconds since the epoch, or nullopt when `text` is not such a date.
std::optional<int64_t> parse_iso8601(std::string_view text);

// `YYYY-MM-DDThh:mm:ssZ` for a time in seconds since the epoch.
std::string format_iso8601(int64_t seconds);

}  // namespace copydesk
