#pragma once
// A program running in the background for a test (the real daemon): its
// stderr goes to a file the test can wait on; it is killed if the test
// ends first.

#include <chrono>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <sys/types.h>

namespace test_support {

class background_process {
public:
    background_process(const std::string& program, const std::vector<std::string>& args, const std::string& log_path,
                       const std::map<std::string, std::string>& env = {});
    ~background_process();
    background_process(const background_process&) = delete;
    background_process& operator=(const background_process&) = delete;

    pid_t pid() const { return pid_; }
    /// Everything the process wrote to stderr so far.
    std::string log() const;
    /// The first match of `pattern` in the log, waiting up to `timeout`;
    /// nullopt on timeout or when the process exits first.
    std::optional<std::smatch> wait_for_log(const std::regex& pattern, std::chrono::milliseconds timeout);
    void signal(int sig) const;
    /// The exit code once the process ends (-1 if killed by a signal),
    /// nullopt if it still runs after `timeout`.
    std::optional<int> wait_exit(std::chrono::milliseconds timeout);

private:
    pid_t pid_ = -1;
    std::string log_path_;
    std::string last_log_;
    bool reaped_ = false;
};

}  // namespace test_support
