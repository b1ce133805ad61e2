// copydesk — a document's news metadata, found in its text: the wire agency
// behind it (wire.h) and its dateline (dateline.h), as Document fields that
// the writers put in the output (`wire`, `dateline_place`, `dateline_date`).
//
//   annotate_news_metadata(doc);   // doc.wire == "AP", doc.dateline_place == "BEIJING"
#pragma once

#include "copydesk/document.h"
#include "copydesk/wire.h"

namespace copydesk {

// Fills doc.wire, doc.dateline_place and doc.dateline_date (the dateline's
// year resolved from doc.date; empty when unknown). Fields stay empty when
// nothing is found. Thread-safe; reads only the head and the credit lines.
void annotate_news_metadata(Document& doc, const WireParams& params = {});

}  // namespace copydesk
