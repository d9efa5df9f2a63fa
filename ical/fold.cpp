#include "ical/fold.h"

namespace cadenced::ical {

namespace {

bool is_utf8_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

void append_folded(std::string& out, std::string_view line) {
    std::size_t room = max_line_octets;
    while (line.size() > room) {
        std::size_t cut = room;
        // Back up to the first byte of the character that would be split.
        while (cut > 0 && is_utf8_continuation(line[cut])) --cut;
        if (cut == 0) cut = room;
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        room = max_line_octets - 1;  // the leading space counts
    }
    out.append(line);
    out += "\r\n";
}

}  // namespace cadenced::ical
