#include "providers/curl_library.h"

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
    if (out == nullptr) throw std::runtime_error{std::string{"libcurl.so.4 lacks "} + name};
}

curl_library load() {
    void* library = ::dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
        const char* why = ::dlerror();
        throw std::runtime_error{std::string{"cannot load libcurl (install libcurl4): "} + (why ? why : "unknown")};
    }
    curl_library c{};
    resolve(library, "curl_global_init", c.global_init);
    resolve(library, "curl_easy_init", c.easy_init);
    resolve(library, "curl_easy_cleanup", c.easy_cleanup);
    resolve(library, "curl_easy_reset", c.easy_reset);
    resolve(library, "curl_easy_setopt", c.easy_setopt);
    resolve(library, "curl_easy_getinfo", c.easy_getinfo);
    resolve(library, "curl_easy_perform", c.easy_perform);
    resolve(library, "curl_easy_strerror", c.easy_strerror);
    resolve(library, "curl_slist_append", c.slist_append);
    resolve(library, "curl_slist_free_all", c.slist_free_all);
    resolve(library, "curl_easy_escape", c.easy_escape);
    resolve(library, "curl_free", c.free);
    // Once, before any thread makes a request, as libcurl requires.
    if (c.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error{"libcurl failed to initialise"};
    return c;
}

}  // namespace

const curl_library& curl_library::get() {
    static const curl_library library = load();
    return library;
}

}  // namespace cadenced::providers
