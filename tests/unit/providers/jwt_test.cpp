#include "providers/google_auth.h"
#include "providers/jwt.h"

#include "support/run_process.h"

#include <catch2/catch.hpp>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>

using namespace cadenced::providers;

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
    while (text.size() % 4) text += '=';
    std::string out(text.size(), '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
    out.resize(static_cast<std::size_t>(n) - (text.size() - text.find_last_not_of('=') - 1));
    return out;
}

bool verifies(const std::string& jwt, const std::string& public_pem) {
    const auto last_dot = jwt.rfind('.');
    const std::string input = jwt.substr(0, last_dot);
    const std::string signature = base64url_decode(jwt.substr(last_dot + 1));
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
