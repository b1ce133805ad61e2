// copydesk — which news agency a story comes from.
//
// A crawl carries the same AP or Reuters story on hundreds of sites; knowing
// the agency lets a copy group be labelled, and lets the canonical copy be
// told from local journalism that merely quotes a wire. The trap is
// precision: "told Reuters", "according to AFP", "Reuters reported" and "The
// Associated Press contributed to this report" name an agency in a story that
// is NOT that agency's. So only positions where an agency signs its copy
// count as attribution, strongest first:
//
//   kDateline  "WASHINGTON, Jan 8 (Reuters) -", "BEIJING (AP) —"
//              (parse_dateline, dateline.h; or "(Agency) —" anywhere in the head)
//   kByline    a head line "By JIM HEINTZ Associated Press", "By Reuters Staff",
//              "Jane Doe, Associated Press", "Jane Doe | AFP", or the agency
//              alone, with the story below it (a short text's last line is a
//              credit, not a byline)
//   kCredit    any line ending in "(AP)" after a sentence end ("... event. (AP)"),
//              ending in a dash and the agency ("... said. — PTI", "--IANS"),
//              ending in the agency right after a sentence, without a final
//              period ("... of an ounce. REUTER"), consisting of the agency
//              alone ("Reuter", "— Reuters"; but not a "Reuters." that ends a
//              sentence wrapped from the line before, "... told\nReuters."), or
//              a copyright line ("Copyright 2026 The Associated Press. All
//              rights reserved.", "© 2026 AFP"). Credits are searched in the
//              whole text, since scraped pages continue after the story
//              (sidebars, related links); the first credit line wins. Picture
//              credits ("(AP Photo/Andy Wong)", "Photo: Jane Doe - AFP") are not.
//   kMention   the agency is named anywhere else. NOT attribution, a weak
//              signal only; reported only when WireParams::report_mentions is
//              set, and then only for unambiguous names (see below).
//
// The head is the first `dateline.head_lines` non-blank lines starting within
// `dateline.head_bytes` bytes (DatelineParams, dateline.h).
//
// The agency table — canonical name: forms recognised (case-sensitive: a form
// as written or in all capitals, at word boundaries; "AP" never matches "ap"
// or "APT"; "The " before a form is ignored). Forms marked * are ambiguous
// in running text and never count as mentions:
//
//   AP         AP*, Associated Press
//   Reuters    Reuters, Reuter* (the 1980s credit line)
//   AFP        AFP, Agence France-Presse, Agence France Presse
//   PTI        PTI* (also a Pakistani party), Press Trust of India
//   IANS       IANS, Indo-Asian News Service
//   UNI        UNI*, United News of India
//   ANI        ANI*, Asian News International
//   Xinhua     Xinhua
//   TASS       TASS, Tass (also inside ITAR-TASS)
//   UPI        UPI* (also India's payment system), United Press International
//   dpa        dpa*, Deutsche Presse-Agentur
//   Kyodo      Kyodo
//   Yonhap     Yonhap
//   EFE        EFE
//   ANSA       ANSA
//   AAP        AAP* (also India's Aam Aadmi Party), Australian Associated Press
//   Bloomberg  Bloomberg* (also a person), Bloomberg News
//   CP         Canadian Press (never "CP" alone)
//
// "CNA" is left out on purpose: it names both Taiwan's Central News Agency
// and Singapore's Channel NewsAsia.
//
//   copydesk::WireAttribution w = copydesk::detect_wire(doc.text);
//   if (w.attributed()) label(w.agency /* "AP" */, w.evidence);
//
// Thread-safe: no mutable state; tables are constant.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "copydesk/dateline.h"
#include "copydesk/status.h"

namespace copydesk {

struct WireParams {
  DatelineParams dateline;       // the head: where datelines and bylines are looked for
  bool report_mentions = false;  // when nothing signs the text, report a bare mention

  Status validate() const { return dateline.validate(); }
};

struct WireAttribution {
  enum class Evidence { kNone, kDateline, kByline, kCredit, kMention };

  std::string agency;                 // canonical name ("AP", "Reuters"); empty when kNone
  Evidence evidence = Evidence::kNone;
  size_t offset = 0;                  // byte offset of the agency's name in the text

  // True when an agency signs the text (dateline, byline or credit), false
  // for a bare mention or nothing.
  bool attributed() const {
    return evidence == Evidence::kDateline || evidence == Evidence::kByline || evidence == Evidence::kCredit;
  }
};

// The agency behind `text`, with the strongest evidence found (see above).
// Parameters are assumed valid (see WireParams::validate).
WireAttribution detect_wire(std::string_view text, const WireParams& params = {});

// The canonical name for an agency written `name` ("The Associated Press",
// "REUTERS", "Agence France-Presse" → "AP", "Reuters", "AFP"); empty when
// `name` is not in the table. Surrounding spaces and a final "." are ignored.
std::string_view canonical_agency(std::string_view name);

// "none", "dateline", "byline", "credit", "mention".
std::string_view evidence_name(WireAttribution::Evidence evidence);

}  // namespace copydesk
