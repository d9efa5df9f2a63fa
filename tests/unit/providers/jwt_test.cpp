#include "providers/google_auth.h"
#include "providers/jwt.h"

#include "support/rsa_keys.h"
#include "support/run_process.h"

#include <catch2/catch.hpp>

using namespace cadenced::providers;

using test_support::base64url_decode;
using test_support::make_rsa_key;

namespace {

bool verifies(const std::string& jwt, const std::string& public_pem) {
    const auto last_dot = jwt.rfind('.');
    return test_support::rs256_verifies(jwt.substr(0, last_dot), base64url_decode(jwt.substr(last_dot + 1)), public_pem);
}

}  // namespace

TEST_CASE("jwt: RS256 tokens verify with the public key", "[unit][providers]") {
    const auto keys = make_rsa_key();
    const std::string claims = R"({"iss":"svc@example.iam.gserviceaccount.com","aud":"https://oauth2.googleapis.com/token"})";
    const auto jwt = sign_rs256_jwt(claims, keys.private_pem);
    const auto first_dot = jwt.find('.');
    CHECK(base64url_decode(jwt.substr(0, first_dot)) == R"({"alg":"RS256","typ":"JWT"})");
    CHECK(base64url_decode(jwt.substr(first_dot + 1, jwt.rfind('.') - first_dot - 1)) == claims);
    CHECK(verifies(jwt, keys.public_pem));
    // A changed claim no longer matches its signature.
    auto tampered = jwt;
    tampered[first_dot + 3] = tampered[first_dot + 3] == 'A' ? 'B' : 'A';
    CHECK_FALSE(verifies(tampered, keys.public_pem));
}

TEST_CASE("jwt: a key that is not an RSA private key is refused without quoting it", "[unit][providers]") {
    CHECK_THROWS_AS(sign_rs256_jwt("{}", "-----BEGIN PRIVATE KEY-----\nnot base64 at all\n-----END PRIVATE KEY-----\n"),
                    key_error);
    try {
        sign_rs256_jwt("{}", "secret-looking-text");
        FAIL("no error");
    } catch (const key_error& e) {
        CHECK(std::string{e.what()}.find("secret-looking-text") == std::string::npos);
    }
}

TEST_CASE("google credentials: both file types, and clear errors without secrets", "[unit][providers]") {
    test_support::temp_dir dir;
    dir.write("user.json", R"({"type":"authorized_user","client_id":"cid","client_secret":"s3cret","refresh_token":"r3fresh"})");
    const auto user = read_google_credentials(dir.file("user.json"));
    CHECK(user.type == google_credentials::kind::authorized_user);
    CHECK(user.refresh_token == "r3fresh");

    dir.write("sa.json", R"({"type":"service_account","client_email":"svc@p.iam.gserviceaccount.com","private_key":"PEM","token_uri":"https://t"})");
    const auto sa = read_google_credentials(dir.file("sa.json"));
    CHECK(sa.type == google_credentials::kind::service_account);
    CHECK(sa.client_email == "svc@p.iam.gserviceaccount.com");
    CHECK(sa.token_uri == "https://t");

    dir.write("no-secret.json", R"({"type":"authorized_user","client_id":"cid","refresh_token":"r3fresh"})");
    CHECK_THROWS_WITH(read_google_credentials(dir.file("no-secret.json")),
                      dir.file("no-secret.json") + ": missing or empty \"client_secret\"");
    dir.write("broken.json", R"({"type":"authorized_user","client_secret":"s3cret" oops)");
    CHECK_THROWS_WITH(read_google_credentials(dir.file("broken.json")), dir.file("broken.json") + ": not a JSON credentials file");
    dir.write("odd.json", R"({"type":"external_account"})");
    CHECK_THROWS_WITH(read_google_credentials(dir.file("odd.json")),
                      dir.file("odd.json") + ": \"type\" must be \"service_account\" or \"authorized_user\"");
    CHECK_THROWS_WITH(read_google_credentials(dir.file("missing.json")),
                      "cannot read the credentials file " + dir.file("missing.json"));
}
