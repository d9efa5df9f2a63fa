#include "config/credential_path.h"

#include <cstdlib>

namespace cadenced::config {

std::string credential_path(const std::string& configured) {
    if (!configured.empty() && configured.front() != '/')
        if (const char* dir = std::getenv("CREDENTIALS_DIRECTORY"); dir && *dir) return std::string{dir} + "/" + configured;
    return configured;
}

}  // namespace cadenced::config
