#pragma once
// JSON Web Tokens signed with RS256 (RFC 7519, RFC 7518 section 3.3), for
// Google's service-account grant.

#include <stdexcept>
#include <string>
#include <string_view>

namespace cadenced::providers {

/// A key that could not be read or used; the message never contains it.
class key_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// header.claims.signature, each part base64url: the header is
/// {"alg":"RS256","typ":"JWT"} and `claims_json` is signed as given, with
/// RSASSA-PKCS1-v1_5 and SHA-256 under `private_key_pem` (PKCS#8 or PKCS#1
/// PEM). Throws key_error.
std::string sign_rs256_jwt(std::string_view claims_json, std::string_view private_key_pem);

}  // namespace cadenced::providers
