// What class and id names say about an element (internal): the page
// furniture words of Mozilla Readability's "unlikely candidates" list, with
// ads, bylines and consent banners added.
#pragma once

#include <string_view>

namespace copydesk::html {

enum class NameHint { kNone, kFurniture, kContent };

// kFurniture when a word of `class_names` or `id` (split at anything but
// letters and digits, any case) begins with a furniture word — comment,
// sidebar, widget, related, share, social, breadcrumb, byline, author, date,
// meta, newsletter, cookie, popup, footer, header, menu, nav … — or is
// "ad"/"ads",
// and no word begins with a content word (article, body, content, entry,
// main, story); kContent for the reverse; kNone otherwise.
// "comments-area", "ad-slot", "post-author": furniture; "entry-content",
// "article-body": content; "comment-content", "layout": neither.
NameHint hint_from_names(std::string_view class_names, std::string_view id);

}  // namespace copydesk::html
