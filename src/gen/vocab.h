// Built-in word lists the story renderer draws from (internal).
//
// A few hundred words of newswire vocabulary plus names, places and
// organisations. Lists are ordered roughly by how common the words are in
// news, so a Zipf-like choice over a list favours its head.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace copydesk::gen {

using WordList = std::vector<std::string_view>;

struct Verb {
  std::string_view base;  // "announce"
  std::string_view past;  // "announced"
};

struct Place {
  std::string_view city;     // "Nairobi"
  std::string_view country;  // "Kenya"
};

const WordList& nouns();        // regular singular nouns ("plan", "agency")
const WordList& adjectives();   // "new", "regional"
const std::vector<Verb>& verbs();
const WordList& first_names();
const WordList& last_names();
const std::vector<Place>& places();
const WordList& organisations();  // "the Ministry of Finance", "Northwind Energy"
const WordList& roles();          // "a spokesperson for" (followed by an organisation)
const WordList& weekdays();
const WordList& periods();        // "week", "month", "year"
const WordList& site_brand_first();   // "Northern" (site brands: "Northern Courier")
const WordList& site_brand_second();  // "Courier"
const WordList& site_sections();      // "World", "Business"

// "agency" → "agencies", "tax" → "taxes", "plan" → "plans".
std::string plural(std::string_view noun);
// "announce" → "announces", "push" → "pushes", "carry" → "carries".
std::string third_person(std::string_view verb);

}  // namespace copydesk::gen
