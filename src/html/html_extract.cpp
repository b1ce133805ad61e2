#include <myhtml/api.h>

#include <cmath>
#include <memory>
#include <string>

#include "copydesk/html.h"
#include "html/dom_walk.h"
#include "html/encoding.h"
#include "html/input_guard.h"
#include "html/main_content.h"
#include "html/metadata.h"
#include "util/utf8.h"

namespace copydesk {
namespace {

struct MyHtmlDeleter {
  void operator()(myhtml_t* p) const { myhtml_destroy(p); }
  void operator()(myhtml_tree_t* p) const { myhtml_tree_destroy(p); }
};

bool has_good_block(const html::PageWalk& walk, const HtmlParams& params) {
  for (const html::TextBlock& b : walk.blocks) {
    if (b.words >= params.min_block_words && b.link_density() <= params.max_link_density) return true;
  }
  return false;
}

}  // namespace

// A MyHTML parser and its tree. The tree is cleaned, not freed, between pages.
struct HtmlExtractor::Parser {
  std::unique_ptr<myhtml_t, MyHtmlDeleter> myhtml;
  std::unique_ptr<myhtml_tree_t, MyHtmlDeleter> tree;  // declared second: destroyed first
  bool used = false;
};

namespace {

Status start_parser(std::unique_ptr<HtmlExtractor::Parser>& parser) {
  auto p = std::make_unique<HtmlExtractor::Parser>();
  p->myhtml.reset(myhtml_create());
  if (!p->myhtml || myhtml_init(p->myhtml.get(), MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) != MyHTML_STATUS_OK) {
    return Status::Internal("cannot start the HTML parser");
  }
  p->tree.reset(myhtml_tree_create());
  if (!p->tree || myhtml_tree_init(p->tree.get(), p->myhtml.get()) != MyHTML_STATUS_OK) {
    return Status::Internal("cannot start the HTML parser");
  }
  parser = std::move(p);
  return Status::Ok();
}

// Parses `html` (in `encoding`) and walks it. For main content, furniture is
// left out of the walk — unless that leaves no good block while keeping it
// would give one: an unclosed <header> or <nav> that swallowed the page.
Result<html::PageWalk> parse_and_walk(HtmlExtractor::Parser& parser, std::string_view html, myencoding_t encoding,
                                      const HtmlParams& params) {
  if (parser.used) myhtml_tree_clean(parser.tree.get());
  parser.used = true;
  const mystatus_t status = myhtml_parse(parser.tree.get(), encoding, html.data(), html.size());
  if (status != MyHTML_STATUS_OK) return Status::Internal("HTML parser failed with status " + std::to_string(status));
  html::PageWalk walk = html::walk_dom(parser.tree.get(), params.main_content);
  if (params.main_content && !has_good_block(walk, params)) {
    html::PageWalk with_furniture = html::walk_dom(parser.tree.get(), false);
    if (has_good_block(with_furniture, params)) walk = std::move(with_furniture);
  }
  return walk;
}

void make_valid_utf8(std::string& s) {
  if (util::is_valid_utf8(s)) return;
  std::string repaired;
  util::repair_utf8(s, repaired);
  s = std::move(repaired);
}

std::string percent(double fraction) { return std::to_string(static_cast<int>(std::lround(fraction * 100))) + "%"; }

}  // namespace

Status HtmlParams::validate() const {
  if (!(max_link_density >= 0.0 && max_link_density <= 1.0)) {
    return Status::InvalidArgument("max_link_density must be in [0, 1], got " + std::to_string(max_link_density));
  }
  if (max_input_bytes == 0) return Status::InvalidArgument("max_input_bytes must be positive");
  if (max_nesting_depth < 16) {
    return Status::InvalidArgument("max_nesting_depth must be at least 16, got " + std::to_string(max_nesting_depth));
  }
  if (!(max_control_fraction >= 0.0 && max_control_fraction <= 1.0)) {
    return Status::InvalidArgument("max_control_fraction must be in [0, 1], got " +
                                   std::to_string(max_control_fraction));
  }
  return Status::Ok();
}

HtmlExtractor::HtmlExtractor(const HtmlParams& params) : params_(params) {}
HtmlExtractor::~HtmlExtractor() = default;
HtmlExtractor::HtmlExtractor(HtmlExtractor&&) noexcept = default;
HtmlExtractor& HtmlExtractor::operator=(HtmlExtractor&&) noexcept = default;

Result<HtmlPage> extract_html(std::string_view html, const HtmlParams& params) {
  return HtmlExtractor(params).extract(html);
}

Result<HtmlPage> HtmlExtractor::extract(std::string_view html) {
  const HtmlParams& params = params_;
  COPYDESK_RETURN_IF_ERROR(params.validate());
  if (html.size() > params.max_input_bytes) {
    return Status::ParseError("page is " + std::to_string(html.size()) + " bytes, above the limit of " +
                              std::to_string(params.max_input_bytes));
  }
  std::string utf16_converted;
  if (html::utf16_to_utf8(html, utf16_converted)) html = utf16_converted;
  const double control = html::control_byte_fraction(html);
  if (control > params.max_control_fraction) return Status::ParseError("not HTML: " + percent(control) + " control bytes");

  std::string flattened;
  if (html::limit_nesting(html, params.max_nesting_depth, flattened)) html = flattened;

  if (!parser_) COPYDESK_RETURN_IF_ERROR(start_parser(parser_));
  Result<html::PageWalk> walked = parse_and_walk(*parser_, html, html::choose_encoding(html), params);
  // A big page's DOM is not kept for the next one.
  if (html.size() > kKeepParserUpTo || !walked.ok()) parser_.reset();
  if (!walked.ok()) return walked.status();
  const html::PageWalk& walk = *walked;
  if (walk.blocks.empty()) return Status::ParseError("no text in page");

  HtmlPage page;
  page.title = html::choose_title(walk);
  uint32_t content_begin = 0, content_end = static_cast<uint32_t>(walk.blocks.size());
  std::vector<bool> keep(walk.blocks.size(), true);
  if (params.main_content) {
    html::ContentSelection selection =
        html::select_main_content(walk.blocks, walk.regions, params.max_link_density, params.min_block_words);
    keep = std::move(selection.keep);
    if (selection.region_is_container) content_begin = selection.region_begin, content_end = selection.region_end;
    for (size_t i = 0; i < keep.size(); ++i) {
      if (keep[i] && walk.blocks[i].heading && walk.blocks[i].text == page.title) keep[i] = false;
    }
  }
  for (size_t i = 0; i < keep.size(); ++i) {
    if (!keep[i]) continue;
    if (!page.text.empty()) page.text.push_back('\n');
    page.text += walk.blocks[i].text;
  }
  if (page.text.empty()) return Status::ParseError("no main text in page: every line is mostly links");

  page.date_text = html::choose_date(walk, content_begin, content_end);
  page.site_name = walk.site_name.empty() ? walk.application_name : walk.site_name;
  page.canonical_url = walk.canonical_url.empty() ? walk.og_url : walk.canonical_url;
  page.language = walk.language;
  for (std::string* field : {&page.text, &page.title, &page.date_text, &page.site_name, &page.canonical_url,
                             &page.language}) {
    make_valid_utf8(*field);
  }
  return page;
}

}  // namespace copydesk
