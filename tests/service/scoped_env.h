#pragma once
// Sets or unsets an environment variable for one test and restores the
// previous value afterwards, so tests of the systemd protocols (which read
// NOTIFY_SOCKET, LISTEN_*, WATCHDOG_*, JOURNAL_STREAM) do not leak into each
// other.

#include <cstdlib>
#include <optional>
#include <string>

namespace test_support {

class scoped_env {
public:
    scoped_env(std::string name, const std::optional<std::string>& value) : name_{std::move(name)} {
        if (const char* old = std::getenv(name_.c_str())) old_ = old;
        set(value);
    }
    ~scoped_env() { set(old_); }
    scoped_env(const scoped_env&) = delete;
    scoped_env& operator=(const scoped_env&) = delete;

private:
    void set(const std::optional<std::string>& value) const {
        if (value)
            ::setenv(name_.c_str(), value->c_str(), 1);
        else
            ::unsetenv(name_.c_str());
    }

    std::string name_;
    std::optional<std::string> old_;
};

}  // namespace test_support
