// Builds lines of visible text from the text nodes of a page (internal):
// collapses whitespace and counts what the main-content heuristic needs.
#pragma once

#include <string_view>
#include <vector>

#include "html/page_blocks.h"

namespace copydesk::html {

// Where a text node sits.
struct TextContext {
  bool in_link = false;
  bool in_hinted = false;     // inside an element whose class/id names furniture
  bool preformatted = false;  // a newline ends the line
  bool heading = false;
  bool paragraph = false;     // innermost block element is paragraph-like
};

class LineBuilder {
 public:
  explicit LineBuilder(std::vector<TextBlock>& out) : out_(out) {}

  // Appends a text node's text.
  void append(std::string_view text, const TextContext& where);

  // Ends the current line; an empty line is not emitted.
  void end_line(bool heading);

 private:
  std::vector<TextBlock>& out_;
  TextBlock line_;
  bool pending_space_ = false;
  uint32_t tokens_ = 0;
  uint32_t wide_chars_ = 0;
};

}  // namespace copydesk::html
