#include "gen/html_pages.h"

#include <algorithm>
#include <deque>

#include "gen/page_markup.h"
#include "gen/story.h"
#include "gen/vocab.h"

namespace copydesk::gen {
namespace {

constexpr uint64_t kTemplateTag = 11, kEvergreenTag = 12, kPageTag = 13, kCountsTag = 14;
constexpr size_t kRecentTeasers = 12, kEvergreenTeasers = 4, kLedeWords = 16;

constexpr std::string_view kSeparators[] = {" - ", " - ", " | ", " \xE2\x80\x93 ", " :: "};
constexpr std::string_view kSidebarLabels[] = {"Hot this week", "Trending", "Most read", "Popular now",
                                               "Don't miss", "Latest news", "Editor's picks", "Top stories"};
constexpr std::string_view kRelatedLabels[] = {"Related Articles", "You may also like", "Read next",
                                               "Related stories", "RELATED POSTS", "More stories"};
constexpr std::string_view kShareLabels[] = {"Share", "Share this article", "Share:", "SHARE"};
constexpr std::string_view kNewsletterTexts[] = {
    "Sign up for our newsletter to get the latest news delivered to your inbox.",
    "Get the morning briefing: the day's top stories, every weekday. Sign up for our newsletter.",
    "Subscribe to our newsletter and never miss a story.",
    "Stay informed. Sign up for our free daily newsletter.",
};
constexpr int kOffsets[] = {0, 0, 0, 0, 60, 120, -300, -240, 330, 540, -180};

std::vector<std::string_view> split(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> parts;
  for (size_t pos = 0;;) {
    const size_t end = s.find(sep, pos);
    parts.push_back(s.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
    if (end == std::string_view::npos) return parts;
    pos = end + sep.size();
  }
}

std::string slug(std::string_view s) {
  std::string out;
  append_slug(out, s);
  return out;
}

}  // namespace

SiteTemplate make_site_template(const Site& site, uint32_t index, uint64_t seed) {
  Rng rng(derive_seed(seed, kTemplateTag, index));
  SiteTemplate t;
  t.theme = static_cast<Theme>(rng.below(kThemeCount));
  t.html5 = t.theme == Theme::kBem || (t.theme != Theme::kLegacy && rng.chance(0.6));
  t.article_element = t.html5 && rng.chance(0.75);
  t.minified = rng.chance(0.25);
  const bool wordpress = t.theme == Theme::kNewspaper || t.theme == Theme::kJnews;
  t.numeric_entities = rng.chance(wordpress ? 0.7 : 0.15);

  t.title_separator = kSeparators[rng.below(std::size(kSeparators))];
  t.og_title = rng.chance(0.85);
  const double dates = rng.unit();  // 60 % meta, 15 % meta + JSON-LD, 13 % JSON-LD, 12 % neither
  t.meta_published = dates < 0.75;
  t.json_ld = dates >= 0.6 && dates < 0.88;
  t.json_ld_graph = t.json_ld && rng.chance(0.5);
  t.meta_modified = t.meta_published && rng.chance(0.4);
  t.meta_description = rng.chance(0.5);
  t.utc_offset_minutes = kOffsets[rng.below(std::size(kOffsets))];

  t.logo_image = rng.chance(0.3);
  t.top_bar = rng.chance(0.3);
  t.breadcrumbs = rng.chance(0.4);
  t.time_tag = (!t.meta_published && !t.json_ld) || rng.chance(0.5);
  t.date_style = static_cast<uint8_t>(rng.below(5));
  t.byline_style = static_cast<uint8_t>(rng.below(4));
  const uint64_t reporters = 3 + rng.below(4);
  for (uint64_t i = 0; i < reporters; ++i)
    t.staff.push_back(std::string(rng.pick(first_names())) + " " + std::string(rng.pick(last_names())));
  for (std::string_view item : split(site.header, " | ")) t.nav.emplace_back(item);

  t.boilerplate_in_content = rng.chance(0.4);
  t.strong_dateline = rng.chance(0.3);
  t.ad_style = static_cast<uint8_t>(rng.below(4));
  t.also_read = static_cast<uint8_t>(rng.below(3));
  t.insert_every = static_cast<uint8_t>(3 + rng.below(3));
  t.share = static_cast<uint8_t>(rng.chance(0.1) ? 0 : 1 + rng.below(3));
  t.share_label = kShareLabels[rng.below(std::size(kShareLabels))];
  t.tags = rng.chance(0.35);
  t.comments = rng.chance(0.3);

  t.sidebar_first = rng.chance(0.3);
  t.sidebar_label = kSidebarLabels[rng.below(std::size(kSidebarLabels))];
  t.sidebar_items = static_cast<uint8_t>(4 + rng.below(5));
  t.snippet_words = static_cast<uint8_t>(rng.chance(0.75) ? 6 + rng.below(7) : 0);
  t.categories_widget = rng.chance(0.4);
  t.newsletter = static_cast<uint8_t>(rng.below(3));
  t.newsletter_text = kNewsletterTexts[rng.below(std::size(kNewsletterTexts))];
  t.related_label = kRelatedLabels[rng.below(std::size(kRelatedLabels))];
  t.related_items = static_cast<uint8_t>(rng.chance(0.85) ? 3 + rng.below(2) : 0);
  t.relative_links = rng.chance(t.theme == Theme::kLegacy || t.theme == Theme::kBootstrap ? 0.6 : 0.1);
  t.cookie_banner = rng.chance(0.3);
  return t;
}

struct PageRenderer::SiteState {
  uint32_t index = 0;
  SiteTemplate tmpl;
  std::deque<Teaser> recent;    // newest first
  std::vector<Teaser> archive;  // pieces of the site's own that are not in the crawl
  bool z_for_utc = true;
};

PageRenderer::PageRenderer(uint32_t num_sites, uint64_t seed)
    : seed_(seed), sites_(make_sites(num_sites, seed)), states_(num_sites) {
  for (uint32_t i = 0; i < sites_.size(); ++i) site_index_.emplace(sites_[i].domain, i);
}

PageRenderer::~PageRenderer() = default;

PageRenderer::SiteState* PageRenderer::state(std::string_view domain) {
  const auto it = site_index_.find(domain);
  if (it == site_index_.end()) return nullptr;
  std::unique_ptr<SiteState>& s = states_[it->second];
  if (s) return s.get();
  s = std::make_unique<SiteState>();
  s->index = it->second;
  const Site& site = sites_[it->second];
  s->tmpl = make_site_template(site, it->second, seed_);
  s->z_for_utc = (it->second % 2) == 0;
  for (uint32_t j = 0; j < kEvergreenTeasers; ++j) {
    Rng rng(derive_seed(seed_, kEvergreenTag, uint64_t{it->second} * kEvergreenTeasers + j));
    StorySpec spec;
    spec.seed = rng.next();
    spec.time = 1700000000 + static_cast<int64_t>(rng.below(30000000));
    spec.agency = Agency::kLocal;
    spec.target_words = 20;
    const EventSpec event = make_event(rng, spec.time);
    spec.event = &event;
    const StoryText story = render_story(spec);
    Teaser& t = s->archive.emplace_back();
    t.title = story.title;
    t.url = "https://www." + site.domain + "/archive/" + slug(story.title);
    t.lede = first_words(story.paragraphs.front(), kLedeWords);
  }
  return s.get();
}

const SiteTemplate* PageRenderer::site_template(std::string_view domain) {
  SiteState* s = state(domain);
  return s == nullptr ? nullptr : &s->tmpl;
}

int64_t PageRenderer::render(const Document& doc, std::string& html) {
  html.clear();
  SiteState* s = state(doc.site);
  if (s == nullptr) return doc.date;  // not a document of this crawl: nothing to render
  const Site& site = sites_[s->index];
  const SiteTemplate& t = s->tmpl;
  Rng rng(derive_seed(seed_, kPageTag, pages_++));

  PageContent p{doc, t, site};
  p.site_seed = derive_seed(seed_, kCountsTag, s->index);
  const size_t dash = doc.url.rfind('-');
  p.post_id = dash == std::string::npos ? std::string_view(doc.id) : std::string_view(doc.url).substr(dash + 1);
  p.paragraphs = split(doc.text, "\n\n");
  if (p.paragraphs.size() >= 3 && p.paragraphs.front() == site.header && p.paragraphs.back() == site.footer) {
    p.has_boilerplate = true;
    p.header_line = p.paragraphs.front();
    p.footer_line = p.paragraphs.back();
    p.paragraphs.erase(p.paragraphs.begin());
    p.paragraphs.pop_back();
  }
  p.author = t.staff[rng.below(t.staff.size())];
  p.section = t.nav.size() > 2 ? t.nav[1 + rng.below(t.nav.size() - 2)] : "News";
  const int64_t fetched = doc.date + rng.range(10, 2880) * 60;
  const int64_t modified = rng.chance(0.4) ? std::min(fetched, doc.date + rng.range(5, 600) * 60) : doc.date;
  p.published = local_time(doc.date, t.utc_offset_minutes, s->z_for_utc);
  p.modified = local_time(modified, t.utc_offset_minutes, s->z_for_utc);
  p.fetched = local_time(fetched, t.utc_offset_minutes, s->z_for_utc);

  // Teasers: a random pick among the site's latest pages and its archive.
  std::vector<const Teaser*> pool;
  for (const Teaser& r : s->recent)
    if (r.title != doc.title) pool.push_back(&r);
  for (const Teaser& a : s->archive) pool.push_back(&a);
  rng.shuffle(pool);
  size_t next = 0;
  const auto take = [&](std::vector<const Teaser*>& into, size_t n) {
    for (; into.size() < n && next < pool.size(); ++next) into.push_back(pool[next]);
  };
  take(p.sidebar, t.sidebar_items);
  take(p.related, t.related_items);
  take(p.also, 3);

  write_page(p, html);

  // This page becomes a teaser on the site's next pages.
  Teaser mine;
  mine.title = doc.title;
  mine.url = doc.url;
  mine.lede = first_words(p.paragraphs.empty() ? std::string_view() : p.paragraphs.front(), kLedeWords);
  s->recent.push_front(std::move(mine));
  if (s->recent.size() > kRecentTeasers) s->recent.pop_back();
  return fetched;
}

}  // namespace copydesk::gen
