// TF-IDF top terms per event: document frequencies over events, then scores.
#include "story/event_terms.h"

#include <omp.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "copydesk/normalize.h"
#include "story/word_table.h"

namespace copydesk::story_detail {
namespace {

// A word's first token is kept as (text << 24) | token: texts < 256, tokens < 2^24.
constexpr size_t kMaxToken = (size_t{1} << 24) - 1;

uint64_t hash_of(std::string_view word) { return XXH3_64bits(word.data(), word.size()); }

size_t code_points(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool usable(std::string_view word, uint32_t min_chars) {
  if (std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  return code_points(word) >= min_chars;
}

// Per thread: the tokens of one event's texts, and where each word was first seen.
class EventWords {
 public:
  explicit EventWords(uint32_t per_event) : tokens_(per_event) {}

  // Tokenizes the event's texts; calls f(hash, text, token) for each usable word.
  template <typename F>
  void scan(const Corpus& corpus, const uint32_t* docs, uint32_t per_event, uint32_t min_chars, F f) {
    for (uint32_t t = 0; t < per_event && docs[t] != kNoDocument; ++t) {
      TokenizedText& tokens = tokens_[t];
      normalizer_.tokenize(corpus.docs[docs[t]].text, tokens);
      for (size_t i = 0; i < tokens.size() && i <= kMaxToken; ++i) {  // words past 16M tokens are not read
        const std::string_view word = tokens.token(i);
        if (usable(word, min_chars)) f(hash_of(word), t, i);
      }
    }
  }
  std::string_view word(uint32_t text, size_t token) const { return tokens_[text].token(token); }

 private:
  Normalizer normalizer_;
  std::vector<TokenizedText> tokens_;
};

// Events whose texts have each word (sums of per-thread counts: the same whatever the thread count).
WordTable document_frequencies(const Corpus& corpus, const std::vector<uint32_t>& texts, uint32_t per_event,
                               const SummaryParams& params, size_t events) {
  std::vector<WordTable> local(static_cast<size_t>(omp_get_max_threads()));
  const auto n = static_cast<int64_t>(events);
#pragma omp parallel
  {
    EventWords words(per_event);
    WordTable& df = local[static_cast<size_t>(omp_get_thread_num())];
    WordTable seen;
#pragma omp for schedule(dynamic, 64)
    for (int64_t e = 0; e < n; ++e) {
      seen.clear();
      words.scan(corpus, texts.data() + static_cast<size_t>(e) * per_event, per_event, params.min_word_chars,
                 [&](uint64_t h, uint32_t, size_t) { seen.add(h); });
      seen.for_each([&](const WordTable::Entry& w) { ++df.add(w.key).count; });
    }
  }
  for (size_t t = 1; t < local.size(); ++t) {
    local[t].for_each([&](const WordTable::Entry& w) { local[0].add(w.key).count += w.count; });
    local[t] = WordTable();
  }
  return std::move(local[0]);
}

}  // namespace

void add_top_terms(const Corpus& corpus, const std::vector<uint32_t>& texts, uint32_t per_event,
                   const SummaryParams& params, std::vector<EventSummary>& summaries) {
  const size_t events = summaries.size();
  if (params.top_terms == 0 || events == 0) return;
  const WordTable df = document_frequencies(corpus, texts, per_event, params, events);
  // A word in more than this many events says little about any one of them.
  const double max_df = std::max(1.0, params.max_event_share * static_cast<double>(events));
  const double total = static_cast<double>(events);
  const auto n = static_cast<int64_t>(events);
#pragma omp parallel
  {
    EventWords words(per_event);
    WordTable tf;  // tag: the word's first token, (text << 24) | token
    struct Scored {
      double score;
      std::string_view word;
    };
    std::vector<Scored> scored;
#pragma omp for schedule(dynamic, 64)
    for (int64_t e = 0; e < n; ++e) {
      tf.clear();
      words.scan(corpus, texts.data() + static_cast<size_t>(e) * per_event, per_event, params.min_word_chars,
                 [&](uint64_t h, uint32_t text, size_t token) {
                   ++tf.add(h, (text << 24) | static_cast<uint32_t>(token)).count;
                 });
      scored.clear();
      tf.for_each([&](const WordTable::Entry& w) {
        const uint32_t d = df.count(w.key);
        if (d > max_df) return;
        const double idf = std::log((1.0 + total) / (1.0 + d)) + 1.0;
        scored.push_back({(1.0 + std::log(static_cast<double>(w.count))) * idf, words.word(w.tag >> 24, w.tag & kMaxToken)});
      });
      const size_t keep = std::min<size_t>(params.top_terms, scored.size());
      std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep), scored.end(),
                        [](const Scored& a, const Scored& b) { return a.score > b.score || (a.score == b.score && a.word < b.word); });
      std::vector<TopTerm>& top = summaries[static_cast<size_t>(e)].top_terms;
      top.clear();
      for (size_t i = 0; i < keep; ++i) top.push_back({std::string(scored[i].word), scored[i].score});
    }
  }
}

}  // namespace copydesk::story_detail
