#include "providers/crypto_library.h"

#include <dlfcn.h>

#include <stdexcept>
#include <string>

namespace cadenced::providers {

namespace {

template <typename Function>
void resolve(void* library, const char* name, Function& out) {
    // POSIX guarantees a data pointer from dlsym converts to a function
    // pointer; the cast is the sanctioned way to get it.
    out = reinterpret_cast<Function>(::dlsym(library, name));
    if (out == nullptr) throw std::runtime_error{std::string{"libcrypto.so.3 lacks "} + name};
}

crypto_library load() {
    void* library = ::dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
        const char* why = ::dlerror();
        throw std::runtime_error{std::string{"cannot load OpenSSL's libcrypto (install libssl3): "} + (why ? why : "unknown")};
    }
    crypto_library c{};
    resolve(library, "BIO_new_mem_buf", c.bio_new_mem_buf);
    resolve(library, "BIO_free", c.bio_free);
    resolve(library, "PEM_read_bio_PrivateKey", c.pem_read_bio_private_key);
    resolve(library, "EVP_PKEY_get_base_id", c.pkey_get_base_id);
    resolve(library, "EVP_PKEY_free", c.pkey_free);
    resolve(library, "EVP_MD_CTX_new", c.md_ctx_new);
    resolve(library, "EVP_MD_CTX_free", c.md_ctx_free);
    resolve(library, "EVP_DigestSignInit", c.digest_sign_init);
    resolve(library, "EVP_DigestSign", c.digest_sign);
    resolve(library, "EVP_sha256", c.sha256);
    return c;
}

}  // namespace

const crypto_library& crypto_library::get() {
    static const crypto_library library = load();
    return library;
}

}  // namespace cadenced::providers
