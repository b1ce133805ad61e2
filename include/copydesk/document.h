// copydesk — the document: what every reader produces and every stage reads.
//
// A crawl is a `Corpus`: documents in input order plus the records that could
// not be read (`Reject`s, each with the place and the reason). Nothing is
// dropped silently: inputs = documents + rejects, always.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "copydesk/id_table.h"

namespace copydesk {

// Seconds since 1970-01-01T00:00:00Z; kNoDate when a document has none.
inline constexpr int64_t kNoDate = std::numeric_limits<int64_t>::min();

struct Document {
  std::string id;            // the id's value; unique within a corpus
  bool id_is_number = false; // written back as a JSON number when true
  std::string text;          // UTF-8 (invalid sequences repaired to U+FFFD)
  std::string title;         // optional fields; empty when absent
  std::string url;
  std::string site;
  std::string date_text;     // the date as given (ISO 8601 / RFC 3339)
  int64_t date = kNoDate;    // the same date, parsed
  // Fields copydesk does not know, carried to the output untouched: the raw
  // JSON members, comma-separated, without the enclosing braces
  // (e.g. `"lang":"en","tags":["a","b"]`). Empty when there are none.
  std::string carried;
  // Found in the text by annotate_news_metadata (news_meta.h); empty until
  // then, and when there is none.
  std::string wire;            // the agency behind the text: "AP", "Reuters", …
  std::string dateline_place;  // "BEIJING" in "BEIJING (AP) —"
  std::string dateline_date;   // "2025-09-03": the dateline's date, year resolved
};

// A record that could not be read, and why.
struct Reject {
  std::string source;  // file name ("-" for stdin)
  uint64_t line = 0;   // 1-based line number; 0 where lines do not apply
  std::string id;      // the record's id when it could be read, else empty
  std::string reason;  // what is wrong, for a person
  std::string record;  // the raw record (may be truncated for very long ones)
};

struct Corpus {
  std::vector<Document> docs;      // empty when a reader hands documents to a handler
  IdTable ids;                     // the id of every document, by index
  std::vector<Reject> rejects;
  uint64_t documents = 0;          // documents accepted (= ids.size())
  uint64_t records_seen = 0;       // documents + rejects.size()
  uint64_t records_skipped = 0;    // WARC records that are not pages (request, metadata, ...)
  uint64_t utf8_repaired = 0;      // records whose invalid UTF-8 was replaced
  uint64_t bytes_read = 0;         // input bytes after decompression
};

}  // namespace copydesk
