#include "zoneinfo/zone.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <system_error>

namespace cadenced::zoneinfo {

using namespace std::chrono;
namespace fs = std::filesystem;

namespace {

bool is_name_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '+' || c == '/';
}

// The whole file, if it is a regular file of a zone's size. (Real ones are
// a few KiB; the cap keeps a stray huge file from being read whole.)
std::optional<std::string> read_file(const fs::path& path) {
    constexpr off_t max_size = 1 << 20;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::optional<std::string> bytes;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= max_size) {
        std::string buffer(static_cast<std::size_t>(st.st_size), '\0');
        std::size_t got = 0;
        while (got < buffer.size()) {
            const auto n = ::read(fd, buffer.data() + got, buffer.size() - got);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        if (got == buffer.size()) bytes = std::move(buffer);
    }
    ::close(fd);
    return bytes;
}

bool starts_as_tzif(const fs::path& path) {
    std::ifstream in{path, std::ios::binary};
    char magic[4] = {};
    return in.read(magic, sizeof magic) && std::string_view{magic, sizeof magic} == "TZif";
}

}  // namespace

fs::path zoneinfo_directory() {
    if (const char* dir = std::getenv("TZDIR"); dir && *dir) return dir;
    return "/usr/share/zoneinfo";
}

bool is_plausible_zone_name(std::string_view name) {
    if (name.empty() || name.size() > 255 || name.front() == '/' || name.back() == '/') return false;
    if (!std::all_of(name.begin(), name.end(), is_name_char)) return false;
    // Every part must start with a letter or digit ("-" alone, "." and ".."
    // are no zone's), which also rules out walking up the tree.
    std::size_t part = 0;
    while (part < name.size()) {
        const char first = name[part];
        if (first == '/' || first == '-' || first == '+' || first == '_') return false;
        const auto slash = name.find('/', part);
        if (slash == std::string_view::npos) break;
        part = slash + 1;
    }
    return true;
}

std::optional<zone> zone::load(std::string_view name, const fs::path& directory) {
    if (!is_plausible_zone_name(name)) return std::nullopt;
    const auto bytes = read_file(directory / fs::path{std::string{name}});
    if (!bytes) return std::nullopt;
    auto data = parse_tzif(*bytes);
    if (!data) return std::nullopt;
    zone z;
    z.name_ = name;
    z.data_ = std::move(*data);
    if (!z.data_.footer.empty()) z.rule_ = parse_posix_tz(z.data_.footer);
    return z;
}

time_type zone::type_at(sys_seconds t) const {
    const auto& ts = data_.transitions;
    // The first transition after t; the one before it is in force.
    const auto after = std::upper_bound(ts.begin(), ts.end(), t,
                                        [](sys_seconds when, const transition& tr) { return when < tr.at; });
    if (after == ts.end() && rule_) {
        // Past the listed transitions the footer rule says how it goes on;
        // a rule without daylight time is a constant offset.
        return rule_type_at(*rule_, t);
    }
    // RFC 8536 3.2: before the first transition, local time is type 0.
    if (after == ts.begin()) return data_.types.front();
    return data_.types[std::prev(after)->type];
}

time_type rule_type_at(const posix_tz& rule, sys_seconds t) {
    const time_type standard{rule.std_offset, false, rule.std_abbrev};
    if (!rule.dst) return standard;
    const auto y = year_month_day{floor<days>(t)}.year();
    bool dst = false;
    for (const auto in : {y - years{1}, y}) {
        for (const auto& change : changes_in_year(rule, in)) {
            if (change.at <= t) dst = change.to_dst;
        }
    }
    return dst ? time_type{rule.dst->offset, true, rule.dst->abbrev} : standard;
}

std::vector<std::string> zone_names(const fs::path& directory) {
    std::vector<std::string> names;
    std::error_code ec;
    fs::recursive_directory_iterator it{directory, fs::directory_options::none, ec};
    for (; !ec && it != fs::recursive_directory_iterator{}; it.increment(ec)) {
        const auto relative = it->path().lexically_relative(directory).generic_string();
        // "posix/" and "right/" are copies of the tree (the latter with leap
        // seconds); "localtime" and "posixrules" are not zones of their own.
        if (it.depth() == 0 && it->is_directory(ec) && (relative == "posix" || relative == "right")) {
            it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec) || relative == "localtime" || relative == "posixrules") continue;
        if (is_plausible_zone_name(relative) && starts_as_tzif(it->path())) names.push_back(relative);
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace cadenced::zoneinfo
