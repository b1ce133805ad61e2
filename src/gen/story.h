// Stories: what a wire story is about (spec) and its rendered text (internal).
//
// The flow is one way: EventSpec (the real-world happening: who, where, the
// words it is told with, the day) → StorySpec (one agency's story about it:
// when, dateline, length, its own wording seed) → StoryText (headline and
// paragraphs) → copies (see copies.h).
//
// An event is told by 1..N stories: StorySpecs sharing one EventSpec, each
// with a seed of its own, so they share names, places and subject words but
// not sentences (gold_event). A storyline is a chain of events days apart
// (gold_storyline): a follow-up event (make_followup_event) keeps the first
// event's city, main organisation, main person (sometimes the second too) and
// main subject noun, and draws everything else afresh. storyline.h plans them.
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
  uint32_t weekday = 0;              // the day things happened (index into weekdays())
};

enum class Agency { kAP, kReuters, kAFP, kLocal };

struct StorySpec {
  uint64_t index = 0;            // story number, unique in the crawl (its gold_group)
  uint64_t event_index = 0;      // the event it tells (its gold_event)
  uint64_t storyline_index = 0;  // the event's storyline (its gold_storyline)
  uint64_t seed = 0;             // wording of this story's sentences
  int64_t time = 0;              // when the agency sent it (seconds since the epoch)
  Agency agency = Agency::kAP;
  uint32_t target_words = 400;
  const EventSpec* event = nullptr;  // what it tells (the same for all the event's stories)
};

struct StoryText {
  std::string title;                    // the wire headline
  std::vector<std::string> alt_titles;  // headlines a site may use instead
  std::vector<std::string> paragraphs;  // the first starts with the dateline
};

// Draws a fresh event (people, places, vocabulary) from `rng`; it happens at
// `time` (seconds since the epoch), which fixes its weekday.
EventSpec make_event(Rng& rng, int64_t time);

// A follow-up of `first` happening at `time`: the same city, main
// organisation and main person (and, half the time, the second person), and
// first's main subject noun second to a fresh one; other places,
// organisations and people, and all other nouns, verbs and adjectives, drawn
// afresh from `rng`.
//
// render_story tells the event from the story's own angle (story.cpp,
// Renderer::choose_angle): part of the event's words plus its own, sources
// and background sentences of its own — calibrated to ECB+ (generator.h).
EventSpec make_followup_event(const EventSpec& first, Rng& rng, int64_t time);

// 0 = Monday … 6 = Sunday, of the UTC day of `time`.
uint32_t weekday_of(int64_t time);

// Renders a story (spec.event must be set): same spec → same text.
StoryText render_story(const StorySpec& spec);

}  // namespace copydesk::gen
