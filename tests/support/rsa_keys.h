#pragma once
// RSA keys and RS256 checks for the tests of service-account JWTs, and
// base64 decoding, made with OpenSSL directly: an oracle independent of
// the code under test.

#include <string>

namespace test_support {

struct rsa_key_pair {
    std::string private_pem;  ///< PKCS#8, as Google's key files hold it
    std::string public_pem;
};

/// A fresh 2048-bit key. Throws std::runtime_error if OpenSSL fails.
rsa_key_pair make_rsa_key();

/// Standard base64 (with padding), decoded.
std::string base64_decode(const std::string& text);

/// base64url without padding, decoded.
std::string base64url_decode(std::string text);

/// Whether `signature` (raw bytes) is the RS256 signature of `input` under
/// `public_pem`.
bool rs256_verifies(const std::string& input, const std::string& signature, const std::string& public_pem);

}  // namespace test_support
