#include "google_fixture.h"
#include "support/rsa_keys.h"

#include <catch2/catch.hpp>

using namespace sync_test;
using nlohmann::json;

using test_support::base64url_decode;
using test_support::make_rsa_key;
using test_support::rs256_verifies;

TEST_CASE("google sync: a service account signs its grant and can act for a user", "[sync][google]") {
    google_emulator google;
    sync_workspace work{google};
    const auto keys = make_rsa_key();
    work.write("service-account.json", json{{"type", "service_account"},
                                            {"client_email", "cadenced@rhythm-123.iam.gserviceaccount.com"},
                                            {"private_key", keys.private_pem},
                                            {"token_uri", "https://oauth2.googleapis.com/token"}}
                                           .dump());
    // A relative path is a systemd credential.
    std::string config = small_rhythm;
    config += "\n[[sync]]\nname = \"google-sa\"\nprovider = \"google\"\ncredentials = \"service-account.json\"\n"
              "subject = \"chief.of.staff@example.com\"\napi_base = \"" + google.base() + "/calendar/v3\"\n"
              "token_url = \"" + google.base() + "/token\"\n";
    work.write("cadenced.toml", config);
    const auto r = test_support::run_process(binary, work.sync_args(), {{"CREDENTIALS_DIRECTORY", work.path("")}});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(google.live_events().size() == small_rhythm_events);

    const auto grants = json::parse(test_support::http_get(google.base() + "/_control/jwt").body);
    REQUIRE(grants.size() == 1);
    const auto& claims = grants[0]["claims"];
    CHECK(claims["iss"] == "cadenced@rhythm-123.iam.gserviceaccount.com");
    CHECK(claims["sub"] == "chief.of.staff@example.com");
    CHECK(claims["scope"] == "https://www.googleapis.com/auth/calendar");
    CHECK(claims["aud"] == google.base() + "/token");
    CHECK(claims["exp"].get<long long>() - claims["iat"].get<long long>() == 3600);
    CHECK(rs256_verifies(grants[0]["signing_input"], base64url_decode(grants[0]["signature"]), keys.public_pem));
    // The key never reaches the output or the log.
    CHECK(r.out.find("PRIVATE KEY") == std::string::npos);
    CHECK(r.err.find("PRIVATE KEY") == std::string::npos);
}
