// Planted events for tests and benchmarks: see event_synthetic.h.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "copydesk/document.h"
#include "copydesk/event_synthetic.h"
#include "gen/rng.h"

namespace copydesk {
namespace {

using gen::Rng;

// Adds scale · (a random ±1/√d direction) to v.
void add_direction(Rng& rng, float scale, std::vector<float>& v) {
  const float unit = scale / std::sqrt(static_cast<float>(v.size()));
  for (size_t j = 0; j < v.size(); j += 64) {
    uint64_t bits = rng.next();
    for (size_t i = j; i < v.size() && i < j + 64; ++i, bits >>= 1) v[i] += (bits & 1) ? unit : -unit;
  }
}

// Sizes drawn from P(s) ∝ s^−exponent until they cover `items`.
std::vector<uint32_t> event_sizes(const PlantedEventParams& p, Rng& rng) {
  std::vector<double> cdf;
  for (uint32_t s = p.min_event_items; s <= p.max_event_items; ++s) {
    cdf.push_back((cdf.empty() ? 0 : cdf.back()) + std::pow(static_cast<double>(s), -p.size_exponent));
  }
  std::vector<uint32_t> sizes;
  size_t total = 0;
  while (total < p.items) {
    const double u = rng.unit() * cdf.back();
    const size_t i = static_cast<size_t>(std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
    const size_t size = std::min<size_t>(p.min_event_items + std::min(i, cdf.size() - 1), p.items - total);
    sizes.push_back(static_cast<uint32_t>(size));
    total += size;
  }
  return sizes;
}

}  // namespace

Status PlantedEventParams::validate() const {
  auto bad = [](const std::string& m) { return Status::InvalidArgument("planted events: " + m); };
  if (dims < 2) return bad("dims must be >= 2");
  if (min_event_items < 1 || max_event_items < min_event_items) {
    return bad("need 1 <= min_event_items <= max_event_items");
  }
  if (events_per_topic < 1) return bad("events_per_topic must be >= 1");
  if (!(member_cosine > 0 && member_cosine <= 1)) return bad("member_cosine must be in (0, 1]");
  if (!(lookalike_cosine > 0 && lookalike_cosine <= 1)) return bad("lookalike_cosine must be in (0, 1]");
  if (!(span_days >= 0) || !(event_days >= 0)) return bad("span_days and event_days must be >= 0");
  if (!(undated_fraction >= 0 && undated_fraction <= 1)) return bad("undated_fraction must be in [0, 1]");
  if (!(size_exponent >= 0)) return bad("size_exponent must be >= 0");
  return Status::Ok();
}

Result<PlantedEvents> make_planted_events(const PlantedEventParams& p) {
  COPYDESK_RETURN_IF_ERROR(p.validate());
  Rng rng(gen::derive_seed(p.seed, 1, 0));
  const std::vector<uint32_t> sizes = event_sizes(p, rng);
  std::vector<size_t> first(sizes.size() + 1, 0);
  for (size_t e = 0; e < sizes.size(); ++e) first[e + 1] = first[e] + sizes[e];

  PlantedEvents out;
  out.num_events = sizes.size();
  out.vectors.dims = p.dims;
  out.vectors.values.assign(p.items * p.dims, 0.0f);
  out.dates.assign(p.items, kNoDate);
  out.event.assign(p.items, 0);
  out.topic.assign(p.items, 0);
  // Item slots are shuffled so events are not contiguous.
  std::vector<uint32_t> slot(p.items);
  std::iota(slot.begin(), slot.end(), 0u);
  rng.shuffle(slot);

  const auto lookalike = static_cast<float>(std::sqrt(1 / p.lookalike_cosine - 1));
  const auto member = static_cast<float>(std::sqrt(1 / p.member_cosine - 1));
  const auto events = static_cast<int64_t>(sizes.size());
#pragma omp parallel for schedule(dynamic, 16)
  for (int64_t se = 0; se < events; ++se) {
    const auto e = static_cast<size_t>(se);
    const size_t topic = e / p.events_per_topic;
    Rng topic_rng(gen::derive_seed(p.seed, 2, topic));
    Rng event_rng(gen::derive_seed(p.seed, 3, e));
    std::vector<float> centre(p.dims, 0.0f), item(p.dims);
    add_direction(topic_rng, 1.0f, centre);
    add_direction(event_rng, lookalike, centre);
    l2_normalize(centre.data(), p.dims);
    const int64_t start = p.start_time + static_cast<int64_t>(event_rng.unit() * p.span_days * 86400);
    for (size_t i = first[e]; i < first[e + 1]; ++i) {
      item = centre;
      add_direction(event_rng, member, item);
      l2_normalize(item.data(), p.dims);
      const uint32_t s = slot[i];
      std::copy(item.begin(), item.end(), out.vectors.row(s));
      const int64_t offset = static_cast<int64_t>(event_rng.unit() * p.event_days * 86400);
      if (!event_rng.chance(p.undated_fraction)) out.dates[s] = start + offset;
      out.event[s] = static_cast<uint32_t>(e);
      out.topic[s] = static_cast<uint32_t>(topic);
    }
  }
  return out;
}

}  // namespace copydesk
