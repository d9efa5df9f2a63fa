#include "support/rsa_keys.h"

#include <algorithm>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <stdexcept>

namespace test_support {

rsa_key_pair make_rsa_key() {
    EVP_PKEY* key = EVP_RSA_gen(2048);
    if (key == nullptr) throw std::runtime_error{"EVP_RSA_gen failed"};
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
    rsa_key_pair pair{to_pem(true), to_pem(false)};
    EVP_PKEY_free(key);
    return pair;
}

std::string base64_decode(const std::string& text) {
    std::string out(text.size(), '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
    if (n < 0) return {};
    // EVP_DecodeBlock counts the bytes the padding stands for.
    const auto padding = text.size() - std::min(text.size(), text.find_last_not_of('=') + 1);
    out.resize(static_cast<std::size_t>(n) - padding);
    return out;
}

std::string base64url_decode(std::string text) {
    for (char& c : text) c = c == '-' ? '+' : c == '_' ? '/' : c;
    text.append((4 - text.size() % 4) % 4, '=');
    return base64_decode(text);
}

bool rs256_verifies(const std::string& input, const std::string& signature, const std::string& public_pem) {
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

}  // namespace test_support
