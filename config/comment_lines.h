#pragma once
// The embedded default is mostly explanation for people reading it; the
// parser has no use for its comment lines, which are a quarter of its
// bytes and of the time spent parsing it at every start.

#include <string>
#include <string_view>

namespace cadenced::config::detail {

/// `toml` with every line that holds only a comment emptied. Newlines stay,
/// so every line and column keeps its number; lines inside multi-line
/// strings (""" or ''') are left alone, "#" there being text.
std::string without_comment_lines(std::string_view toml);

}  // namespace cadenced::config::detail
