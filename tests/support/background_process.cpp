#include "support/background_process.h"
#include "support/run_process.h"

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace test_support {

background_process::background_process(const std::string& program, const std::vector<std::string>& args,
                                       const std::string& log_path, const std::map<std::string, std::string>& env)
    : log_path_{log_path} {
    std::vector<std::string> owned_env = merged_environment(env);
    std::vector<char*> envp;
    for (auto& e : owned_env) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<std::string> owned_args{program};
    owned_args.insert(owned_args.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : owned_args) argv.push_back(a.data());
    argv.push_back(nullptr);

    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        const int log_fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int null_fd = ::open("/dev/null", O_RDWR);
        ::dup2(null_fd, 0);
        ::dup2(null_fd, 1);
        ::dup2(log_fd, 2);
        ::execve(program.c_str(), argv.data(), envp.data());
        ::_exit(127);
    }
}

background_process::~background_process() {
    if (!reaped_ && pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
}

std::string background_process::log() const { return read_file(log_path_); }

std::optional<std::smatch> background_process::wait_for_log(const std::regex& pattern, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        last_log_ = log();
        std::smatch m;
        if (std::regex_search(last_log_, m, pattern)) return m;
        if (std::chrono::steady_clock::now() > deadline) return std::nullopt;
        if (!reaped_) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                reaped_ = true;
                last_log_ = log();
                if (std::regex_search(last_log_, m, pattern)) return m;
                return std::nullopt;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
}

void background_process::signal(int sig) const {
    if (!reaped_) ::kill(pid_, sig);
}

std::optional<int> background_process::wait_exit(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            reaped_ = true;
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
    return std::nullopt;
}

}  // namespace test_support
