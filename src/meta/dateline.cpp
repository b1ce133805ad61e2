#include "copydesk/dateline.h"

#include <optional>
#include <string>
#include <utility>

#include "copydesk/date.h"
#include "copydesk/wire.h"
#include "meta/scan.h"

namespace copydesk {
namespace {

using meta::byte;
using meta::has;

constexpr std::pair<std::string_view, int> kMonths[] = {
    {"jan", 1},  {"january", 1},  {"feb", 2},  {"february", 2}, {"mar", 3},       {"march", 3},
    {"apr", 4},  {"april", 4},    {"may", 5},  {"jun", 6},      {"june", 6},      {"jul", 7},
    {"july", 7}, {"aug", 8},      {"august", 8}, {"sep", 9},    {"sept", 9},      {"september", 9},
    {"oct", 10}, {"october", 10}, {"nov", 11}, {"november", 11}, {"dec", 12},     {"december", 12},
};

// First words that start sentences, page furniture or timestamps, never places.
constexpr std::string_view kNotPlaces[] = {
    "a", "an", "on", "in", "at", "by", "for", "from", "since", "until", "till", "through", "before", "after",
    "during", "last", "next", "this", "today", "yesterday", "tomorrow", "updated", "update", "published",
    "posted", "edited", "modified", "dated", "date", "breaking", "exclusive", "watch", "live", "video",
    "photo", "photos", "opinion", "analysis", "editorial", "factbox", "explainer", "correction",
    "corrected", "refile", "insight", "column", "review", "interview", "note", "editor", "advisory",
    "urgent", "flash", "bulletin", "alert", "source", "reporting", "copyright", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "notes", "year", "total", "rpt", "repeat",
};

// Words that never stand inside a place name, in any case: they make a
// headline kicker of an ALL-CAPS run ("CHARGED WITH MURDER:", "MUST SEE:").
constexpr std::string_view kNotInPlaces[] = {"and", "with", "for", "to", "in", "on", "at", "by", "is", "are",
                                             "was", "were", "not", "no", "must", "see", "over", "from", "after"};

// Lower-case words allowed inside a place name ("Rio de Janeiro").
constexpr std::string_view kConnectors[] = {"de", "da", "do", "dos", "das", "del", "della", "di", "du",
                                            "des", "la", "le", "los", "las", "el", "of", "upon", "am", "sur"};

constexpr size_t kMaxPlaceBytes = 48;

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (meta::to_lower(a[i]) != b[i]) return false;
  }
  return true;
}

// "YYYY-MM-DD" for a valid day of a year in 1..9999.
std::string iso_day(int year, int month, int day) {
  std::string out = "0000-00-00";
  for (int i = 3; i >= 0; --i, year /= 10) out[static_cast<size_t>(i)] = static_cast<char>('0' + year % 10);
  out[5] = static_cast<char>('0' + month / 10);
  out[6] = static_cast<char>('0' + month % 10);
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool day_exists(int year, int month, int day) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  return !(year != 0 && month == 2 && day == 29 && !leap(year));
}

// A month name at p (any case, optional '.'), advancing p; 0 when none.
int month_at(std::string_view s, size_t& p) {
  size_t q = p;
  while (q < s.size() && meta::is_alpha(s[q])) ++q;
  const std::string_view word = s.substr(p, q - p);
  if (word.size() < 3 || word.size() > 9 || meta::word_char_at(s, q)) return 0;
  for (const auto& [name, number] : kMonths) {
    if (iequals(word, name)) {
      p = q < s.size() && s[q] == '.' ? q + 1 : q;
      return number;
    }
  }
  return 0;
}

// A day of the month (1..31, optional "st"/"nd"/"rd"/"th") at p; 0 when none.
int day_at(std::string_view s, size_t& p) {
  size_t q = p;
  int day = 0;
  while (q < s.size() && meta::is_digit(s[q]) && q - p < 3) day = day * 10 + (s[q++] - '0');
  if (q == p || q - p > 2 || (q < s.size() && meta::is_digit(s[q])) || day < 1 || day > 31) return 0;
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (has(s, q, suffix) && !meta::word_char_at(s, q + 2)) q += 2;
  }
  if (meta::word_char_at(s, q)) return 0;
  p = q;
  return day;
}

// An optional ", 2025" / " 2025" after the day; the year or 0.
int year_after(std::string_view s, size_t& p) {
  size_t q = p;
  if (q < s.size() && s[q] == ',') ++q;
  q = meta::skip_hspace(s, q);
  if (q + 4 > s.size() || meta::word_char_at(s, q + 4)) return 0;
  int year = 0;
  for (size_t i = q; i < q + 4; ++i) {
    if (!meta::is_digit(s[i])) return 0;
    year = year * 10 + (s[i] - '0');
  }
  if (year < 1900 || year > 2199) return 0;
  p = q + 4;
  return year;
}

struct DatePart {
  int month = 0, day = 0, year = 0;
};

// "Sept 3", "Sept. 3, 2025", "3 September" at p, advancing p.
std::optional<DatePart> date_at(std::string_view s, size_t& p) {
  DatePart d;
  size_t q = p;
  if ((d.month = month_at(s, q)) != 0) {
    const size_t after = meta::skip_hspace(s, q);
    if (after == q && s[q - 1] != '.') return std::nullopt;
    q = after;
    if ((d.day = day_at(s, q)) == 0) return std::nullopt;
  } else if ((d.day = day_at(s, q)) != 0) {
    const size_t after = meta::skip_hspace(s, q);
    if (after == q) return std::nullopt;
    q = after;
    if ((d.month = month_at(s, q)) == 0) return std::nullopt;
  } else {
    return std::nullopt;
  }
  d.year = year_after(s, q);
  if (!day_exists(d.year, d.month, d.day)) return std::nullopt;
  p = q;
  return d;
}

// A separator at p (":" "-" "--" "—" "–"), advancing p. Not the ":" of a time
// or the "-" of a range ("3-5").
bool separator_at(std::string_view s, size_t& p) {
  size_t n = meta::dash_len(s, p);
  if (n == 0 && p < s.size() && s[p] == ':') n = 1;
  if (n == 0 || (p + n < s.size() && meta::is_digit(s[p + n]))) return false;
  p += n;
  return true;
}

struct Word {
  size_t begin = 0, end = 0;
  bool connector = false;
};

// A place word at p: upper-case first (ASCII or U+00C0..U+00DE but not ×), or
// a connector; letters, non-ASCII, "." "'" and "-" between letters.
std::optional<Word> word_at(std::string_view s, size_t p) {
  if (p >= s.size()) return std::nullopt;
  const bool upper_first = meta::is_upper(s[p]) ||
      (byte(s, p) == 0xC3 && p + 1 < s.size() && byte(s, p + 1) >= 0x80 && byte(s, p + 1) <= 0x9E &&
       byte(s, p + 1) != 0x97);
  size_t q = p;
  while (q < s.size()) {
    const unsigned char c = byte(s, q);
    if (meta::is_alpha(static_cast<char>(c)) || c == '.' || c == '\'') {
      ++q;
    } else if ((c == '-' || c == '/') && q > p && q + 1 < s.size() && meta::is_alpha(s[q + 1])) {
      ++q;
    } else if (c >= 0x80 && meta::word_char_at(s, q)) {
      ++q;
    } else if (has(s, q, "\xE2\x80\x99") && q + 3 < s.size() && meta::is_alpha(s[q + 3])) {
      q += 3;  // ’ inside a word
    } else {
      break;
    }
  }
  if (q == p) return std::nullopt;
  Word w{p, q, false};
  if (!upper_first) {
    const std::string_view text = s.substr(p, q - p);
    bool is_connector = false;
    for (std::string_view c : kConnectors) is_connector = is_connector || text == c;
    if (!is_connector) return std::nullopt;
    w.connector = true;
  }
  return w;
}

bool is_not_place(std::string_view word) {
  while (!word.empty() && word.back() == '.') word.remove_suffix(1);
  for (std::string_view w : kNotPlaces) {
    if (iequals(word, w)) return true;
  }
  return false;
}

bool all_caps(std::string_view place) {
  int upper = 0;
  for (char c : place) {
    if (meta::is_lower(c)) return false;
    upper += meta::is_upper(c);
  }
  return upper >= 2;
}

// What the grammar found on one line, as offsets into the text.
struct Match {
  size_t place_begin = 0, place_end = 0, region_begin = 0, region_end = 0;
  DatePart date;
  size_t agency_begin = 0, agency_end = 0;
  size_t end = 0;
  bool strong = false;  // has a date or an agency
};

// "(Agency)" at p: the name's offsets; the caller decides whether it counts.
bool agency_at(std::string_view s, size_t& p, size_t& begin, size_t& end) {
  if (p >= s.size() || s[p] != '(') return false;
  size_t q = p + 1;
  if (q >= s.size() || !(meta::is_alpha(s[q]) || byte(s, q) >= 0x80)) return false;
  while (q < s.size() && q - p <= 40 && s[q] != ')') {
    const unsigned char c = byte(s, q);
    if (!(meta::is_alnum(static_cast<char>(c)) || c >= 0x80 || c == ' ' || c == '.' || c == '-' || c == '/' ||
          c == '&' || c == '\'')) {
      return false;
    }
    ++q;
  }
  if (q >= s.size() || s[q] != ')') return false;
  begin = p + 1;
  end = q;
  p = q + 1;
  return true;
}

size_t skip_space(std::string_view s, size_t p) {
  while (p < s.size()) {
    const size_t n = meta::hspace_len(s, p);
    if (n == 0 && s[p] != '\n') break;
    p += n == 0 ? 1 : n;
  }
  return p;
}

// An agency after the date: "(Reuters)", or ", Reuter" as 1980s wire copy
// wrote it (known agencies only), advancing q.
bool agency_after(std::string_view s, size_t& q, size_t& begin, size_t& end) {
  if (agency_at(s, q, begin, end)) return true;
  if (q >= s.size() || s[q] != ',') return false;
  const size_t b = meta::skip_hspace(s, q + 1);
  size_t e = b;
  while (e < s.size() && meta::is_alpha(s[e])) ++e;
  if (e == b || meta::word_char_at(s, e) || canonical_agency(s.substr(b, e - b)).empty()) return false;
  begin = b;
  end = e;
  q = e;
  return true;
}

// After a date (or right after the place): an optional agency, then a
// separator. The dateline needs a separator or an agency from the wire
// table; an unknown agency counts only as one word before a separator
// ("(CNN) —"), else it is read as ordinary text ("Putin (left)",
// "TOKYO RUBBER (YEN PER KILO) -").
bool finish(std::string_view s, size_t p, bool agency_required, Match& m) {
  size_t q = meta::skip_hspace(s, p);
  size_t agency_begin = 0, agency_end = 0;
  bool agency = agency_after(s, q, agency_begin, agency_end);
  size_t r = meta::skip_space_one_newline(s, agency ? q : p);
  bool separated = separator_at(s, r);
  const std::string_view name = s.substr(agency_begin, agency_end - agency_begin);
  if (agency && canonical_agency(name).empty() &&
      (!separated || name.find(' ') != std::string_view::npos)) {
    agency = false;
    r = meta::skip_space_one_newline(s, p);
    separated = separator_at(s, r);
  }
  if ((agency_required && !agency) || (!agency && !separated)) return false;
  if (agency) {
    m.agency_begin = agency_begin;
    m.agency_end = agency_end;
  }
  m.end = skip_space(s, separated ? r : q);
  return true;
}

// What follows a bare "PLACE -" reads as a lede, not as a headline kicker
// ("MUST SEE: Navy pins down pirates", "U.S. DIVIDEND MEETINGS - MARCH 3") or
// a market table: it starts with a capital or a quote, not a date or a
// figure; a lower-case letter comes within 60 bytes; and a sentence ends on
// the line, or the line runs on into the next (hard-wrapped wire copy), or it
// is longer than headlines are.
bool starts_a_lede(std::string_view s, size_t p) {
  p = meta::skip_hspace(s, p);
  size_t q = p;
  if (p >= s.size() || meta::is_digit(s[p]) || meta::is_lower(s[p]) || date_at(s, q)) return false;
  const size_t end = meta::line_end(s, p);
  bool lower = false;
  for (size_t i = p; i < end && i < p + 60 && !lower; ++i) lower = meta::is_lower(s[i]);
  if (!lower) return false;
  if (end - p >= 120) return true;
  for (size_t i = p; i < end; ++i) {
    if ((s[i] == '.' || s[i] == '!' || s[i] == '?') &&
        (i + 1 == end || meta::hspace_len(s, i + 1) > 0 || s[i + 1] == '"' || meta::punctuation_at(s, i + 1))) {
      return true;
    }
  }
  const size_t next = meta::skip_hspace(s, end + 1);
  return end < s.size() && next < s.size() && meta::is_lower(s[next]);
}

// After "PLACE, REGION" ending at r: [","] date, or for an ALL-CAPS place
// [","] separator and then a date or a lede ("KANSAS CITY, Mo. - March 13 -",
// "WOODBRIDGE, N.J. - Supermarkets General said").
bool after_region(std::string_view s, size_t r, bool caps, Match& m) {
  const size_t t = r < s.size() && s[r] == ',' ? r + 1 : r;
  size_t u = meta::skip_hspace(s, t);
  if (u > r) {
    size_t v = u;
    if (auto d = date_at(s, v); d && finish(s, v, false, m)) {
      m.date = *d;
      m.strong = true;
      return true;
    }
  }
  if (!caps || !separator_at(s, u) || meta::hspace_len(s, u) == 0) return false;
  size_t v = meta::skip_hspace(s, u);
  if (auto d = date_at(s, v); d && finish(s, v, false, m)) {
    m.date = *d;
    m.strong = true;
    return true;
  }
  if (!starts_a_lede(s, u)) return false;
  m.end = skip_space(s, u);
  return true;
}

// The part after the place's last word at p.
bool tail_at(std::string_view s, size_t p, Match& m) {
  // [","] date ...
  const size_t c = meta::skip_hspace(s, p);  // "ATLANTA , March 3" happens
  const bool comma = c < s.size() && s[c] == ',';
  size_t q = meta::skip_hspace(s, comma ? c + 1 : p);
  if (q > p) {
    size_t r = q;
    if (auto d = date_at(s, r); d && finish(s, r, false, m)) {
      m.date = *d;
      m.strong = true;
      return true;
    }
  }
  // "," region ...
  const bool caps = all_caps(s.substr(m.place_begin, p - m.place_begin));
  if (comma) {
    size_t r = q;
    for (uint32_t words = 0; words < 3; ++words) {
      const auto w = word_at(s, r);
      if (!w) break;
      r = w->end;
      if (!w->connector && after_region(s, r, caps, m)) {
        m.region_begin = q;
        m.region_end = r;
        return true;
      }
      if (meta::hspace_len(s, r) == 0) break;
      r = meta::skip_hspace(s, r);
    }
  }
  // "(Agency)" [separator]
  q = meta::skip_hspace(s, p);
  if (q < s.size() && s[q] == '(' && finish(s, q, true, m)) {
    m.strong = true;
    return true;
  }
  // separator, after an ALL-CAPS place, before a lede
  if (caps) {
    size_t r = q;
    if (separator_at(s, r) && meta::hspace_len(s, r) > 0 && starts_a_lede(s, r)) {
      m.end = skip_space(s, r);
      return true;
    }
  }
  return false;
}

std::optional<Match> match_line(std::string_view s, meta::LineSpan line, const DatelineParams& params) {
  Word words[8];
  uint32_t n = 0;
  size_t first = line.begin;
  while (first < line.end && s[first] == '*') ++first;  // "****LONDON, March 5 -" (flash markers)
  for (size_t p = first; n < params.max_place_words && p < line.end;) {
    const auto w = word_at(s, p);
    if (!w) break;
    words[n++] = *w;
    const size_t next = meta::skip_hspace(s, w->end);
    if (next == w->end) break;
    p = next;
  }
  if (n == 0 || words[0].connector || is_not_place(s.substr(words[0].begin, words[0].end - words[0].begin))) {
    return std::nullopt;
  }
  for (uint32_t k = 1; k < n; ++k) {
    const std::string_view word = s.substr(words[k].begin, words[k].end - words[k].begin);
    for (std::string_view w : kNotInPlaces) {
      if (iequals(word, w)) n = k;  // the place ends before it
    }
  }
  for (uint32_t k = 1; k <= n; ++k) {
    if (words[k - 1].end - words[0].begin > kMaxPlaceBytes) break;
    if (words[k - 1].connector) continue;
    Match m;
    m.place_begin = words[0].begin;
    m.place_end = words[k - 1].end;
    if (tail_at(s, words[k - 1].end, m)) return m;
  }
  return std::nullopt;
}

}  // namespace

Status DatelineParams::validate() const {
  if (head_bytes < 1 || head_bytes > (size_t{1} << 20)) {
    return Status::InvalidArgument("dateline head_bytes must be in [1, 1048576], got " + std::to_string(head_bytes));
  }
  if (head_lines < 1 || head_lines > 64) {
    return Status::InvalidArgument("dateline head_lines must be in [1, 64], got " + std::to_string(head_lines));
  }
  if (max_place_words < 1 || max_place_words > 8) {
    return Status::InvalidArgument("dateline max_place_words must be in [1, 8], got " +
                                   std::to_string(max_place_words));
  }
  if (max_days_after_reference < 0 || max_days_after_reference > 180) {
    return Status::InvalidArgument("dateline max_days_after_reference must be in [0, 180], got " +
                                   std::to_string(max_days_after_reference));
  }
  return Status::Ok();
}

int resolve_dateline_year(int month, int day, int64_t reference_date, int max_days_after) {
  if (reference_date == kNoDate || !day_exists(0, month, day)) return 0;
  const std::string iso = format_iso8601(reference_date);
  int ref_year = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (i >= iso.size() || !meta::is_digit(iso[i])) return 0;  // outside years 0000..9999
    ref_year = ref_year * 10 + (iso[i] - '0');
  }
  if (iso.size() < 5 || iso[4] != '-') return 0;
  const int64_t latest = reference_date + int64_t{max_days_after} * 86400;
  for (int year = ref_year + 1; year >= ref_year - 1; --year) {
    if (year < 1 || year > 9999 || !day_exists(year, month, day)) continue;
    const std::optional<int64_t> t = parse_iso8601(iso_day(year, month, day));
    if (t && *t <= latest) return year;
  }
  return 0;
}

Dateline parse_dateline(std::string_view text, int64_t reference_date, const DatelineParams& params) {
  std::optional<Match> best;
  meta::for_head_lines(text, params.head_lines, params.head_bytes, [&](meta::LineSpan line) {
    std::optional<Match> m = match_line(text, line, params);
    if (m && (!best || (m->strong && !best->strong))) best = m;
    return best && best->strong;
  });
  Dateline d;
  if (!best) return d;
  const Match& m = *best;
  d.place.assign(text.substr(m.place_begin, m.place_end - m.place_begin));
  d.region.assign(text.substr(m.region_begin, m.region_end - m.region_begin));
  if (m.agency_end > m.agency_begin) {
    const std::string_view written = text.substr(m.agency_begin, m.agency_end - m.agency_begin);
    const std::string_view canonical = canonical_agency(written);
    d.agency.assign(canonical.empty() ? written : canonical);
  }
  d.month = m.date.month;
  d.day = m.date.day;
  if (d.month != 0) {
    d.year = m.date.year != 0
                 ? m.date.year
                 : resolve_dateline_year(d.month, d.day, reference_date, params.max_days_after_reference);
  }
  if (d.year != 0) d.date = iso_day(d.year, d.month, d.day);
  d.begin = m.place_begin;
  d.end = m.end;
  return d;
}

}  // namespace copydesk
