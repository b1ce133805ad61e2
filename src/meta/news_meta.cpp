#include "copydesk/news_meta.h"

#include "copydesk/dateline.h"

namespace copydesk {

void annotate_news_metadata(Document& doc, const WireParams& params) {
  const WireAttribution wire = detect_wire(doc.text, params);
  doc.wire = wire.attributed() ? wire.agency : std::string();
  const Dateline dl = parse_dateline(doc.text, doc.date, params.dateline);
  doc.dateline_place = dl.found() ? dl.place : std::string();
  doc.dateline_date = dl.found() ? dl.date : std::string();
}

}  // namespace copydesk
