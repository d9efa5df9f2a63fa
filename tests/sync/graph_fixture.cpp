#include "graph_fixture.h"

#include <regex>
#include <stdexcept>

namespace sync_test {

using nlohmann::json;
using namespace std::chrono_literals;

graph_emulator::graph_emulator(int latency_ms)
    : process_{"/usr/bin/python3", {GRAPH_EMULATOR, "--latency-ms", std::to_string(latency_ms)},
               dir_.file("emulator.log")} {
    const auto m = process_.wait_for_log(std::regex{"PORT ([0-9]+)"}, 20s);
    if (!m) throw std::runtime_error{"the Graph emulator did not start: " + process_.log()};
    port_ = std::stoi((*m)[1].str());
}

std::vector<json> graph_emulator::events() const {
    const json all = control_get(base() + "/_control/events");
    return {all.begin(), all.end()};
}

json graph_emulator::stats() const { return control_get(base() + "/_control/stats"); }

void graph_emulator::reset_stats() const { control("reset-stats", json::object()); }

void graph_emulator::faults(const json& rules) const { control("faults", rules); }

json graph_emulator::control(const std::string& what, const json& body) const {
    const std::string answer = control_post(base() + "/_control/" + what, body);
    return answer.empty() ? json{} : json::parse(answer, nullptr, false);
}

std::string graph_tagged_uid(const json& event) {
    // "cadenced/1 <uid> <hash> <fields>"
    for (const auto& p : event.value("singleValueExtendedProperties", json::array())) {
        const std::string value = p.value("value", "");
        if (p.value("id", "").find("Name cadenced") == std::string::npos || value.rfind("cadenced/1 ", 0) != 0) continue;
        const std::string rest = value.substr(11);
        return rest.substr(0, rest.find(' '));
    }
    return {};
}

graph_workspace::graph_workspace(const graph_emulator& emulator, bool delegated) : emulator_{emulator}, delegated_{delegated} {
    json app = {{"tenant", "contoso.onmicrosoft.com"}, {"client_id", "test-client-id"}};
    if (!delegated) app["client_secret"] = "test-client-secret";
    dir_.write("app.json", app.dump());
    write_config();
}

void graph_workspace::write_config(const std::string& rhythm, const std::string& target_extra) {
    dir_.write("cadenced.toml", rhythm + "\n[[sync]]\nname = \"m365\"\nprovider = \"microsoft\"\n"
                                         "credentials = \"" + dir_.file("app.json") + "\"\n"
                                         "user = \"" + (delegated_ ? "me" : "ceo@contoso.com") + "\"\n"
                                         "api_base = \"" + emulator_.base() + "/v1.0\"\n"
                                         "token_url = \"" + emulator_.base() + "/contoso.onmicrosoft.com/oauth2/v2.0/token\"\n" +
                                         target_extra + "\n");
}

std::vector<std::string> graph_workspace::sync_args(const std::vector<std::string>& extra) const {
    std::vector<std::string> args{"--sync", "--config", dir_.file("cadenced.toml"), "--state-dir", dir_.file("state"),
                                  "--now", "2026-11-23T12:00:00Z"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

test_support::process_result graph_workspace::sync(const std::vector<std::string>& extra) const {
    return test_support::run_process(binary, sync_args(extra));
}

test_support::process_result graph_workspace::run(const std::vector<std::string>& args) const {
    return test_support::run_process(binary, args);
}

}  // namespace sync_test
