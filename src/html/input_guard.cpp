#include "html/input_guard.h"

#include <initializer_list>
#include <vector>

#include "html/text_util.h"

namespace copydesk::html {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_tag_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Tag names compared in lower case; longer names are in none of the lists.
struct LowerName {
  char buffer[16];
  std::string_view view;
  explicit LowerName(std::string_view name) {
    const size_t n = name.size() < sizeof buffer ? name.size() : 0;
    for (size_t i = 0; i < n; ++i) {
      const char c = name[i];
      buffer[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    view = std::string_view(buffer, n);
  }
};

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  const LowerName lower(name);
  for (std::string_view n : names)
    if (lower.view == n) return true;
  return false;
}

// Elements that never hold children, or whose end tag is implied by the next
// sibling, or that the parser places itself: they do not deepen the tree.
bool does_not_nest(std::string_view name) {
  return is_one_of(name, {"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
                          "input", "keygen", "link", "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd",
                          "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rtc", "rp",
                          "colgroup", "html", "head", "body"});
}

bool is_raw_text(std::string_view name) {
  return is_one_of(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"});
}

// Position of "</name" (any case) followed by space, '/' or '>', from `pos`.
size_t find_end_tag(std::string_view html, size_t pos, std::string_view name) {
  while ((pos = html.find("</", pos)) != std::string_view::npos) {
    const size_t after = pos + 2 + name.size();
    if (after <= html.size() && equal_ignoring_case(html.substr(pos + 2, name.size()), name) &&
        (after == html.size() || is_tag_space(html[after]) || html[after] == '/' || html[after] == '>')) {
      return pos;
    }
    pos += 2;
  }
  return std::string_view::npos;
}

// One past the '>' that ends the tag whose name ends at `pos`; quoted
// attribute values may contain '>'.
size_t tag_end(std::string_view html, size_t pos) {
  while (pos < html.size()) {
    const char c = html[pos];
    if (c == '>') return pos + 1;
    if (c == '=') {
      ++pos;
      while (pos < html.size() && is_tag_space(html[pos])) ++pos;
      if (pos < html.size() && (html[pos] == '"' || html[pos] == '\'')) {
        const size_t close = html.find(html[pos], pos + 1);
        if (close == std::string_view::npos) return html.size();
        pos = close + 1;
      }
      continue;
    }
    ++pos;
  }
  return html.size();
}

}  // namespace

double control_byte_fraction(std::string_view bytes) {
  if (bytes.empty()) return 0.0;
  size_t count = 0;
  for (const char ch : bytes) {  // branch-free: the compiler vectorizes it
    const auto c = static_cast<unsigned char>(ch);
    count += static_cast<size_t>((c < 0x20) & (c != '\t') & (c != '\n') & (c != '\f') & (c != '\r')) |
             static_cast<size_t>(c == 0x7F);
  }
  return static_cast<double>(count) / static_cast<double>(bytes.size());
}

bool limit_nesting(std::string_view html, uint32_t max_depth, std::string& out) {
  std::vector<std::string_view> open;  // kept open elements, at most max_depth
  size_t dropped_open = 0;             // dropped start tags not yet closed
  bool dropped_any = false;
  size_t copied_until = 0;
  const auto drop = [&](size_t begin, size_t end) {
    if (!dropped_any) out.clear(), out.reserve(html.size());
    dropped_any = true;
    out.append(html.substr(copied_until, begin - copied_until));
    copied_until = end;
  };

  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    const size_t tag_begin = pos;
    if (html.compare(pos, 4, "<!--") == 0) {
      const size_t close = html.find("-->", pos + 4);
      pos = close == std::string_view::npos ? html.size() : close + 3;
      continue;
    }
    const bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
    const size_t name_begin = pos + (closing ? 2 : 1);
    if (name_begin >= html.size() || !is_letter(html[name_begin])) {
      // "<!DOCTYPE …>", "<?xml …>" and "<![CDATA[" end at the next '>'; a
      // '<' before anything else is text.
      const bool declaration = !closing && name_begin < html.size() && (html[name_begin] == '!' || html[name_begin] == '?');
      pos = declaration ? tag_end(html, name_begin) : pos + 1;
      continue;
    }
    size_t name_end = name_begin;
    while (name_end < html.size() && !is_tag_space(html[name_end]) && html[name_end] != '/' && html[name_end] != '>') {
      ++name_end;
    }
    const std::string_view name = html.substr(name_begin, name_end - name_begin);
    pos = tag_end(html, name_end);
    if (closing) {
      if (dropped_open > 0) {
        --dropped_open;
        drop(tag_begin, pos);
      } else {
        for (size_t i = open.size(); i-- > 0;) {
          if (equal_ignoring_case(open[i], name)) {
            open.resize(i);
            break;
          }
        }
      }
      continue;
    }
    const bool self_closing = pos >= 2 && html[pos - 1] == '>' && html[pos - 2] == '/';
    if (is_raw_text(name)) {
      const size_t close = find_end_tag(html, pos, name);
      pos = close == std::string_view::npos ? html.size() : close;
      continue;
    }
    if (equal_ignoring_case(name, "plaintext")) break;
    if (self_closing || does_not_nest(name)) continue;
    if (open.size() < max_depth) {
      open.push_back(name);
    } else {
      ++dropped_open;
      drop(tag_begin, pos);
    }
  }
  if (dropped_any) out.append(html.substr(copied_until));
  return dropped_any;
}

}  // namespace copydesk::html
