// The names of a text as hashed features (story/ internal; storylines.h says
// why names link follow-ups): capitalised words and pairs of them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace copydesk::story_detail {

// Calls f(hash, is_pair) for each name feature of `text`, in text order
// (a feature may repeat):
// - a word that starts with an upper-case letter and does not start a
//   sentence or a line ("Wagner", "Tehran" inside a sentence), and
// - two adjacent capitalised words with only spaces between them, wherever
//   they stand ("Viktor Anraea", "Cobalt Semiconductors", "The Ministry").
// Words are runs of letters, digits and combining marks (an apostrophe
// inside a word is kept); a word with a digit is never a name. Features are
// XXH3-64 of the words lower-cased (ASCII letters only: "PARIS" = "Paris"),
// a pair joined by one space.
class NameScanner {
 public:
  template <typename F>
  void scan(std::string_view text, F f) {
    begin(text);
    Feature feature;
    while (next(feature)) f(feature.hash, feature.pair);
  }

 private:
  struct Feature {
    uint64_t hash;
    bool pair;
  };
  void begin(std::string_view text);
  bool next(Feature& out);

  std::string_view text_;
  int32_t at_ = 0;
  bool sentence_start_ = true;
  bool pending_pair_ = false;   // a pair feature waits in pair_hash_
  uint64_t pair_hash_ = 0;
  std::string previous_;        // the last word, lower-cased, when it was capitalised and only spaces followed
  std::string word_, scratch_;
};

}  // namespace copydesk::story_detail
