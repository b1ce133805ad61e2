#include "html/metadata.h"

#include <simdjson.h>

#include <array>

#include "html/text_util.h"

namespace copydesk::html {
namespace {

bool is_article_type(std::string_view type) {
  const auto ends_with = [&](std::string_view suffix) {
    return type.size() >= suffix.size() && type.substr(type.size() - suffix.size()) == suffix;
  };
  return ends_with("Article") || ends_with("BlogPosting") || type == "Report";
}

bool has_article_type(simdjson::dom::object object) {
  simdjson::dom::element type;
  if (object["@type"].get(type) != simdjson::SUCCESS) return false;
  std::string_view name;
  if (type.get(name) == simdjson::SUCCESS) return is_article_type(name);
  simdjson::dom::array names;
  if (type.get(names) != simdjson::SUCCESS) return false;
  for (simdjson::dom::element n : names) {
    if (n.get(name) == simdjson::SUCCESS && is_article_type(name)) return true;
  }
  return false;
}

// Breadth first, so a top-level article comes before anything nested in it.
// Returns false when `body` is not JSON.
bool search_json(std::string_view body, std::string& article_date, std::string& any_date) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(simdjson::padded_string(body)).get(root) != simdjson::SUCCESS) return false;
  std::vector<simdjson::dom::element> queue{root};
  for (size_t next = 0; next < queue.size(); ++next) {
    simdjson::dom::element e = queue[next];
    simdjson::dom::array array;
    if (e.get(array) == simdjson::SUCCESS) {
      for (simdjson::dom::element child : array) queue.push_back(child);
      continue;
    }
    simdjson::dom::object object;
    if (e.get(object) != simdjson::SUCCESS) continue;
    std::string_view date;
    if (object["datePublished"].get(date) == simdjson::SUCCESS && !trim(date).empty()) {
      if (any_date.empty()) any_date = std::string(trim(date));
      if (article_date.empty() && has_article_type(object)) article_date = std::string(trim(date));
    }
    for (auto field : object) {
      if (field.value.is_object() || field.value.is_array()) queue.push_back(field.value);
    }
  }
  return true;
}

// For JSON-LD that does not parse (raw newlines in strings, trailing commas
// …): the string after the first "datePublished":.
std::string search_text(std::string_view body) {
  constexpr std::string_view key = "\"datePublished\"";
  const size_t at = body.find(key);
  if (at == std::string_view::npos) return {};
  size_t i = at + key.size();
  while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r')) ++i;
  if (i >= body.size() || body[i] != ':') return {};
  const size_t open = body.find('"', i);
  const size_t close = open == std::string_view::npos ? open : body.find('"', open + 1);
  if (close == std::string_view::npos || close - open > 64) return {};
  return std::string(trim(body.substr(open + 1, close - open - 1)));
}

// The JSON inside a script body that may be wrapped in <!-- --> or CDATA.
std::string_view json_part(std::string_view body) {
  const size_t begin = body.find_first_of("{[");
  const size_t end = body.find_last_of("}]");
  if (begin == std::string_view::npos || end == std::string_view::npos || end < begin) return {};
  return body.substr(begin, end - begin + 1);
}

}  // namespace

std::string strip_site_name(std::string_view title, std::string_view site_name) {
  site_name = trim(site_name);
  if (site_name.empty()) return std::string(title);
  static constexpr std::array<std::string_view, 8> separators = {" | ", " - ", " — ", " – ", " · ", " :: ", " » ", " : "};
  for (std::string_view sep : separators) {
    const size_t last = title.rfind(sep);
    if (last != std::string_view::npos && last > 0 &&
        equal_ignoring_case(trim(title.substr(last + sep.size())), site_name)) {
      return std::string(trim(title.substr(0, last)));
    }
    const size_t first = title.find(sep);
    if (first != std::string_view::npos && first + sep.size() < title.size() &&
        equal_ignoring_case(trim(title.substr(0, first)), site_name)) {
      return std::string(trim(title.substr(first + sep.size())));
    }
  }
  return std::string(title);
}

std::string json_ld_date_published(const std::vector<std::string>& scripts) {
  std::string article_date, any_date;
  for (const std::string& script : scripts) {
    const std::string_view body = json_part(script);
    if (body.empty()) continue;
    if (!search_json(body, article_date, any_date) && any_date.empty()) any_date = search_text(body);
    if (!article_date.empty()) return article_date;
  }
  return any_date;
}

std::string choose_title(const PageWalk& page) {
  const std::string& site = page.site_name.empty() ? page.application_name : page.site_name;
  return strip_site_name(page.og_title.empty() ? page.title : page.og_title, site);
}

std::string choose_date(const PageWalk& page, uint32_t content_begin, uint32_t content_end) {
  if (!page.published_time.empty()) return page.published_time;
  std::string date = json_ld_date_published(page.json_ld);
  if (!date.empty()) return date;
  if (!page.meta_date.empty()) return page.meta_date;
  for (const TimeMark& t : page.times) {
    if (t.block_index >= content_begin && t.block_index <= content_end) return t.datetime;
  }
  return page.times.empty() ? std::string() : page.times.front().datetime;
}

}  // namespace copydesk::html
