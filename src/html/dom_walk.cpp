#include "html/dom_walk.h"

#include <string_view>
#include <vector>

#include "html/class_hints.h"
#include "html/line_builder.h"
#include "html/text_util.h"

namespace copydesk::html {
namespace {

using Node = myhtml_tree_node_t;

// What an element does to the text, decided from its tag.
enum TagKind : uint8_t {
  kInline,
  kBlock,       // ends the line before and after
  kNeverText,   // skipped with everything inside
  kFurniture,   // a block skipped when dropping furniture
  kPageBanner,  // header/footer: furniture unless inside a sectioning element
  kMetadata,    // title, meta, link, script: read, never text
};

TagKind kind_of(myhtml_tag_id_t tag) {
  switch (tag) {
    case MyHTML_TAG_TITLE: case MyHTML_TAG_META: case MyHTML_TAG_LINK: case MyHTML_TAG_SCRIPT:
      return kMetadata;
    case MyHTML_TAG_STYLE: case MyHTML_TAG_NOSCRIPT: case MyHTML_TAG_TEMPLATE: case MyHTML_TAG_IFRAME:
    case MyHTML_TAG_FRAME: case MyHTML_TAG_OBJECT: case MyHTML_TAG_EMBED: case MyHTML_TAG_APPLET:
    case MyHTML_TAG_CANVAS: case MyHTML_TAG_AUDIO: case MyHTML_TAG_VIDEO: case MyHTML_TAG_BUTTON:
    case MyHTML_TAG_SELECT: case MyHTML_TAG_INPUT: case MyHTML_TAG_TEXTAREA: case MyHTML_TAG_DATALIST:
    case MyHTML_TAG_KEYGEN: case MyHTML_TAG_OUTPUT: case MyHTML_TAG_PROGRESS: case MyHTML_TAG_METER:
    case MyHTML_TAG_SVG: case MyHTML_TAG_MATH: case MyHTML_TAG_NOEMBED: case MyHTML_TAG_NOFRAMES:
    case MyHTML_TAG_IMG: case MyHTML_TAG_IMAGE: case MyHTML_TAG_AREA: case MyHTML_TAG_BASE:
      return kNeverText;
    case MyHTML_TAG_NAV: case MyHTML_TAG_ASIDE: case MyHTML_TAG_MENU: case MyHTML_TAG_DIALOG:
      return kFurniture;
    case MyHTML_TAG_HEADER: case MyHTML_TAG_FOOTER:
      return kPageBanner;
    case MyHTML_TAG_ADDRESS: case MyHTML_TAG_ARTICLE: case MyHTML_TAG_BLOCKQUOTE: case MyHTML_TAG_BODY:
    case MyHTML_TAG_CAPTION: case MyHTML_TAG_CENTER: case MyHTML_TAG_DD: case MyHTML_TAG_DETAILS:
    case MyHTML_TAG_DIR: case MyHTML_TAG_DIV: case MyHTML_TAG_DL: case MyHTML_TAG_DT:
    case MyHTML_TAG_FIELDSET: case MyHTML_TAG_FIGCAPTION: case MyHTML_TAG_FIGURE: case MyHTML_TAG_FORM:
    case MyHTML_TAG_FRAMESET: case MyHTML_TAG_H1: case MyHTML_TAG_H2: case MyHTML_TAG_H3:
    case MyHTML_TAG_H4: case MyHTML_TAG_H5: case MyHTML_TAG_H6: case MyHTML_TAG_HGROUP:
    case MyHTML_TAG_HR: case MyHTML_TAG_HTML: case MyHTML_TAG_LEGEND: case MyHTML_TAG_LI:
    case MyHTML_TAG_LISTING: case MyHTML_TAG_MAIN: case MyHTML_TAG_MARQUEE: case MyHTML_TAG_OL:
    case MyHTML_TAG_P: case MyHTML_TAG_PLAINTEXT: case MyHTML_TAG_PRE: case MyHTML_TAG_SECTION:
    case MyHTML_TAG_SUMMARY: case MyHTML_TAG_TABLE: case MyHTML_TAG_TBODY: case MyHTML_TAG_TD:
    case MyHTML_TAG_TFOOT: case MyHTML_TAG_TH: case MyHTML_TAG_THEAD: case MyHTML_TAG_TR:
    case MyHTML_TAG_UL: case MyHTML_TAG_XMP: case MyHTML_TAG_BR: case MyHTML_TAG_OPTGROUP:
      return kBlock;
    default:
      return kInline;
  }
}

bool is_heading(myhtml_tag_id_t tag) { return tag >= MyHTML_TAG_H1 && tag <= MyHTML_TAG_H6; }
bool is_preformatted(myhtml_tag_id_t tag) {
  return tag == MyHTML_TAG_PRE || tag == MyHTML_TAG_LISTING || tag == MyHTML_TAG_PLAINTEXT || tag == MyHTML_TAG_XMP;
}
bool is_paragraph_like(myhtml_tag_id_t tag) {
  return tag == MyHTML_TAG_P || tag == MyHTML_TAG_LI || tag == MyHTML_TAG_BLOCKQUOTE || tag == MyHTML_TAG_PRE ||
         tag == MyHTML_TAG_DD || tag == MyHTML_TAG_DT;
}
bool is_sectioning(myhtml_tag_id_t tag) {
  return tag == MyHTML_TAG_ARTICLE || tag == MyHTML_TAG_SECTION || tag == MyHTML_TAG_ASIDE || tag == MyHTML_TAG_NAV ||
         tag == MyHTML_TAG_MAIN;
}

std::string_view attribute(Node* node, std::string_view key) {
  myhtml_tree_attr_t* attr = myhtml_attribute_by_key(node, key.data(), key.size());
  if (attr == nullptr) return {};
  size_t length = 0;
  const char* value = myhtml_attribute_value(attr, &length);
  return value == nullptr ? std::string_view{} : std::string_view(value, length);
}

// Text of the element's text children (title, script).
std::string child_text(Node* node) {
  std::string text;
  for (Node* child = myhtml_node_child(node); child != nullptr; child = myhtml_node_next(child)) {
    size_t length = 0;
    const char* t = myhtml_node_tag_id(child) == MyHTML_TAG__TEXT ? myhtml_node_text(child, &length) : nullptr;
    if (t != nullptr) text.append(t, length);
  }
  return text;
}

// The attributes every element is checked for, read in one pass.
struct CommonAttributes {
  std::string_view class_names, id, role, style, itemprop, aria_hidden;
  bool hidden = false;

  explicit CommonAttributes(Node* node) {
    for (myhtml_tree_attr_t* a = myhtml_node_attribute_first(node); a != nullptr; a = myhtml_attribute_next(a)) {
      size_t key_length = 0, value_length = 0;
      const char* key = myhtml_attribute_key(a, &key_length);
      if (key == nullptr) continue;
      const char* value = myhtml_attribute_value(a, &value_length);
      const std::string_view v = value == nullptr ? std::string_view{} : std::string_view(value, value_length);
      const std::string_view k(key, key_length);
      if (k == "class") class_names = v;
      else if (k == "id") id = v;
      else if (k == "role") role = trim(v);
      else if (k == "style") style = v;
      else if (k == "itemprop") itemprop = v;
      else if (k == "aria-hidden") aria_hidden = trim(v);
      else if (k == "hidden") hidden = true;
    }
  }

  bool invisible() const {
    if (hidden || equal_ignoring_case(aria_hidden, "true")) return true;
    if (style.empty()) return false;
    const std::string css = lowercase_without_spaces(style);
    return css.find("display:none") != std::string::npos || css.find("visibility:hidden") != std::string::npos;
  }
};

bool is_furniture_role(std::string_view role) {
  for (std::string_view r : {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"})
    if (equal_ignoring_case(role, r)) return true;
  return false;
}

// Exit actions of an element on the stack.
enum ExitFlag : uint8_t {
  kEndsLine = 1, kLink = 2, kPre = 4, kHeading = 8, kSectioning = 16, kRegion = 32, kHinted = 64, kSilent = 128,
};

struct Frame {
  Node* node;
  uint8_t exit_flags;
};

class Walker {
 public:
  explicit Walker(bool drop_furniture) : drop_furniture_(drop_furniture), lines_(out_.blocks) {}

  PageWalk run(myhtml_tree_t* tree) {
    std::vector<Frame> stack;
    Node* node = myhtml_node_child(myhtml_tree_get_document(tree));
    while (true) {
      if (node != nullptr) {
        uint8_t exit_flags = 0;
        const bool descend = enter(node, exit_flags);
        Node* child = descend ? myhtml_node_child(node) : nullptr;
        if (child != nullptr) {
          stack.push_back({node, exit_flags});
          node = child;
        } else {
          if (descend) leave(exit_flags);
          node = myhtml_node_next(node);
        }
        continue;
      }
      if (stack.empty()) break;
      const Frame frame = stack.back();
      stack.pop_back();
      leave(frame.exit_flags);
      node = myhtml_node_next(frame.node);
    }
    lines_.end_line(false);
    return std::move(out_);
  }

 private:
  bool in_heading() const { return heading_depth_ > 0; }

  // Returns whether to walk the node's children; sets what its exit undoes.
  bool enter(Node* node, uint8_t& exit_flags) {
    const myhtml_tag_id_t tag = myhtml_node_tag_id(node);
    if (tag == MyHTML_TAG__TEXT) {
      size_t length = 0;
      const char* text = myhtml_node_text(node, &length);
      if (text != nullptr && silent_depth_ == 0) {
        const bool paragraph = !open_blocks_.empty() && is_paragraph_like(open_blocks_.back());
        lines_.append({text, length}, {link_depth_ > 0, hinted_depth_ > 0, pre_depth_ > 0, in_heading(), paragraph});
      }
      return false;
    }
    if (tag == MyHTML_TAG__COMMENT || tag == MyHTML_TAG__DOCTYPE) return false;
    if (myhtml_node_namespace(node) != MyHTML_NAMESPACE_HTML) return false;  // svg, math

    const TagKind kind = kind_of(tag);
    if (kind == kMetadata) {
      read_metadata(node, tag);
      return false;
    }
    if (kind == kNeverText) return false;
    const CommonAttributes attributes(node);
    if (attributes.invisible()) return false;
    if (tag == MyHTML_TAG_TIME) read_time(node, attributes);
    if (silent_depth_ > 0) return true;
    const std::string_view role = attributes.role;
    if (drop_furniture_ && (kind == kFurniture || is_furniture_role(role))) {
      lines_.end_line(in_heading());  // the text around dropped furniture stays two lines, not one word
      return false;
    }
    if (drop_furniture_ && kind == kPageBanner && sectioning_depth_ == 0) {
      // A page-level header: no text, but the byline's <time> of themes that
      // put the story's header outside any <article> is still read.
      lines_.end_line(in_heading());
      exit_flags |= kSilent, ++silent_depth_;
      return true;
    }
    if (tag == MyHTML_TAG_HTML) out_.language = std::string(trim(attribute(node, "lang")));

    const NameHint hint = drop_furniture_ && tag != MyHTML_TAG_BODY && tag != MyHTML_TAG_HTML
                              ? hint_from_names(attributes.class_names, attributes.id)
                              : NameHint::kNone;
    const bool region = is_content_container(tag, attributes) || (hint == NameHint::kContent && kind != kInline);
    if (kind != kInline || region) {
      exit_flags |= kEndsLine;
      lines_.end_line(in_heading());
      open_blocks_.push_back(tag);
    }
    if (tag == MyHTML_TAG_A) exit_flags |= kLink, ++link_depth_;
    if (is_preformatted(tag)) exit_flags |= kPre, ++pre_depth_;
    if (is_heading(tag)) exit_flags |= kHeading, ++heading_depth_;
    if (is_sectioning(tag)) exit_flags |= kSectioning, ++sectioning_depth_;
    if (hint == NameHint::kFurniture && !region) exit_flags |= kHinted, ++hinted_depth_;
    if (region) {
      exit_flags |= kRegion;
      open_regions_.push_back(static_cast<uint32_t>(out_.blocks.size()));
    }
    return true;
  }

  void leave(uint8_t flags) {
    if (flags & kEndsLine) {
      lines_.end_line(in_heading());
      open_blocks_.pop_back();
    }
    if (flags & kLink) --link_depth_;
    if (flags & kPre) --pre_depth_;
    if (flags & kHeading) --heading_depth_;
    if (flags & kSectioning) --sectioning_depth_;
    if (flags & kHinted) --hinted_depth_;
    if (flags & kSilent) --silent_depth_;
    if (flags & kRegion) {
      const Region region{open_regions_.back(), static_cast<uint32_t>(out_.blocks.size())};
      open_regions_.pop_back();
      if (region.end > region.begin) out_.regions.push_back(region);
    }
  }

  // itemprop="articleBody", <article>, <main>, role="main".
  static bool is_content_container(myhtml_tag_id_t tag, const CommonAttributes& attributes) {
    return tag == MyHTML_TAG_ARTICLE || tag == MyHTML_TAG_MAIN || equal_ignoring_case(attributes.role, "main") ||
           contains_word_ignoring_case(attributes.itemprop, "articlebody");
  }

  void read_time(Node* node, const CommonAttributes& attributes) {
    const std::string_view datetime = trim(attribute(node, "datetime"));
    if (datetime.empty()) return;
    if (out_.meta_date.empty() && contains_word_ignoring_case(attributes.itemprop, "datepublished")) {
      out_.meta_date = std::string(datetime);
    }
    out_.times.push_back({std::string(datetime), static_cast<uint32_t>(out_.blocks.size())});
  }

  void read_metadata(Node* node, myhtml_tag_id_t tag) {
    if (tag == MyHTML_TAG_TITLE) {
      if (out_.title.empty()) out_.title = collapse_whitespace(child_text(node));
    } else if (tag == MyHTML_TAG_SCRIPT) {
      if (equal_ignoring_case(trim(attribute(node, "type")), "application/ld+json")) {
        out_.json_ld.push_back(child_text(node));
      }
    } else if (tag == MyHTML_TAG_LINK) {
      if (out_.canonical_url.empty() && contains_word_ignoring_case(attribute(node, "rel"), "canonical")) {
        out_.canonical_url = std::string(trim(attribute(node, "href")));
      }
    } else if (tag == MyHTML_TAG_META) {
      read_meta(node);
    }
  }

  void read_meta(Node* node) {
    const std::string_view content = trim(attribute(node, "content"));
    if (content.empty()) return;
    const auto set_first = [&](std::string& field) {
      if (field.empty()) field = collapse_whitespace(content);
    };
    for (std::string_view key : {"property", "name", "itemprop"}) {
      const std::string what = lowercase_without_spaces(attribute(node, key));
      if (what.empty()) continue;
      if (what == "og:title") set_first(out_.og_title);
      else if (what == "og:site_name") set_first(out_.site_name);
      else if (what == "og:url") set_first(out_.og_url);
      else if (what == "article:published_time") set_first(out_.published_time);
      else if (what == "application-name") set_first(out_.application_name);
      else if (what == "datepublished" || what == "pubdate" || what == "publishdate" || what == "date" ||
               what == "dc.date.issued" || what == "parsely-pub-date" || what == "sailthru.date") {
        set_first(out_.meta_date);
      }
    }
  }

  bool drop_furniture_;
  PageWalk out_;
  LineBuilder lines_;
  std::vector<uint32_t> open_regions_;       // first block of each open container
  std::vector<myhtml_tag_id_t> open_blocks_;  // open line-ending elements
  int link_depth_ = 0, pre_depth_ = 0, heading_depth_ = 0, sectioning_depth_ = 0, hinted_depth_ = 0;
  int silent_depth_ = 0;  // inside a page-level header: metadata only
};

}  // namespace

PageWalk walk_dom(myhtml_tree_t* tree, bool drop_furniture) { return Walker(drop_furniture).run(tree); }

}  // namespace copydesk::html
