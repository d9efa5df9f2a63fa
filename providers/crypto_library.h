#pragma once
// The few OpenSSL libcrypto functions that sign service-account JWTs,
// loaded when the first one is signed, as libcurl is (curl_library.h): the
// libcurl cadenced uses depends on the same libcrypto, and a process that
// never syncs with a service account maps neither.

#include <openssl/evp.h>
#include <openssl/pem.h>

namespace cadenced::providers {

struct crypto_library {
    decltype(&::BIO_new_mem_buf) bio_new_mem_buf;
    decltype(&::BIO_free) bio_free;
    decltype(&::PEM_read_bio_PrivateKey) pem_read_bio_private_key;
    decltype(&::EVP_PKEY_get_base_id) pkey_get_base_id;
    decltype(&::EVP_PKEY_free) pkey_free;
    decltype(&::EVP_MD_CTX_new) md_ctx_new;
    decltype(&::EVP_MD_CTX_free) md_ctx_free;
    decltype(&::EVP_DigestSignInit) digest_sign_init;
    decltype(&::EVP_DigestSign) digest_sign;
    decltype(&::EVP_sha256) sha256;

    /// Loaded once (thread-safe). Throws std::runtime_error if libcrypto.so.3
    /// cannot be loaded.
    static const crypto_library& get();
};

}  // namespace cadenced::providers
