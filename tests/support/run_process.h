#pragma once
// Runs a program with arguments and environment, capturing stdout, stderr
// and the exit status; for tests of the real binary.

#include <map>
#include <string>
#include <vector>

namespace test_support {

struct process_result {
    int exit_code = -1;  ///< -1 when killed by a signal
    std::string out;
    std::string err;
};

/// `env` entries are added to (or override) the current environment; a
/// value of "\x01unset" removes the variable.
process_result run_process(const std::string& program, const std::vector<std::string>& args,
                           const std::map<std::string, std::string>& env = {}, const std::string& stdin_text = {});

/// The current environment as "KEY=value" entries, with `extra` added or
/// overriding; a value of "\x01unset" removes the variable.
std::vector<std::string> merged_environment(const std::map<std::string, std::string>& extra);

/// A fresh temporary directory, removed with its content on destruction.
class temp_dir {
public:
    temp_dir();
    ~temp_dir();
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }
    void write(const std::string& name, const std::string& content) const;

private:
    std::string path_;
};

std::string read_file(const std::string& path);

}  // namespace test_support
