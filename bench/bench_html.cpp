// HTML → text: extract_html, one thread, with main-content extraction on
// (Arg 1) and off (Arg 0). "Bytes" here are HTML bytes (the input this stage
// reads), not text bytes as in the other stages.
//
// BM_ExtractHtml makes a parser per page (extract_html); BM_HtmlExtractor*
// reuse one (HtmlExtractor). Two page sets:
// - BM_ExtractHtml, BM_HtmlExtractor: the generator's documents
//   (generate_crawl), each wrapped here in a page of its own shape (seeded):
//   head with inline CSS, scripts and JSON-LD, a site header with a nav
//   menu, the story's lines as <p> in an <article> or a plain <div>, share
//   links and an "Also read" box between paragraphs, a "Hot this week" list
//   of linked headlines before or after the story, and a footer: 20–40 KB
//   of HTML per 2–4 KB of text.
// - BM_HtmlExtractorCrawlPages: the generator's own rendered pages
//   (generate_crawl_pages: five site themes with sidebars, teasers, ads,
//   comments, cookie banners).
// Before timing, main-content extraction must give exactly the story on at
// least 90 % of the pages (counter exact_story; see html.h for the figures).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "copydesk/generator.h"
#include "copydesk/html.h"

namespace {

struct Page {
  std::string html;
  std::string story;  // what main-content extraction should return
};

struct Rng {
  uint64_t state;
  uint64_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
};

std::string filler_script(Rng& rng, size_t bytes) {
  std::string s = "<script>(function(w,d){";
  while (s.size() < bytes) {
    s += "w.dataLayer=w.dataLayer||[];w.dataLayer.push({'event':'view','slot':" + std::to_string(rng.below(1000)) +
         ",'size':[300,250]});if(d.cookie.indexOf('consent')<0){d.body.className+=' no-consent';}\n";
  }
  return s + "})(window,document);</script>";
}

// The paragraphs of a document's text (separated by blank lines).
std::vector<std::string> non_empty_lines(const std::string& text) {
  std::vector<std::string> lines;
  for (size_t begin = 0; begin <= text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    if (end > begin) lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

Page wrap(const copydesk::Document& doc, Rng& rng) {
  Page page;
  const std::vector<std::string> lines = non_empty_lines(doc.text);
  for (const std::string& l : lines) page.story += (page.story.empty() ? "" : "\n") + l;

  const bool semantic = rng.below(2) == 0, sidebar_first = rng.below(3) == 0;
  std::string& h = page.html;
  h = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + doc.title + " | " + doc.site +
      "</title><meta name=\"viewport\" content=\"width=device-width\"><meta property=\"og:title\" content=\"" +
      doc.title + "\"><style>";
  for (int i = 0; i < 60; ++i) h += ".c" + std::to_string(i) + "{margin:0 " + std::to_string(i) + "px;color:#333}";
  h += "</style>" + filler_script(rng, 8000 + rng.below(16000)) +
       "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
       "\"headline\":\"" + doc.title + "\",\"datePublished\":\"" + doc.date_text + "\"}</script></head><body>";
  h += "<header class=\"site-header\"><div class=\"logo\"><a href=\"/\">" + doc.site + "</a></div><nav><ul>";
  for (int i = 0; i < 12 + static_cast<int>(rng.below(20)); ++i) {
    h += "<li class=\"menu-item\"><a href=\"/section/" + std::to_string(i) + "\">Section " + std::to_string(i) +
         "</a></li>";
  }
  h += "</ul></nav></header><div class=\"container\"><div class=\"row\">";
  std::string sidebar = "<div class=\"col-4 sidebar\"><div class=\"widget\"><h3>Hot this week</h3><ul>";
  for (int i = 0; i < 10; ++i) {
    sidebar += "<li><a href=\"/news/" + std::to_string(rng.below(100000)) + "\"><img src=\"t.jpg\" alt=\"\">"
               "Officials announce new plan as talks continue for a " + std::to_string(i + 2) + "nd day</a></li>";
  }
  sidebar += "</ul></div></div>";
  if (sidebar_first) h += sidebar;
  h += semantic ? "<main class=\"col-8\"><article class=\"post\">" : "<div class=\"col-8\"><div class=\"entry-content\">";
  h += "<h1 class=\"entry-title\">" + doc.title + "</h1><div class=\"byline\">By <a href=\"/author\">Staff</a> "
       "<time datetime=\"" + doc.date_text + "\">" + doc.date_text.substr(0, 10) + "</time></div>"
       "<div class=\"share\"><a href=\"#\">Facebook</a> <a href=\"#\">X</a> <a href=\"#\">Email</a></div>";
  for (size_t i = 0; i < lines.size(); ++i) {
    h += "<p>" + lines[i] + "</p>\n";
    if (i == lines.size() / 2) {
      h += "<div class=\"also-read\"><strong>Also read:</strong> <a href=\"/news/1\">Markets close higher after "
           "central bank decision</a></div><div class=\"ad-slot\" id=\"ad-" + std::to_string(i) + "\"></div>";
    }
  }
  h += "<div class=\"tags\"><a href=\"/tag/a\">economy</a> <a href=\"/tag/b\">politics</a></div>";
  h += semantic ? "</article></main>" : "</div></div>";
  if (!sidebar_first) h += sidebar;
  h += "</div></div><footer class=\"site-footer\"><p>© 2026 " + doc.site + ". All rights reserved.</p><ul>";
  for (int i = 0; i < 15; ++i) h += "<li><a href=\"/p/" + std::to_string(i) + "\">Page " + std::to_string(i) + "</a></li>";
  h += "</ul></footer>" + filler_script(rng, 4000) + "</body></html>\n";
  return page;
}

const std::vector<Page>& pages() {
  static const std::vector<Page> all = [] {
    std::vector<Page> out;
    copydesk::GeneratorParams p;
    p.num_docs = 120;
    if (const char* env = std::getenv("COPYDESK_BENCH_PAGES")) p.num_docs = std::strtoull(env, nullptr, 10);
    Rng rng{7};
    const copydesk::Status s = copydesk::generate_crawl(p, [&](const copydesk::Document& d) {
      out.push_back(wrap(d, rng));
      return copydesk::Status::Ok();
    });
    if (!s.ok() || out.empty()) {
      std::fprintf(stderr, "bench_html: cannot generate pages: %s\n", s.message().c_str());
      std::exit(2);
    }
    return out;
  }();
  return all;
}

// Before timing: every page gives text, and with main content on, almost
// every page gives exactly its story (a story whose first or last line is a
// short one loses that line).
double check_and_measure_exact(const copydesk::HtmlParams& params) {
  size_t exact = 0;
  for (const Page& page : pages()) {
    copydesk::Result<copydesk::HtmlPage> r = copydesk::extract_html(page.html, params);
    if (!r.ok() || r->text.empty()) {
      std::fprintf(stderr, "bench_html: a page failed: %s\n", r.status().message().c_str());
      std::exit(2);
    }
    exact += r->text == page.story;
  }
  const double fraction = static_cast<double>(exact) / pages().size();
  if (params.main_content && fraction < 0.9) {
    std::fprintf(stderr, "bench_html: only %.0f%% of pages give exactly their story\n", fraction * 100);
    std::exit(2);
  }
  return fraction;
}

// Times extraction over `set`, with a parser per page (extract_html) or one
// reused HtmlExtractor.
void run(benchmark::State& state, const std::vector<Page>& set, bool reuse_parser, double exact) {
  copydesk::HtmlParams params;
  params.main_content = state.range(0) != 0;
  copydesk::HtmlExtractor extractor(params);
  size_t bytes = 0;
  for (const Page& p : set) bytes += p.html.size();
  for (auto _ : state) {
    for (const Page& p : set) {
      copydesk::Result<copydesk::HtmlPage> r =
          reuse_parser ? extractor.extract(p.html) : copydesk::extract_html(p.html, params);
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["pages/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * set.size()), benchmark::Counter::kIsRate);
  state.counters["html_MB"] = static_cast<double>(bytes) / 1e6;
  if (params.main_content) state.counters["exact_story"] = exact;
}

void BM_ExtractHtml(benchmark::State& state) {
  copydesk::HtmlParams params;
  params.main_content = state.range(0) != 0;
  run(state, pages(), false, check_and_measure_exact(params));
}
BENCHMARK(BM_ExtractHtml)->ArgName("main_content")->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

void BM_HtmlExtractor(benchmark::State& state) {
  copydesk::HtmlParams params;
  params.main_content = state.range(0) != 0;
  run(state, pages(), true, check_and_measure_exact(params));
}
BENCHMARK(BM_HtmlExtractor)->ArgName("main_content")->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

// The generator's rendered pages and their stories: the document's lines
// without its first and last (the site's header and footer lines, which
// some themes put inside the story; html.h leaves them to a later stage).
const std::vector<Page>& crawl_pages() {
  static const std::vector<Page> all = [] {
    std::vector<Page> out;
    copydesk::GeneratorParams p;
    p.num_docs = 120;
    if (const char* env = std::getenv("COPYDESK_BENCH_PAGES")) p.num_docs = std::strtoull(env, nullptr, 10);
    const copydesk::Status s = copydesk::generate_crawl_pages(p, [&](const copydesk::GeneratedPage& g) {
      const std::vector<std::string> lines = non_empty_lines(g.doc.text);
      Page page{std::string(g.html), {}};
      for (size_t i = 1; i + 1 < lines.size(); ++i) page.story += (page.story.empty() ? "" : "\n") + lines[i];
      out.push_back(std::move(page));
      return copydesk::Status::Ok();
    });
    if (!s.ok() || out.empty()) {
      std::fprintf(stderr, "bench_html: cannot generate pages: %s\n", s.message().c_str());
      std::exit(2);
    }
    return out;
  }();
  return all;
}

// Text without the lines that are not in `story` (the site's header and
// footer lines when a theme puts them in the story).
std::string story_lines_only(const std::string& text, const std::string& story) {
  std::string out;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(begin, end - begin);
    if (story.find(line) != std::string::npos) out += (out.empty() ? "" : "\n") + line;
    begin = end + 1;
  }
  return out;
}

void BM_HtmlExtractorCrawlPages(benchmark::State& state) {
  copydesk::HtmlParams params;
  params.main_content = state.range(0) != 0;
  size_t exact = 0;
  for (const Page& p : crawl_pages()) {
    copydesk::Result<copydesk::HtmlPage> r = copydesk::extract_html(p.html, params);
    if (!r.ok() || r->text.empty()) {
      std::fprintf(stderr, "bench_html: a page failed: %s\n", r.status().message().c_str());
      std::exit(2);
    }
    exact += story_lines_only(r->text, p.story) == p.story;
  }
  const double fraction = static_cast<double>(exact) / crawl_pages().size();
  if (params.main_content && fraction < 0.9) {
    std::fprintf(stderr, "bench_html: only %.0f%% of crawl pages give their story\n", fraction * 100);
    std::exit(2);
  }
  run(state, crawl_pages(), true, fraction);
}
BENCHMARK(BM_HtmlExtractorCrawlPages)->ArgName("main_content")->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
