#include "daemon/runtime/state_dir.h"

#include <stdexcept>
#include <system_error>

namespace cadenced::runtime {

std::filesystem::path choose_state_dir(const std::optional<std::string>& given,
                                       const std::function<std::optional<std::string>(const std::string&)>& getenv,
                                       bool is_root) {
    if (given && !given->empty()) return *given;
    if (auto dirs = getenv("STATE_DIRECTORY"); dirs && !dirs->empty()) return dirs->substr(0, dirs->find(':'));
    if (is_root) return "/var/lib/cadenced";
    if (auto xdg = getenv("XDG_STATE_HOME"); xdg && !xdg->empty()) return std::filesystem::path{*xdg} / "cadenced";
    if (auto home = getenv("HOME"); home && !home->empty())
        return std::filesystem::path{*home} / ".local" / "state" / "cadenced";
    return std::filesystem::path{".cadenced-state"};
}

void ensure_state_dir(const std::filesystem::path& dir) {
    std::error_code ec;
    if (std::filesystem::is_directory(dir, ec)) return;
    std::filesystem::create_directories(dir, ec);
    if (!ec) std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
    if (ec) throw std::runtime_error("cannot create state directory " + dir.string() + ": " + ec.message());
}

}  // namespace cadenced::runtime
