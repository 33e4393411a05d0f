#pragma once
// The listener's settings: TLS (docs/security.md "TLS") and the graceful drain
// (docs/server-lifecycle.md). Config file keys tlsCertFile, tlsKeyFile, drainSeconds; flags
// --tls-cert, --tls-key, --drain-seconds. Kept out of infra/config.h, which nearly every file
// includes, so that the listener's settings do not rebuild the whole tree when they change.
#include <string>
#include <string_view>

#include "infra/result.h"

namespace istihdam {

struct ListenerConfig {
  // PEM certificate chain and private key; both empty = plain HTTP.
  std::string tls_cert_file;
  std::string tls_key_file;
  // On SIGTERM/SIGINT: the bound on finishing the requests in flight and letting the read
  // models and the Kafka relay reach the committed position.
  unsigned drain_seconds = 20;
};

// True for the keys LoadListenerConfig reads (LoadConfigFile accepts them without reading).
bool IsListenerConfigKey(std::string_view key);
// Reads the listener keys of the JSON config file at `path` over `config`; other keys are
// LoadConfigFile's business.
Status LoadListenerConfig(const std::string& path, ListenerConfig* config);

}  // namespace istihdam
