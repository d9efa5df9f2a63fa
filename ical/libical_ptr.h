#pragma once
// Owning handles for libical objects, so every path (including exceptions)
// frees what it built. Internal to ical/.

#include <libical/ical.h>

#include <memory>

namespace cadenced::ical {

struct component_deleter {
    void operator()(icalcomponent* c) const noexcept { icalcomponent_free(c); }
};
/// A component and everything added to it (properties, sub-components).
using component_ptr = std::unique_ptr<icalcomponent, component_deleter>;

struct property_deleter {
    void operator()(icalproperty* p) const noexcept { icalproperty_free(p); }
};
/// A property that belongs to no component.
using property_ptr = std::unique_ptr<icalproperty, property_deleter>;

struct buffer_deleter {
    void operator()(char* p) const noexcept { icalmemory_free_buffer(p); }
};
/// A string returned by one of libical's *_r functions.
using buffer_ptr = std::unique_ptr<char, buffer_deleter>;

/// The component as libical writes it (CRLF lines, folded by libical).
/// Uses the *_r variant so that nothing lands in libical's ring buffer.
inline buffer_ptr serialise(icalcomponent* c) {
    return buffer_ptr{icalcomponent_as_ical_string_r(c)};
}

}  // namespace cadenced::ical
