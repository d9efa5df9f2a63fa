#include "config/comment_lines.h"

namespace cadenced::config::detail {

namespace {

// Flips `open` (the delimiter of the multi-line string the line is in, or
// empty) for each """ or ''' on the line, outside of one-line strings too:
// the default quotes carefully, and the tests hold the result to the
// original's parse.
void track_multiline(std::string_view line, std::string_view& open) {
    for (std::size_t i = 0; i + 3 <= line.size(); ++i) {
        const auto three = line.substr(i, 3);
        if (!open.empty()) {
            if (three == open) {
                open = {};
                i += 2;
            }
        } else if (three == R"(""")" || three == "'''") {
            open = three == R"(""")" ? std::string_view{R"(""")"} : std::string_view{"'''"};
            i += 2;
        }
    }
}

}  // namespace

std::string without_comment_lines(std::string_view toml) {
    std::string out;
    out.reserve(toml.size());
    std::string_view open;  // the multi-line string delimiter we are inside, if any
    std::size_t at = 0;
    while (at < toml.size()) {
        auto end = toml.find('\n', at);
        if (end == std::string_view::npos) end = toml.size();
        const auto line = toml.substr(at, end - at);
        const auto first = line.find_first_not_of(" \t");
        const bool comment_only = open.empty() && first != std::string_view::npos && line[first] == '#';
        if (!comment_only) {
            out.append(line);
            track_multiline(line, open);
        }
        if (end < toml.size()) out += '\n';
        at = end + 1;
    }
    return out;
}

}  // namespace cadenced::config::detail
