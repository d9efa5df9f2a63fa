#include "google_fixture.h"

#include <catch2/catch.hpp>

#include <openssl/evp.h>
#include <openssl/pem.h>

using namespace sync_test;
using nlohmann::json;

namespace {

struct key_pair {
    std::string private_pem;
    std::string public_pem;
};

key_pair make_rsa_key() {
    EVP_PKEY* key = EVP_RSA_gen(2048);
    REQUIRE(key != nullptr);
    auto to_pem = [&](bool private_part) {
        BIO* bio = BIO_new(BIO_s_mem());
        if (private_part) PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
        else PEM_write_bio_PUBKEY(bio, key);
        char* data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        std::string pem{data, static_cast<std::size_t>(size)};
        BIO_free(bio);
        return pem;
    };
    key_pair pair{to_pem(true), to_pem(false)};
    EVP_PKEY_free(key);
    return pair;
}

std::string base64url_decode(std::string text) {
    for (char& c : text) c = c == '-' ? '+' : c == '_' ? '/' : c;
    const std::size_t padding = (4 - text.size() % 4) % 4;
    text.append(padding, '=');
    std::string out(text.size(), '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
    out.resize(static_cast<std::size_t>(n) - padding);
    return out;
}

bool signature_verifies(const std::string& input, const std::string& signature, const std::string& public_pem) {
    BIO* bio = BIO_new_mem_buf(public_pem.data(), static_cast<int>(public_pem.size()));
    EVP_PKEY* key = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    const bool ok = EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1 &&
                    EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                                     reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
    EVP_MD_CTX_free(ctx);
    EVP_PKEY_free(key);
    return ok;
}

}  // namespace

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
    CHECK(signature_verifies(grants[0]["signing_input"], base64url_decode(grants[0]["signature"]), keys.public_pem));
    // The key never reaches the output or the log.
    CHECK(r.out.find("PRIVATE KEY") == std::string::npos);
    CHECK(r.err.find("PRIVATE KEY") == std::string::npos);
}
