#include "providers/crypto_library.h"

#include "providers/loaded_library.h"

#include <stdexcept>

namespace cadenced::providers {

namespace {

crypto_library load() {
    const loaded_library library{"libcrypto.so.3", "libssl3"};
    crypto_library c{};
    library.resolve("BIO_new_mem_buf", c.bio_new_mem_buf);
    library.resolve("BIO_free", c.bio_free);
    library.resolve("PEM_read_bio_PrivateKey", c.pem_read_bio_private_key);
    library.resolve("EVP_PKEY_get_base_id", c.pkey_get_base_id);
    library.resolve("EVP_PKEY_free", c.pkey_free);
    library.resolve("EVP_MD_CTX_new", c.md_ctx_new);
    library.resolve("EVP_MD_CTX_free", c.md_ctx_free);
    library.resolve("EVP_DigestSignInit", c.digest_sign_init);
    library.resolve("EVP_DigestSign", c.digest_sign);
    library.resolve("EVP_sha256", c.sha256);
    return c;
}

}  // namespace

const crypto_library& crypto_library::get() {
    static const crypto_library library = load();
    return library;
}

}  // namespace cadenced::providers
