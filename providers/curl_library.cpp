#include "providers/curl_library.h"

#include "providers/loaded_library.h"

#include <stdexcept>

namespace cadenced::providers {

namespace {

curl_library load() {
    const loaded_library library{"libcurl.so.4", "libcurl4"};
    curl_library c{};
    library.resolve("curl_global_init", c.global_init);
    library.resolve("curl_easy_init", c.easy_init);
    library.resolve("curl_easy_cleanup", c.easy_cleanup);
    library.resolve("curl_easy_reset", c.easy_reset);
    library.resolve("curl_easy_setopt", c.easy_setopt);
    library.resolve("curl_easy_getinfo", c.easy_getinfo);
    library.resolve("curl_easy_perform", c.easy_perform);
    library.resolve("curl_easy_strerror", c.easy_strerror);
    library.resolve("curl_slist_append", c.slist_append);
    library.resolve("curl_slist_free_all", c.slist_free_all);
    library.resolve("curl_easy_escape", c.easy_escape);
    library.resolve("curl_free", c.free);
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
