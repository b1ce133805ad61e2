// write_timeline_html: the page around the data block.
#include "report/timeline_page.h"

namespace copydesk {

Status write_timeline_html(const Timeline& timeline, Sink& sink) {
  const std::string title = report::html_escape(timeline.title);
  std::string page;
  page +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // Nothing may be fetched: the page is whole as it is.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n"
      "<meta name=\"generator\" content=\"copydesk timeline\">\n<title>";
  page += title;
  page += "</title>\n<style>\n";
  page += report::kTimelineStyle;
  page +=
      "</style>\n</head>\n<body>\n"
      "<a class=\"skip\" href=\"#results\">Skip to the storylines</a>\n"
      "<header class=\"top\">\n<h1 id=\"page-title\">";
  page += title;
  page +=
      "</h1>\n<p class=\"totals\" id=\"totals\"></p>\n<p class=\"note\" id=\"selection-note\" hidden></p>\n</header>\n"
      "<div class=\"banner\" id=\"error-banner\" role=\"alert\" hidden></div>\n"
      "<noscript><p class=\"banner\">This report needs JavaScript to show the storylines.</p></noscript>\n"
      "<form class=\"controls\" id=\"controls\" role=\"search\" aria-label=\"Search and filter storylines\">\n"
      "<label class=\"control control-search\"><span>Search</span>"
      "<input type=\"search\" id=\"q\" autocomplete=\"off\" placeholder=\"Headline, term, title or site\" "
      "aria-describedby=\"search-hint\"></label>\n"
      "<label class=\"control\"><span>Source site</span><select id=\"source\"><option value=\"\">All sites</option>"
      "</select></label>\n"
      "<label class=\"control\"><span>Wire agency</span><select id=\"wire\"><option value=\"\">Any</option>"
      "</select></label>\n"
      "<label class=\"control\"><span>From</span><input type=\"date\" id=\"from\"></label>\n"
      "<label class=\"control\"><span>To</span><input type=\"date\" id=\"to\"></label>\n"
      "<label class=\"control control-narrow\"><span>Min. events</span>"
      "<input type=\"number\" id=\"min\" min=\"1\" step=\"1\" inputmode=\"numeric\"></label>\n"

      "<p class=\"hint\" id=\"search-hint\">Every word must match. Press <kbd>/</kbd> to search; "
      "the filters are kept in the page address, so a link opens the same view.</p>\n"
      "</form>\n"
      "<div class=\"result-bar\">\n<p class=\"status\" id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n"
      "<button type=\"button\" class=\"reset\" id=\"reset\">Clear filters</button>\n"
      "<label class=\"sort\"><span>Sort</span><select id=\"sort\">"
      "<option value=\"size\">Largest first</option><option value=\"earliest\">Earliest first</option>"
      "<option value=\"latest\">Latest first</option></select></label>\n</div>\n"
      "<main id=\"results\" class=\"results\" tabindex=\"-1\"></main>\n"
      "<script type=\"application/json\" id=\"timeline-data\">";
  COPYDESK_RETURN_IF_ERROR(sink.write(page));
  COPYDESK_RETURN_IF_ERROR(sink.write(report::timeline_data_json(timeline)));
  page =
      "</script>\n"
      // First, so that an error anywhere after it (even a syntax error in the
      // main script) is recorded and shown.
      "<script>\n"
      "window.onerror = function (message, source, line) {\n"
      "  var text = String(message) + (line ? ' (line ' + line + ')' : '');\n"
      "  document.body.dataset.render = 'error: ' + text;\n"
      "  var banner = document.getElementById('error-banner');\n"
      "  banner.textContent = 'The report could not be shown: ' + text;\n"
      "  banner.hidden = false;\n"
      "};\n"
      "</script>\n<script>\n";
  page += report::kTimelineScript;
  page += "</script>\n</body>\n</html>\n";
  COPYDESK_RETURN_IF_ERROR(sink.write(page));
  return Status::Ok();
}

}  // namespace copydesk
