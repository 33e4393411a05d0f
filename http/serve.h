#pragma once
// `istihdam serve`: runs an opened App behind the HTTP(S) listener until SIGTERM/SIGINT, then
// drains (docs/server-lifecycle.md). Returns the process's exit code (0 after a drain).
#include "http/app.h"
#include "infra/listener_config.h"

namespace istihdam::http {

// Throws std::runtime_error when the listener cannot start (unusable TLS files, port taken).
int Serve(App& app, const ListenerConfig& listener);

}  // namespace istihdam::http
