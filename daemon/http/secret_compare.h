#pragma once
// Comparing a secret a client sent with the one we expect.

#include <string_view>

namespace cadenced::http {

/// True when `given` equals `expected`. The time taken depends only on the
/// length of `expected` (ours, fixed) and never on where the two differ or
/// on the length of `given`, so timing does not reveal a token bit by bit.
bool secrets_equal(std::string_view given, std::string_view expected);

}  // namespace cadenced::http
