#include "zoneinfo/posix_tz.h"

#include <algorithm>
#include <cctype>

namespace cadenced::zoneinfo {

using namespace std::chrono;

namespace {

// A cursor over the string; every read returns false on a syntax error.
class reader {
public:
    explicit reader(std::string_view text) : text_{text} {}

    bool at_end() const { return pos_ == text_.size(); }
    bool peek(char c) const { return !at_end() && text_[pos_] == c; }
    bool accept(char c) {
        if (!peek(c)) return false;
        ++pos_;
        return true;
    }

    // "EST" (three or more letters) or "<+0545>" (quoted, may hold + - digits).
    bool name(std::string& out) {
        if (accept('<')) {
            const auto close = text_.find('>', pos_);
            if (close == std::string_view::npos || close == pos_) return false;
            out = text_.substr(pos_, close - pos_);
            pos_ = close + 1;
            return true;
        }
        const auto start = pos_;
        while (!at_end() && std::isalpha(static_cast<unsigned char>(text_[pos_]))) ++pos_;
        out = text_.substr(start, pos_ - start);
        return out.size() >= 3;
    }

    bool number(int& out, int max) {
        const auto start = pos_;
        long value = 0;
        while (!at_end() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
            value = value * 10 + (text_[pos_] - '0');
            if (value > max) return false;
            ++pos_;
        }
        out = static_cast<int>(value);
        return pos_ != start;
    }

    // [+|-]hh[:mm[:ss]]
    bool signed_time(seconds& out, int max_hours) {
        const bool negative = accept('-');
        if (!negative) accept('+');
        int h = 0, m = 0, s = 0;
        if (!number(h, max_hours)) return false;
        if (accept(':')) {
            if (!number(m, 59)) return false;
            if (accept(':') && !number(s, 59)) return false;
        }
        out = hours{h} + minutes{m} + seconds{s};
        if (negative) out = -out;
        return true;
    }

    bool date(posix_date& out) {
        if (accept('J')) {
            out.kind = posix_date::form::julian_no_leap;
            if (!number(out.day, 365) || out.day < 1) return false;
        } else if (accept('M')) {
            out.kind = posix_date::form::month_week_day;
            if (!number(out.month, 12) || out.month < 1 || !accept('.')) return false;
            if (!number(out.week, 5) || out.week < 1 || !accept('.')) return false;
            if (!number(out.weekday, 6)) return false;
        } else {
            out.kind = posix_date::form::zero_based;
            if (!number(out.day, 365)) return false;
        }
        if (accept('/')) return signed_time(out.time, 167);
        return true;
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

sys_days day_of(const posix_date& d, year y) {
    const sys_days jan1{y / January / 1};
    switch (d.kind) {
        case posix_date::form::julian_no_leap:
            // Day 60 is 1 March in every year, so leap years skip 29 February.
            return jan1 + days{d.day - 1 + (y.is_leap() && d.day >= 60 ? 1 : 0)};
        case posix_date::form::zero_based:
            return jan1 + days{d.day};
        case posix_date::form::month_week_day: {
            const month m{static_cast<unsigned>(d.month)};
            const weekday wd{static_cast<unsigned>(d.weekday)};
            if (d.week == 5) return sys_days{y / m / wd[last]};
            return sys_days{y / m / wd[static_cast<unsigned>(d.week)]};
        }
    }
    return jan1;
}

}  // namespace

std::optional<posix_tz> parse_posix_tz(std::string_view text) {
    reader in{text};
    posix_tz tz;
    seconds west{0};
    if (!in.name(tz.std_abbrev) || !in.signed_time(west, 24)) return std::nullopt;
    tz.std_offset = -west;
    if (in.at_end()) return tz;

    posix_tz::alternative dst;
    if (!in.name(dst.abbrev)) return std::nullopt;
    dst.offset = tz.std_offset + hours{1};
    if (!in.peek(',')) {
        if (!in.signed_time(west, 24)) return std::nullopt;
        dst.offset = -west;
    }
    if (!in.accept(',') || !in.date(dst.start) || !in.accept(',') || !in.date(dst.end) || !in.at_end()) {
        return std::nullopt;
    }
    tz.dst = dst;
    return tz;
}

std::array<posix_change, 2> changes_in_year(const posix_tz& tz, year y) {
    const auto& dst = *tz.dst;
    // Each change happens at a local time of the offset in force before it.
    const posix_change start{sys_seconds{day_of(dst.start, y)} + dst.start.time - tz.std_offset, true};
    const posix_change end{sys_seconds{day_of(dst.end, y)} + dst.end.time - dst.offset, false};
    if (end.at < start.at) return {end, start};
    return {start, end};
}

}  // namespace cadenced::zoneinfo
