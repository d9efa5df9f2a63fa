#pragma once
// Calendar arithmetic written out by hand for the tests, independent of
// <chrono> and of the code under test: Sakamoto's day-of-week method and
// plain loops over days. Expected dates in the tests come from here.

#include <cstdio>
#include <string>

namespace hand {

struct date {
    int y, m, d;
    bool operator==(const date&) const = default;
    bool operator<(const date& o) const {
        return y != o.y ? y < o.y : m != o.m ? m < o.m : d < o.d;
    }
};

inline bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

inline int days_in_month(int y, int m) {
    static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : len[m - 1];
}

/// 0 = Sunday ... 6 = Saturday (Sakamoto).
inline int weekday(date x) {
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int y = x.y;
    if (x.m < 3) y -= 1;
    return (y + y / 4 - y / 100 + y / 400 + t[x.m - 1] + x.d) % 7;
}

inline date add_days(date x, int n) {
    while (n > 0) {
        if (++x.d > days_in_month(x.y, x.m)) {
            x.d = 1;
            if (++x.m > 12) { x.m = 1; ++x.y; }
        }
        --n;
    }
    while (n < 0) {
        if (--x.d < 1) {
            if (--x.m < 1) { x.m = 12; --x.y; }
            x.d = days_in_month(x.y, x.m);
        }
        ++n;
    }
    return x;
}

/// Civil month `offset` months after (y, m).
inline void add_months(int& y, int& m, int offset) {
    int index = y * 12 + (m - 1) + offset;
    y = index / 12;
    m = index % 12 + 1;
}

inline date first_weekday_of_month(int y, int m, int wd) {
    for (int d = 1; d <= 7; ++d)
        if (weekday({y, m, d}) == wd) return {y, m, d};
    return {0, 0, 0};
}

/// The one `wd` on day 12-18 of the month (the offsite rule, read literally).
inline date weekday_in_days_12_to_18(int y, int m, int wd) {
    for (int d = 12; d <= 18; ++d)
        if (weekday({y, m, d}) == wd) return {y, m, d};
    return {0, 0, 0};
}

inline date previous_weekday(date x, int wd) {
    do x = add_days(x, -1); while (weekday(x) != wd);
    return x;
}

inline date next_weekday(date x, int wd) {
    do x = add_days(x, 1); while (weekday(x) != wd);
    return x;
}

/// Next Monday-Friday day after x.
inline date next_working_day(date x) {
    do x = add_days(x, 1); while (weekday(x) == 0 || weekday(x) == 6);
    return x;
}

inline std::string str(date x) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", x.y, x.m, x.d);
    return buf;
}

}  // namespace hand
