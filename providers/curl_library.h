#pragma once
// libcurl, loaded when the first provider request is made. A process that
// never syncs (`cadenced --export`, a daemon without [[sync]] targets) does
// not load it and the twenty libraries it brings (TLS, HTTP/2, IDN, LDAP,
// Kerberos...): they would double the start-up time of every export and
// take a few megabytes of the daemon's memory. Debian ships no static
// libcurl to link instead.

#include <curl/curl.h>

namespace cadenced::providers {

/// The libcurl functions cadenced uses, resolved from libcurl.so.4.
struct curl_library {
    decltype(&::curl_global_init) global_init;
    decltype(&::curl_easy_init) easy_init;
    decltype(&::curl_easy_cleanup) easy_cleanup;
    decltype(&::curl_easy_reset) easy_reset;
    decltype(&::curl_easy_setopt) easy_setopt;
    decltype(&::curl_easy_getinfo) easy_getinfo;
    decltype(&::curl_easy_perform) easy_perform;
    decltype(&::curl_easy_strerror) easy_strerror;
    decltype(&::curl_slist_append) slist_append;
    decltype(&::curl_slist_free_all) slist_free_all;
    decltype(&::curl_easy_escape) easy_escape;
    decltype(&::curl_free) free;

    /// The library, loaded and initialised once (thread-safe). Throws
    /// std::runtime_error naming the library if it cannot be loaded.
    static const curl_library& get();
};

}  // namespace cadenced::providers
