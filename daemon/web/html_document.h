#pragma once
// The frame every page shares: doctype, language, charset, viewport and the
// inline style sheet. No scripts and no external assets, so a page reads the
// same offline, printed, or with JavaScript off.

#include <string>
#include <string_view>

namespace cadenced::web {

/// A whole HTML5 document. `title` is plain text (escaped here); `css` and
/// `body` are trusted markup, already escaped by their makers.
std::string html_document(std::string_view title, std::string_view css, std::string_view body);

}  // namespace cadenced::web
