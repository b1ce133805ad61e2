// Walks a MyHTML tree into lines of text and metadata (internal).
#pragma once

#include <myhtml/api.h>

#include "html/page_blocks.h"

namespace copydesk::html {

// Visits every node once, in document order, with an explicit stack (no
// recursion, whatever the depth). `drop_furniture`: skip nav, aside, menu,
// page-level header/footer and their ARIA roles (see html.h).
PageWalk walk_dom(myhtml_tree_t* tree, bool drop_furniture);

}  // namespace copydesk::html
