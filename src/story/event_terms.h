// The top terms of events by TF-IDF over events (story/ internal; the rules
// are in event_summary.h).
#pragma once

#include <cstdint>
#include <vector>

#include "copydesk/document.h"
#include "copydesk/event_summary.h"

namespace copydesk::story_detail {

// `texts` holds `per_event` document indices per event (kNoDocument pads a
// row); fills summaries[e].top_terms from those documents' texts.
void add_top_terms(const Corpus& corpus, const std::vector<uint32_t>& texts, uint32_t per_event,
                   const SummaryParams& params, std::vector<EventSummary>& summaries);

}  // namespace copydesk::story_detail
