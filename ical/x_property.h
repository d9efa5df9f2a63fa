#pragma once
// Internal to ical/.

#include <libical/ical.h>

#include <string>

namespace cadenced::ical {

/// A new X- property `name` holding `value` as libical's X type, which
/// escapes backslashes and line breaks; content_lines.cpp escapes the
/// separators (',' ';') that libical leaves raw.
inline icalproperty* new_x_property(const char* name, const std::string& value) {
    icalproperty* p = icalproperty_new_x(value.c_str());
    icalproperty_set_x_name(p, name);
    return p;
}

}  // namespace cadenced::ical
