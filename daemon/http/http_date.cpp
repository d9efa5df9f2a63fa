#include "daemon/http/http_date.h"

#include <array>
#include <cstddef>

namespace cadenced::http {

namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 7> short_days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 7> long_days{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                    "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void append_two_digits(std::string& out, unsigned value) {
    out += static_cast<char>('0' + value / 10 % 10);
    out += static_cast<char>('0' + value % 10);
}

/// Reads the fixed-layout date forms left to right; every read either
/// consumes exactly what it expects or reports failure.
class date_reader {
public:
    explicit date_reader(std::string_view text) : text_(text) {}

    bool literal(std::string_view expected) {
        if (text_.substr(pos_, expected.size()) != expected) return false;
        pos_ += expected.size();
        return true;
    }

    /// Exactly `count` decimal digits.
    std::optional<int> digits(std::size_t count) {
        if (pos_ + count > text_.size()) return std::nullopt;
        int value = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const char c = text_[pos_ + i];
            if (c < '0' || c > '9') return std::nullopt;
            value = value * 10 + (c - '0');
        }
        pos_ += count;
        return value;
    }

    /// 1-12 from "Jan".."Dec" (case-sensitive, as RFC 9110 requires).
    std::optional<unsigned> month() {
        for (std::size_t i = 0; i < months.size(); ++i) {
            if (literal(months[i])) return static_cast<unsigned>(i + 1);
        }
        return std::nullopt;
    }

    template <std::size_t N>
    bool one_of(const std::array<std::string_view, N>& names) {
        for (const auto name : names) {
            if (literal(name)) return true;
        }
        return false;
    }

    bool at_end() const { return pos_ == text_.size(); }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

struct time_of_day {
    int hour = 0;
    int minute = 0;
    int second = 0;
};

std::optional<time_of_day> read_time(date_reader& in) {
    const auto h = in.digits(2);
    if (!h || !in.literal(":")) return std::nullopt;
    const auto m = in.digits(2);
    if (!m || !in.literal(":")) return std::nullopt;
    const auto s = in.digits(2);
    // 60 is a leap second, which RFC 9110 allows; sys_seconds has no room
    // for it, so it counts as the last second of the minute.
    if (!s || *h > 23 || *m > 59 || *s > 60) return std::nullopt;
    return time_of_day{*h, *m, *s == 60 ? 59 : *s};
}

std::optional<sys_seconds> combine(int y, unsigned mon, int d, const time_of_day& t) {
    const year_month_day ymd{year{y}, month{mon}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return sys_days{ymd} + hours{t.hour} + minutes{t.minute} + seconds{t.second};
}

std::optional<sys_seconds> parse_imf_fixdate(std::string_view text) {
    date_reader in(text);
    if (!in.one_of(short_days) || !in.literal(", ")) return std::nullopt;
    const auto d = in.digits(2);
    if (!d || !in.literal(" ")) return std::nullopt;
    const auto mon = in.month();
    if (!mon || !in.literal(" ")) return std::nullopt;
    const auto y = in.digits(4);
    if (!y || !in.literal(" ")) return std::nullopt;
    const auto t = read_time(in);
    if (!t || !in.literal(" GMT") || !in.at_end()) return std::nullopt;
    return combine(*y, *mon, *d, *t);
}

std::optional<sys_seconds> parse_rfc850(std::string_view text) {
    date_reader in(text);
    if (!in.one_of(long_days) || !in.literal(", ")) return std::nullopt;
    const auto d = in.digits(2);
    if (!d || !in.literal("-")) return std::nullopt;
    const auto mon = in.month();
    if (!mon || !in.literal("-")) return std::nullopt;
    const auto yy = in.digits(2);
    if (!yy || !in.literal(" ")) return std::nullopt;
    const auto t = read_time(in);
    if (!t || !in.literal(" GMT") || !in.at_end()) return std::nullopt;
    return combine(*yy < 70 ? 2000 + *yy : 1900 + *yy, *mon, *d, *t);
}

std::optional<sys_seconds> parse_asctime(std::string_view text) {
    date_reader in(text);
    if (!in.one_of(short_days) || !in.literal(" ")) return std::nullopt;
    const auto mon = in.month();
    if (!mon || !in.literal(" ")) return std::nullopt;
    std::optional<int> d;
    if (in.literal(" ")) {
        d = in.digits(1);
    } else {
        d = in.digits(2);
    }
    if (!d || !in.literal(" ")) return std::nullopt;
    const auto t = read_time(in);
    if (!t || !in.literal(" ")) return std::nullopt;
    const auto y = in.digits(4);
    if (!y || !in.at_end()) return std::nullopt;
    return combine(*y, *mon, *d, *t);
}

}  // namespace

std::string format_http_date(sys_seconds t) {
    const auto day_start = floor<days>(t);
    const year_month_day ymd{day_start};
    const hh_mm_ss time{t - day_start};
    const weekday wd{day_start};

    std::string out;
    out.reserve(29);
    out.append(short_days[wd.c_encoding()]).append(", ");
    append_two_digits(out, static_cast<unsigned>(ymd.day()));
    out.append(" ").append(months[static_cast<unsigned>(ymd.month()) - 1]).append(" ");
    const int y = static_cast<int>(ymd.year());
    out.append(std::to_string(y)).append(" ");
    append_two_digits(out, static_cast<unsigned>(time.hours().count()));
    out += ':';
    append_two_digits(out, static_cast<unsigned>(time.minutes().count()));
    out += ':';
    append_two_digits(out, static_cast<unsigned>(time.seconds().count()));
    out.append(" GMT");
    return out;
}

std::optional<sys_seconds> parse_http_date(std::string_view text) {
    if (auto t = parse_imf_fixdate(text)) return t;
    if (auto t = parse_rfc850(text)) return t;
    return parse_asctime(text);
}

}  // namespace cadenced::http
