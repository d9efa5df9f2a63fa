#include "google_fixture.h"

#include <csignal>
#include <random>
#include <regex>
#include <stdexcept>
#include <thread>

namespace sync_test {

using nlohmann::json;
using namespace std::chrono_literals;

json control_get(const std::string& url) {
    const auto r = test_support::http_get(url);
    if (r.status != 200) throw std::runtime_error{"emulator control " + url + ": " + std::to_string(r.status) + " " + r.error};
    return json::parse(r.body);
}

std::string control_post(const std::string& url, const json& body) {
    const auto r = test_support::http_send("POST", url, body.dump(), {"Content-Type: application/json"});
    if (r.status != 200) throw std::runtime_error{"emulator control " + url + ": " + std::to_string(r.status)};
    return r.body;
}

int kill_runs_at_random_points(const std::function<std::vector<std::string>(int run)>& args_for, const std::string& log,
                               unsigned seed, int max_delay_ms, int wanted) {
    std::mt19937 random{seed};
    std::uniform_int_distribution<int> delay_ms{0, max_delay_ms};
    int killed = 0;
    // Runs that finish before their kill do not count.
    for (int run = 0; killed < wanted && run < 80; ++run) {
        test_support::background_process sync{binary, args_for(run), log};
        std::this_thread::sleep_for(std::chrono::milliseconds{delay_ms(random)});
        sync.signal(SIGKILL);
        if (sync.wait_exit(10s) == -1) ++killed;
    }
    return killed;
}

google_emulator::google_emulator(int latency_ms)
    : process_{"/usr/bin/python3", {GOOGLE_EMULATOR, "--latency-ms", std::to_string(latency_ms)},
               dir_.file("emulator.log")} {
    const auto m = process_.wait_for_log(std::regex{"PORT ([0-9]+)"}, 20s);
    if (!m) throw std::runtime_error{"the Google emulator did not start: " + process_.log()};
    port_ = std::stoi((*m)[1].str());
}

json google_emulator::events() const { return control_get(base() + "/_control/events"); }

std::vector<json> google_emulator::live_events() const {
    std::vector<json> out;
    for (const auto& e : events())
        if (e.value("status", "") != "cancelled") out.push_back(e);
    return out;
}

json google_emulator::stats() const { return control_get(base() + "/_control/stats"); }

void google_emulator::reset_stats() const { control("reset-stats", json::object()); }

void google_emulator::faults(const json& rules) const { control("faults", rules); }

void google_emulator::control(const std::string& what, const json& body) const {
    control_post(base() + "/_control/" + what, body);
}

sync_workspace::sync_workspace(const google_emulator& emulator) : emulator_{emulator} {
    dir_.write("credentials.json", json{{"type", "authorized_user"},
                                        {"client_id", "test-client-id"},
                                        {"client_secret", "test-client-secret"},
                                        {"refresh_token", "test-refresh-token"}}
                                       .dump());
    write_config();
}

void sync_workspace::write_config(const std::string& rhythm, const std::string& target_extra) {
    dir_.write("cadenced.toml", rhythm + "\n[[sync]]\nname = \"google-test\"\nprovider = \"google\"\n"
                                         "credentials = \"" + dir_.file("credentials.json") + "\"\n"
                                         "api_base = \"" + emulator_.base() + "/calendar/v3\"\n"
                                         "token_url = \"" + emulator_.base() + "/token\"\n" + target_extra + "\n");
}

std::vector<std::string> sync_workspace::sync_args(const std::vector<std::string>& extra) const {
    std::vector<std::string> args{"--sync", "--config", dir_.file("cadenced.toml"), "--state-dir", dir_.file("state"),
                                  "--now", "2026-11-23T12:00:00Z"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

test_support::process_result sync_workspace::sync(const std::vector<std::string>& extra) const {
    return test_support::run_process(binary, sync_args(extra));
}

}  // namespace sync_test
