#include "config/vocabulary.h"

#include <array>

namespace cadenced::config::detail {

const options<schedule::shift_rule>& shift_names() {
    using schedule::shift_rule;
    static const options<shift_rule> names{
        {"next-working-day", shift_rule::next_working_day},
        {"previous-working-day", shift_rule::previous_working_day},
        {"next-week", shift_rule::next_week},
        {"skip", shift_rule::skip},
        {"keep", shift_rule::keep},
    };
    return names;
}

const options<schedule::fiscal_year_label>& fiscal_label_names() {
    static const options<schedule::fiscal_year_label> names{
        {"end", schedule::fiscal_year_label::end_year},
        {"start", schedule::fiscal_year_label::start_year},
    };
    return names;
}

const options<schedule::confidential_view>& confidential_names() {
    using schedule::confidential_view;
    static const options<confidential_view> names{
        {"full", confidential_view::full},
        {"busy", confidential_view::busy},
        {"omit", confidential_view::omit},
    };
    return names;
}

std::string_view month_name(unsigned month) {
    static constexpr std::array<std::string_view, 12> names{
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    return month >= 1 && month <= 12 ? names[month - 1] : std::string_view{"?"};
}

std::string identifier(const value_reader& value) {
    std::string id = value.string();
    const bool ok = !id.empty() && id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
    if (!ok) value.fail("must use only lower-case letters, digits and \"-\", got " + quote(id));
    return id;
}

}  // namespace cadenced::config::detail
