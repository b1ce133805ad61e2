// Boilerplate: pass 1 (add_page + finalize) and pass 2 (strip) over a crawl of
// news pages with site furniture, and the quality of each setting.
//
// The pages: the generator's crawl (bench_crawl.h, 20k documents on 40
// sites), each rendered as HTML → text would give it: the menu one item a
// line, the headline, byline and date, the story with an ad label or an
// "Also read:" link every few paragraphs, share buttons, a sidebar ("Hot this
// week", "Trending", ...) of 4-8 teasers picked among the site's last 12
// pages (headline, then the first words of the story and "..."), related
// articles, a newsletter prompt, a categories widget whose post counts grow,
// the footer. Each site fixes its choices; a third put the sidebar first.
// "MB/s" counts the page texts, which is what Document::text holds for a
// crawled page.
//
// Before timing, the quality of a few settings is printed: of the story
// lines (headline and paragraphs), how many were lost; of the other lines,
// how many were left. With COPYDESK_BENCH_HTML=1 the same table is printed
// for the generator's own HTML pages (generate_crawl_pages: five themes,
// sidebars, related blocks, tags, comments, cookie banners) turned into all
// their visible text by extract_html with main_content off, then with it on.
// Arg of the timed runs: OpenMP threads (0 = all).
#include <benchmark/benchmark.h>
#include <omp.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstdio>
#include <deque>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench_crawl.h"
#include "copydesk/boilerplate.h"
#include "copydesk/generator.h"
#include "copydesk/html.h"

namespace {

using copydesk_bench::check;
using copydesk_bench::crawl;

struct Rng {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
};

struct Page {
  std::string site;
  std::string title;
  std::string text;
  std::vector<uint8_t> story_line;  // per line of `text`: 1 = headline or paragraph, 0 = furniture
};

struct SiteLook {
  std::vector<std::string> menu;
  std::string label, ad, share, newsletter, copyright;
  std::array<std::string, 4> staff;
  size_t sidebar_items = 6, snippet_words = 8, related_items = 3, insert_every = 4;
  bool sidebar_first = false, also_read = false, categories = false;
  std::deque<std::pair<std::string, std::string>> recent;  // the site's last 12 pages: title, first paragraph
  uint64_t pages = 0;
};

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t begin = 0;
  for (size_t at; (at = s.find(sep, begin)) != std::string::npos; begin = at + sep.size()) {
    out.push_back(s.substr(begin, at - begin));
  }
  out.push_back(s.substr(begin));
  return out;
}

std::string first_words(const std::string& s, size_t n) {
  size_t at = 0;
  for (size_t k = 0; k < n && at != std::string::npos; ++k) at = s.find(' ', at + 1);
  return at == std::string::npos ? s : s.substr(0, at) + "...";
}

SiteLook make_look(const std::string& header, const std::string& footer, Rng& rng) {
  static constexpr std::array kLabels = {"Hot this week", "Trending", "Most read", "Latest news"};
  static constexpr std::array kAds = {"Advertisement", "- Advertisement -", "spot_img", "Sponsored"};
  static constexpr std::array kNames = {"Asha Roy", "Tom Vance", "Li Wei", "Sara Haddad", "Ken Obi", "Mia Lund"};
  SiteLook look;
  look.menu = split(header, " | ");
  look.label = kLabels[rng.below(kLabels.size())];
  look.ad = kAds[rng.below(kAds.size())];
  look.share = rng.chance(0.5) ? "Share this article: Facebook Twitter WhatsApp Email" : "Share";
  look.newsletter = "Get the day's top stories from " + look.menu[0] + " in your inbox every morning. Sign up now";
  look.copyright = footer;
  for (auto& name : look.staff) name = kNames[rng.below(kNames.size())];
  look.sidebar_items = 4 + rng.below(5);
  look.snippet_words = std::array<size_t, 3>{0, 8, 16}[rng.below(3)];
  look.related_items = rng.below(4);
  look.insert_every = 3 + rng.below(3);
  look.sidebar_first = rng.chance(0.33);
  look.also_read = rng.chance(0.5);
  look.categories = rng.chance(0.5);
  return look;
}

Page render(const copydesk::Document& doc, SiteLook& look, Rng& rng) {
  Page page{doc.site, doc.title, "", {}};
  auto line = [&](const std::string& s, bool story) {
    if (!page.text.empty()) page.text += "\n\n";
    page.text += s;
    page.story_line.push_back(0);  // the separator line
    page.story_line.push_back(story);
  };
  auto teaser = [&](size_t k, bool snippet) {
    const auto& [title, first] = look.recent[k];
    line(title, false);
    if (snippet && look.snippet_words > 0) line(first_words(first, look.snippet_words), false);
  };
  auto sidebar = [&] {
    line(look.label, false);
    std::vector<size_t> picks;
    for (size_t k = 0; k < look.recent.size(); ++k) picks.push_back(k);
    for (size_t k = 0; k < picks.size() && k < look.sidebar_items; ++k) {
      std::swap(picks[k], picks[k + rng.below(picks.size() - k)]);
      teaser(picks[k], true);
    }
  };
  const std::vector<std::string> blocks = split(doc.text, "\n\n");  // header, paragraphs, footer
  for (const auto& item : look.menu) line(item, false);
  if (look.sidebar_first) sidebar();
  line(doc.title, true);
  line("By " + look.staff[rng.below(look.staff.size())], false);
  line(doc.date_text.substr(0, 10), false);
  for (size_t i = 1; i + 1 < blocks.size(); ++i) {
    line(blocks[i], true);
    if (i % look.insert_every == 0 && i + 2 < blocks.size()) {
      if (look.also_read && !look.recent.empty() && rng.chance(0.5)) {
        line("Also read: " + look.recent[rng.below(look.recent.size())].first, false);
      } else {
        line(look.ad, false);
      }
    }
  }
  line(look.share, false);
  if (!look.sidebar_first) sidebar();
  if (look.related_items > 0 && !look.recent.empty()) {
    line("Related Articles", false);
    for (size_t k = 0; k < look.related_items && k < look.recent.size(); ++k) teaser(k, false);
  }
  line(look.newsletter, false);
  if (look.categories) {
    line("Popular Categories", false);
    for (size_t k = 1; k < look.menu.size(); ++k) line(look.menu[k] + " " + std::to_string(100 + k * 37 + look.pages / (3 + 2 * k)), false);
  }
  line(look.copyright, false);
  page.story_line.erase(page.story_line.begin());  // no separator before the first line

  look.recent.emplace_front(doc.title, blocks.size() > 2 ? blocks[1] : doc.title);
  if (look.recent.size() > 12) look.recent.pop_back();
  look.pages += 1;
  return page;
}

struct Pages {
  std::vector<Page> pages;
  uint64_t bytes = 0;
};

const Pages& pages() {
  static const Pages p = [] {
    Pages out;
    std::unordered_map<std::string, SiteLook> looks;
    Rng rng{2026};
    for (const copydesk::Document& doc : crawl().docs) {
      auto it = looks.find(doc.site);
      if (it == looks.end()) {
        const auto blocks = split(doc.text, "\n\n");
        it = looks.emplace(doc.site, make_look(blocks.front(), blocks.back(), rng)).first;
      }
      out.pages.push_back(render(doc, it->second, rng));
      out.bytes += out.pages.back().text.size();
    }
    return out;
  }();
  return p;
}

// The generator's HTML pages as extract_html gives them; story lines are the
// document's paragraphs and the page's title.
Pages html_pages(bool main_content) {
  Pages out;
  copydesk::GeneratorParams gp;
  gp.num_docs = crawl().docs.size();
  gp.seed = 1;
  copydesk::HtmlParams hp;
  hp.main_content = main_content;
  const copydesk::Status s = copydesk::generate_crawl_pages(gp, [&](const copydesk::GeneratedPage& g) {
    copydesk::Result<copydesk::HtmlPage> html = copydesk::extract_html(g.html, hp);
    if (!html.ok()) return html.status();
    const auto blocks = split(g.doc.text, "\n\n");
    const std::set<std::string> story(blocks.begin() + 1, blocks.end() - 1);  // not the site's header, footer
    Page page{g.doc.site, html->title, html->text, {}};
    for (const std::string& line : split(page.text, "\n")) {
      page.story_line.push_back(story.count(line) > 0 || line == page.title);
    }
    out.bytes += page.text.size();
    out.pages.push_back(std::move(page));
    return copydesk::Status::Ok();
  });
  check(s.ok(), "generate and extract the HTML pages");
  return out;
}

copydesk::BoilerplateModel count(const copydesk::BoilerplateParams& params, int threads,
                                 const Pages& crawl_pages = pages()) {
  const auto& all = crawl_pages.pages;
  std::vector<copydesk::BoilerplateModel> models;
  for (int t = 0; t < threads; ++t) models.emplace_back(params);
#pragma omp parallel for num_threads(threads) schedule(static)
  for (size_t i = 0; i < all.size(); ++i) models[omp_get_thread_num()].add_page(all[i].site, all[i].text);
  copydesk::BoilerplateModel model = std::move(models[0]);
  for (int t = 1; t < threads; ++t) check(model.merge(std::move(models[t])).ok(), "merge");
  check(model.finalize().ok(), "finalize");
  return model;
}

struct Quality {
  uint64_t story_lines = 0, story_lost = 0, story_bytes = 0, story_bytes_lost = 0;
  uint64_t other_lines = 0, other_left = 0, other_bytes = 0, other_bytes_left = 0;
};

// Kept lines are a subsequence of the page's lines: walk both.
Quality measure(const copydesk::BoilerplateModel& model, const Pages& crawl_pages, bool strip = true) {
  Quality q;
  for (const Page& p : crawl_pages.pages) {
    const std::string out = strip ? model.strip(p.site, p.text, p.title) : p.text;
    const auto in_lines = split(p.text, "\n"), out_lines = split(out, "\n");
    size_t j = 0;
    for (size_t i = 0; i < in_lines.size(); ++i) {
      const bool kept = j < out_lines.size() && out_lines[j] == in_lines[i];
      j += kept;
      if (in_lines[i].empty()) continue;
      const uint64_t bytes = in_lines[i].size();
      if (p.story_line[i]) {
        q.story_lines += 1, q.story_bytes += bytes;
        q.story_lost += !kept, q.story_bytes_lost += kept ? 0 : bytes;
      } else {
        q.other_lines += 1, q.other_bytes += bytes;
        q.other_left += kept, q.other_bytes_left += kept ? bytes : 0;
      }
    }
  }
  return q;
}

void print_quality(const char* what, const Pages& crawl_pages, bool check_defaults) {
  std::printf("boilerplate quality on %s: %zu pages (%.1f MB)\n", what, crawl_pages.pages.size(),
              static_cast<double>(crawl_pages.bytes) / 1e6);
  std::printf("  %-24s %12s %12s %14s %14s\n", "setting", "story lost", "story B lost", "other left",
              "other B left");
  auto row = [&](const std::string& name, const copydesk::BoilerplateParams& p, bool strip = true) {
    const Quality q = measure(count(p, omp_get_max_threads(), crawl_pages), crawl_pages, strip);
    std::printf("  %-24s %5lu %5.3f%% %11.4f%% %7lu %5.2f%% %13.2f%%\n", name.c_str(), q.story_lost,
                100.0 * static_cast<double>(q.story_lost) / static_cast<double>(q.story_lines),
                100.0 * static_cast<double>(q.story_bytes_lost) / static_cast<double>(q.story_bytes), q.other_left,
                100.0 * static_cast<double>(q.other_left) / static_cast<double>(q.other_lines),
                100.0 * static_cast<double>(q.other_bytes_left) / static_cast<double>(q.other_bytes));
    return q;
  };
  row("nothing removed", {}, false);
  const Quality q = row("defaults", {});
  if (check_defaults) {
    check(q.story_lost * 1000 <= q.story_lines, "the defaults lose at most 0.1 % of story lines");
    check(q.other_left * 10 <= q.other_lines, "the defaults remove at least 90 % of the furniture lines");
  }
  for (uint32_t gap : {0u, 4u}) {
    copydesk::BoilerplateParams p;
    p.list_gap_lines = gap;
    row("list_gap_lines " + std::to_string(gap), p);
  }
  for (uint32_t min_pages : {2u, 4u}) {
    copydesk::BoilerplateParams p;
    p.list_min_pages = min_pages;
    row("list_min_pages " + std::to_string(min_pages), p);
  }
  for (uint32_t lines : {1u, 3u}) {
    copydesk::BoilerplateParams p;
    p.list_min_lines = lines;
    row("list_min_lines " + std::to_string(lines), p);
  }
  for (double fraction : {0.1, 0.5}) {
    copydesk::BoilerplateParams p;
    p.min_page_fraction = fraction;
    p.long_line_page_fraction = std::max(fraction, p.long_line_page_fraction);
    row("min_page_fraction " + std::to_string(fraction).substr(0, 3), p);
  }
  copydesk::BoilerplateParams furniture_only;
  furniture_only.list_min_pages = 1000000;
  row("no list rule", furniture_only);
}

void print_quality() {
  print_quality("rendered text pages", pages(), true);
  if (const char* env = std::getenv("COPYDESK_BENCH_HTML"); env != nullptr && std::string(env) == "1") {
    print_quality("generator HTML, all visible text", html_pages(false), false);
    print_quality("generator HTML, main content", html_pages(true), false);
  }
}

int threads_of(const benchmark::State& state) {
  return state.range(0) > 0 ? static_cast<int>(state.range(0)) : omp_get_max_threads();
}

void report_rates(benchmark::State& state, int threads) {
  const double n = static_cast<double>(state.iterations());
  state.counters["threads"] = threads;
  state.counters["docs/s"] =
      benchmark::Counter(n * static_cast<double>(pages().pages.size()), benchmark::Counter::kIsRate);
  state.counters["MB/s"] = benchmark::Counter(n * static_cast<double>(pages().bytes) / 1e6, benchmark::Counter::kIsRate);
}

// Pass 1: one model per thread, merged, then finalize. One iteration = the crawl.
void BM_CountAndFinalize(benchmark::State& state) {
  if (copydesk_bench::first_time("quality")) print_quality();
  const int threads = threads_of(state);
  for (auto _ : state) {
    copydesk::BoilerplateModel model = count({}, threads);
    benchmark::DoNotOptimize(&model);
  }
  const copydesk::BoilerplateSummary s = count({}, threads).summary();
  state.counters["furniture"] = static_cast<double>(s.furniture_lines);
  state.counters["recurring"] = static_cast<double>(s.recurring_lines);
  state.counters["counted"] = static_cast<double>(s.counted_lines);
  state.counters["count MB"] = static_cast<double>(s.count_bytes) / 1e6;
  state.counters["verdict MB"] = static_cast<double>(s.verdict_bytes) / 1e6;
  report_rates(state, threads);
}
BENCHMARK(BM_CountAndFinalize)->Arg(1)->Arg(0)->UseRealTime()->Unit(benchmark::kMillisecond);

// Pass 2: strip every page. One iteration = the crawl.
void BM_Strip(benchmark::State& state) {
  const int threads = threads_of(state);
  const copydesk::BoilerplateModel model = count({}, omp_get_max_threads());
  const auto& all = pages().pages;
  uint64_t removed = 0;
  for (auto _ : state) {
    removed = 0;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 64) reduction(+ : removed)
    for (size_t i = 0; i < all.size(); ++i) {
      copydesk::StripStats stats;
      const std::string out = model.strip(all[i].site, all[i].text, all[i].title, &stats);
      removed += stats.bytes_removed;
    }
  }
  state.counters["removed %"] = 100.0 * static_cast<double>(removed) / static_cast<double>(pages().bytes);
  report_rates(state, threads);
}
BENCHMARK(BM_Strip)->Arg(1)->Arg(0)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
