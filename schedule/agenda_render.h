#pragma once
// The one renderer of an occurrence's agenda, shared by the ICS writer, the
// providers and the daemon's agenda page.

#include "schedule/occurrence.h"

#include <string>

namespace cadenced::schedule {

/// Plain text: the description, then the agenda with clock times, e.g.
///   10:00-10:10 Recap of previous quarter performance (CEO)
/// notes indented under their item, then remarks (folded-in meetings, moves).
/// Lines are separated by "\n"; no trailing newline.
std::string render_text(const occurrence& o);

/// The same content as a self-contained HTML fragment (no <html>/<body>),
/// every text HTML-escaped.
std::string render_html(const occurrence& o);
/// render_html(o) appended to `out`.
void append_html(std::string& out, const occurrence& o);

/// "10:00" for a wall-clock time.
std::string clock_time(std::chrono::local_seconds t);

/// HTML-escapes &, <, >, " and '.
std::string html_escape(std::string_view text);
/// html_escape(text) appended to `out`.
void append_html_escaped(std::string& out, std::string_view text);

}  // namespace cadenced::schedule
