#pragma once
// A VTIMEZONE built from the system tz database. Internal to ical/.

#include "ical/errors.h"
#include "ical/libical_ptr.h"

#include <chrono>
#include <string>

namespace cadenced::ical {

/// The VTIMEZONE of IANA zone `tzid`, with TZID the plain name, exact for
/// local times from 1 January `first_year` to 31 December `last_year`.
///
/// Each run of yearly transitions that follow one rule (say, the second
/// Sunday of March at 02:00) becomes one STANDARD or DAYLIGHT observance with
/// an RRULE: with UNTIL if the rule ends inside the span, open-ended if the
/// database still follows it a few years after the span. Transitions that
/// follow no yearly rule are listed as RDATEs of one observance per kind of
/// change. A zone without transitions in the span gets a single STANDARD.
/// Throws unknown_zone_error for an unknown zone.
component_ptr build_vtimezone(const std::string& tzid, std::chrono::year first_year,
                              std::chrono::year last_year);

}  // namespace cadenced::ical
