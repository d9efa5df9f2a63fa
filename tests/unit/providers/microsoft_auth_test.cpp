#include "providers/microsoft_auth.h"

#include "support/run_process.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace cadenced::providers;

TEST_CASE("microsoft auth: app registration files", "[unit][providers]") {
    test_support::temp_dir dir;
    dir.write("app.json", R"({"tenant": "contoso.onmicrosoft.com", "client_id": "c1", "client_secret": "s3cret"})");
    const auto app = read_microsoft_app(dir.file("app.json"));
    CHECK(app.tenant == "contoso.onmicrosoft.com");
    CHECK(app.client_id == "c1");
    CHECK(app.app_only());
    CHECK(microsoft_token_url(app, "") == "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
    CHECK(microsoft_token_url(app, "http://127.0.0.1:9/t/token") == "http://127.0.0.1:9/t/token");
    CHECK(microsoft_device_code_url("https://login.microsoftonline.com/x/oauth2/v2.0/token") ==
          "https://login.microsoftonline.com/x/oauth2/v2.0/devicecode");

    // What `az ad sp create-for-rbac` prints.
    dir.write("az.json", R"({"appId": "a1", "displayName": "cadenced", "password": "p", "tenant": "t-1"})");
    const auto az = read_microsoft_app(dir.file("az.json"));
    CHECK(az.client_id == "a1");
    CHECK(az.client_secret == "p");
    CHECK(az.tenant == "t-1");

    dir.write("delegated.json", R"({"tenant": "common", "client_id": "c1"})");
    CHECK_FALSE(read_microsoft_app(dir.file("delegated.json")).app_only());

    const auto error_of = [&](const std::string& text) {
        dir.write("bad.json", text);
        try {
            read_microsoft_app(dir.file("bad.json"));
        } catch (const auth_error& e) {
            return std::string{e.what()};
        }
        return std::string{"no error"};
    };
    CHECK(error_of(R"({"client_id": "c"})") == dir.file("bad.json") + ": missing or empty \"tenant\"");
    CHECK(error_of(R"({"tenant": "t"})") == dir.file("bad.json") + ": missing or empty \"client_id\"");
    CHECK(error_of(R"({"tenant": "t/../x", "client_id": "c"})") ==
          dir.file("bad.json") + ": \"tenant\" must be a tenant id or domain (like contoso.onmicrosoft.com)");
    CHECK(error_of("client_secret = 's3cret'") == dir.file("bad.json") + ": not a JSON credentials file");
    CHECK_THROWS_WITH(read_microsoft_app(dir.file("none.json")), "cannot read the credentials file " + dir.file("none.json"));
}

TEST_CASE("microsoft auth: the refresh token file is replaced whole and private", "[unit][providers]") {
    test_support::temp_dir dir;
    const std::filesystem::path file = dir.file("m.refresh-token");
    CHECK_THROWS_WITH(read_refresh_token(file), "no Microsoft sign-in stored at " + file.string() +
                                                    "; run cadenced --auth microsoft --target <name> once");
    store_refresh_token(file, "first");
    store_refresh_token(file, "second");
    CHECK(read_refresh_token(file) == "second");
    CHECK((std::filesystem::status(file).permissions() & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    CHECK_FALSE(std::filesystem::exists(file.string() + ".new"));
}
