#include "providers/jwt.h"

#include "providers/encoding.h"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

namespace cadenced::providers {

namespace {

struct bio_deleter {
    void operator()(BIO* b) const { BIO_free(b); }
};
struct key_deleter {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct context_deleter {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

std::unique_ptr<EVP_PKEY, key_deleter> read_private_key(std::string_view pem) {
    std::unique_ptr<BIO, bio_deleter> bio{BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()))};
    if (!bio) throw key_error{"out of memory reading the private key"};
    // No passphrase callback: a service-account key is unencrypted.
    std::unique_ptr<EVP_PKEY, key_deleter> key{PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)};
    if (!key) throw key_error{"private_key is not a PEM private key"};
    if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA) throw key_error{"private_key is not an RSA key (RS256 needs one)"};
    return key;
}

}  // namespace

std::string sign_rs256_jwt(std::string_view claims_json, std::string_view private_key_pem) {
    const auto key = read_private_key(private_key_pem);
    const std::string signing_input = base64url(R"({"alg":"RS256","typ":"JWT"})") + "." + base64url(claims_json);

    std::unique_ptr<EVP_MD_CTX, context_deleter> context{EVP_MD_CTX_new()};
    if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
        throw key_error{"cannot sign with the private key"};
    std::size_t length = 0;
    const auto* input = reinterpret_cast<const unsigned char*>(signing_input.data());
    if (EVP_DigestSign(context.get(), nullptr, &length, input, signing_input.size()) != 1)
        throw key_error{"cannot sign with the private key"};
    std::string signature(length, '\0');
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, input,
                       signing_input.size()) != 1)
        throw key_error{"cannot sign with the private key"};
    signature.resize(length);
    return signing_input + "." + base64url(signature);
}

}  // namespace cadenced::providers
