#include "daemon/http/secret_compare.h"

#include <cstddef>

namespace cadenced::http {

bool secrets_equal(std::string_view given, std::string_view expected) {
    // Every byte of `expected` is visited whatever `given` holds; a shorter
    // `given` is padded by reading its bytes again (the mismatch is caught by
    // the length term), so there is no early exit and no data-dependent branch.
    unsigned diff = given.size() == expected.size() ? 0U : 1U;
    const std::size_t given_size = given.empty() ? 1 : given.size();
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto a = given.empty() ? 0U : static_cast<unsigned char>(given[i % given_size]);
        const auto b = static_cast<unsigned char>(expected[i]);
        diff |= a ^ b;
    }
    // Through a volatile so the compiler cannot turn the loop into an
    // early-exit comparison.
    volatile unsigned result = diff;
    return result == 0;
}

}  // namespace cadenced::http
