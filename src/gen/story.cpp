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
    "Officials in {L} {v} the {n} after {num} {ns} were {v} near {X}.",
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
    "Several {Ns} were {v} on {X} on {day} as the {a} {n} {v} the {N}.",
    "{O}, which {v} the {n} in {mon}, said it would {vb} its {a} {ns}.",
    "Analysts said the {a} {n} could {vb} the {N} and {vb} {ns} across {C}.",
    "In {L}, {ns} {v} the {A} {n} and {v} {num} {Ns}.",
    "The {n} follows {a} {Ns} between {O} and {O2} over the {A} {N}.",
    "{Ps} said {O} was prepared to {vb} the {n} if the {Ns} {v} the {a} {N}.",
    "A {a} {n} near {X} {v} {big} {ns} on {day}, local media reported.",
    "The {N} had {v} the {a} {n} for {num} {pers} before {O} {v} it.",
    "Neither {O} nor {O2} {v} the {a} {ns} publicly.",
    "{P}, who has {v} the {n} since {mon}, said the {Ns} were {A}.",
    "The {A} {n} will {vb} the {ns} that {v} {L} last {per}.",
    "Residents of {X} said the {n} had {v} their {Ns} and {v} the {a} {N}.",
    "The {ns} {v} {pct} from a {per} earlier, {O} said on {day}.",
    "{O} has {v} {big} {Ns} since the {n} began, {Ps} said.",
    "The {A} {N} {vs} the {n} and {vs} {num} {ns} each {per}.",
};

// Background: what a reporter adds around the news (context, scene, figures),
// in words of its own rather than the event's. Each story draws a few.
constexpr std::array kBackground = {
    "The {N} has long been a {A} issue in {C}, where {Ns} often {Vb} the {N}.",
    "Since {mon}, {Ns} have {V} across {X}, and many {Ns} remain {A}.",
    "Experts have {V} for {num} {pers} that {A} {Ns} could {Vb} the {N}.",
    "Earlier this {per}, a {A} {N} in {X} drew {A} criticism from {Ns}.",
    "The {A} {N} on {X}, once a {A} {N}, has struggled with {A} {Ns}.",
    "Data published in {mon} showed {pct} of {Ns} in {C} had {V} a {A} {N}.",
    "Many residents of {X} rely on the {N} for {Ns}, {Ns} and {Ns}.",
    "{A} figures suggest the {N} has {V} steadily over the past {num} {pers}.",
    "Observers in {X} note that {A} {Ns} elsewhere have {V} {A} results.",
    "{A} newspapers carried photographs of {A} {Ns} and {A} {Ns}.",
    "Schools, hospitals and {Ns} around {X} were {V} as a precaution.",
    "Funding for {Ns} has been {V} twice in {num} {pers}, {W} said.",
    "{A} lawmakers called for an inquiry into the {N} and the {A} {Ns}.",
    "Traffic was heavy on {X} and {X} by {day} evening.",
    "{Ns} expect {A} conditions in {X} to continue for {num} {pers}.",
    "A spokesperson for {O2} declined to comment on the {A} {Ns}.",
    "Prices of {Ns} and {Ns} rose sharply on {X}, said {W}.",
    "Videos shared online showed {A} {Ns} near {X}.",
    "{A} partners have pledged {big} dollars to {Vb} the {A} {Ns}.",
    "{Ns} on {X} estimate losses could reach {big} dollars.",
    "Questions remain over who will {Vb} the {A} {Ns} in {X}.",
    "Unions representing {Ns} in {X} have {V} strikes over {A} {Ns}.",
    "The {A} economy, already hit by {A} {Ns}, grew {pct} last {per}.",
    "Volunteers handed out {Ns} to families in {X}.",
    "Diplomats in {L2} are {V} the {A} {Ns} closely.",
    "At a briefing on {day}, {Ns} pressed {O2} for details on {Ns}.",
    "Records show the {N} on {X} was built {num} decades ago.",
    "{A} groups say {A} {Ns} are often the first to suffer.",
    "\"{q},\" said {W}, who lives near {X}.",
    "In {X}, {W} said the {A} {Ns} had {V} for {num} {pers}.",
    "Crowds gathered on {X} and outside the {N} on {X}.",
    "{W} said she had {V} the {N} near {X} twice this {per}.",
    "Shops on {X} stayed closed, and {Ns} were {V} as far as {X}.",
    "The {A} {N} in {X} was {V} by {num} {Ns}, according to {W}.",
    "{W}, from {X}, said: \"{q}.\"",
    "Photographs from {X} showed {A} {Ns} and {A} {Ns}.",
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
// The long tail of names a story mentions once or twice (a witness, a
// street, a village): coined from syllables, "Tavoren", "Kelmari". Real news
// is full of them, and they are what keeps unrelated stories apart.
constexpr std::array<std::string_view, 40> kSyllables = {
    "ba", "ko", "ri", "ta", "mel", "do", "sa", "vin", "lo", "ne", "ur", "kan", "zi", "mo", "tha", "ra",
    "gul", "pe", "nor", "ash", "vi", "len", "dar", "o", "e", "mi", "tor", "sun", "bel", "ka", "ham", "fi",
    "ros", "te", "li", "an", "go", "wen", "is", "bur"};
constexpr std::array<std::string_view, 8> kNameEndings = {"", "a", "ov", "ez", "en", "i", "ton", "berg"};
constexpr uint32_t kCoinedNames = 40 * 40 * 40 * 8;

std::string coined_name(uint32_t i) {
  std::string name(kSyllables[i % 40]);
  name += kSyllables[(i / 40) % 40];
  if ((i / 1600) % 40 >= 20) name += kSyllables[(i / 1600) % 40];
  name += kNameEndings[i / 64000];
  name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}
const ZipfTable& global_coined() { static const ZipfTable t(kCoinedNames, 200.0); return t; }

const ZipfTable& global_nouns() { static const ZipfTable t(nouns().size(), 200.0); return t; }
const ZipfTable& global_adjectives() { static const ZipfTable t(adjectives().size(), 200.0); return t; }
const ZipfTable& global_verbs() { static const ZipfTable t(verbs().size(), 200.0); return t; }
const ZipfTable& global_places() { static const ZipfTable t(places().size(), 20.0); return t; }
const ZipfTable& global_orgs() { static const ZipfTable t(organisations().size(), 20.0); return t; }

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

// Fresh people appended to `people` until it holds `count`, each with a
// surname no one else there has (so "Patel" names one person) and a role at
// one of `orgs`.
void add_people(Rng& rng, const std::vector<uint32_t>& orgs, size_t count, std::vector<Person>& people,
                bool coined = false) {
  while (people.size() < count) {
    const std::string surname = coined ? coined_name(static_cast<uint32_t>(global_coined().sample(rng)))
                                       : std::string(rng.pick(last_names()));
    if (std::any_of(people.begin(), people.end(), [&](const Person& p) { return p.surname == surname; })) continue;
    Person p;
    p.surname = surname;
    p.full_name = std::string(rng.pick(first_names())) + " " + p.surname;
    p.description = std::string(rng.pick(roles())) + " " + std::string(organisations()[orgs[rng.below(orgs.size())]]);
    people.push_back(std::move(p));
  }
}

// How far apart the stories of one event are (see Renderer::choose_angle),
// calibrated so the hashed-embedding cosines match real news (generator.h).
constexpr double kKeepEventWord = 0.65;   // share of the event's other words a story uses
constexpr size_t kOwnNouns = 8, kOwnVerbs = 6, kOwnAdjectives = 6;  // words of the story's own angle
constexpr double kBodyShare = 0.6;       // share of the body sentence patterns a story draws from
constexpr double kBackgroundShare = 0.7; // share of body sentences that are background
constexpr double kBackgroundPatternShare = 0.3;  // share of the background patterns a story draws from
constexpr double kQuoteShare = 0.3;      // share of paragraphs (after the second) that are quotes

class Renderer {
 public:
  explicit Renderer(const StorySpec& spec) : spec_(spec), ev_(*spec.event), rng_(spec.seed) { choose_angle(); }

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
    std::vector<uint32_t> deck, background;
    while (words < spec_.target_words) {
      std::string para;
      if (text.paragraphs.size() >= 2 && rng_.chance(kQuoteShare)) {
        para = quote_paragraph();
      } else {
        const uint64_t sentences = text.paragraphs.size() == 1 ? 1 : 1 + rng_.below(3);
        for (uint64_t i = 0; i < sentences; ++i) {
          if (!para.empty()) para += ' ';
          if (text.paragraphs.size() >= 2 && rng_.chance(kBackgroundShare)) {
            if (background.empty()) {
              background = background_;
              rng_.shuffle(background);
            }
            para += sentence(kBackground[background.back()]);
            background.pop_back();
            continue;
          }
          if (deck.empty()) {
            deck = body_;
            rng_.shuffle(deck);
          }
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
    switch (rng_.below(4)) {
      case 3: q += ",\" said "; q += sentence("{W}, on {X}."); break;
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

  // The agency's own angle on the event: part of the event's words (its main
  // subject always) mixed with words of its own, one or two sources of its
  // own besides the event's people, and its own pick of sentence patterns.
  void choose_angle() {
    nouns_ = angle(ev_.nouns, global_nouns(), kOwnNouns);
    verbs_ = angle(ev_.verbs, global_verbs(), kOwnVerbs);
    adjectives_ = angle(ev_.adjectives, global_adjectives(), kOwnAdjectives);
    people_ = ev_.people;
    add_people(rng_, ev_.orgs, people_.size() + 1 + rng_.below(2), people_, /*coined=*/true);
    shuffle_tail(people_);
    mentioned_.assign(people_.size(), false);
    for (uint32_t t = 0; t < kBody.size(); ++t) {
      if (rng_.chance(kBodyShare)) body_.push_back(t);
    }
    if (body_.empty()) body_.push_back(0);
    for (uint32_t t = 0; t < kBackground.size(); ++t) {
      if (rng_.chance(kBackgroundPatternShare)) background_.push_back(t);
    }
    if (background_.empty()) background_.push_back(0);
  }

  // The event's first word, each other one with probability kKeepEventWord,
  // and `own` more drawn from `table`; all but the first in random order.
  std::vector<uint32_t> angle(const std::vector<uint32_t>& event_words, const ZipfTable& table, size_t own) {
    std::vector<uint32_t> out = {event_words.front()};
    for (size_t i = 1; i < event_words.size(); ++i) {
      if (rng_.chance(kKeepEventWord)) out.push_back(event_words[i]);
    }
    fill_distinct(rng_, table, out.size() + own, out);
    shuffle_tail(out);
    return out;
  }

  template <typename T>
  void shuffle_tail(std::vector<T>& v) {
    for (size_t i = v.size(); i > 2; --i) std::swap(v[i - 1], v[1 + rng_.below(i - 1)]);
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
    const size_t i = zipf_for(people_.size()).sample(rng_);
    const Person& p = people_[i];
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

  std::string coined() { return coined_name(static_cast<uint32_t>(global_coined().sample(rng_))); }

  // A street, district or village of the story's own.
  void local_place(std::string& out) {
    switch (rng_.below(4)) {
      case 0: out += coined() + " Street"; break;
      case 1: out += "the " + coined() + " district"; break;
      case 2: out += "the village of " + coined(); break;
      default: out += coined() + " Road";
    }
  }

  // Someone the reporter met: "Nadia Belkoren, a 43-year-old shopkeeper".
  void witness(std::string& out) {
    out += rng_.pick(first_names());
    out += ' ';
    out += coined();
    out += ", a ";
    out += std::to_string(19 + rng_.below(60));
    out += "-year-old ";
    out += nouns()[global_nouns().sample(rng_)];
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
    else if (code == "n") out += nouns()[pick_small(nouns_)];
    else if (code == "ns") out += plural(nouns()[pick_small(nouns_)]);
    else if (code == "a") out += adjectives()[pick_small(adjectives_)];
    else if (code == "v") out += vb[pick_small(verbs_)].past;
    else if (code == "vb") out += vb[pick_small(verbs_)].base;
    else if (code == "vs") out += third_person(vb[pick_small(verbs_)].base);
    else if (code == "N") out += nouns()[global_nouns().sample(rng_)];
    else if (code == "Ns") out += plural(nouns()[global_nouns().sample(rng_)]);
    else if (code == "A") out += adjectives()[global_adjectives().sample(rng_)];
    else if (code == "V") out += vb[global_verbs().sample(rng_)].past;
    else if (code == "Vb") out += vb[global_verbs().sample(rng_)].base;
    else if (code == "X") local_place(out);
    else if (code == "W") witness(out);
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
  std::vector<uint32_t> nouns_, verbs_, adjectives_;  // this story's words (see choose_angle)
  std::vector<Person> people_;
  std::vector<uint32_t> body_;        // this story's sentence patterns (indices into kBody)
  std::vector<uint32_t> background_;  // and background patterns (indices into kBackground)
  std::vector<bool> mentioned_;
  uint32_t last_org_ = 0, last_place_ = 0;
  bool headline_ = false;
};

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
  // The storyline's subject noun comes second: a follow-up is told around its
  // own news (a new main subject), about the same people.
  ev.people = {first.people.front()};
  if (first.people.size() > 1 && rng.chance(0.5)) ev.people.push_back(first.people[1]);
  add_people(rng, ev.orgs, kPeople, ev.people);
  fill_distinct(rng, global_nouns(), 1, ev.nouns);
  if (ev.nouns.front() != first.nouns.front()) ev.nouns.push_back(first.nouns.front());
  fill_distinct(rng, global_nouns(), kNouns, ev.nouns);
  ev.verbs = distinct(rng, global_verbs(), kVerbs);
  ev.adjectives = distinct(rng, global_adjectives(), kAdjectives);
  ev.weekday = weekday_of(time);
  return ev;
}

StoryText render_story(const StorySpec& spec) { return Renderer(spec).render(); }

}  // namespace copydesk::gen
