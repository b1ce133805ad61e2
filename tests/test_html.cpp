#include <gtest/gtest.h>
#include <omp.h>

#include <string>
#include <vector>

#include "copydesk/html.h"
#include "html/class_hints.h"
#include "html/input_guard.h"
#include "util/utf8.h"

namespace copydesk {
namespace {

HtmlParams all_text() {
  HtmlParams p;
  p.main_content = false;
  return p;
}

std::string text_of(std::string_view html, const HtmlParams& params = {}) {
  Result<HtmlPage> page = extract_html(html, params);
  EXPECT_TRUE(page.ok()) << page.status().message();
  return page.ok() ? page->text : std::string();
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

// Eight paragraphs of a wire story, 20–40 words each.
const std::vector<std::string>& story_paragraphs() {
  static const std::vector<std::string> p = {
      "The central bank raised its main interest rate by half a point on Tuesday, the largest increase in two decades, "
      "as policymakers tried to slow prices that are rising faster than wages.",
      "Governor Maria Lindqvist told reporters in the capital that the decision was unanimous and that further "
      "increases could follow if inflation did not ease by the summer.",
      "Markets had expected a smaller move. The currency gained nearly one percent against the dollar within minutes "
      "of the announcement, while bank shares rose and builders fell.",
      "Inflation reached 7.4 percent in March, driven by energy and food, according to the statistics office, well "
      "above the bank's target of two percent over the medium term.",
      "Economists said the increase would add about 120 euros a month to the repayments on a typical variable-rate "
      "mortgage, hitting younger households hardest.",
      "The finance ministry welcomed the decision but said the government would extend its energy support scheme "
      "for low-income families until the end of the year.",
      "Opposition leaders criticised both the bank and the government, saying that families had been left to carry "
      "the cost of a crisis they did not cause.",
      "The bank will publish its next forecast in June, when it will also review the pace at which it sells the bonds "
      "it bought during the pandemic.",
  };
  return p;
}

// A news page as crawled: head metadata, site header with navigation, the
// article (headline, byline, eight paragraphs), a link-heavy "Hot this week"
// sidebar in a plain <div>, and a footer. `container` wraps the article:
// "article" for semantic markup, "div" for div soup.
std::string news_page(const std::string& container = "article") {
  std::string h =
      "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
      "<title>Central bank makes biggest rate rise in 20 years | Daily Ledger</title>"
      "<meta property=\"og:title\" content=\"Central bank makes biggest rate rise in 20 years\">"
      "<meta property=\"og:site_name\" content=\"Daily Ledger\">"
      "<meta property=\"article:published_time\" content=\"2024-03-05T10:30:00+01:00\">"
      "<link rel=\"canonical\" href=\"https://www.dailyledger.example/economy/rates-2024\">"
      "<style>.nav{display:flex}</style><script>window.ads = [];</script></head><body>"
      "<header class=\"site\"><a href=\"/\">Daily Ledger</a><nav><ul>";
  for (const char* s : {"Home", "World", "Economy", "Sport", "Culture", "Opinion"})
    h += std::string("<li><a href=\"/") + s + "\">" + s + "</a></li>";
  h += "</ul></nav></header><div class=\"page\"><" + container + " class=\"story\">" +
       "<h1>Central bank makes biggest rate rise in 20 years</h1>"
       "<div class=\"byline\">By <a href=\"/staff/jo\">Jo Smith</a>, economics editor</div>";
  for (const std::string& p : story_paragraphs()) h += "<p>" + p + "</p>\n";
  h += "</" + container + "><div class=\"sidebar\"><h3>Hot this week</h3><ul>";
  for (int i = 0; i < 10; ++i)
    h += "<li><a href=\"/story/" + std::to_string(i) + "\">Minister resigns after week of turmoil over plans number " +
         std::to_string(i) + "</a></li>";
  h += "</ul></div></div><footer><p>© 2024 Daily Ledger. <a href=\"/terms\">Terms</a> <a href=\"/privacy\">Privacy</a>"
       "</p></footer></body></html>";
  return h;
}

TEST(Html, BlockElementsEndLinesInlineElementsDoNot) {
  const std::string html =
      "<p>One <b>bold</b> and <a href=#>a link</a>.</p><div>Two<br>Three</div>"
      "<ul><li>item a</li><li>item <i>b</i></li></ul>"
      "<table><tr><td>cell 1</td><td>cell 2</td></tr></table>"
      "<blockquote>quoted</blockquote><h2>Heading</h2><span>inline</span><em>run</em>on";
  EXPECT_EQ(text_of(html, all_text()),
            "One bold and a link.\nTwo\nThree\nitem a\nitem b\ncell 1\ncell 2\nquoted\nHeading\ninlinerunon");
}

TEST(Html, WhitespaceCollapsesAndEntitiesAreDecoded) {
  EXPECT_EQ(text_of("<p>  caf&eacute;\n\t and&nbsp;&nbsp;cr&egrave;me &amp; &#x263A; &lt;tag&gt;  </p>", all_text()),
            "café and crème & ☺ <tag>");
  EXPECT_EQ(text_of("<pre>line one\n  line two</pre>", all_text()), "line one\nline two");
}

TEST(Html, InvisibleElementsAreDropped) {
  const std::string html =
      "<p>visible</p><script>var hidden1;</script><style>p{}</style><noscript>enable js</noscript>"
      "<template><p>tpl</p></template><svg><text>svg text</text></svg><button>Click</button>"
      "<select><option>opt</option></select><iframe>frame</iframe><textarea>area</textarea>"
      "<div hidden>attr hidden</div><div aria-hidden=\"true\">aria</div>"
      "<div style=\"color: red; DISPLAY: none\">css hidden</div>"
      "<form action=/x><label>Name</label><input value=v><p>form paragraph</p></form>";
  EXPECT_EQ(text_of(html, all_text()), "visible\nName\nform paragraph");
}

TEST(Html, FurnitureDroppedForMainContentKeptForAllText) {
  const std::string story = "<p>" + story_paragraphs()[0] + "</p>";
  const std::string html = "<header>Site header</header><nav><a href=/>Home</a></nav><aside>Aside text</aside>" +
                           std::string("<div role=\"navigation\">Role nav</div><article><header>Article header</header>") +
                           story + "<footer>Article footer</footer></article><footer>Site footer</footer>";
  const std::string all = text_of(html, all_text());
  for (const char* s : {"Site header", "Home", "Aside text", "Role nav", "Article header", "Site footer"})
    EXPECT_NE(all.find(s), std::string::npos) << s;
  const std::string main = text_of(html);
  EXPECT_EQ(main, story_paragraphs()[0]);
}

TEST(Html, TitlePrefersOgTitleAndStripsOnlyTheDeclaredSiteName) {
  Result<HtmlPage> page = extract_html(
      "<title>Title tag | Site</title><meta property=og:title content=\"The og title\"><p>text</p>");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->title, "The og title");

  page = extract_html("<title>Floods hit north | The Herald</title><meta property=og:site_name content=\"the herald\">"
                      "<p>text</p>");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->title, "Floods hit north");
  EXPECT_EQ(page->site_name, "the herald");

  page = extract_html("<title>The Herald - Floods hit north</title><meta property=og:site_name content=\"The Herald\">"
                      "<p>text</p>");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->title, "Floods hit north");

  // No declared site name, or a different one: a dash may belong to the headline.
  page = extract_html("<title>Rates rise - again</title><p>text</p>");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->title, "Rates rise - again");
  page = extract_html("<title>Rates rise - again</title><meta name=application-name content=Ledger><p>text</p>");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->title, "Rates rise - again");
}

std::string date_of(const std::string& html, const HtmlParams& params = {}) {
  Result<HtmlPage> page = extract_html(html, params);
  EXPECT_TRUE(page.ok()) << page.status().message();
  return page.ok() ? page->date_text : "?";
}

TEST(Html, DateFromArticlePublishedTimeFirst) {
  EXPECT_EQ(date_of("<meta property=\"article:published_time\" content=\" 2024-03-05T10:00:00Z \">"
                    "<script type=\"application/ld+json\">{\"datePublished\":\"2020-01-01\"}</script><p>x</p>"),
            "2024-03-05T10:00:00Z");
}

TEST(Html, DateFromJsonLd) {
  EXPECT_EQ(date_of("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":"
                    "\"NewsArticle\",\"datePublished\":\"2024-02-01T08:00:00Z\"}</script><p>x</p>"),
            "2024-02-01T08:00:00Z");
  // @graph: the Article's date wins over the WebPage's listed before it.
  EXPECT_EQ(date_of("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
                    "{\"@type\":\"WebPage\",\"datePublished\":\"2024-01-01\"},"
                    "{\"@type\":[\"Article\",\"NewsArticle\"],\"datePublished\":\"2024-01-02T09:00:00+02:00\"}]}"
                    "</script><p>x</p>"),
            "2024-01-02T09:00:00+02:00");
  // A top-level list, in a script wrapped in an HTML comment.
  EXPECT_EQ(date_of("<script type=\"application/ld+json\"><!--\n[{\"@type\":\"BreadcrumbList\"},"
                    "{\"@type\":\"BlogPosting\",\"datePublished\":\"2023-12-24\"}]\n--></script><p>x</p>"),
            "2023-12-24");
  // Not valid JSON (a raw newline in a string): found as text.
  EXPECT_EQ(date_of("<script type=\"application/ld+json\">{\"headline\":\"two\nlines\",\"datePublished\": "
                    "\"2022-05-06\"}</script><p>x</p>"),
            "2022-05-06");
}

TEST(Html, DateFromTimeElementInsideTheArticle) {
  const std::string story = "<p>" + story_paragraphs()[1] + "</p>";
  EXPECT_EQ(date_of("<div><time datetime=\"2000-01-01\">today</time></div><article><time datetime=\"2024-04-04\">"
                    "April</time>" + story + "</article>"),
            "2024-04-04");
  EXPECT_EQ(date_of("<p>Posted <time datetime=\"2019-09-09\">then</time></p>" + story), "2019-09-09");
  EXPECT_EQ(date_of("<meta itemprop=\"datePublished\" content=\"2021-07-07\"><time datetime=\"2024-04-04\">x</time>"
                    + story),
            "2021-07-07");
}

TEST(Html, DateFromTimeInAPageLevelHeader) {
  // Themes that put the story's <header> (headline, byline) outside any
  // <article>: its text is furniture, its <time> is still the date.
  EXPECT_EQ(date_of("<div class=post><header><h1>Headline</h1><span>By Jo <time datetime=\"2026-03-18T21:00:00+09:00\">"
                    "18 March</time></span></header><p>" + story_paragraphs()[0] + "</p></div>"),
            "2026-03-18T21:00:00+09:00");
  // ... and its text is not: the byline goes with the header.
  HtmlParams short_blocks_count;
  short_blocks_count.min_block_words = 1;
  EXPECT_EQ(text_of("<div><header>Site header <time datetime=\"2026-01-01\">x</time></header><p>Story text.</p></div>",
                    short_blocks_count),
            "Story text.");
}

TEST(Html, LinkHeavySidebarRemovedForMainContentKeptForAllText) {
  const std::string page = news_page();
  const std::string all = text_of(page, all_text());
  EXPECT_NE(all.find("Hot this week"), std::string::npos);
  EXPECT_NE(all.find("Minister resigns after week of turmoil over plans number 3"), std::string::npos);
  const std::string main = text_of(page);
  EXPECT_EQ(main.find("Hot this week"), std::string::npos);
  EXPECT_EQ(main.find("Minister resigns"), std::string::npos);
}

TEST(Html, RealisticNewsPageMainContentIsExactlyTheStory) {
  Result<HtmlPage> page = extract_html(news_page("article"));
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->text, join(story_paragraphs()));
  EXPECT_EQ(page->title, "Central bank makes biggest rate rise in 20 years");
  EXPECT_EQ(page->date_text, "2024-03-05T10:30:00+01:00");
  EXPECT_EQ(page->site_name, "Daily Ledger");
  EXPECT_EQ(page->canonical_url, "https://www.dailyledger.example/economy/rates-2024");
  EXPECT_EQ(page->language, "en-GB");
}

TEST(Html, DivSoupNewsPageMainContentIsExactlyTheStory) {
  // No <article>: the densest run of text decides alone.
  EXPECT_EQ(text_of(news_page("div")), join(story_paragraphs()));
}

TEST(Html, ShortLinesBetweenParagraphsAreKeptSubheadingsToo) {
  const auto& p = story_paragraphs();
  const std::string html = "<div>Share this</div><p>" + p[0] + "</p><p>He declined to comment.</p><h2>Reaction</h2>"
                           "<p>" + p[1] + "</p><div><a href=/x>Read also: other story</a></div><p>" + p[2] +
                           "</p><div>Tags: economy</div><div><a href=/a>a</a> <a href=/b>b</a></div>";
  EXPECT_EQ(text_of(html), p[0] + "\nHe declined to comment.\nReaction\n" + p[1] + "\n" + p[2]);
}

TEST(Html, NonParagraphShortLinesBetweenParagraphsAreDropped) {
  const auto& p = story_paragraphs();
  const std::string html = "<article><p>" + p[0] + "</p><div class=\"slot\">Advertisement</div><p>Short one.</p><p>" +
                           p[1] + "</p><figure><figcaption>Photo: Agency</figcaption></figure><p>" + p[2] +
                           "</p></article>";
  EXPECT_EQ(text_of(html), p[0] + "\nShort one.\n" + p[1] + "\n" + p[2]);
}

TEST(Html, ClassAndIdNamesMarkFurniture) {
  const auto& p = story_paragraphs();
  const std::string html = "<div class=\"post\"><p>" + p[0] + "</p><p>" + p[1] + "</p>" +
                           "<div class=\"ad-slot\">spot_img</div><p>" + p[2] + "</p>" +
                           "<div id=\"comments\" class=\"comments-area\"><h3>Leave a Reply</h3>"
                           "<p>Your email address will not be published. Required fields are marked with a star</p>"
                           "<div class=\"comment-body\"><p>" + p[3] + "</p></div></div></div>";
  EXPECT_EQ(text_of(html), p[0] + "\n" + p[1] + "\n" + p[2]);
  // All-text mode ignores the names.
  EXPECT_NE(text_of(html, all_text()).find("Leave a Reply"), std::string::npos);
  // A name that covers most of the text names a wrapper, not furniture.
  const std::string wrapped = "<div class=\"layout-with-sidebar\"><p>" + p[0] + "</p><p>" + p[1] + "</p></div>";
  EXPECT_EQ(text_of(wrapped), p[0] + "\n" + p[1]);
}

TEST(Html, NameHints) {
  using html::NameHint;
  EXPECT_EQ(html::hint_from_names("comments-area", ""), NameHint::kFurniture);
  EXPECT_EQ(html::hint_from_names("col ad-slot", ""), NameHint::kFurniture);
  EXPECT_EQ(html::hint_from_names("", "SideBar_Right"), NameHint::kFurniture);
  EXPECT_EQ(html::hint_from_names("post-author", ""), NameHint::kFurniture);
  EXPECT_EQ(html::hint_from_names("entry-content", ""), NameHint::kContent);
  EXPECT_EQ(html::hint_from_names("article-header", ""), NameHint::kNone);
  EXPECT_EQ(html::hint_from_names("comment-content", ""), NameHint::kNone);
  EXPECT_EQ(html::hint_from_names("address shadow", "x1"), NameHint::kNone);
  EXPECT_EQ(html::hint_from_names("", ""), NameHint::kNone);
}

TEST(Html, TeaserListOfLinkedHeadlinesWithExcerptsIsCut) {
  // "Top stories": linked headings, each with an excerpt long enough to look
  // like a paragraph, in the same container as the story.
  const auto& p = story_paragraphs();
  std::string html = "<div><div>";
  for (int i = 0; i < 4; ++i) html += "<p>" + p[i] + "</p>";
  html += "</div><div class=\"box\"><h4>Top stories</h4>";
  for (int i = 0; i < 6; ++i) {
    html += "<h3><a href=\"/n/" + std::to_string(i) + "\">Minister resigns after week of turmoil</a></h3>"
            "<div>Paris, Dec 3: The minister resigned on Tuesday after a week of turmoil over...</div>";
  }
  html += "</div></div>";
  EXPECT_EQ(text_of(html), p[0] + "\n" + p[1] + "\n" + p[2] + "\n" + p[3]);
}

TEST(Html, TextWithoutSpacesCountsCharactersAsWords) {
  // Twenty Han characters: ten "words", a good block; the link line is not.
  const std::string han = "中央银行周二宣布加息半个百分点这是二十年来最大";
  EXPECT_EQ(text_of("<p>" + han + "</p><p><a href=/x>更多新闻</a></p>"), han);
}

TEST(Html, BrokenHtmlStillYieldsText) {
  EXPECT_EQ(text_of("<div><p>unclosed paragraph<p>second <b>bold <i>both</b> italic</div></div></span>tail",
                    all_text()),
            "unclosed paragraph\nsecond bold both italic\ntail");
  std::string page = news_page();
  page.resize(page.find("Hot this week") - 30);  // cut inside a tag
  page += "<a href=\"/unfinished";
  Result<HtmlPage> cut = extract_html(page);
  ASSERT_TRUE(cut.ok()) << cut.status().message();
  EXPECT_EQ(cut->text, join(story_paragraphs()));
  EXPECT_EQ(text_of("text before <div <p>>> &amp stray</table></td>", all_text()).substr(0, 11), "text before");
}

TEST(Html, UnclosedFurnitureThatSwallowsThePageDoesNotHideTheStory) {
  const auto& p = story_paragraphs();
  for (const char* furniture : {"header", "nav", "aside"}) {
    const std::string html = std::string("<body><") + furniture + "><a href=/>Home</a> <a href=/w>World</a><div><p>" +
                             p[0] + "</p><p>" + p[1] + "</p></div>";
    EXPECT_EQ(text_of(html), p[0] + "\n" + p[1]) << furniture;
  }
}

TEST(Html, BinaryGarbageIsNotHtml) {
  std::string garbage(100000, '\0');
  uint64_t state = 1;
  for (char& c : garbage) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    c = static_cast<char>(state >> 56);
  }
  Result<HtmlPage> page = extract_html(garbage);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), StatusCode::kParseError);
  EXPECT_EQ(page.status().message().rfind("not HTML: ", 0), 0u) << page.status().message();
  EXPECT_NE(page.status().message().find("% control bytes"), std::string::npos);

  std::string zeros = "<p>" + std::string(1000, '\0') + "</p>";
  page = extract_html(zeros);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().message(), "not HTML: 99% control bytes");
}

TEST(Html, PageWithoutTextIsAnError) {
  for (const char* html : {"", "<html><head><title>t</title></head><body> \n </body></html>",
                           "<script>only()</script><img src=x.png>"}) {
    Result<HtmlPage> page = extract_html(html);
    ASSERT_FALSE(page.ok()) << html;
    EXPECT_EQ(page.status().code(), StatusCode::kParseError);
    EXPECT_EQ(page.status().message(), "no text in page");
  }
  Result<HtmlPage> links = extract_html("<ul><li><a href=/a>one link</a></li><li><a href=/b>two</a></li></ul>");
  ASSERT_FALSE(links.ok());
  EXPECT_EQ(links.status().message(), "no main text in page: every line is mostly links");
  EXPECT_TRUE(extract_html("<ul><li><a href=/a>one link</a></li></ul>", all_text()).ok());
}

TEST(Html, PageAboveTheSizeLimitIsRefused) {
  std::string big;
  big.reserve(100u << 20);
  while (big.size() < (100u << 20)) big += news_page();
  Result<HtmlPage> page = extract_html(big);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), StatusCode::kParseError);
  EXPECT_EQ(page.status().message(),
            "page is " + std::to_string(big.size()) + " bytes, above the limit of " + std::to_string(64u << 20));
  HtmlParams small;
  small.max_input_bytes = 1000;
  EXPECT_FALSE(extract_html(news_page(), small).ok());
}

TEST(Html, DeepNestingIsFlattenedNotFatal) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "deep text";
  for (int i = 0; i < 100000; ++i) deep += "</div>";
  EXPECT_EQ(text_of(deep, all_text()), "deep text");

  std::string formatting;
  for (int i = 0; i < 100000; ++i) formatting += "<span><b>";
  EXPECT_EQ(text_of(formatting + "bold text", all_text()), "bold text");
}

TEST(Html, LimitNestingKeepsTextAndBoundsTheDepth) {
  std::string out;
  EXPECT_FALSE(html::limit_nesting("<div><p>a<p>b</div><script>'<div><div><div>'</script>", 2, out));
  ASSERT_TRUE(html::limit_nesting("<div><section><div class=\"x>y\">a</div>b</section>c</div>", 2, out));
  EXPECT_EQ(out, "<div><section>ab</section>c</div>");
  // Void, self-closing and optional-end-tag elements do not count.
  EXPECT_FALSE(html::limit_nesting("<div><br><img src=x><hr/><li>a<li>b<p>c<td>d<x-y/></div>", 1, out));
}

TEST(Html, OutputIsValidUtf8) {
  Result<HtmlPage> page = extract_html("<title>bad \xC3 title</title><p>caf\xE9 au \xFF\xFE lait</p>");
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(util::is_valid_utf8(page->text));
  EXPECT_TRUE(util::is_valid_utf8(page->title));
  EXPECT_NE(page->text.find("\xEF\xBF\xBD"), std::string::npos) << page->text;
  EXPECT_NE(page->text.find("lait"), std::string::npos);
}

TEST(Html, DeclaredLegacyCharsetIsHonoured) {
  EXPECT_EQ(text_of("<meta charset=\"windows-1252\"><p>caf\xE9 cr\xE8me \x93quoted\x94</p>"),
            "café crème “quoted”");
  EXPECT_EQ(text_of("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
                    "<p>\xCF\xF0\xE8\xE2\xE5\xF2</p>"),
            "Привет");
}

TEST(Html, Utf16WithByteOrderMarkIsDecoded) {
  const std::string ascii = "<p>Hello \xE2\x82\xAC</p>";  // "€" as UTF-8 in the source
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("<p>Hello ")) utf16 += std::string{c, '\0'};
  utf16 += "\xAC\x20";  // U+20AC little-endian
  utf16 += std::string("<\0/\0p\0>\0", 8);
  EXPECT_EQ(text_of(utf16), "Hello €");
}

TEST(Html, ParallelCallsGiveTheSameResults) {
  std::vector<std::string> pages;
  for (int i = 0; i < 64; ++i) pages.push_back(i % 2 ? news_page("article") : news_page("div") + std::to_string(i));
  std::vector<std::string> serial(pages.size()), parallel(pages.size());
  for (size_t i = 0; i < pages.size(); ++i) serial[i] = text_of(pages[i]);
#pragma omp parallel for num_threads(4)
  for (size_t i = 0; i < pages.size(); ++i) {
    Result<HtmlPage> page = extract_html(pages[i]);
    parallel[i] = page.ok() ? page->text : page.status().message();
  }
  EXPECT_EQ(serial, parallel);
  // One extractor per thread.
  std::vector<std::string> per_thread(pages.size());
#pragma omp parallel num_threads(4)
  {
    HtmlExtractor extractor;
#pragma omp for
    for (size_t i = 0; i < pages.size(); ++i) {
      Result<HtmlPage> page = extractor.extract(pages[i]);
      per_thread[i] = page.ok() ? page->text : page.status().message();
    }
  }
  EXPECT_EQ(serial, per_thread);
}

TEST(Html, ReusedExtractorGivesWhatOneShotCallsGive) {
  // Pages of every kind in a row, errors included: the reused parser must
  // not carry anything from one page to the next.
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  std::vector<std::string> pages = {news_page("article"), std::string(2000, '\x01'), "<p>caf\xE9</p>",
                                    deep + "deep", "<div><p>unclosed<p>second", news_page("div"), "",
                                    "<title>t</title><meta charset=windows-1252><p>\xE9t\xE9</p>", news_page()};
  for (bool main : {true, false}) {
    HtmlParams params;
    params.main_content = main;
    HtmlExtractor extractor(params);
    for (int round = 0; round < 2; ++round) {
      for (const std::string& page : pages) {
        const Result<HtmlPage> reused = extractor.extract(page);
        const Result<HtmlPage> fresh = extract_html(page, params);
        ASSERT_EQ(reused.ok(), fresh.ok());
        if (!fresh.ok()) {
          EXPECT_EQ(reused.status().message(), fresh.status().message());
          continue;
        }
        EXPECT_EQ(reused->text, fresh->text);
        EXPECT_EQ(reused->title, fresh->title);
        EXPECT_EQ(reused->date_text, fresh->date_text);
      }
    }
  }
}

TEST(Html, ParamsAreValidated) {
  EXPECT_TRUE(HtmlParams{}.validate().ok());
  HtmlParams p;
  p.max_link_density = 1.5;
  EXPECT_EQ(extract_html("<p>x</p>", p).status().code(), StatusCode::kInvalidArgument);
  p = {};
  p.max_nesting_depth = 3;
  EXPECT_FALSE(p.validate().ok());
  p = {};
  p.max_input_bytes = 0;
  EXPECT_FALSE(p.validate().ok());
  p = {};
  p.max_control_fraction = -0.1;
  EXPECT_FALSE(p.validate().ok());
}

TEST(Html, HostOfUrl) {
  EXPECT_EQ(host_of_url("https://www.Example.COM/news/a.html?x=1#y"), "example.com");
  EXPECT_EQ(host_of_url("http://user:pw@News.BBC.co.uk:8080/path"), "news.bbc.co.uk");
  EXPECT_EQ(host_of_url("www.lemonde.fr/economie/"), "lemonde.fr");
  EXPECT_EQ(host_of_url("//cdn.site.example/x"), "cdn.site.example");
  EXPECT_EQ(host_of_url("HTTPS://WWW2.site.example"), "www2.site.example");
  EXPECT_EQ(host_of_url("https://example.org.:443"), "example.org");
  EXPECT_EQ(host_of_url("http://[2001:db8::1]:80/x"), "[2001:db8::1]");
  EXPECT_EQ(host_of_url("https://www."), "www");
  EXPECT_EQ(host_of_url("https://host.example?q=a@b"), "host.example");
  EXPECT_EQ(host_of_url(""), "");
  EXPECT_EQ(host_of_url("/relative/path"), "");
}

}  // namespace
}  // namespace copydesk
