// Stories: what a wire story is about (spec) and its rendered text (internal).
//
// The flow is one way: EventSpec (the real-world happening: who, where, the
// words it is told with) → StorySpec (one agency's story about it: when,
// dateline, length, its own wording seed) → StoryText (headline and
// paragraphs) → copies (see copies.h).
//
// Today every story has an event of its own. Several stories about the same
// event (gold_event) are StorySpecs sharing one EventSpec with different
// seeds; a storyline (gold_storyline) is a chain of events sharing people and
// places days apart. Neither is generated yet.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gen/rng.h"

namespace copydesk::gen {

struct Person {
  std::string full_name;    // "Maria Okafor"
  std::string surname;      // "Okafor"
  std::string description;  // "a spokesperson for the Health Ministry"
};

struct EventSpec {
  uint32_t city = 0;                 // index into places(): where it happens
  std::vector<uint32_t> places;      // other places involved (first = city)
  std::vector<uint32_t> orgs;        // organisations, main one first
  std::vector<Person> people;
  // The event's own vocabulary (indices into nouns() / verbs() / adjectives()),
  // main subject first: different events are told with different words.
  std::vector<uint32_t> nouns, verbs, adjectives;
  uint32_t weekday = 0;              // the day things happened
};

enum class Agency { kAP, kReuters, kAFP, kLocal };

struct StorySpec {
  uint64_t index = 0;     // story number, unique in the crawl (its gold_group)
  uint64_t seed = 0;      // wording of this story's sentences
  int64_t time = 0;       // when the agency sent it (seconds since the epoch)
  Agency agency = Agency::kAP;
  uint32_t target_words = 400;
  EventSpec event;
};

struct StoryText {
  std::string title;                    // the wire headline
  std::vector<std::string> alt_titles;  // headlines a site may use instead
  std::vector<std::string> paragraphs;  // the first starts with the dateline
};

// Draws a fresh event (people, places, vocabulary) from `rng`.
EventSpec make_event(Rng& rng);

// Renders a story: same spec → same text.
StoryText render_story(const StorySpec& spec);

}  // namespace copydesk::gen
