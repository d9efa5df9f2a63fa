#include "schedule/digest.h"

#include <cstdio>

namespace cadenced::schedule {

std::string content_digest::hex() const {
    char buf[33];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a_),
                  static_cast<unsigned long long>(b_));
    return buf;
}

}  // namespace cadenced::schedule
