#pragma once
// Server configuration: defaults, overridden by a JSON config file, overridden by the command
// line. Keys and defaults: docs/configuration.md.
#include <cstdint>
#include <string>
#include <vector>

#include "infra/result.h"

namespace istihdam {

struct Config {
  std::string data_dir = "var/data";
  std::string reference_dir = ISTIHDAM_SOURCE_DIR "/data";
  std::string bind_address = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string port_file;  // when set, the bound port is written there (for --port 0)
  unsigned http_threads = 2;
  std::size_t body_limit_bytes = 1 << 20;
  unsigned request_timeout_seconds = 30;
  std::vector<std::string> cors_origins;  // exact origins allowed to call from browsers
  unsigned session_ttl_minutes = 480;
  std::string password_cost = "interactive";  // interactive | moderate | min (tests)
  std::size_t min_password_length = 8;
  bool demo = false;
  std::string log_level = "info";
  std::string terms_version = "2026-01";
};

// Reads the JSON file at `path` over `config`; unknown keys are an error (typos must not pass
// silently).
Status LoadConfigFile(const std::string& path, Config* config);

}  // namespace istihdam
