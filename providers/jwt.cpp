#include "providers/jwt.h"

#include "providers/crypto_library.h"
#include "providers/encoding.h"

#include <memory>

namespace cadenced::providers {

namespace {

struct bio_deleter {
    void operator()(BIO* b) const { crypto_library::get().bio_free(b); }
};
struct key_deleter {
    void operator()(EVP_PKEY* k) const { crypto_library::get().pkey_free(k); }
};
struct context_deleter {
    void operator()(EVP_MD_CTX* c) const { crypto_library::get().md_ctx_free(c); }
};

std::unique_ptr<EVP_PKEY, key_deleter> read_private_key(std::string_view pem) {
    const auto& c = crypto_library::get();
    std::unique_ptr<BIO, bio_deleter> bio{c.bio_new_mem_buf(pem.data(), static_cast<int>(pem.size()))};
    if (!bio) throw key_error{"out of memory reading the private key"};
    // No passphrase callback: a service-account key is unencrypted.
    std::unique_ptr<EVP_PKEY, key_deleter> key{c.pem_read_bio_private_key(bio.get(), nullptr, nullptr, nullptr)};
    if (!key) throw key_error{"private_key is not a PEM private key"};
    if (c.pkey_get_base_id(key.get()) != EVP_PKEY_RSA) throw key_error{"private_key is not an RSA key (RS256 needs one)"};
    return key;
}

}  // namespace

std::string sign_rs256_jwt(std::string_view claims_json, std::string_view private_key_pem) {
    std::unique_ptr<EVP_PKEY, key_deleter> key;
    try {
        key = read_private_key(private_key_pem);
    } catch (const std::runtime_error& e) {
        if (dynamic_cast<const key_error*>(&e)) throw;
        throw key_error{e.what()};  // libcrypto missing
    }
    const auto& c = crypto_library::get();
    const std::string signing_input = base64url(R"({"alg":"RS256","typ":"JWT"})") + "." + base64url(claims_json);

    std::unique_ptr<EVP_MD_CTX, context_deleter> context{c.md_ctx_new()};
    if (!context || c.digest_sign_init(context.get(), nullptr, c.sha256(), nullptr, key.get()) != 1)
        throw key_error{"cannot sign with the private key"};
    std::size_t length = 0;
    const auto* input = reinterpret_cast<const unsigned char*>(signing_input.data());
    if (c.digest_sign(context.get(), nullptr, &length, input, signing_input.size()) != 1)
        throw key_error{"cannot sign with the private key"};
    std::string signature(length, '\0');
    if (c.digest_sign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, input,
                      signing_input.size()) != 1)
        throw key_error{"cannot sign with the private key"};
    signature.resize(length);
    return signing_input + "." + base64url(signature);
}

}  // namespace cadenced::providers
