#include "gen/story.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "copydesk/date.h"
#include "gen/vocab.h"

namespace copydesk::gen {
namespace {

// Codes in templates, expanded by Renderer::slot():
//   {P} person, first mention "Name, description," — {Pe} same at sentence end
//   {Ps} surname   {O} organisation   {L} city   {C} country
//   {O2} {L2} an organisation / city other than the last {O} / {L}
//   {n} {ns} {a} {v} {vb} {vs}   the event's noun / plural / adjective / verb
//                                (past, base, third person)
//   {N} {Ns} {A} {V} {Vb}        any word of the built-in lists
//   {num} {big} {pct} {day} {mon} {per} {pers} {q} (a quoted clause)
constexpr std::array kLedes = {
    "{O} {v} a {a} {n} on {day}, a decision that {v} {ns} across {C} and {v} the {A} {N}.",
    "{num} {ns} were {v} in {L} on {day} after a {a} {n} {v} the {N}, officials said.",
    "{P} on {day} {v} the {a} {n}, saying the {ns} had been {v} by {O}.",
    "The {a} {n} in {C} {v} {pct} in {mon}, {O} said on {day}, as {ns} {v} the {A} {N}.",
    "{O} {v} the {n} on {day}, a {a} step that {v} {Ns} and {ns} in {L}.",
    "Authorities in {L} {v} the {a} {n} on {day} after {big} {ns} {v} the {N}.",
};

constexpr std::array kBody = {
    "{O} {v} the {a} {n} on {day}, a move that {v} {ns} across {C}.",
    "The {n} {v} {num} {ns} in {L} over the past {per}, according to figures from {O}.",
    "{P} said the {n} would {vb} the {a} {N} in the coming {pers}.",
    "Officials in {L} {v} the {n} after {num} {ns} were {v} near the {a} {N}.",
    "{P} told reporters that the {ns} had been {v} by {O}.",
    "It was not immediately clear whether the {n} would {vb} {Ns} in {L}.",
    "The {a} {n} comes as {O} {v} a {A} {N} amid {a} {ns}.",
    "Critics say the {n} {v} {Ns} and {v} the {a} {n}.",
    "{O} did not immediately respond to a request for comment on the {n}.",
    "The {n} is expected to {vb} {num} {ns} by the end of the {per}.",
    "Last {per}, {O} {v} a {A} {N} that {v} the {ns} in {L}.",
    "{Ps} added that {O} had {v} the {n} twice since {mon}.",
    "About {big} {Ns} in {C} {v} the {a} {n}, {O} said in a statement.",
    "The {a} {ns} have {v} {Ns} in {L} and {L2}, where the {n} remains {a}.",
    "Under the {a} {n}, {ns} would be {v} to {vb} the {N} within {num} {pers}.",
    "{P} {v} the {n} as {A}, saying it {v} the {a} {Ns}.",
    "The {n} {v} {pct} in the {a} {per}, {O} said.",
    "Several {Ns} were {v} in {L} on {day} as the {a} {n} {v} the {N}.",
    "{O}, which {v} the {n} in {mon}, said it would {vb} its {a} {ns}.",
    "Analysts said the {a} {n} could {vb} the {N} and {vb} {ns} across {C}.",
    "In {L}, {ns} {v} the {A} {n} and {v} {num} {Ns}.",
    "The {n} follows {a} {Ns} between {O} and {O2} over the {A} {N}.",
    "{Ps} said {O} was prepared to {vb} the {n} if the {Ns} {v} the {a} {N}.",
    "A {a} {n} in {L} {v} {big} {ns} on {day}, local media reported.",
    "The {N} had {v} the {a} {n} for {num} {pers} before {O} {v} it.",
    "Neither {O} nor {O2} {v} the {a} {ns} publicly.",
    "{P}, who has {v} the {n} since {mon}, said the {Ns} were {A}.",
    "The {A} {n} will {vb} the {ns} that {v} {L} last {per}.",
    "Residents of {L} said the {n} had {v} their {Ns} and {v} the {a} {N}.",
    "The {ns} {v} {pct} from a {per} earlier, {O} said on {day}.",
    "{O} has {v} {big} {Ns} since the {n} began, {Ps} said.",
    "The {A} {N} {vs} the {n} and {vs} {num} {ns} each {per}.",
};

constexpr std::array kQuotes = {
    "we will not {vb} the {n} until the {ns} are {A}",
    "this {n} is {a} for {C} and for the {Ns} who depend on it",
    "the {ns} have been {v} for too long",
    "nobody expected the {n} to {vb} so quickly",
    "we are working with {O} to {vb} the {a} {N}",
    "there is a {A} {n} here, and we intend to {vb} it",
    "it is too early to say whether the {n} will {vb} the {Ns}",
    "our {Ns} deserve a {a} {n} and a {A} {N}",
    "we {v} every {n} we could find in {L}",
    "the {n} was {a}, but the {Ns} were {A}",
    "people in {L} want to know who {v} the {n}",
    "I have never seen a {n} like this in {num} years",
    "the {a} {ns} show that {O} {v} the {N}",
};

constexpr std::array kHeadlines = {
    "{O} {vs} {a} {n} in {L}",
    "{Ps} says {n} will {vb} {ns}",
    "{L}: {O} to {vb} {a} {n}",
    "{num} {ns} {v} after {n} in {L}",
    "{A} {n} {vs} {Ns} in {C}",
    "{O} {vs} {n} amid {a} {Ns}",
    "{C} to {vb} {n} after {a} {N}",
    "{a} {n} {vs} {ns} as {O} {vs} {N}",
};

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"};
constexpr std::array<std::string_view, 12> kMonthsAp = {
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."};
constexpr std::array<std::string_view, 10> kSmallNumbers = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

const ZipfTable& zipf_for(size_t n) {
  // Small lists (an event's own people, places, words): P(i) ∝ 1/(i+1).
  static const std::vector<ZipfTable> small = [] {
    std::vector<ZipfTable> t;
    for (size_t i = 0; i <= 16; ++i) t.emplace_back(i == 0 ? 1 : i, 1.0);
    return t;
  }();
  return small[n];
}
const ZipfTable& global_nouns() { static const ZipfTable t(nouns().size(), 8.0); return t; }
const ZipfTable& global_adjectives() { static const ZipfTable t(adjectives().size(), 8.0); return t; }
const ZipfTable& global_verbs() { static const ZipfTable t(verbs().size(), 8.0); return t; }
const ZipfTable& global_places() { static const ZipfTable t(places().size(), 6.0); return t; }
const ZipfTable& global_orgs() { static const ZipfTable t(organisations().size(), 6.0); return t; }

// Indices drawn from `table` appended to `out` until it holds `count`
// distinct ones (those already in `out` stay first).
void fill_distinct(Rng& rng, const ZipfTable& table, size_t count, std::vector<uint32_t>& out) {
  while (out.size() < count) {
    const auto i = static_cast<uint32_t>(table.sample(rng));
    if (std::find(out.begin(), out.end(), i) == out.end()) out.push_back(i);
  }
}

// `count` distinct indices drawn from `table`.
std::vector<uint32_t> distinct(Rng& rng, const ZipfTable& table, size_t count) {
  std::vector<uint32_t> out;
  fill_distinct(rng, table, count, out);
  return out;
}

bool starts_with_vowel_sound(std::string_view w) {
  if (w.empty()) return false;
  const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
  if (c == 'u') return w.substr(0, 3) != "uni" && w.substr(0, 3) != "Uni";
  return c == 'a' || c == 'e' || c == 'i' || c == 'o';
}

// "a" → "an" before a vowel sound; upper-cases the first letter.
void finish_sentence(std::string& s) {
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if ((s[i] != 'a' && s[i] != 'A') || s[i + 1] != ' ') continue;
    if (i > 0 && std::isalpha(static_cast<unsigned char>(s[i - 1]))) continue;
    if (starts_with_vowel_sound(std::string_view(s).substr(i + 2))) s.insert(i + 1, "n");
  }
  for (char& c : s) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      break;
    }
  }
}

class Renderer {
 public:
  explicit Renderer(const StorySpec& spec)
      : spec_(spec), ev_(*spec.event), rng_(spec.seed), mentioned_(ev_.people.size(), false) {}

  std::string sentence(std::string_view tmpl) {
    std::string s;
    expand(tmpl, s);
    finish_sentence(s);
    return s;
  }

  StoryText render() {
    StoryText text;
    headline_ = true;
    for (size_t h : distinct(rng_, zipf_for(kHeadlines.size()), 4)) {
      std::string title = sentence(kHeadlines[h]);
      if (text.title.empty()) text.title = std::move(title); else text.alt_titles.push_back(std::move(title));
    }
    headline_ = false;
    text.paragraphs.push_back(dateline() + sentence(kLedes[rng_.below(kLedes.size())]));
    size_t words = count_words(text.paragraphs.back());
    std::vector<uint32_t> deck;
    while (words < spec_.target_words) {
      std::string para;
      if (text.paragraphs.size() >= 2 && rng_.chance(0.3)) {
        para = quote_paragraph();
      } else {
        const uint64_t sentences = text.paragraphs.size() == 1 ? 1 : 1 + rng_.below(3);
        for (uint64_t i = 0; i < sentences; ++i) {
          if (deck.empty()) {
            for (uint32_t t = 0; t < kBody.size(); ++t) deck.push_back(t);
            rng_.shuffle(deck);
          }
          if (!para.empty()) para += ' ';
          para += sentence(kBody[deck.back()]);
          deck.pop_back();
        }
      }
      words += count_words(para);
      text.paragraphs.push_back(std::move(para));
    }
    return text;
  }

 private:
  static size_t count_words(const std::string& s) {
    size_t n = 1;
    for (char c : s) n += c == ' ';
    return n;
  }

  std::string quote_paragraph() {
    std::string q = "\"";
    q += sentence(kQuotes[rng_.below(kQuotes.size())]);
    switch (rng_.below(3)) {
      case 0: q += ",\" said "; q += sentence("{Pe}."); break;
      case 1: q += ",\" "; q += sentence("{Ps} said."); break;
      default:
        q += ". ";
        q += sentence(kQuotes[rng_.below(kQuotes.size())]);
        q += ",\" ";
        q += sentence("{P} told reporters in {L}.");
    }
    return q;
  }

  std::string dateline() {
    const std::string iso = format_iso8601(spec_.time);
    const int month = std::stoi(iso.substr(5, 2)) - 1, day = std::stoi(iso.substr(8, 2));
    const std::string city(places()[ev_.city].city);
    std::string upper = city;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    switch (spec_.agency) {
      case Agency::kAP: return upper + " (AP) \xE2\x80\x94 ";
      case Agency::kReuters:
        return upper + ", " + std::string(kMonths[month]) + " " + std::to_string(day) + " (Reuters) - ";
      case Agency::kAFP: return city + " (AFP) - ";
      case Agency::kLocal: {
        std::string m(kMonthsAp[month]);
        if (m.back() == '.') m.pop_back();
        return city + ", " + m + " " + std::to_string(day) + ": ";
      }
    }
    return {};
  }

  template <typename T>
  const T& pick_small(const std::vector<T>& v) { return v[zipf_for(v.size()).sample(rng_)]; }

  // An element of `v` other than `last` (v has at least two distinct ones).
  uint32_t other(const std::vector<uint32_t>& v, uint32_t last) {
    uint32_t x = last;
    while (x == last) x = v[rng_.below(v.size())];
    return x;
  }

  // First mention in the body: "Name, description," (no trailing comma
  // `at_end`); later mentions and headlines: the surname.
  void person(std::string& out, bool at_end, bool surname_only = false) {
    const size_t i = zipf_for(ev_.people.size()).sample(rng_);
    const Person& p = ev_.people[i];
    if (mentioned_[i] || surname_only) {
      out += p.surname;
      return;
    }
    mentioned_[i] = true;
    out += p.full_name;
    out += ", ";
    out += p.description;
    if (!at_end) out += ',';
  }

  void number(std::string& out) {
    const uint64_t n = 2 + rng_.below(rng_.chance(0.5) ? 8 : 58);
    if (n < 10) out += kSmallNumbers[n]; else out += std::to_string(n);
  }

  void slot(std::string_view code, std::string& out) {
    const auto& vb = verbs();
    if (code == "P") person(out, false);
    else if (code == "Pe") person(out, true);
    else if (code == "Ps") person(out, false, /*surname_only=*/headline_);
    else if (code == "O") out += organisations()[last_org_ = pick_small(ev_.orgs)];
    else if (code == "O2") out += organisations()[other(ev_.orgs, last_org_)];
    else if (code == "L") out += places()[last_place_ = pick_small(ev_.places)].city;
    else if (code == "L2") out += places()[other(ev_.places, last_place_)].city;
    else if (code == "C") out += places()[pick_small(ev_.places)].country;
    else if (code == "n") out += nouns()[pick_small(ev_.nouns)];
    else if (code == "ns") out += plural(nouns()[pick_small(ev_.nouns)]);
    else if (code == "a") out += adjectives()[pick_small(ev_.adjectives)];
    else if (code == "v") out += vb[pick_small(ev_.verbs)].past;
    else if (code == "vb") out += vb[pick_small(ev_.verbs)].base;
    else if (code == "vs") out += third_person(vb[pick_small(ev_.verbs)].base);
    else if (code == "N") out += nouns()[global_nouns().sample(rng_)];
    else if (code == "Ns") out += plural(nouns()[global_nouns().sample(rng_)]);
    else if (code == "A") out += adjectives()[global_adjectives().sample(rng_)];
    else if (code == "V") out += vb[global_verbs().sample(rng_)].past;
    else if (code == "Vb") out += vb[global_verbs().sample(rng_)].base;
    else if (code == "num") number(out);
    else if (code == "big") {
      out += std::to_string(1 + rng_.below(89));
      out += rng_.chance(0.5) ? ",000" : ",500";
    } else if (code == "pct") {
      out += std::to_string(1 + rng_.below(40));
      if (rng_.chance(0.5)) { out += '.'; out += static_cast<char>('1' + rng_.below(9)); }
      out += " percent";
    } else if (code == "day") {
      out += weekdays()[rng_.chance(0.8) ? ev_.weekday : rng_.below(7)];
    } else if (code == "mon") out += kMonths[rng_.below(12)];
    else if (code == "per") out += rng_.pick(periods());
    else if (code == "pers") out += plural(rng_.pick(periods()));
    else if (code == "q") expand(kQuotes[rng_.below(kQuotes.size())], out);
  }

  void expand(std::string_view tmpl, std::string& out) {
    size_t i = 0;
    while (i < tmpl.size()) {
      const size_t open = tmpl.find('{', i);
      if (open == std::string_view::npos) {
        out += tmpl.substr(i);
        return;
      }
      out += tmpl.substr(i, open - i);
      const size_t close = tmpl.find('}', open);
      slot(tmpl.substr(open + 1, close - open - 1), out);
      i = close + 1;
    }
  }

  const StorySpec& spec_;
  const EventSpec& ev_;
  Rng rng_;
  std::vector<bool> mentioned_;
  uint32_t last_org_ = 0, last_place_ = 0;
  bool headline_ = false;
};

// Fresh people appended to `people` until it holds `count`, each with a
// surname no one else there has (so "Patel" names one person) and a role at
// one of `orgs`.
void add_people(Rng& rng, const std::vector<uint32_t>& orgs, size_t count, std::vector<Person>& people) {
  while (people.size() < count) {
    const std::string_view surname = rng.pick(last_names());
    if (std::any_of(people.begin(), people.end(), [&](const Person& p) { return p.surname == surname; })) continue;
    Person p;
    p.surname = std::string(surname);
    p.full_name = std::string(rng.pick(first_names())) + " " + p.surname;
    p.description = std::string(rng.pick(roles())) + " " + std::string(organisations()[orgs[rng.below(orgs.size())]]);
    people.push_back(std::move(p));
  }
}

constexpr size_t kPlaces = 3, kOrgs = 3, kPeople = 3, kNouns = 8, kVerbs = 6, kAdjectives = 6;

}  // namespace

uint32_t weekday_of(int64_t time) {
  const int64_t day = time >= 0 ? time / 86400 : (time - 86399) / 86400;
  return static_cast<uint32_t>(((day + 3) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
}

EventSpec make_event(Rng& rng, int64_t time) {
  EventSpec ev;
  ev.places = distinct(rng, global_places(), kPlaces);
  ev.city = ev.places.front();
  ev.orgs = distinct(rng, global_orgs(), kOrgs);
  add_people(rng, ev.orgs, kPeople, ev.people);
  ev.nouns = distinct(rng, global_nouns(), kNouns);
  ev.verbs = distinct(rng, global_verbs(), kVerbs);
  ev.adjectives = distinct(rng, global_adjectives(), kAdjectives);
  ev.weekday = weekday_of(time);
  return ev;
}

EventSpec make_followup_event(const EventSpec& first, Rng& rng, int64_t time) {
  EventSpec ev;
  ev.city = first.city;
  ev.places = {first.city};
  fill_distinct(rng, global_places(), kPlaces, ev.places);
  ev.orgs = {first.orgs.front()};
  fill_distinct(rng, global_orgs(), kOrgs, ev.orgs);
  ev.people = {first.people.front()};
  if (first.people.size() > 1 && rng.chance(0.5)) ev.people.push_back(first.people[1]);
  add_people(rng, ev.orgs, kPeople, ev.people);
  ev.nouns = {first.nouns.front()};
  fill_distinct(rng, global_nouns(), kNouns, ev.nouns);
  ev.verbs = distinct(rng, global_verbs(), kVerbs);
  ev.adjectives = distinct(rng, global_adjectives(), kAdjectives);
  ev.weekday = weekday_of(time);
  return ev;
}

StoryText render_story(const StorySpec& spec) { return Renderer(spec).render(); }

}  // namespace copydesk::gen
