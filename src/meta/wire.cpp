#include "copydesk/wire.h"

#include <algorithm>
#include <optional>

#include "meta/scan.h"

namespace copydesk {
namespace {

using meta::byte;
using meta::has;

// The table documented in wire.h. `mention` marks names unambiguous enough to
// report as mentions in running text.
struct AgencyForm {
  std::string_view text;
  std::string_view agency;
  bool mention;
};

constexpr AgencyForm kForms[] = {
    {"Associated Press", "AP", true},
    {"AP", "AP", false},
    {"Reuters", "Reuters", true},
    {"Reuter", "Reuters", false},
    {"Agence France-Presse", "AFP", true},
    {"Agence France Presse", "AFP", true},
    {"AFP", "AFP", true},
    {"Press Trust of India", "PTI", true},
    {"PTI", "PTI", false},
    {"Indo-Asian News Service", "IANS", true},
    {"IANS", "IANS", true},
    {"United News of India", "UNI", true},
    {"UNI", "UNI", false},
    {"Asian News International", "ANI", true},
    {"ANI", "ANI", false},
    {"Xinhua", "Xinhua", true},
    {"TASS", "TASS", true},
    {"Tass", "TASS", true},
    {"United Press International", "UPI", true},
    {"UPI", "UPI", false},
    {"Deutsche Presse-Agentur", "dpa", true},
    {"dpa", "dpa", false},
    {"Kyodo", "Kyodo", true},
    {"Yonhap", "Yonhap", true},
    {"EFE", "EFE", true},
    {"ANSA", "ANSA", true},
    {"Australian Associated Press", "AAP", true},
    {"AAP", "AAP", false},
    {"Bloomberg News", "Bloomberg", true},
    {"Bloomberg", "Bloomberg", false},
    {"Canadian Press", "CP", true},
};

// s[p..] starts with `form` as written or in all capitals.
bool form_at(std::string_view s, size_t p, std::string_view form) {
  if (p > s.size() || s.size() - p < form.size()) return false;
  if (s.compare(p, form.size(), form) == 0) return true;
  for (size_t i = 0; i < form.size(); ++i) {
    if (s[p + i] != meta::to_upper(form[i])) return false;
  }
  return true;
}

struct Found {
  std::string_view agency;
  size_t offset = 0;  // where its name starts in the text
  size_t length = 0;  // and how long it is
};

// The longest agency form starting at p, at word boundaries on both sides.
std::optional<Found> agency_word_at(std::string_view s, size_t p, bool mentions_only) {
  if (meta::word_char_before(s, p)) return std::nullopt;
  const AgencyForm* best = nullptr;
  for (const AgencyForm& f : kForms) {
    if ((mentions_only && !f.mention) || (best != nullptr && f.text.size() <= best->text.size())) continue;
    if (meta::to_upper(f.text[0]) == meta::to_upper(s[p]) && form_at(s, p, f.text) &&
        !meta::word_char_at(s, p + f.text.size())) {
      best = &f;
    }
  }
  if (best == nullptr) return std::nullopt;
  return Found{best->agency, p, best->text.size()};
}

// The first agency form within s[begin, end) that starts a word.
std::optional<Found> first_agency_in(std::string_view s, size_t begin, size_t end, bool mentions_only) {
  for (size_t p = begin; p < end;) {
    if (!meta::is_alpha(s[p])) {
      ++p;
      continue;
    }
    if (!meta::word_char_before(s, p)) {
      if (auto f = agency_word_at(s, p, mentions_only); f && p + f->length <= end) return f;
    }
    while (p < end && meta::is_alnum(s[p])) ++p;
  }
  return std::nullopt;
}

// `name` (trimmed, "The " and a final "." ignored) is exactly an agency form.
std::optional<Found> agency_named(std::string_view s, size_t begin, size_t end) {
  const meta::LineSpan t = meta::trim_line(s, begin, end);
  begin = t.begin;
  end = t.end;
  if (end > begin && s[end - 1] == '.') --end;
  if (has(s, begin, "The ") || has(s, begin, "THE ")) begin += 4;
  if (begin >= end) return std::nullopt;
  for (const AgencyForm& f : kForms) {
    if (f.text.size() == end - begin && form_at(s, begin, f.text)) return Found{f.agency, begin, f.text.size()};
  }
  return std::nullopt;
}

// Photo captions and credits ("Photo: Jane Doe - AFP", "(AP Photo)") name an
// agency that took a picture, not the one that wrote the text.
// Looked for near the agency's name only, so a long one-line text is not
// disqualified by a "photo" far away.
bool about_a_picture(std::string_view s, meta::LineSpan line, const Found& f) {
  const size_t from = std::max(line.begin, f.offset > 60 ? f.offset - 60 : size_t{0});
  const std::string_view text = s.substr(from, std::min(line.end, f.offset + f.length + 20) - from);
  for (std::string_view word : {"Photo", "photo", "PHOTO", "Image", "image", "Getty", "File", "FILE"}) {
    if (text.find(word) != std::string_view::npos) return true;
  }
  return false;
}

bool is_canonical(std::string_view name) {
  return std::any_of(std::begin(kForms), std::end(kForms), [&](const AgencyForm& f) { return f.agency == name; });
}

// Whether only spaces stand between the line start and p, or a sentence ends
// right before them ("... event. (AP)", "... ounce. REUTER"). With
// `space_required`, at least one space must.
bool starts_or_ends_sentence(std::string_view s, meta::LineSpan line, size_t p, bool space_required) {
  size_t before = p;
  while (before > line.begin && meta::hspace_len(s, before - 1) == 1) --before;
  if (before == line.begin) return true;
  if (space_required && before == p) return false;
  const unsigned char c = byte(s, before - 1);
  return c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ']' || c == ':' ||
         c == ';' ||
         (before >= 3 && byte(s, before - 3) == 0xE2 && byte(s, before - 2) == 0x80 && (c == 0x9D || c == 0x99));
}

// A line "... event. (AP)": the parenthesised agency ends the line and
// follows the end of a sentence (or starts the line).
std::optional<Found> parenthesised_credit(std::string_view s, meta::LineSpan line) {
  size_t end = line.end;
  if (end > line.begin && s[end - 1] == '.') --end;
  if (end <= line.begin || s[end - 1] != ')') return std::nullopt;
  const size_t lowest = end - 1 > line.begin + 40 ? end - 1 - 40 : line.begin;
  size_t open = end - 1;
  while (open > lowest && s[open] != '(') --open;
  if (s[open] != '(') return std::nullopt;
  auto found = agency_named(s, open + 1, end - 1);
  if (!found) return std::nullopt;
  return starts_or_ends_sentence(s, line, open, false) ? found : std::nullopt;
}

// The agency after the last separator of the line ("... said. — PTI",
// "Jane Doe, Associated Press"), or the line alone ("Reuter"). Dashes always
// separate; `byline` adds "," "|" "/". A dash inside a word ("France-Presse")
// does not. A lone "Reuters." that ends a sentence begun on the line before
// ("... told\nReuters.") is no credit.
std::optional<Found> trailing_agency(std::string_view s, meta::LineSpan line, bool byline, bool continuation) {
  if (auto whole = agency_named(s, line.begin, line.end)) {
    if (!(continuation && s[line.end - 1] == '.')) return whole;
  }
  const size_t lowest = line.end > line.begin + 48 ? line.end - 48 : line.begin;
  for (size_t p = line.end; p-- > lowest;) {
    size_t sep = 0;
    const unsigned char c = byte(s, p);
    if (c == '-' && !(p > line.begin && meta::is_alnum(s[p - 1]))) {
      sep = 1;
    } else if (c == 0xE2 && meta::dash_len(s, p) == 3) {
      sep = 3;
    } else if (byline && (c == ',' || c == '|' || c == '/')) {
      sep = 1;
    }
    if (sep == 0) continue;
    if (auto f = agency_named(s, p + sep, line.end)) return f;
  }
  return std::nullopt;
}

// The agency's name closing the line right after a sentence: "... of an
// ounce. REUTER". No final period: "... he told Reuters." is a mention.
std::optional<Found> agency_after_sentence(std::string_view s, meta::LineSpan line) {
  const char last = meta::to_upper(s[line.end - 1]);
  if (!meta::is_upper(last)) return std::nullopt;
  for (const AgencyForm& f : kForms) {
    if (line.end - line.begin <= f.text.size() || meta::to_upper(f.text.back()) != last) continue;
    const size_t at = line.end - f.text.size();
    if (form_at(s, at, f.text) && !meta::word_char_before(s, at) && starts_or_ends_sentence(s, line, at, true)) {
      return Found{f.agency, at, f.text.size()};
    }
  }
  return std::nullopt;
}

// The end of the first copyright marker ("Copyright", "COPYRIGHT", "©",
// "(c)") within s[from, end), or npos. One pass over the bytes.
size_t copyright_marker_end(std::string_view s, size_t from, size_t end) {
  for (size_t i = from; i < end; ++i) {
    const unsigned char c = byte(s, i);
    if (c == 'y' || c == 'Y') {
      if (i >= 3 && (has(s, i - 3, "Copyright") || has(s, i - 3, "copyright") || has(s, i - 3, "COPYRIGHT"))) {
        return i + 6;
      }
    } else if (c == 0xA9) {
      if (i > 0 && byte(s, i - 1) == 0xC2) return i + 1;
    } else if (c == '(' && i + 2 < end && (s[i + 1] == 'c' || s[i + 1] == 'C') && s[i + 2] == ')') {
      return i + 3;
    }
  }
  return std::string_view::npos;
}

// A copyright notice naming an agency: "Copyright 2026 The Associated Press.",
// "© 2026 AFP", "(c) Reuters". The marker is looked for at the line start and
// in the line's last 200 bytes; the agency within 120 bytes after it.
std::optional<Found> copyright_credit(std::string_view s, meta::LineSpan line) {
  const size_t window = line.end - line.begin > 200 ? line.end - 200 : line.begin;
  size_t from = window > line.begin ? copyright_marker_end(s, line.begin, line.begin + 10) : std::string_view::npos;
  if (from == std::string_view::npos) from = copyright_marker_end(s, window, line.end);
  while (from != std::string_view::npos) {
    if (auto f = first_agency_in(s, from, std::min(line.end, from + 120), false)) return f;
    from = copyright_marker_end(s, from, line.end);
  }
  return std::nullopt;
}

// "(Agency) —" anywhere in the head: a dateline the grammar did not take
// (a title and the dateline on one line).
std::optional<Found> head_agency_dash(std::string_view s, size_t head_end) {
  for (size_t p = 0; p < head_end; ++p) {
    if (s[p] != '(') continue;
    size_t close = p + 1;
    while (close < head_end && close - p <= 40 && s[close] != ')' && s[close] != '\n') ++close;
    if (close >= head_end || s[close] != ')') continue;
    const auto f = agency_named(s, p + 1, close);
    if (f && meta::dash_len(s, meta::skip_hspace(s, close + 1)) > 0) return f;
  }
  return std::nullopt;
}

// Whether `prev` is the line right before `line` and its sentence goes on
// into it (it ends in a lower-case letter or a comma).
bool runs_on(std::string_view s, meta::LineSpan prev, meta::LineSpan line) {
  const char last = s[prev.end - 1];
  if (!meta::is_lower(last) && last != ',') return false;
  const size_t newline = s.find('\n', prev.end);
  return newline != std::string_view::npos && s.find('\n', newline + 1) >= line.begin;
}

WireAttribution make(const Found& f, WireAttribution::Evidence evidence) {
  WireAttribution w;
  w.agency.assign(f.agency);
  w.evidence = evidence;
  w.offset = f.offset;
  return w;
}

}  // namespace

std::string_view canonical_agency(std::string_view name) {
  const auto f = agency_named(name, 0, name.size());
  return f ? f->agency : std::string_view{};
}

std::string_view evidence_name(WireAttribution::Evidence evidence) {
  switch (evidence) {
    case WireAttribution::Evidence::kNone: return "none";
    case WireAttribution::Evidence::kDateline: return "dateline";
    case WireAttribution::Evidence::kByline: return "byline";
    case WireAttribution::Evidence::kCredit: return "credit";
    case WireAttribution::Evidence::kMention: return "mention";
  }
  return "none";
}

WireAttribution detect_wire(std::string_view text, const WireParams& params) {
  using Evidence = WireAttribution::Evidence;
  const Dateline dateline = parse_dateline(text, kNoDate, params.dateline);
  if (dateline.found() && is_canonical(dateline.agency)) {
    if (auto f = first_agency_in(text, dateline.begin + dateline.place.size(), dateline.end, false)) {
      return make(*f, Evidence::kDateline);
    }
  }

  constexpr uint32_t kMaxHeadLines = 64;
  meta::LineSpan head[kMaxHeadLines];
  uint32_t head_lines = 0;
  meta::for_head_lines(text, std::min(params.dateline.head_lines, kMaxHeadLines), params.dateline.head_bytes,
                       [&](meta::LineSpan line) {
                         head[head_lines++] = line;
                         return false;
                       });
  if (head_lines > 0) {
    if (auto f = head_agency_dash(text, head[head_lines - 1].end)) return make(*f, Evidence::kDateline);
  }
  for (uint32_t i = 0; i < head_lines; ++i) {
    const meta::LineSpan line = head[i];
    // A byline has the story below it; a short text's last line is a credit.
    if (text.find_first_not_of(" \t\r\n", line.end) == std::string_view::npos) break;
    std::optional<Found> byline;
    if (has(text, line.begin, "By ") || has(text, line.begin, "BY ") || has(text, line.begin, "by ")) {
      byline = first_agency_in(text, line.begin + 3, line.end, false);
    }
    if (!byline && line.end - line.begin <= 160) {
      byline = trailing_agency(text, line, true, i > 0 && runs_on(text, head[i - 1], line));
    }
    if (byline && !about_a_picture(text, line, *byline)) return make(*byline, Evidence::kByline);
  }

  meta::LineSpan prev;  // the last non-blank line
  for (size_t p = 0; p < text.size();) {
    const size_t e = meta::line_end(text, p);
    const meta::LineSpan line = meta::trim_line(text, p, e);
    if (!line.empty()) {
      std::optional<Found> credit = parenthesised_credit(text, line);
      if (!credit) credit = trailing_agency(text, line, false, !prev.empty() && runs_on(text, prev, line));
      if (!credit) credit = agency_after_sentence(text, line);
      if (!credit) credit = copyright_credit(text, line);
      if (credit && !about_a_picture(text, line, *credit)) return make(*credit, Evidence::kCredit);
      prev = line;
    }
    p = e + 1;
  }

  if (params.report_mentions) {
    if (auto f = first_agency_in(text, 0, text.size(), true)) return make(*f, Evidence::kMention);
  }
  return {};
}

}  // namespace copydesk
