#pragma once
// Where a secret file named in the config is: a relative path names a
// systemd credential when the service has them
// (LoadCredential=elt.token:/etc/cadenced/elt.token). With DynamicUser= no
// fixed user can own such a file, and systemd hands the service a copy only
// it can read, in $CREDENTIALS_DIRECTORY. Used for feed token files and
// sync credentials alike.

#include <string>

namespace cadenced::config {

/// `configured` under $CREDENTIALS_DIRECTORY when it is relative and the
/// variable is set; otherwise `configured` as it is.
std::string credential_path(const std::string& configured);

}  // namespace cadenced::config
