// copydesk — the dateline at the head of a news story.
//
// Wire copy opens with where (and often when) it was filed, and for whom:
//
//     BEIJING (AP) — ...                      place, agency
//     WASHINGTON, Jan 8 (Reuters) - ...       place, date, agency
//     NEW YORK, March 3 - ...                 place, date
//     Beijing, Sept 3: ...                    place, date (Indian regional style)
//     CULVER CITY, Calif., Oct 19 - ...       place, region, date
//     AMSTERDAM, 2 March - ...                day before month
//     NEW DELHI: ...                          place only: ALL-CAPS and a separator
//
// The place is then a strong key for grouping copies and stories, and the
// date resolves "Sept 3" against the document's (or the crawl's) date.
//
// Where it is looked for: at the start of one of the first `head_lines`
// non-blank lines that starts within the first `head_bytes` bytes of the text
// (room for a title, a byline and a timestamp line above it). A line whose
// dateline has a date or an agency wins over an earlier bare-place one.
//
// What counts as one — the grammar, so that an ordinary sentence start
// ("Putin and Kim travelled, the Kremlin said") is never taken for a place:
//  * place: 1..max_place_words words, each starting with an upper-case letter
//    (ASCII or Latin-1 À..Þ); "de", "da", "del", "la", "of", "upon", "am", ...
//    are allowed inside ("Rio de Janeiro"); "." "'" and inner "-" belong to a
//    word ("ST. LOUIS", "Stoke-on-Trent"). Kept as written, trimmed: no case
//    change ("NEW YORK" stays "NEW YORK"). A first word such as "On", "By",
//    "A", "Updated", "BREAKING" or a weekday is never a place. Flash markers
//    before it ("****LONDON") are skipped.
//  * then one of
//      [","] date [agency] separator
//      "," region [","] date [agency] separator      (region: 1..3 words)
//      "(" agency ")" [separator]
//      ["," region] separator lede    (only when the place is ALL CAPS)
//    where date = month day | day month, optionally ", YYYY"; month is a name
//    or abbreviation in any case, with or without a period ("Sept.", "SEP",
//    "september"); agency = "(Reuters)", or ", Reuter" as 1980s wire copy
//    wrote it; separator = ":" "-" "--" "—" "–". After a date without an
//    agency the separator is required; an agency not in the wire table
//    (wire.h), e.g. "(CNN)", counts only as one word before a separator.
//  * a day that does not exist in the month ("Sept 31") is not a date.
//  * a bare place (no date, no agency) is the weakest form, since ALL-CAPS
//    headline kickers look the same ("MUST SEE: Navy pins down pirates"): it
//    must be followed by a lede — a capital, lower-case letters soon, and a
//    sentence end on the line, a line that runs on, or a line longer than a
//    headline — and may not contain "and", "with", "for", "to", "in", ....
//    Callers that need certainty can require `month != 0 || !agency.empty()`.
//
// The year: written in the dateline, or resolved from `reference_date` (the
// document's date, or the crawl's, in seconds since the epoch) as the latest
// year that puts the dateline at most `max_days_after_reference` days after
// the reference — a "Dec 31" dateline on a story dated Jan 2 is last year's.
//
//   copydesk::Dateline d = copydesk::parse_dateline(text, doc.date);
//   if (d.found()) use(d.place, d.date /* "2025-09-03" or "" */, d.agency);
//   std::string_view lede = std::string_view(text).substr(d.end);
//
// Thread-safe: no mutable state; tables are constant.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "copydesk/document.h"
#include "copydesk/status.h"

namespace copydesk {

struct DatelineParams {
  // A dateline starts within the first head_bytes bytes, on one of the first
  // head_lines non-blank lines (title, byline and timestamp lines may sit
  // above it).
  size_t head_bytes = 400;
  uint32_t head_lines = 4;
  uint32_t max_place_words = 4;  // "Rio de Janeiro" is 3; longer runs are sentences
  // Year resolution: how far after the reference date a dateline may fall
  // (time zones, embargoes, a reference that is the crawl's start).
  int max_days_after_reference = 7;

  Status validate() const;
};

struct Dateline {
  std::string place;   // "BEIJING", "Beijing", "ST. LOUIS", as written; empty when none found
  std::string region;  // "Calif." in "CULVER CITY, Calif., Oct 19"; empty when none
  int month = 0;       // 1..12; 0 when the dateline has no date
  int day = 0;         // 1..31; 0 when the dateline has no date
  int year = 0;        // written, or resolved from the reference; 0 when unknown
  std::string date;    // "YYYY-MM-DD" when day, month and year are known, else empty
  // The agency in parentheses: its canonical name when it is in the wire table
  // ("AP", "Reuters", see wire.h), else as written ("CNN"); empty when none.
  std::string agency;
  size_t begin = 0;  // byte offset of the place in the text
  size_t end = 0;    // byte offset just after the separator and the spaces after it: the lede

  bool found() const { return !place.empty(); }
};

// The dateline at the head of `text`; `found()` is false when there is none.
// `reference_date` is seconds since the epoch, or kNoDate when unknown (then
// `date` is empty unless the dateline writes its year).
// Parameters are assumed valid (see DatelineParams::validate).
Dateline parse_dateline(std::string_view text, int64_t reference_date = kNoDate,
                        const DatelineParams& params = {});

// The year that puts month/day closest to, and at most `max_days_after` days
// after, `reference_date` (seconds since the epoch): one of the reference's
// year, the year before or the year after. 0 when the reference is kNoDate,
// the day does not exist in the month (Feb 29 in a non-leap year is skipped
// to the nearest leap year among the three) or no candidate fits.
int resolve_dateline_year(int month, int day, int64_t reference_date, int max_days_after = 7);

}  // namespace copydesk
