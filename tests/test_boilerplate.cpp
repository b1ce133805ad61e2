// Cross-crawl boilerplate removal: the rules of boilerplate.h on small sites
// built here, on the generator's crawl, and on the real seed page inside a
// site of pages that share its sidebar.
#include <gtest/gtest.h>
#include <omp.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "copydesk/boilerplate.h"
#include "copydesk/generator.h"
#include "copydesk/reader.h"

namespace copydesk {
namespace {

// ---------------------------------------------------------------------------
// Page material: a seeded RNG and made-up articles and headlines.

struct Rng {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  template <typename T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }
};

constexpr std::array kWords = {
    "council", "minister", "river",   "budget",  "police",   "school",   "market",  "village", "election",
    "farmers", "hospital", "bridge",  "court",   "festival", "district", "rain",    "prices",  "workers",
    "road",    "power",    "water",   "health",  "students", "report",   "officials", "said",  "announced",
    "new",     "local",    "state",   "plan",    "project",  "week",     "year",    "residents", "protest",
    "funds",   "teachers", "airport", "traffic", "forest",   "tourism",  "trade",   "exports", "railway",
    "flood",   "drought",  "vaccine", "museum",  "library",  "garden",   "harbour", "union",   "strike",
    "meeting", "leaders",  "talks",   "border",  "security", "energy",   "solar",   "coal",    "mine",
    "village", "elders",   "youth",   "football", "cricket", "stadium",  "league",  "coach",   "season"};

std::string words(Rng& rng, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) s += ' ';
    s += kWords[rng.below(kWords.size())];
  }
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// An article: a headline and 8 paragraphs of 22-40 words.
struct Article {
  std::string title;
  std::vector<std::string> paragraphs;
  std::string text() const {
    std::string t = title;
    for (const auto& p : paragraphs) t += "\n\n" + p;
    return t;
  }
  // The sidebar teaser of this article: its first 8 words and "...".
  std::string snippet() const {
    std::string s;
    size_t spaces = 0;
    for (char c : paragraphs[0]) {
      if (c == ' ' && ++spaces == 8) break;
      s += c;
    }
    return s + "...";
  }
};

Article make_article(Rng& rng) {
  Article a;
  a.title = words(rng, 6 + rng.below(5));
  for (int i = 0; i < 8; ++i) a.paragraphs.push_back(words(rng, 22 + rng.below(19)) + ".");
  return a;
}

struct Page {
  std::string site;
  std::string text;
  std::string article;  // what must survive stripping, byte for byte
  std::string title;
};

BoilerplateModel build(const std::vector<Page>& pages, BoilerplateParams params = {}) {
  BoilerplateModel model(params);
  for (const Page& p : pages) model.add_page(p.site, p.text);
  EXPECT_TRUE(model.finalize().ok());
  return model;
}

// A site of `n` pages: article, then "Hot this week" with 4 teasers of the
// site's other pages in rotation, then fixed furniture. With `new_teaser`,
// a teaser of a page outside the crawl, on this page only, is among them.
std::vector<Page> rotating_site(const std::string& site, size_t n, uint64_t seed, bool new_teaser = false) {
  Rng rng{seed};
  std::vector<Article> articles;
  for (size_t i = 0; i < n; ++i) articles.push_back(make_article(rng));
  std::vector<Page> pages;
  for (size_t i = 0; i < n; ++i) {
    Page p{site, articles[i].text(), articles[i].text(), articles[i].title};
    p.text += "\n\nHot this week";
    std::vector<size_t> others;
    for (size_t k = 1; k < n; ++k) others.push_back((i + k) % n);
    rng.shuffle(others);
    for (int k = 0; k < 4; ++k) {
      p.text += "\n\n" + articles[others[k]].title + "\n\n" + articles[others[k]].snippet();
      if (new_teaser && k == 1) p.text += "\n\nJust in: " + words(rng, 7);
    }
    p.text += "\n\nSubscribe to the " + site + " newsletter\n\nAbout us | Contact | Privacy";
    pages.push_back(std::move(p));
  }
  return pages;
}

// ---------------------------------------------------------------------------
// The seed page among pages of its own site.

struct SeedPage {
  std::string text;
  std::string article;  // the text up to and including "... such an event. (AP)"
  std::vector<std::pair<std::string, std::string>> teasers;  // the sidebar's headline and snippet pairs
};

std::optional<SeedPage> read_seed() {
  std::ifstream in(std::string(COPYDESK_DATASETS_DIR) + "/seed/ap-putin-kim-beijing.txt", std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  SeedPage seed;
  seed.text = ss.str();
  const size_t end_of_story = seed.text.find("such an event. (AP)");
  if (end_of_story == std::string::npos) return std::nullopt;
  seed.article = seed.text.substr(0, seed.text.find('\n', end_of_story));
  std::vector<std::string> sidebar;
  std::istringstream lines(seed.text.substr(seed.text.find("Hot this week")));
  std::string line;
  std::getline(lines, line);  // "Hot this week"
  while (std::getline(lines, line) && line != "spot_img") {
    if (!line.empty()) sidebar.push_back(line);
  }
  for (size_t i = 0; i + 1 < sidebar.size(); i += 2) seed.teasers.emplace_back(sidebar[i], sidebar[i + 1]);
  return seed;
}

// The seed plus `others` pages of the same site: each its own article, then
// the seed's kind of sidebar: "Hot this week", `seed_teasers` of the seed's 12
// teasers and `own_teasers` of the other pages' in a shuffled order, then
// "spot_img", "Related Articles", "Popular Categories".
std::vector<Page> seed_site(const SeedPage& seed, size_t others, size_t seed_teasers, size_t own_teasers) {
  const std::string site = "theshillongtimes.example";
  Rng rng{2026};
  std::vector<Article> articles;
  for (size_t i = 0; i < others; ++i) articles.push_back(make_article(rng));
  std::vector<Page> pages{{site, seed.text, seed.article, ""}};
  for (size_t i = 0; i < others; ++i) {
    std::vector<std::pair<std::string, std::string>> teasers = seed.teasers;
    rng.shuffle(teasers);
    teasers.resize(seed_teasers);
    std::vector<size_t> picks;
    for (size_t k = 1; k < others; ++k) picks.push_back((i + k) % others);
    rng.shuffle(picks);
    for (size_t k = 0; k < own_teasers; ++k) teasers.emplace_back(articles[picks[k]].title, articles[picks[k]].snippet());
    rng.shuffle(teasers);
    Page p{site, articles[i].text(), articles[i].text(), articles[i].title};
    p.text += "\n\nHot this week";
    for (const auto& [headline, snippet] : teasers) p.text += "\n\n" + headline + "\n\n" + snippet;
    p.text += "\nspot_img\n\nRelated Articles\n\nPopular Categories\n";
    pages.push_back(std::move(p));
  }
  return pages;
}

// Every page keeps its article whole and loses "Hot this week"; most lose
// their whole sidebar. (A teaser of a page seen once or twice, first in the
// list, stays: rule 3 joins new lines only once a list is under way.)
void expect_articles_whole(const BoilerplateModel& model, const std::vector<Page>& pages, size_t first) {
  size_t exact = 0;
  for (size_t i = first; i < pages.size(); ++i) {
    const std::string out = model.strip(pages[i].site, pages[i].text, pages[i].title);
    EXPECT_EQ(out.substr(0, pages[i].article.size()), pages[i].article) << "page " << i;
    EXPECT_EQ(out.find("Hot this week"), std::string::npos) << "page " << i;
    exact += out == pages[i].article;
  }
  EXPECT_GE(exact * 10, (pages.size() - first) * 8) << exact << " of " << pages.size() - first;
}

TEST(Boilerplate, SeedPageKeepsItsArticleAndLosesTheSidebar) {
  const auto seed = read_seed();
  if (!seed) GTEST_SKIP() << "seed page not found under " << COPYDESK_DATASETS_DIR << "/seed";
  ASSERT_EQ(seed->teasers.size(), 12u);
  const std::vector<Page> pages = seed_site(*seed, 20, 8, 3);
  const BoilerplateModel model = build(pages);

  StripStats stats;
  const std::string stripped = model.strip(pages[0].site, pages[0].text, "", &stats);
  EXPECT_EQ(stripped, seed->article);  // every article line, byte for byte, and nothing after it
  EXPECT_EQ(stripped.find("Hot this week"), std::string::npos);
  EXPECT_EQ(stats.furniture_lines_removed + stats.list_lines_removed, 4u + 24u);
  // The same with the page's title given, as a reader of HTML pages does.
  const std::string title = seed->article.substr(0, seed->article.find('\n'));
  EXPECT_EQ(model.strip(pages[0].site, pages[0].text, title), seed->article);
  expect_articles_whole(model, pages, 1);
}

// Each page shows 2 of the seed's 12 teasers: each is on about a sixth of the
// site's pages, below the furniture share, and goes as part of the list
// that "Hot this week" and "spot_img" anchor.
TEST(Boilerplate, SeedSidebarGoesAsAListWhenTeasersRotateBelowTheFurnitureShare) {
  const auto seed = read_seed();
  if (!seed) GTEST_SKIP() << "seed page not found under " << COPYDESK_DATASETS_DIR << "/seed";
  const std::vector<Page> pages = seed_site(*seed, 60, 2, 4);
  const BoilerplateModel model = build(pages);

  StripStats stats;
  EXPECT_EQ(model.strip(pages[0].site, pages[0].text, "", &stats), seed->article);
  EXPECT_EQ(stats.furniture_lines_removed, 4u);  // Hot this week, spot_img, Related Articles, Popular Categories
  EXPECT_EQ(stats.list_lines_removed, 24u);      // the 12 headlines and their snippets
  expect_articles_whole(model, pages, 1);
}

// ---------------------------------------------------------------------------
// The rules one at a time.

// With list_gap_lines 0, no line that is on one page only is removed, even
// with the most eager settings validate() allows; the sidebar still goes.
TEST(Boilerplate, LinesOnASinglePageAreNeverRemovedWithoutListGaps) {
  BoilerplateParams eager;
  eager.min_page_fraction = 0.01;
  eager.long_line_page_fraction = 0.01;
  eager.min_pages = 2;
  eager.list_min_pages = 2;
  eager.list_min_lines = 1;
  eager.list_gap_lines = 0;
  const std::vector<Page> pages = rotating_site("a.example", 30, 1, true);
  std::map<std::string, int> pages_of_line;
  for (const Page& p : pages) {
    std::set<std::string> lines;
    std::istringstream in(p.text);
    for (std::string line; std::getline(in, line);) lines.insert(line);
    for (const auto& line : lines) pages_of_line[line] += 1;
  }
  const BoilerplateModel model = build(pages, eager);
  size_t single = 0;
  for (const Page& p : pages) {
    const std::string out = model.strip(p.site, p.text);
    std::istringstream in(p.text);
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || pages_of_line[line] != 1) continue;
      ++single;
      EXPECT_NE(out.find(line), std::string::npos) << line;
    }
    EXPECT_EQ(out.find("Hot this week"), std::string::npos);
  }
  EXPECT_GE(single, 30u * 9u);  // 8 paragraphs and the new teaser on each page, and rarely teased pages
}

// With the defaults, a short line on one page only goes when it sits inside
// a list: a teaser of a page the crawl does not show elsewhere.
TEST(Boilerplate, ANewTeaserInsideAListGoes) {
  const std::vector<Page> pages = rotating_site("a.example", 40, 1, true);
  const BoilerplateModel model = build(pages);
  BoilerplateReport report;
  size_t gone = 0;
  for (const Page& p : pages) {
    const std::string out = model.strip(p.site, p.text, p.title, nullptr, &report);
    EXPECT_EQ(out.substr(0, p.article.size()), p.article);  // the article whole
    gone += out.find("Just in:") == std::string::npos;
  }
  // Teasers rotate at random here: a few lists are cut by a run of teasers
  // seen on one or two pages (more than list_gap_lines lines).
  EXPECT_GE(gone, 36u);
  size_t new_in_list = 0;
  const std::vector<SiteBoilerplate> sites = report.sites(0);
  for (const auto& line : sites[0].lines) new_in_list += line.kind == BoilerplateKind::kNewInList;
  EXPECT_GE(new_in_list, 36u);
}

TEST(Boilerplate, RotatingSidebarGoesArticleStays) {
  const std::vector<Page> pages = rotating_site("a.example", 40, 7);
  const BoilerplateModel model = build(pages);
  expect_articles_whole(model, pages, 0);
  size_t list_lines = 0;
  for (const Page& p : pages) {
    StripStats stats;
    model.strip(p.site, p.text, p.title, &stats);
    list_lines += stats.list_lines_removed;
  }
  EXPECT_GT(list_lines, 0u);  // teasers on 4 of 40 pages are not furniture
  const BoilerplateSummary s = model.summary();
  EXPECT_EQ(s.sites, 1u);
  EXPECT_EQ(s.pages, 40u);
  EXPECT_GE(s.furniture_lines, 3u);  // Hot this week, the newsletter prompt, the footer (and a much-teased title)
  EXPECT_GT(s.recurring_lines, 0u);
}

TEST(Boilerplate, SitesDoNotAffectEachOther) {
  std::vector<Page> a = rotating_site("a.example", 30, 1);
  std::vector<Page> b = rotating_site("b.example", 30, 2);
  // b carries a's footer and newsletter prompt on two pages, as text.
  const std::string a_footer = "Subscribe to the a.example newsletter\n\nAbout us | Contact | Privacy";
  b[3].text += "\n\n" + a_footer;
  b[4].text += "\n\n" + a_footer;
  std::vector<Page> all = a;
  all.insert(all.end(), b.begin(), b.end());
  const BoilerplateModel model = build(all);
  EXPECT_EQ(model.strip(a[0].site, a[0].text), a[0].article);
  // "About us | Contact | Privacy" is b's furniture too; a's newsletter prompt is not.
  EXPECT_EQ(model.strip(b[3].site, b[3].text), b[3].article + "\n\nSubscribe to the a.example newsletter");
}

TEST(Boilerplate, TinySitesKeepEverything) {
  std::vector<Page> pages;
  Rng rng{5};
  for (int i = 0; i < 5; ++i) {
    const std::string article = make_article(rng).text();
    pages.push_back({"tiny.example", "Tiny Gazette | Home | News\n\n" + article + "\n\nCopyright Tiny Gazette", article, ""});
  }
  // Four pages: below min_pages (5), nothing is furniture.
  const std::vector<Page> four(pages.begin(), pages.begin() + 4);
  const BoilerplateModel small = build(four);
  for (const Page& p : four) EXPECT_EQ(small.strip(p.site, p.text), p.text);
  // Five pages: the header and footer go.
  const BoilerplateModel enough = build(pages);
  for (const Page& p : pages) EXPECT_EQ(enough.strip(p.site, p.text), p.article);
}

// 50 pages with an "Advertisement" line in the story. A quote that two
// pages repeat, right after it, stays; so does one that six pages repeat in
// different places: a recurring line alone beside furniture is not a list.
TEST(Boilerplate, RepeatedQuotesStay) {
  Rng rng{11};
  const std::string quote = "\"We will not stop until the bridge is rebuilt,\" the minister said.";
  const std::string popular = "\"This is a historic day for the district,\" the chief minister said.";
  std::vector<Page> pages;
  for (int i = 0; i < 50; ++i) {
    Article a = make_article(rng);
    a.paragraphs.insert(a.paragraphs.begin() + 3, "Advertisement");
    if (i == 10 || i == 30) a.paragraphs.insert(a.paragraphs.begin() + 4, quote);
    if (i % 8 == 1) a.paragraphs.insert(a.paragraphs.begin() + 4 + (i % 3), popular);
    std::string article_text = a.text();
    Page p{"q.example", article_text, "", a.title};
    const std::string ad = "\n\nAdvertisement";
    p.article = article_text.erase(article_text.find(ad), ad.size());
    pages.push_back(std::move(p));
  }
  const BoilerplateModel model = build(pages);
  for (const Page& p : pages) EXPECT_EQ(model.strip(p.site, p.text, p.title), p.article);
}

// A site that runs one story on 5 of its 30 pages (updates, AMP, print),
// with "Advertisement" inside: each paragraph keeps its neighbours on every
// copy, so none is recurring, and the story stays whole.
TEST(Boilerplate, StoryRepublishedOnOneSiteStaysWhole) {
  Rng rng{12};
  Article story = make_article(rng);
  for (auto& p : story.paragraphs) p = p.substr(0, p.find(' ', 60));  // short paragraphs: the strictest case
  story.paragraphs.insert(story.paragraphs.begin() + 4, "Advertisement");
  std::vector<Page> pages;
  for (int i = 0; i < 30; ++i) {
    Article a = i % 6 == 0 ? story : make_article(rng);
    if (i % 6 != 0) a.paragraphs.insert(a.paragraphs.begin() + 2, "Advertisement");
    std::string text = "Daily Courier | News | Sports\n\n" + a.text() + "\n\nAll rights reserved";
    std::string article = a.text();
    const std::string ad = "\n\nAdvertisement";
    article.erase(article.find(ad), ad.size());
    pages.push_back({"r.example", text, article, a.title});
  }
  const BoilerplateModel model = build(pages);
  for (const Page& p : pages) EXPECT_EQ(model.strip(p.site, p.text), p.article);
}

// Lines of more than long_line_words words need long_line_page_fraction.
TEST(Boilerplate, LongLinesNeedAHigherShare) {
  Rng rng{13};
  const std::string long_line = words(rng, 30) + ".";
  const std::string short_line = "Download our app";
  auto site = [&](int every) {
    std::vector<Page> pages;
    for (int i = 0; i < 20; ++i) {
      std::string text = make_article(rng).text();
      if (i % every == 0) text += "\n\n" + long_line + "\n\n" + short_line;
      pages.push_back({"l.example", text, "", ""});
    }
    return pages;
  };
  const std::vector<Page> half = site(2);
  const BoilerplateModel m_half = build(half);
  const std::string out = m_half.strip(half[0].site, half[0].text);
  EXPECT_NE(out.find(long_line), std::string::npos);  // on 50 % of the pages: kept
  EXPECT_EQ(out.find(short_line), std::string::npos);  // removed

  const std::vector<Page> all = site(1);
  const BoilerplateModel m_all = build(all);
  EXPECT_EQ(m_all.strip(all[0].site, all[0].text).find(long_line), std::string::npos);  // on 100 %: removed
}

TEST(Boilerplate, LinesCompareNormalized) {
  Rng rng{14};
  const std::array<std::string, 5> variants = {"Hot this week", "HOT THIS WEEK", "Hot  this week!", "hot this week",
                                               "  Hot this week \r"};
  std::vector<Page> pages;
  for (int i = 0; i < 10; ++i) {
    const std::string article = make_article(rng).text();
    pages.push_back({"n.example", article + "\n\n" + variants[i % variants.size()], article, ""});
  }
  const BoilerplateModel model = build(pages);
  for (const Page& p : pages) EXPECT_EQ(model.strip(p.site, p.text), p.article);
}

TEST(Boilerplate, APageOfNothingButBoilerplateIsKeptWhole) {
  Rng rng{15};
  const std::string repeated = make_article(rng).text();
  std::vector<Page> pages;
  for (int i = 0; i < 6; ++i) pages.push_back({"w.example", repeated, repeated, ""});
  const BoilerplateModel model = build(pages);
  StripStats stats;
  EXPECT_EQ(model.strip("w.example", repeated, "", &stats), repeated);
  EXPECT_TRUE(stats.kept_whole);
  EXPECT_EQ(stats.lines_kept, 9u);
}

// Sidebars list the site's own headlines, so a page's title recurs on its
// site. Under the menu and above a recurring date line it would be part of
// a list; given as the page's title, it stays.
TEST(Boilerplate, ThePagesOwnTitleStays) {
  Rng rng{16};
  std::vector<Article> articles;
  for (int i = 0; i < 30; ++i) articles.push_back(make_article(rng));
  const std::array<std::string, 6> dates = {"January 8, 2026", "January 9, 2026", "January 10, 2026",
                                            "January 11, 2026", "January 12, 2026", "January 13, 2026"};
  std::vector<Page> pages;
  for (int i = 0; i < 30; ++i) {
    const Article& a = articles[i];
    std::string body;
    for (const auto& p : a.paragraphs) body += "\n\n" + p;
    std::string text = "Home | World | Sports\n\n" + a.title + "\n\n" + dates[i / 5] + body + "\n\nTrending";
    for (int k = 1; k <= 3; ++k) text += "\n\n" + articles[(i + k * 7) % 30].title;
    pages.push_back({"t.example", text, a.title + "\n\n" + dates[i / 5] + body, a.title});
  }
  const BoilerplateModel model = build(pages);
  for (const Page& p : pages) {
    EXPECT_EQ(model.strip(p.site, p.text, p.title), p.article);
    const std::string untitled = model.strip(p.site, p.text);  // no title given: menu, title and date are a list
    EXPECT_EQ(untitled, p.article.substr(p.article.find("\n\n", p.title.size() + 2) + 2));
  }
}

// ---------------------------------------------------------------------------
// The output: kept lines byte for byte, separators where lines are kept.

TEST(Boilerplate, OutputKeepsLinesAndSeparatorsOfKeptLines) {
  std::vector<Page> pages;
  for (int i = 0; i < 6; ++i) {
    pages.push_back({"o.example", "MENU\nstory " + std::to_string(i) + " first\n\nFOOTER", "", ""});
  }
  const BoilerplateModel model = build(pages);
  const std::string site = "o.example";
  EXPECT_EQ(model.strip(site, "MENU\n\n\nA  b\r\n\nC\n\nFOOTER\n"), "A  b\r\n\nC");
  EXPECT_EQ(model.strip(site, "\nA\n\nMENU\n\nB\n"), "\nA\n\nB\n");
  EXPECT_EQ(model.strip(site, "A\n  \nmenu\n***\n\nB"), "A\n***\n\nB");
  // Nothing removed: the same bytes, whatever they are.
  const std::string odd = "\n\n  A \r\n\t\nB\n\n";
  EXPECT_EQ(model.strip(site, odd), odd);
  // No site, an unknown site: unchanged.
  EXPECT_EQ(model.strip("", "MENU\nA"), "MENU\nA");
  EXPECT_EQ(model.strip("elsewhere.example", "MENU\nA"), "MENU\nA");
  StripStats stats;
  const std::string in = "MENU\nA\nFOOTER";
  const std::string out = model.strip(site, in, "", &stats);
  EXPECT_EQ(out, "A");
  EXPECT_EQ(stats.lines_kept, 1u);
  EXPECT_EQ(stats.furniture_lines_removed, 2u);
  EXPECT_EQ(stats.bytes_removed, in.size() - out.size());
}

// ---------------------------------------------------------------------------
// Threads, the report, errors.

std::string describe(const std::vector<SiteBoilerplate>& report) {
  std::string s;
  for (const auto& site : report) {
    s += site.site + " " + std::to_string(site.pages) + " " + std::to_string(site.pages_stripped) + " " +
         std::to_string(site.lines_removed) + " " + std::to_string(site.bytes_removed) + " " +
         std::to_string(site.distinct_lines) + "\n";
    for (const auto& l : site.lines) {
      s += "  " + l.text + " " + std::to_string(static_cast<int>(l.kind)) + " " + std::to_string(l.pages_seen) +
           " " + std::to_string(l.pages_removed) + "\n";
    }
  }
  return s;
}

TEST(Boilerplate, PerThreadModelsMergeToTheSameResultInAnyOrder) {
  std::vector<Page> pages;
  for (const char* site : {"a.example", "b.example", "c.example"}) {
    const auto more = rotating_site(site, 40, site[0]);
    pages.insert(pages.end(), more.begin(), more.end());
  }
  auto run = [&](uint64_t shuffle_seed, bool reverse_merge) {
    std::vector<size_t> order(pages.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    Rng rng{shuffle_seed};
    rng.shuffle(order);
    std::vector<BoilerplateModel> threads;
    for (int t = 0; t < 4; ++t) threads.emplace_back();
    for (size_t i = 0; i < order.size(); ++i) threads[i % 4].add_page(pages[order[i]].site, pages[order[i]].text);
    if (reverse_merge) std::reverse(threads.begin(), threads.end());
    BoilerplateModel model = std::move(threads[0]);
    for (int t = 1; t < 4; ++t) EXPECT_TRUE(model.merge(std::move(threads[t])).ok());
    EXPECT_TRUE(model.finalize().ok());
    std::vector<BoilerplateReport> reports(3);
    std::string outputs;
    for (size_t i = 0; i < pages.size(); ++i) {
      outputs += model.strip(pages[order[i]].site, pages[order[i]].text, "", nullptr, &reports[i % 3]) + "\f";
    }
    // Outputs in page order, whatever order they were made in.
    std::vector<std::string> by_page(pages.size());
    std::istringstream split(outputs);
    for (size_t i = 0; i < pages.size(); ++i) std::getline(split, by_page[order[i]], '\f');
    for (int r = 1; r < 3; ++r) reports[0].merge(reports[r]);
    return std::make_pair(by_page, describe(reports[0].sites(0)));
  };
  const auto single = [&] {
    const BoilerplateModel model = build(pages);
    BoilerplateReport report;
    std::vector<std::string> out;
    for (const Page& p : pages) out.push_back(model.strip(p.site, p.text, "", nullptr, &report));
    return std::make_pair(out, describe(report.sites(0)));
  }();
  EXPECT_FALSE(single.second.empty());
  for (uint64_t seed : {1, 2, 3}) {
    for (bool reverse : {false, true}) {
      const auto threaded = run(seed, reverse);
      EXPECT_EQ(threaded.first, single.first);
      EXPECT_EQ(threaded.second, single.second);
    }
  }
}

// strip() from many threads at once, each with its own report: the same
// pages and the same report as from one thread.
TEST(Boilerplate, StripFromManyThreads) {
  std::vector<Page> pages;
  for (const char* site : {"a.example", "b.example"}) {
    const auto more = rotating_site(site, 60, site[0], true);
    pages.insert(pages.end(), more.begin(), more.end());
  }
  const BoilerplateModel model = build(pages);
  std::vector<std::string> serial, parallel(pages.size());
  BoilerplateReport serial_report;
  for (const Page& p : pages) serial.push_back(model.strip(p.site, p.text, p.title, nullptr, &serial_report));
  const int threads = 4;
  std::vector<BoilerplateReport> reports(threads);
#pragma omp parallel for num_threads(threads) schedule(dynamic, 3)
  for (size_t i = 0; i < pages.size(); ++i) {
    parallel[i] = model.strip(pages[i].site, pages[i].text, pages[i].title, nullptr, &reports[omp_get_thread_num()]);
  }
  for (int t = 1; t < threads; ++t) reports[0].merge(reports[t]);
  EXPECT_EQ(parallel, serial);
  EXPECT_EQ(describe(reports[0].sites(0)), describe(serial_report.sites(0)));
}

TEST(Boilerplate, ReportListsRemovedLinesWithCounts) {
  std::vector<Page> pages = rotating_site("a.example", 40, 3);
  const auto b = rotating_site("b.example", 10, 4);
  pages.insert(pages.end(), b.begin(), b.end());
  const BoilerplateModel model = build(pages);
  BoilerplateReport report;
  for (const Page& p : pages) model.strip(p.site, p.text, p.title, nullptr, &report);
  const auto sites = report.sites(2);
  ASSERT_EQ(sites.size(), 2u);
  EXPECT_EQ(sites[0].site, "a.example");
  EXPECT_EQ(sites[0].pages, 40u);
  EXPECT_EQ(sites[0].pages_stripped, 40u);
  ASSERT_EQ(sites[0].lines.size(), 2u);  // truncated to 2
  EXPECT_GT(sites[0].distinct_lines, 3u);
  // The three furniture lines are on every page; the two shown come first by text.
  EXPECT_EQ(sites[0].lines[0].text, "About us | Contact | Privacy");
  EXPECT_EQ(sites[0].lines[0].kind, BoilerplateKind::kFurniture);
  EXPECT_EQ(sites[0].lines[0].pages_seen, 40u);
  EXPECT_EQ(sites[0].lines[0].pages_removed, 40u);
  EXPECT_EQ(sites[0].lines[1].text, "Hot this week");
  // All lines: furniture first (removed from 40 pages), then recurring teasers.
  const auto all = report.sites(0)[0];
  EXPECT_EQ(all.lines.size(), all.distinct_lines);
  EXPECT_EQ(all.lines[2].text, "Subscribe to the a.example newsletter");
  uint64_t lines = 0;
  for (size_t i = 0; i < all.lines.size(); ++i) {
    if (i > 0) {
      EXPECT_GE(all.lines[i - 1].pages_removed, all.lines[i].pages_removed);
    }
    if (i >= 3) {
      EXPECT_NE(all.lines[i].kind, BoilerplateKind::kFurniture);
    }
    if (all.lines[i].kind == BoilerplateKind::kNewInList) {
      EXPECT_EQ(all.lines[i].pages_seen, 0u);
    } else {
      EXPECT_LE(all.lines[i].pages_removed, all.lines[i].pages_seen);
    }
    lines += all.lines[i].pages_removed;
  }
  EXPECT_EQ(lines, all.lines_removed);  // no line twice on a page here
  EXPECT_EQ(all.pages_stripped, 40u);
  EXPECT_EQ(sites[1].site, "b.example");
}

TEST(Boilerplate, ParamsAndMisuseAreReported) {
  EXPECT_TRUE(BoilerplateParams{}.validate().ok());
  BoilerplateParams p;
  p.min_pages = 1;
  EXPECT_NE(p.validate().message().find("min_pages"), std::string::npos);
  p = {};
  p.min_page_fraction = 0;
  EXPECT_NE(p.validate().message().find("min_page_fraction"), std::string::npos);
  p = {};
  p.long_line_page_fraction = 0.1;
  EXPECT_NE(p.validate().message().find("long_line_page_fraction"), std::string::npos);
  p = {};
  p.list_min_pages = 1;
  EXPECT_NE(p.validate().message().find("list_min_pages"), std::string::npos);

  BoilerplateModel bad(BoilerplateParams{.min_pages = 0});
  EXPECT_EQ(bad.finalize().code(), StatusCode::kInvalidArgument);

  BoilerplateModel model;
  model.add_page("a.example", "MENU\nA");
  EXPECT_EQ(model.strip("a.example", "MENU\nA"), "MENU\nA");  // not finalized: unchanged
  BoilerplateModel other(BoilerplateParams{.min_pages = 3});
  EXPECT_FALSE(model.merge(std::move(other)).ok());  // different params
  ASSERT_TRUE(model.finalize().ok());
  EXPECT_TRUE(model.finalized());
  EXPECT_FALSE(model.finalize().ok());  // twice
  EXPECT_FALSE(model.merge(BoilerplateModel()).ok());
}

// The generator's crawl: every page of a site has the site's header line and
// footer line around the story. Both go; every paragraph stays.
TEST(Boilerplate, GeneratedCrawlLosesHeaderAndFooterOnly) {
  GeneratorParams gp;
  gp.num_docs = 2000;
  std::vector<Document> docs;
  ASSERT_TRUE(generate_crawl(gp, [&](const Document& d) {
                docs.push_back(d);
                return Status::Ok();
              }).ok());
  BoilerplateModel model;
  for (const Document& d : docs) model.add_page(d.site, d.text);
  ASSERT_TRUE(model.finalize().ok());
  EXPECT_EQ(model.summary().sites, gp.num_sites);
  size_t exact = 0;
  for (const Document& d : docs) {
    const size_t body_begin = d.text.find("\n\n") + 2, body_end = d.text.rfind("\n\n");
    const std::string body = d.text.substr(body_begin, body_end - body_begin);
    exact += model.strip(d.site, d.text, d.title) == body;
  }
  EXPECT_EQ(exact, docs.size());
}

// ---------------------------------------------------------------------------
// Real texts without site furniture: the rules must stay quiet.

std::optional<Corpus> read_dataset(const std::string& relative) {
  const std::string path = std::string(COPYDESK_DATASETS_DIR) + "/" + relative;
  if (!std::ifstream(path)) return std::nullopt;
  CorpusReader reader;
  if (!reader.add_path(path).ok()) return std::nullopt;
  return reader.take();
}

std::string carried_field(const std::string& carried, const std::string& key) {
  size_t at = carried.find("\"" + key + "\":\"");
  if (at == std::string::npos) return "";
  at += key.size() + 4;
  return carried.substr(at, carried.find('"', at) - at);
}

// BBC News, each category taken as a site of 400-500 pages: nothing recurs.
TEST(Boilerplate, BbcArticlesLoseNothing) {
  const auto corpus = read_dataset("bbc/docs.jsonl");
  if (!corpus) GTEST_SKIP() << "dataset not found: " << COPYDESK_DATASETS_DIR << "/bbc (../shared/datasets absent)";
  BoilerplateModel model;
  for (const Document& d : corpus->docs) model.add_page(carried_field(d.carried, "category"), d.text);
  ASSERT_TRUE(model.finalize().ok());
  EXPECT_EQ(model.summary().sites, 5u);
  for (const Document& d : corpus->docs) {
    EXPECT_EQ(model.strip(carried_field(d.carried, "category"), d.text, d.title), d.text) << d.id;
  }
}

// Reuters-21578 taken as one site of ~20k pages: the "REUTER" sign-off is
// its only furniture; lists take a few templated lines of dividend notices.
TEST(Boilerplate, ReutersLosesItsSignOffAndLittleElse) {
  const auto corpus = read_dataset("reuters21578/docs.jsonl.gz");
  if (!corpus) {
    GTEST_SKIP() << "dataset not found: " << COPYDESK_DATASETS_DIR << "/reuters21578 (../shared/datasets absent)";
  }
  BoilerplateModel model;
  for (const Document& d : corpus->docs) model.add_page("reuters", d.text);
  ASSERT_TRUE(model.finalize().ok());
  EXPECT_EQ(model.summary().furniture_lines, 1u);
  BoilerplateReport report;
  uint64_t lines = 0, list_lines = 0, bytes = 0, removed = 0;
  for (const Document& d : corpus->docs) {
    StripStats stats;
    model.strip("reuters", d.text, d.title, &stats, &report);
    lines += stats.lines_kept + stats.furniture_lines_removed + stats.list_lines_removed;
    list_lines += stats.list_lines_removed;
    bytes += d.text.size();
    removed += stats.bytes_removed;
  }
  const auto sites = report.sites(1);
  ASSERT_EQ(sites.size(), 1u);
  EXPECT_EQ(sites[0].lines[0].text, "REUTER");
  EXPECT_GT(sites[0].lines[0].pages_removed, corpus->docs.size() * 9 / 10);
  EXPECT_LT(list_lines * 200, lines);  // under 0.5 % of the lines
  EXPECT_LT(removed * 100, bytes * 3 / 2);  // under 1.5 % of the bytes, the sign-off included
}

}  // namespace
}  // namespace copydesk
