#pragma once
// A shared library loaded at run time with dlopen(3), for the libraries
// cadenced needs only for sync (libcurl, libcrypto). It stays loaded for the
// life of the process: the functions resolved from it are kept in statics.

#include <dlfcn.h>

#include <stdexcept>
#include <string>

namespace cadenced::providers {

class loaded_library {
public:
    /// Loads `soname`; throws std::runtime_error naming it and the Debian
    /// package that provides it.
    loaded_library(const char* soname, const char* package) : soname_{soname} {
        handle_ = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
        if (handle_ == nullptr) {
            const char* why = ::dlerror();
            throw std::runtime_error{std::string{"cannot load "} + soname + " (install " + package +
                                     "): " + (why ? why : "unknown")};
        }
    }

    /// Sets `out` to the function `name`; throws if the library lacks it.
    template <typename Function>
    void resolve(const char* name, Function& out) const {
        // POSIX guarantees a data pointer from dlsym converts to a function
        // pointer; the cast is the sanctioned way to get it.
        out = reinterpret_cast<Function>(::dlsym(handle_, name));
        if (out == nullptr) throw std::runtime_error{std::string{soname_} + " lacks " + name};
    }

private:
    const char* soname_;
    void* handle_ = nullptr;
};

}  // namespace cadenced::providers
