#include "gen/page_markup.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "copydesk/date.h"
#include "gen/rng.h"
#include "util/json.h"

namespace copydesk::gen {
namespace {

// Class names of one theme, so that no single set of selectors fits all sites.
struct ThemeNames {
  std::string_view wrap, header, logo, nav, main, article, headline, meta, author, date, content, inner, sidebar,
      widget, widget_title, teaser, teaser_title, excerpt, share, newsletter, related, footer, ad, crumbs, tags;
};

constexpr std::array<ThemeNames, kThemeCount> kThemes = {{
    {"td-outer-wrap", "td-header-wrap", "td-logo", "td-header-menu", "td-main-content-wrap", "td-post-template-default",
     "entry-title", "td-module-meta-info", "td-post-author-name", "td-post-date", "td-post-content", "tagdiv-type",
     "td-main-sidebar", "td_block_wrap", "block-title", "td_module_flex", "entry-title td-module-title", "td-excerpt",
     "td-post-sharing", "td-newsletter", "td-related-row", "td-footer-wrap", "td-a-rec", "entry-crumbs",
     "td-post-source-tags"},
    {"jeg_viewport", "jeg_header", "jeg_logo", "jeg_main_menu", "jeg_main", "jeg_post", "jeg_post_title",
     "jeg_meta_container", "jeg_meta_author", "jeg_meta_date", "content-inner", "jeg_inner_content", "jeg_sidebar",
     "widget jeg_block", "jeg_block_heading", "jeg_post", "jeg_post_title", "jeg_post_excerpt", "jeg_share_button",
     "jeg_newsletter", "jnews_related_post_container", "jeg_footer", "jeg_ad", "jeg_breadcrumbs", "jeg_post_tags"},
    {"page", "site-header", "site-header__logo", "site-nav", "layout", "article", "article__headline",
     "article__byline", "byline__author", "byline__date", "article__body", "article__text", "rail", "rail__module",
     "rail__heading", "teaser", "teaser__title", "teaser__dek", "share-bar", "newsletter-signup", "more-stories",
     "site-footer", "ad-slot", "breadcrumb", "article__tags"},
    {"container-fluid", "navbar navbar-expand-lg", "navbar-brand", "navbar-nav", "container", "col-md-8 post",
     "post-title", "post-meta", "post-author", "post-date", "post-body", "post-text", "col-md-4 sidebar",
     "card widget", "card-header widget-title", "media", "media-heading", "card-text", "social-share",
     "subscribe-box", "related-posts", "footer bg-dark", "ad-container", "breadcrumb", "post-tags"},
    {"wrapper", "header", "logo", "menu", "content", "story", "headline", "storyinfo", "author", "storydate",
     "storytext", "storybody", "rightcolumn", "box", "boxhead", "boxitem", "boxlink", "boxtext", "sharethis",
     "newsletterbox", "morestories", "footer", "adbox", "crumbs", "keywords"},
}};

constexpr std::string_view kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};

// ---- text ----

void append_escaped(std::string& out, std::string_view s, bool numeric_entities) {
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"' && numeric_entities) out += "&quot;";
    else if (c == '\'' && numeric_entities) out += "&#039;";
    else if (c >= 0x80 && numeric_entities && (c & 0xE0) == 0xC0 && i + 1 < s.size()) {
      out += "&#" + std::to_string(((c & 0x1F) << 6) | (s[i + 1] & 0x3F)) + ';';
      i += 1;
    } else if (c >= 0x80 && numeric_entities && (c & 0xF0) == 0xE0 && i + 2 < s.size()) {
      out += "&#" + std::to_string(((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F)) + ';';
      i += 2;
    } else out += static_cast<char>(c);
  }
}

void append_attr(std::string& out, std::string_view s) {
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '"') out += "&quot;";
    else if (c == '<') out += "&lt;";
    else out += c;
  }
}

std::string slug(std::string_view s) {
  std::string out;
  append_slug(out, s);
  return out;
}

// ---- dates ----

std::string visible_date(const LocalTime& t, uint8_t style) {
  char buf[64];
  const std::string month(kMonths[t.month - 1]);
  const int h12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
  switch (style) {
    case 0: std::snprintf(buf, sizeof buf, "%s %d, %d", month.c_str(), t.day, t.year); break;
    case 1: std::snprintf(buf, sizeof buf, "%d %s %d, %02d:%02d", t.day, month.c_str(), t.year, t.hour, t.minute); break;
    case 2: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour, t.minute); break;
    case 3:
      std::snprintf(buf, sizeof buf, "%.3s %d, %d at %d:%02d %s", month.c_str(), t.day, t.year, h12, t.minute,
                    t.hour < 12 ? "am" : "pm");
      break;
    default: std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", t.day, t.month, t.year); break;
  }
  return buf;
}

// Writes tags one per line with indentation, or all on one line for a
// minified site.
class HtmlOut {
 public:
  HtmlOut(std::string& out, const SiteTemplate& t) : out_(out), t_(t) {}

  // Starts a new line at the current depth and returns the buffer to append to.
  std::string& line() {
    if (!t_.minified && !out_.empty()) {
      out_ += '\n';
      out_.append(depth_ * 2, ' ');
    }
    return out_;
  }
  void open(std::string_view tag, std::string_view cls = {}, std::string_view attrs = {}) {
    std::string& o = line();
    o += '<';
    o += tag;
    if (!cls.empty()) {
      o += " class=\"";
      o += cls;
      o += '"';
    }
    if (!attrs.empty()) {
      o += ' ';
      o += attrs;
    }
    o += '>';
    stack_.push_back(tag);
    ++depth_;
  }
  void close() {
    --depth_;
    std::string& o = line();
    o += "</";
    o += stack_.back();
    o += '>';
    stack_.pop_back();
  }
  // <tag class="cls">text</tag> on one line.
  void leaf(std::string_view tag, std::string_view cls, std::string_view text) {
    std::string& o = line();
    o += '<';
    o += tag;
    if (!cls.empty()) {
      o += " class=\"";
      o += cls;
      o += '"';
    }
    o += '>';
    text_(text);
    o += "</";
    o += tag;
    o += '>';
  }
  void text_(std::string_view s) { append_escaped(out_, s, t_.numeric_entities); }
  void link(std::string_view href, std::string_view text) {
    out_ += "<a href=\"";
    append_attr(out_, href);
    out_ += "\">";
    text_(text);
    out_ += "</a>";
  }

 private:
  std::string& out_;
  const SiteTemplate& t_;
  std::vector<std::string_view> stack_;
  size_t depth_ = 0;
};

// What the markup functions see: the content plus the theme's class names.
struct Page : PageContent {
  const ThemeNames& c;
};

std::string href(const Page& p, const std::string& url) {
  if (!p.t.relative_links) return url;
  const size_t path = url.find('/', url.find("//") + 2);
  return path == std::string::npos ? url : url.substr(path);
}

void write_json_ld(const Page& p, std::string& o) {
  o += "<script type=\"application/ld+json\">";
  std::string article = "{\"@type\":\"NewsArticle\",\"headline\":";
  util::append_json_string(article, p.doc.title);
  article += ",\"datePublished\":\"" + p.published.iso + "\",\"dateModified\":\"" + p.modified.iso + "\"";
  article += ",\"author\":{\"@type\":\"Person\",\"name\":";
  util::append_json_string(article, p.author);
  article += "},\"publisher\":{\"@type\":\"Organization\",\"name\":";
  util::append_json_string(article, p.site.brand);
  article += "},\"articleSection\":";
  util::append_json_string(article, p.section);
  article += ",\"mainEntityOfPage\":";
  if (p.t.json_ld_graph) {
    o += "{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebPage\",\"@id\":";
    util::append_json_string(o, p.doc.url);
    o += ",\"url\":";
    util::append_json_string(o, p.doc.url);
    o += ",\"name\":";
    util::append_json_string(o, p.doc.title);
    o += ",\"inLanguage\":\"en-US\"},";
    article += "{\"@id\":";
    util::append_json_string(article, p.doc.url);
    o += article + "}}]}";
  } else {
    o += "{\"@context\":\"https://schema.org\",";
    util::append_json_string(article, p.doc.url);
    o += article.substr(1) + "}";
  }
  o += "</script>";
}

void write_head(const Page& p, HtmlOut& h) {
  const SiteTemplate& t = p.t;
  h.open("head");
  h.line() += "<meta charset=\"utf-8\">";
  h.line() += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  std::string& title = h.line();
  title += "<title>";
  h.text_(p.doc.title);
  h.text_(t.title_separator);
  h.text_(p.site.brand);
  title += "</title>";
  auto meta = [&](std::string_view attr, std::string_view name, std::string_view content) {
    std::string& o = h.line();
    o += "<meta ";
    o += attr;
    o += "=\"";
    o += name;
    o += "\" content=\"";
    append_attr(o, content);
    o += "\">";
  };
  if (t.meta_description) meta("name", "description", first_words(p.paragraphs.front(), 24) + "...");
  h.line() += "<link rel=\"canonical\" href=\"" + p.doc.url + "\">";
  meta("property", "og:type", "article");
  meta("property", "og:site_name", p.site.brand);
  if (t.og_title) meta("property", "og:title", p.doc.title);
  meta("property", "og:url", p.doc.url);
  if (t.meta_published) meta("property", "article:published_time", p.published.iso);
  if (t.meta_modified) meta("property", "article:modified_time", p.modified.iso);
  if (t.meta_published || t.json_ld) meta("property", "article:section", p.section);
  if (t.json_ld) write_json_ld(p, h.line());
  h.line() += "<style>body{font-family:Georgia,serif;margin:0}.hidden{display:none}</style>";
  h.line() += "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
              "gtag('js',new Date());gtag('config','G-" + std::string(p.site.domain.substr(0, 6)) + "');</script>";
  h.close();
}

void write_header(const Page& p, HtmlOut& h) {
  const SiteTemplate& t = p.t;
  const ThemeNames& c = p.c;
  if (t.cookie_banner) {
    h.open("div", "cookie-notice", "id=\"cookie-notice\" role=\"dialog\"");
    h.leaf("p", {}, "We use cookies to give you the best experience on our website. By continuing to browse, "
                    "you agree to our use of cookies.");
    h.line() += "<a href=\"/privacy-policy/\">Learn more</a> <button type=\"button\">Accept</button>";
    h.close();
  }
  if (t.top_bar) {
    h.open("div", "top-bar");
    std::string& o = h.line();
    o += "<span class=\"today\">";
    h.text_(visible_date(p.fetched, 0));
    o += "</span> <span class=\"follow\">Follow us: <a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a> "
         "<a href=\"#\">Instagram</a></span>";
    h.close();
  }
  h.open(t.html5 ? "header" : "div", c.header, t.theme == Theme::kLegacy ? "id=\"header\"" : "");
  h.open("div", c.logo);
  std::string& logo = h.line();
  logo += "<a href=\"/\">";
  if (t.logo_image) {
    logo += "<img src=\"/static/logo.png\" alt=\"";
    append_attr(logo, p.site.brand);
    logo += "\" width=\"240\" height=\"60\">";
  } else {
    h.text_(p.site.brand);
  }
  logo += "</a>";
  h.close();
  h.open(t.html5 ? "nav" : "div", c.nav);
  h.open("ul", "menu");
  h.line() += "<li><a href=\"/\">Home</a></li>";
  for (size_t i = 1; i < t.nav.size(); ++i) {
    std::string& o = h.line();
    o += "<li>";
    h.link("/" + slug(t.nav[i]) + "/", t.nav[i]);
    o += "</li>";
  }
  h.close();
  h.close();
  h.close();
  if (t.breadcrumbs) {
    h.open("div", c.crumbs);
    std::string& o = h.line();
    o += "<a href=\"/\">Home</a> &raquo; ";
    h.link("/" + slug(p.section) + "/", p.section);
    o += " &raquo; <span>";
    h.text_(p.doc.title);
    o += "</span>";
    h.close();
  }
}

void write_share(const Page& p, HtmlOut& h) {
  h.open("div", p.c.share);
  h.leaf("span", "share-label", p.t.share_label);
  std::string& o = h.line();
  for (std::string_view net : {"Facebook", "Twitter", "WhatsApp", "LinkedIn", "Email"}) {
    o += "<a class=\"share-";
    o += slug(net);
    o += "\" href=\"#\" rel=\"nofollow\">";
    o += net;
    o += "</a>";
  }
  h.close();
}

void write_newsletter(const Page& p, HtmlOut& h) {
  h.open("div", p.c.newsletter);
  h.leaf("p", {}, p.t.newsletter_text);
  h.line() += "<form action=\"/newsletter\" method=\"post\"><input type=\"email\" name=\"email\" "
              "placeholder=\"Your email address\"><button type=\"submit\">Subscribe</button></form>";
  h.close();
}

void write_ad(const Page& p, HtmlOut& h) {
  if (p.t.ad_style == 1) {
    h.open("div", p.c.ad);
    h.leaf("span", "ad-label", "Advertisement");
    h.line() += "<div id=\"div-gpt-ad-" + std::string(p.post_id) + "-0\"></div>";
    h.close();
  } else {
    h.leaf("div", p.c.ad, p.t.ad_style == 2 ? "spot_img" : "- Advertisement -");
  }
}

void write_also_read(const Page& p, HtmlOut& h, const Teaser& teaser) {
  if (p.t.also_read == 1) {
    std::string& o = h.line();
    o += "<aside class=\"also-read\"><span>Also read:</span> ";
    h.link(href(p, teaser.url), teaser.title);
    o += "</aside>";
  } else {
    std::string& o = h.line();
    o += "<p><strong>Also read:</strong> ";
    h.link(href(p, teaser.url), teaser.title);
    o += "</p>";
  }
}

void write_paragraph(const Page& p, HtmlOut& h, std::string_view text, bool first) {
  std::string& o = h.line();
  o += p.t.theme == Theme::kBem ? "<p class=\"article__paragraph\">" : "<p>";
  size_t bold = 0;
  if (first && p.t.strong_dateline) {
    // The dateline: up to ") " ("BEIJING (AP) — ") or ": " ("Rome, March 27: ").
    const size_t paren = text.find(") "), colon = text.find(": ");
    const size_t end = std::min(paren == std::string_view::npos ? paren : paren + 1,
                                colon == std::string_view::npos ? colon : colon + 1);
    if (end <= 80) bold = end;
  }
  if (bold > 0) {
    o += "<strong>";
    h.text_(text.substr(0, bold));
    o += "</strong>";
  }
  h.text_(text.substr(bold));
  o += "</p>";
}

void write_story(const Page& p, HtmlOut& h) {
  const SiteTemplate& t = p.t;
  const ThemeNames& c = p.c;
  const std::string post_attr = "id=\"post-" + std::string(p.post_id) + "\"";
  if (t.article_element) h.open("article", c.article, post_attr);
  else h.open("div", c.article, post_attr);

  h.open(t.html5 ? "header" : "div", "entry-header");
  if (t.theme == Theme::kNewspaper || t.theme == Theme::kJnews) {
    std::string& o = h.line();
    o += "<a class=\"post-category\" href=\"/" + slug(p.section) + "/\">";
    h.text_(p.section);
    o += "</a>";
  }
  h.leaf("h1", c.headline, p.doc.title);
  h.open("div", c.meta);
  std::string& by = h.line();
  by += "<span class=\"";
  by += c.author;
  by += "\">";
  const std::string author_href = "/author/" + slug(p.author) + "/";
  switch (t.byline_style) {
    case 0: by += "By "; h.link(author_href, p.author); break;
    case 1: h.link(author_href, p.author); break;
    case 2: by += "Written by "; h.text_(p.author); break;
    default: h.text_(p.author); by += " | Staff writer"; break;
  }
  by += "</span> <span class=\"";
  by += c.date;
  by += "\">";
  if (t.byline_style == 2) by += "Published ";
  if (t.time_tag) by += "<time datetime=\"" + p.published.iso + "\">";
  h.text_(visible_date(p.published, t.date_style));
  if (t.time_tag) by += "</time>";
  by += "</span>";
  h.close();
  if (t.share == 1 || t.share == 3) write_share(p, h);
  h.close();

  if (t.article_element) {
    h.open("div", c.content);
  } else {
    h.open("div", "entry-content");
    h.open("div", c.inner);
  }
  if (t.boilerplate_in_content && p.has_boilerplate) h.leaf("p", "site-tagline", p.header_line);
  size_t also = 0, inserts = 0;
  for (size_t i = 0; i < p.paragraphs.size(); ++i) {
    write_paragraph(p, h, p.paragraphs[i], i == 0);
    const size_t n = i + 1;
    if (n % t.insert_every != 0 || n == p.paragraphs.size() || inserts == 3) continue;
    const bool want_ad = t.ad_style != 0 && (t.also_read == 0 || inserts % 2 == 0);
    if (want_ad) {
      write_ad(p, h);
      ++inserts;
    } else if (t.also_read != 0 && also < p.also.size()) {
      write_also_read(p, h, *p.also[also++]);
      ++inserts;
    }
  }
  if (t.boilerplate_in_content && p.has_boilerplate) h.leaf("p", "site-footer-note", p.footer_line);
  h.close();
  if (!t.article_element) h.close();

  if (t.tags) {
    h.open("div", c.tags);
    std::string& o = h.line();
    o += "<span>Tags:</span> ";
    h.link("/tag/" + slug(p.section) + "/", p.section);
    o += ' ';
    h.link("/tag/top-stories/", "Top Stories");
    h.close();
  }
  if (t.share >= 2) write_share(p, h);
  if (t.newsletter == 0) write_newsletter(p, h);
  if (!p.related.empty()) {
    h.open("div", c.related);
    h.leaf("h3", "related-title", t.related_label);
    h.open("ul");
    for (const Teaser* r : p.related) {
      std::string& o = h.line();
      o += "<li>";
      h.link(href(p, r->url), r->title);
      o += "</li>";
    }
    h.close();
    h.close();
  }
  if (t.comments) {
    h.open("div", "comments-area", "id=\"comments\"");
    h.leaf("h3", "comment-reply-title", "Leave a Reply");
    h.leaf("p", "comment-notes", "Your email address will not be published. Required fields are marked *");
    h.line() += "<form action=\"/wp-comments-post.php\" method=\"post\"><textarea name=\"comment\"></textarea>"
                "<button type=\"submit\">Post Comment</button></form>";
    h.close();
  }
  h.close();
}

void write_sidebar(const Page& p, HtmlOut& h) {
  const SiteTemplate& t = p.t;
  const ThemeNames& c = p.c;
  h.open(t.html5 ? "aside" : "div", c.sidebar, t.theme == Theme::kLegacy ? "id=\"right-column\"" : "");
  h.open("div", c.widget);
  h.leaf(t.theme == Theme::kBem ? "h2" : "h4", c.widget_title, t.sidebar_label);
  for (const Teaser* s : p.sidebar) {
    h.open("div", c.teaser);
    std::string& o = h.line();
    o += "<h3 class=\"";
    o += c.teaser_title;
    o += "\">";
    h.link(href(p, s->url), s->title);
    o += "</h3>";
    if (t.snippet_words > 0) h.leaf("div", c.excerpt, first_words(s->lede, t.snippet_words) + "...");
    h.close();
  }
  h.close();
  if (t.ad_style != 0) h.leaf("div", c.ad, t.ad_style == 2 ? "spot_img" : "Advertisement");
  if (t.newsletter == 1) write_newsletter(p, h);
  if (t.categories_widget) {
    Rng counts(p.site_seed);
    h.open("div", c.widget);
    h.leaf(t.theme == Theme::kBem ? "h2" : "h4", c.widget_title, "Popular Categories");
    h.open("ul");
    for (size_t i = 1; i + 1 < t.nav.size(); ++i) {
      std::string& o = h.line();
      o += "<li>";
      h.link("/" + slug(t.nav[i]) + "/", t.nav[i]);
      o += "<span>" + std::to_string(40 + counts.below(3000)) + "</span></li>";
    }
    h.close();
    h.close();
  }
  h.close();
}

void write_footer(const Page& p, HtmlOut& h) {
  const SiteTemplate& t = p.t;
  h.open(t.html5 ? "footer" : "div", p.c.footer, t.theme == Theme::kLegacy ? "id=\"footer\"" : "");
  if (t.newsletter == 2) write_newsletter(p, h);
  if (!t.boilerplate_in_content && p.has_boilerplate) h.leaf("p", "footer-note", p.footer_line);
  h.open("ul", "footer-links");
  for (std::string_view l : {"About us", "Contact", "Privacy Policy", "Terms of Use", "Advertise"}) {
    std::string& o = h.line();
    o += "<li><a href=\"/";
    o += slug(l);
    o += "/\">";
    o += l;
    o += "</a></li>";
  }
  h.close();
  std::string& o = h.line();
  o += "<div class=\"copyright\">&copy; ";
  o += std::to_string(p.published.year);
  o += ' ';
  h.text_(p.site.brand);
  o += ". All rights reserved.</div>";
  h.close();
}

// The three-column body: the story, the sidebar, in the site's order and markup.
void write_main(const Page& p, HtmlOut& h) {
  const SiteTemplate& t = p.t;
  const auto columns = [&](auto&& story_cell, auto&& sidebar_cell) {
    if (t.sidebar_first) {
      sidebar_cell();
      story_cell();
    } else {
      story_cell();
      sidebar_cell();
    }
  };
  if (t.theme == Theme::kLegacy) {
    h.open("table", {}, "id=\"layout\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"");
    h.open("tr");
    columns([&] { h.open("td", p.c.main, "valign=\"top\""); write_story(p, h); h.close(); },
            [&] { h.open("td", {}, "valign=\"top\" width=\"300\""); write_sidebar(p, h); h.close(); });
    h.close();
    h.close();
  } else if (t.theme == Theme::kBootstrap) {
    h.open("div", p.c.main);
    h.open("div", "row");
    columns([&] { write_story(p, h); }, [&] { write_sidebar(p, h); });
    h.close();
    h.close();
  } else {
    h.open(t.html5 ? "main" : "div", p.c.main, "id=\"main\"");
    columns([&] { write_story(p, h); }, [&] { write_sidebar(p, h); });
    h.close();
  }
}

}  // namespace

LocalTime local_time(int64_t t, int offset, bool z_for_utc) {
  std::string iso = format_iso8601(t + int64_t{offset} * 60);  // YYYY-MM-DDThh:mm:ssZ
  LocalTime lt;
  lt.year = std::stoi(iso.substr(0, 4));
  lt.month = std::stoi(iso.substr(5, 2));
  lt.day = std::stoi(iso.substr(8, 2));
  lt.hour = std::stoi(iso.substr(11, 2));
  lt.minute = std::stoi(iso.substr(14, 2));
  iso.pop_back();
  if (offset == 0 && z_for_utc) {
    iso += 'Z';
  } else {
    char buf[16];
    const int a = offset < 0 ? -offset : offset;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset < 0 ? '-' : '+', a / 60, a % 60);
    iso += buf;
  }
  lt.iso = std::move(iso);
  return lt;
}

std::string first_words(std::string_view s, size_t n) {
  size_t end = 0;
  for (size_t words = 0; words < n && end < s.size(); ++words) {
    const size_t space = s.find(' ', end == 0 ? 0 : end + 1);
    end = space == std::string_view::npos ? s.size() : space;
  }
  return std::string(s.substr(0, end));
}

void write_page(const PageContent& content, std::string& html) {
  const Page p{content, kThemes[static_cast<size_t>(content.t.theme)]};
  const SiteTemplate& t = p.t;
  html.clear();
  html.reserve(p.doc.text.size() + 12000);
  HtmlOut h(html, t);
  html += "<!DOCTYPE html>";
  h.open("html", {}, "lang=\"en\"");
  write_head(p, h);
  std::string body_class = t.theme == Theme::kNewspaper || t.theme == Theme::kJnews
                               ? "post-template-default single single-post postid-" + std::string(p.post_id)
                               : "article-page";
  h.open("body", body_class);
  h.open("div", p.c.wrap);
  write_header(p, h);
  write_main(p, h);
  write_footer(p, h);
  h.close();
  h.line() += "<script src=\"/static/js/main.min.js\" async></script>";
  h.close();
  h.close();
  html += '\n';
}

}  // namespace copydesk::gen
