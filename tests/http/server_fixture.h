#pragma once
// Runs the real `istihdam` binary for the end-to-end tests: a fresh temporary data directory,
// `serve --port 0 --port-file`, a deadline-bounded wait for the port file, and SIGTERM (then
// SIGKILL) + waitpid on Stop. Also runs the offline subcommands (staff add, verify, events).
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace e2e {

// The binary under test (ISTIHDAM_BINARY from CMake; the environment variable of the same name
// overrides it).
std::string IstihdamBinary();

// Polls `done` every `interval` until it returns true or `timeout` passes; returns its last
// answer. The only place the tests wait.
bool WaitUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout,
               std::chrono::milliseconds interval = std::chrono::milliseconds(10));

struct CommandResult {
  int exit_code = -1;  // -1: killed by a signal or timed out
  std::string out;     // stdout
  std::string err;     // stderr
};

// Runs `istihdam <args...>` to completion (bounded by `timeout`), capturing stdout and stderr.
CommandResult RunIstihdam(const std::vector<std::string>& args,
                          std::chrono::milliseconds timeout = std::chrono::seconds(30));

struct StaffUser {
  std::string role;  // auditor | unit | headOffice
  std::string tckn;
  std::string password;
  std::string province;  // unit users only
};

struct ServerOptions {
  bool demo = false;
  std::vector<StaffUser> staff;  // created with `staff add` before the server starts
  std::vector<std::string> extra_args;
  std::chrono::milliseconds start_timeout = std::chrono::seconds(20);
  std::chrono::milliseconds stop_timeout = std::chrono::seconds(10);
  bool start = true;  // false: the constructor only prepares; the test calls Start()
};

class ServerProcess {
 public:
  // Creates the temporary directory, runs the `staff add` commands and starts the server;
  // throws std::runtime_error (with the server log) when it does not come up.
  explicit ServerProcess(ServerOptions options = {});
  // Stops the server if it runs and removes the temporary directory (unless the environment
  // variable ISTIHDAM_E2E_KEEP is set).
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Starts `serve` on data_dir() (again, after Stop()).
  void Start();
  // SIGTERM, wait up to stop_timeout, then SIGKILL. Returns the exit code, or -1 when the
  // server had to be killed or died from a signal. Idempotent.
  int Stop();
  // SIGKILL and reap (crash tests). Idempotent.
  void Kill();

  bool running() const { return pid_ > 0; }
  std::uint16_t port() const { return port_; }
  const std::string& root_dir() const { return root_; }
  const std::string& data_dir() const { return data_dir_; }
  // The server's stdout and stderr so far (all runs).
  std::string Log() const;

 private:
  void Prepare();     // the `staff add` commands
  void RemoveRoot();  // the temporary directory, unless ISTIHDAM_E2E_KEEP is set

  ServerOptions options_;
  std::string root_;
  std::string data_dir_;
  std::string port_file_;
  std::string log_file_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace e2e
