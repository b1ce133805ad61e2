// The timeline page's parts (internal): the data block, and the stylesheet
// and script the page carries inline (timeline_style.cpp, timeline_script.cpp).
#pragma once

#include <string>
#include <string_view>

#include "copydesk/timeline.h"

namespace copydesk::report {

// The shown data as one JSON object (format: the top of timeline_script.cpp),
// made safe for a <script> element by script_safe_json.
std::string timeline_data_json(const Timeline& timeline);

// `json` with '<', '>', '&', U+2028 and U+2029 written as \uXXXX escapes. In
// JSON text these can only occur inside strings, where the escape means the
// same character, so JSON.parse gives the same value, while the HTML parser
// never sees "</script" or "<!--" inside the element.
std::string script_safe_json(std::string_view json);

// `text` with &, <, >, " and ' as character references.
std::string html_escape(std::string_view text);

extern const char* const kTimelineStyle;   // CSS
extern const char* const kTimelineScript;  // JavaScript rendering the data

}  // namespace copydesk::report
