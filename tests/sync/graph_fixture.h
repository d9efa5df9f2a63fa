#pragma once
// The Microsoft Graph emulator (tests/emulators/microsoft_graph.py) run for
// one test, and a working directory with a config and an app registration
// that point cadenced at it.

#include "google_fixture.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sync_test {

class graph_emulator {
public:
    explicit graph_emulator(int latency_ms = 0);
    std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }

    /// Every live event of every mailbox, with its extended properties,
    /// attachments and the instants the emulator computed (utcStart, utcEnd).
    std::vector<nlohmann::json> events() const;
    nlohmann::json stats() const;
    void reset_stats() const;
    void faults(const nlohmann::json& rules) const;
    /// POST /_control/<what>; returns the answer's JSON (or null).
    nlohmann::json control(const std::string& what, const nlohmann::json& body) const;

private:
    test_support::temp_dir dir_;
    test_support::background_process process_;
    int port_ = 0;
};

/// The UID in a Graph event's cadenced tag, or "" when it has none.
std::string graph_tagged_uid(const nlohmann::json& event);

class graph_workspace {
public:
    /// App-only access (client secret) unless `delegated`.
    explicit graph_workspace(const graph_emulator& emulator, bool delegated = false);

    /// Writes the config: `rhythm` then a Microsoft [[sync]] target for the
    /// emulator with `target_extra` lines added.
    void write_config(const std::string& rhythm = small_rhythm, const std::string& target_extra = {});
    test_support::process_result sync(const std::vector<std::string>& extra = {}) const;
    std::vector<std::string> sync_args(const std::vector<std::string>& extra = {}) const;
    test_support::process_result run(const std::vector<std::string>& args) const;

    std::string path(const std::string& name) const { return dir_.file(name); }
    void write(const std::string& name, const std::string& content) const { dir_.write(name, content); }

private:
    const graph_emulator& emulator_;
    bool delegated_;
    test_support::temp_dir dir_;
};

}  // namespace sync_test
