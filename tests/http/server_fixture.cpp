#include "server_fixture.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#ifndef ISTIHDAM_BINARY
#error "ISTIHDAM_BINARY must name the istihdam executable"
#endif

namespace e2e {

namespace fs = std::filesystem;

namespace {

std::vector<char*> Argv(const std::string& binary, const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(binary.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  return argv;
}

// In the child after fork: die with the test process, then exec. Never returns.
[[noreturn]] void ExecChild(const std::string& binary, const std::vector<std::string>& args) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  auto argv = Argv(binary, args);
  ::execv(binary.c_str(), argv.data());
  const std::string msg = "exec " + binary + ": " + std::strerror(errno) + "\n";
  (void)!::write(2, msg.data(), msg.size());
  ::_exit(127);
}

int DecodeStatus(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

// waitpid without blocking for up to `timeout`; true (and *status) when the child is gone.
bool Reap(pid_t pid, std::chrono::milliseconds timeout, int* status) {
  bool gone = false;
  WaitUntil(
      [&] {
        const pid_t r = ::waitpid(pid, status, WNOHANG);
        gone = r == pid || (r < 0 && errno == ECHILD);
        return gone;
      },
      timeout);
  return gone;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Tail(const std::string& s, std::size_t n) { return s.size() <= n ? s : "…" + s.substr(s.size() - n); }

}  // namespace

std::string IstihdamBinary() {
  if (const char* env = std::getenv("ISTIHDAM_BINARY"); env && *env) return env;
  return ISTIHDAM_BINARY;
}

bool WaitUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout,
               std::chrono::milliseconds interval) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (done()) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(interval);
  }
}

CommandResult RunIstihdam(const std::vector<std::string>& args, std::chrono::milliseconds timeout) {
  const std::string binary = IstihdamBinary();
  int out_pipe[2];
  int err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  }
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    const int devnull = ::open("/dev/null", O_RDONLY);
    ::dup2(devnull, 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    ExecChild(binary, args);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  CommandResult result;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open = 2;
  bool timed_out = false;
  while (open > 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    const int n = ::poll(fds, 2, static_cast<int>(left.count()));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buf[65536];
      const auto got = ::read(fds[i].fd, buf, sizeof buf);
      if (got > 0) {
        sinks[i]->append(buf, static_cast<std::size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open;
      }
    }
  }
  for (auto& f : fds) {
    if (f.fd >= 0) ::close(f.fd);
  }
  int status = 0;
  if (timed_out || !Reap(pid, std::chrono::seconds(10), &status)) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    result.exit_code = -1;
    result.err += "\n[e2e] istihdam did not finish in time and was killed";
    return result;
  }
  result.exit_code = DecodeStatus(status);
  return result;
}

ServerProcess::ServerProcess(ServerOptions options) : options_(std::move(options)) {
  std::string pattern = (fs::temp_directory_path() / "istihdam-e2e-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
  root_ = pattern;
  data_dir_ = root_ + "/data";
  port_file_ = root_ + "/port";
  log_file_ = root_ + "/server.log";
  try {
    Prepare();
    if (options_.start) Start();
  } catch (...) {
    RemoveRoot();
    throw;
  }
}

void ServerProcess::Prepare() {
  for (const auto& s : options_.staff) {
    std::vector<std::string> args = {"staff", "add", "--data-dir", data_dir_, "--role", s.role,
                                     "--tckn", s.tckn, "--password", s.password};
    if (!s.province.empty()) {
      args.push_back("--province");
      args.push_back(s.province);
    }
    const auto r = RunIstihdam(args);
    if (r.exit_code != 0) {
      throw std::runtime_error("istihdam staff add failed (" + std::to_string(r.exit_code) + "): " + r.err + r.out);
    }
  }
}

void ServerProcess::RemoveRoot() {
  if (root_.empty() || std::getenv("ISTIHDAM_E2E_KEEP")) return;
  std::error_code ec;
  fs::remove_all(root_, ec);
}

ServerProcess::~ServerProcess() {
  try {
    Stop();
  } catch (...) {
  }
  RemoveRoot();
}

void ServerProcess::Start() {
  if (running()) return;
  std::error_code ec;
  fs::remove(port_file_, ec);
  std::vector<std::string> args = {"serve", "--data-dir", data_dir_, "--port", "0", "--port-file", port_file_,
                                   "--password-cost", "min"};
  if (options_.demo) args.push_back("--demo");
  for (const auto& a : options_.extra_args) args.push_back(a);
  const std::string binary = IstihdamBinary();
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    const int devnull = ::open("/dev/null", O_RDONLY);
    const int log = ::open(log_file_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    ::dup2(devnull, 0);
    ::dup2(log, 1);
    ::dup2(log, 2);
    ExecChild(binary, args);
  }
  pid_ = pid;
  bool died = false;
  int status = 0;
  const bool up = WaitUntil(
      [&] {
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
          died = true;
          return true;
        }
        std::ifstream in(port_file_);
        int port = 0;
        if (in >> port && port > 0 && port < 65536) {
          port_ = static_cast<std::uint16_t>(port);
          return true;
        }
        return false;
      },
      options_.start_timeout);
  if (died) {
    pid_ = -1;
    throw std::runtime_error("istihdam serve exited (" + std::to_string(DecodeStatus(status)) +
                             ") before listening; log:\n" + Tail(Log(), 4000));
  }
  if (!up) {
    Stop();
    throw std::runtime_error("istihdam serve did not write its port file within the deadline; log:\n" +
                             Tail(Log(), 4000));
  }
}

int ServerProcess::Stop() {
  if (!running()) return 0;
  const pid_t pid = pid_;
  pid_ = -1;
  int status = 0;
  ::kill(pid, SIGTERM);
  if (Reap(pid, options_.stop_timeout, &status)) return DecodeStatus(status);
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  return -1;
}

void ServerProcess::Kill() {
  if (!running()) return;
  const pid_t pid = pid_;
  pid_ = -1;
  int status = 0;
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
}

std::string ServerProcess::Log() const { return ReadFile(log_file_); }

}  // namespace e2e
