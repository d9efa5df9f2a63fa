#pragma once
// Sockets passed by systemd socket activation (sd_listen_fds(3)).

#include <vector>

namespace cadenced::service {

/// The listening stream sockets systemd passed (LISTEN_FDS), already
/// checked to be listening TCP sockets; empty without socket activation.
/// Clears the LISTEN_* variables so children do not inherit them.
std::vector<int> inherited_listen_sockets();

}  // namespace cadenced::service
