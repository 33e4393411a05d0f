// The listener against the real binary (issue 16 items 1 and 2, docs/security.md "TLS",
// docs/server-lifecycle.md):
// - TLS: a self-signed certificate made here with the openssl CLI, curl with --cacert: health,
//   a login POST, two requests on one connection, TLS 1.1 and a non-ECDHE suite refused,
//   unusable certificate/key files stop start-up with a clear message and a non-zero exit.
// - Drain: concurrent registrations, SIGTERM mid-load; exit 0, every acknowledged registration
//   is in the log read back from the data directory, no accepted request went unanswered, a
//   request in flight at the signal is finished with "Connection: close", an idle keep-alive
//   connection is closed; over plain HTTP and over TLS.
// This suite runs its own server process (not ServerProcess) because it signals it mid-load.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <openssl/ssl.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "e2e_helpers.h"

namespace e2e {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A shell command's exit code and its stdout+stderr (every command here bounds its own time:
// curl --max-time, openssl on local files).
struct Shell {
  int code = -1;
  std::string out;
};
Shell Sh(const std::string& command) {
  Shell r;
  FILE* p = ::popen((command + " 2>&1").c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// A temporary directory removed at the end (unless ISTIHDAM_E2E_KEEP is set).
struct TempDir {
  std::string path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "istihdam-listener-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path = pattern;
  }
  ~TempDir() {
    if (std::getenv("ISTIHDAM_E2E_KEEP")) return;
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// `istihdam serve` on `data_dir` with --port 0; the test may signal it.
class Server {
 public:
  Server(const std::string& root, std::vector<std::string> extra) : root_(root) {
    const std::string port_file = root + "/port";
    log_ = root + "/server.log";
    std::vector<std::string> args = {IstihdamBinary(), "serve",      "--data-dir", data_dir(), "--port", "0",
                                     "--port-file",    port_file, "--password-cost", "min"};
    for (auto& a : extra) args.push_back(std::move(a));
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      const int log = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      ::dup2(log, 1);
      ::dup2(log, 2);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    const bool up = WaitUntil(
        [&] {
          if (Exited()) return true;
          std::ifstream in(port_file);
          int port = 0;
          if (in >> port && port > 0) port_ = static_cast<std::uint16_t>(port);
          return port_ != 0;
        },
        20s);
    if (!up || port_ == 0) throw std::runtime_error("server did not come up; log:\n" + Log());
  }
  ~Server() {
    if (pid_ > 0 && !exited_) {
      ::kill(pid_, SIGKILL);
      int st = 0;
      ::waitpid(pid_, &st, 0);
    }
  }
  std::string data_dir() const { return root_ + "/data"; }
  std::uint16_t port() const { return port_; }
  std::string Log() const { return ReadAll(log_); }
  void Signal(int sig) { ::kill(pid_, sig); }
  // The exit code once the process has ended within `timeout`, -1 otherwise (or on a signal).
  int WaitExit(std::chrono::milliseconds timeout) {
    WaitUntil([&] { return Exited(); }, timeout);
    if (!exited_) return -1;
    return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
  }

 private:
  bool Exited() {
    if (!exited_ && ::waitpid(pid_, &status_, WNOHANG) == pid_) exited_ = true;
    return exited_;
  }
  std::string root_, log_;
  pid_t pid_ = -1;
  int status_ = 0;
  bool exited_ = false;
  std::uint16_t port_ = 0;
};

// ---------------------------------------------------------------------------------------
// TLS

std::string MakeCertificate(const std::string& dir, const std::string& name) {
  const auto r = Sh("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=localhost"
                    " -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout " +
                    Quote(dir + "/" + name + ".key") + " -out " + Quote(dir + "/" + name + ".crt"));
  if (r.code != 0) throw std::runtime_error("openssl req failed: " + r.out);
  return dir + "/" + name;
}

TEST(TlsE2eTest, HttpsWithASelfSignedCertificate) {
  TempDir dir;
  const std::string cert = MakeCertificate(dir.path, "server");
  // A user to log in (staff add writes the data directory before the server opens it).
  const std::string tckn = TcknFrom("312345678");
  const auto staff = RunIstihdam({"staff", "add", "--data-dir", dir.path + "/data", "--role", "auditor", "--tckn", tckn,
                                  "--password", "Gizli-Sifre-123"});
  ASSERT_EQ(staff.exit_code, 0) << staff.err;
  Server server(dir.path, {"--tls-cert", cert + ".crt", "--tls-key", cert + ".key"});
  const std::string base = "https://127.0.0.1:" + std::to_string(server.port());
  const std::string curl = "curl -sS --max-time 20 --cacert " + Quote(cert + ".crt") + " ";

  // Health twice in one curl run: the second reuses the connection (keep-alive).
  auto r = Sh(curl + "-o /dev/null -o /dev/null -w '%{http_code} %{num_connects}\\n' " + base + "/health " + base + "/health");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out, "200 1\n200 0\n");
  EXPECT_NE(server.Log().find("listening on https://"), std::string::npos);

  // The negotiated protocol (TLS 1.3 by default) and a login POST.
  r = Sh(curl + "-v -H 'Content-Type: application/json' -d '{\"tckn\":\"" + tckn +
         "\",\"password\":\"Gizli-Sifre-123\"}' -w '\\n%{http_code}' " + base + "/api/v1/auth/login");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("SSL connection using TLSv1.3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"token\""), std::string::npos) << r.out;
  EXPECT_TRUE(r.out.ends_with("\n200")) << r.out;

  // TLS 1.2 works, with an ECDHE suite.
  r = Sh(curl + "-v --tls-max 1.2 -o /dev/null -w '%{http_code}' " + base + "/health");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("SSL connection using TLSv1.2 / ECDHE-"), std::string::npos) << r.out;
  EXPECT_TRUE(r.out.ends_with("200")) << r.out;

  // TLS 1.1 is refused by the server (its protocol_version alert), even from a client that
  // allows it (security level 0 lets OpenSSL 3 offer TLS 1.1).
  r = Sh(curl + "--tlsv1.1 --tls-max 1.1 --ciphers 'DEFAULT@SECLEVEL=0' " + base + "/health");
  EXPECT_EQ(r.code, 35) << r.out;  // CURLE_SSL_CONNECT_ERROR
  EXPECT_NE(r.out.find("alert protocol version"), std::string::npos) << r.out;
  // A TLS 1.2 suite without forward secrecy or AEAD is refused too.
  r = Sh(curl + "--tls-max 1.2 --ciphers AES128-SHA256 " + base + "/health");
  EXPECT_EQ(r.code, 35) << r.out;
  EXPECT_NE(r.out.find("handshake failure"), std::string::npos) << r.out;
  // Plain HTTP on the TLS port gets no HTTP answer.
  r = Sh("curl -sS --max-time 20 -o /dev/null -w '%{http_code}' http://127.0.0.1:" + std::to_string(server.port()) +
         "/health");
  EXPECT_NE(r.code, 0) << r.out;

  server.Signal(SIGTERM);
  EXPECT_EQ(server.WaitExit(30s), 0) << server.Log();
}

TEST(TlsE2eTest, PlainHttpWithoutTheFlags) {
  TempDir dir;
  Server server(dir.path, {});
  const auto r = Sh("curl -sS --max-time 20 -o /dev/null -w '%{http_code}' http://127.0.0.1:" +
                    std::to_string(server.port()) + "/health");
  EXPECT_EQ(r.out, "200");
  EXPECT_NE(server.Log().find("listening on http://"), std::string::npos);
  server.Signal(SIGINT);
  EXPECT_EQ(server.WaitExit(30s), 0) << server.Log();
}

TEST(TlsE2eTest, UnusableCertificateOrKeyStopsStartUp) {
  TempDir dir;
  const std::string a = MakeCertificate(dir.path, "a");
  const std::string b = MakeCertificate(dir.path, "b");
  const std::string data = dir.path + "/data";
  const auto serve = [&](std::vector<std::string> more) {
    std::vector<std::string> args = {"serve", "--data-dir", data, "--port", "0"};
    for (auto& m : more) args.push_back(std::move(m));
    return RunIstihdam(args);
  };
  auto r = serve({"--tls-cert", dir.path + "/missing.crt", "--tls-key", a + ".key"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("TLS certificate " + dir.path + "/missing.crt: cannot load"), std::string::npos) << r.err;
  r = serve({"--tls-cert", a + ".crt", "--tls-key", dir.path + "/missing.key"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("TLS key " + dir.path + "/missing.key: cannot load"), std::string::npos) << r.err;
  r = serve({"--tls-cert", a + ".crt", "--tls-key", b + ".key"});  // another certificate's key
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("TLS key " + b + ".key"), std::string::npos) << r.err;
  r = serve({"--tls-cert", a + ".crt"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("TLS needs both"), std::string::npos) << r.err;
  // The same keys from the configuration file.
  const std::string config = dir.path + "/config.json";
  std::ofstream(config) << "{\"tlsCertFile\": \"" << a << ".crt\", \"tlsKeyFile\": \"" << dir.path << "/nope.key\"}";
  r = serve({"--config", config});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("TLS key " + dir.path + "/nope.key: cannot load"), std::string::npos) << r.err;
}

TEST(TlsE2eTest, ConfigFileKeys) {
  TempDir dir;
  const std::string cert = MakeCertificate(dir.path, "server");
  const std::string config = dir.path + "/config.json";
  std::ofstream(config) << "{\"tlsCertFile\": \"" << cert << ".crt\", \"tlsKeyFile\": \"" << cert
                        << ".key\", \"drainSeconds\": 5}";
  Server server(dir.path, {"--config", config});
  const auto r = Sh("curl -sS --max-time 20 --cacert " + Quote(cert + ".crt") + " -o /dev/null -w '%{http_code}' https://127.0.0.1:" +
                    std::to_string(server.port()) + "/health");
  EXPECT_EQ(r.out, "200");
  server.Signal(SIGTERM);
  EXPECT_EQ(server.WaitExit(30s), 0);
  EXPECT_NE(server.Log().find("(at most 5 s)"), std::string::npos) << server.Log();
}

// ---------------------------------------------------------------------------------------
// Drain

// A raw HTTP/1.1 exchange that tells apart what the drain test must tell apart.
enum class Outcome { kAnswered, kRefused, kClosedUnanswered, kPartial, kTimeout };

struct Answer {
  Outcome outcome = Outcome::kTimeout;
  int status = 0;
  bool close = false;  // "Connection: close"
  std::string body;
};

// One client connection, plain or TLS (blocking OpenSSL on the socket).
class Conn {
 public:
  // Connects (and shakes hands when `tls` is set); !ok() on failure.
  Conn(std::uint16_t port, SSL_CTX* tls) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      Close();
      return;
    }
    if (tls) {
      ssl_ = SSL_new(tls);
      SSL_set_fd(ssl_, fd_);
      if (SSL_connect(ssl_) != 1) {
        Close();
        return;
      }
    }
    ok_ = true;
  }
  ~Conn() { Close(); }
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;

  bool ok() const { return ok_; }
  int fd() const { return fd_; }
  bool Send(std::string_view data) {
    while (!data.empty()) {
      const long n = ssl_ ? SSL_write(ssl_, data.data(), static_cast<int>(data.size()))
                          : ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }
  // Like recv: > 0 bytes, 0 at the end (EOF, reset, TLS close).
  long Receive(char* buf, std::size_t size) {
    if (!ssl_) return std::max<long>(0, ::recv(fd_, buf, size, 0));
    return std::max(0, SSL_read(ssl_, buf, static_cast<int>(size)));
  }
  // Bytes already decrypted and waiting (poll() does not see them).
  bool Buffered() const { return ssl_ && SSL_pending(ssl_) > 0; }
  std::uint16_t LocalPort() const {
    sockaddr_in a{};
    socklen_t len = sizeof a;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    return ntohs(a.sin_port);
  }

 private:
  void Close() {
    ok_ = false;
    if (ssl_) SSL_free(ssl_);
    ssl_ = nullptr;
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  int fd_ = -1;
  SSL* ssl_ = nullptr;
  bool ok_ = false;
};

// Reads one response (headers + Content-Length body) within `timeout`.
Answer ReadAnswer(Conn& c, std::chrono::milliseconds timeout) {
  Answer a;
  std::string in;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::size_t need = std::string::npos;
  for (;;) {
    const auto head_end = in.find("\r\n\r\n");
    if (head_end != std::string::npos && need == std::string::npos) {
      const std::string head = in.substr(0, head_end);
      a.status = std::atoi(head.c_str() + head.find(' ') + 1);
      std::string lower = head;
      for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      a.close = lower.find("\r\nconnection: close") != std::string::npos;
      const auto cl = lower.find("\r\ncontent-length:");
      need = head_end + 4 + (cl == std::string::npos ? 0 : std::strtoul(lower.c_str() + cl + 17, nullptr, 10));
    }
    if (need != std::string::npos && in.size() >= need) {
      a.body = in.substr(in.find("\r\n\r\n") + 4);
      a.outcome = Outcome::kAnswered;
      return a;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      a.outcome = Outcome::kTimeout;
      return a;
    }
    if (!c.Buffered()) {
      pollfd p{c.fd(), POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    }
    char buf[8192];
    const auto n = c.Receive(buf, sizeof buf);
    if (n <= 0) {  // EOF or reset
      a.outcome = in.empty() ? Outcome::kClosedUnanswered : Outcome::kPartial;
      return a;
    }
    in.append(buf, static_cast<std::size_t>(n));
  }
}

std::string RequestText(const std::string& method, const std::string& path, const std::string& body) {
  return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

// The server side's receive queue of the connection from `client_port`, from /proc/net/tcp:
// 0 once the server has read every byte the client sent; -1 when not found.
long ServerReceiveQueue(std::uint16_t server_port, std::uint16_t client_port) {
  std::ifstream in("/proc/net/tcp");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::istringstream ss(line);
    std::string sl, local, remote, st, queues;
    ss >> sl >> local >> remote >> st >> queues;
    const auto lport = std::stoul(local.substr(local.find(':') + 1), nullptr, 16);
    const auto rport = std::stoul(remote.substr(remote.find(':') + 1), nullptr, 16);
    if (lport == server_port && rport == client_port) return std::stol(queues.substr(queues.find(':') + 1), nullptr, 16);
  }
  return -1;
}


// The drain under load, over plain HTTP or over TLS.
void DrainUnderLoad(bool tls) {
  ::signal(SIGPIPE, SIG_IGN);  // SSL_write on a socket the server closed
  TempDir dir;
  const std::string config = dir.path + "/config.json";
  std::string tls_keys;
  std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> client_tls(nullptr, &SSL_CTX_free);
  if (tls) {
    const std::string cert = MakeCertificate(dir.path, "server");
    tls_keys = ", \"tlsCertFile\": \"" + cert + ".crt\", \"tlsKeyFile\": \"" + cert + ".key\"";
    client_tls.reset(SSL_CTX_new(TLS_client_method()));
    ASSERT_EQ(SSL_CTX_load_verify_locations(client_tls.get(), (cert + ".crt").c_str(), nullptr), 1);
    SSL_CTX_set_verify(client_tls.get(), SSL_VERIFY_PEER, nullptr);
  }
  // Registrations are rate-limited per client address; the load comes from one address.
  std::ofstream(config) << "{\"authRatePerClientPerMinute\": 0, \"drainSeconds\": 20" << tls_keys << "}";
  Server server(dir.path, {"--config", config});
  const auto port = server.port();
  SSL_CTX* ctx = client_tls.get();

  // Bodies made up front (the identifier generators are not thread-safe).
  constexpr int kThreads = 6, kPerThread = 400;
  std::vector<std::vector<std::pair<std::string, std::string>>> work(kThreads);  // (taxNo, body)
  for (auto& w : work) {
    for (int i = 0; i < kPerThread; ++i) {
      const auto e = NewEmployer::Fresh("Drain Test A.Ş.");
      w.emplace_back(e.vkn, json::serialize(RegistrationBody(e)));
    }
  }

  // An idle keep-alive connection (one answered request, then nothing).
  Conn idle(port, ctx);
  ASSERT_TRUE(idle.ok());
  ASSERT_TRUE(idle.Send(RequestText("GET", "/health", "")));
  ASSERT_EQ(ReadAnswer(idle, 20s).status, 200);

  // A request in flight at the signal: its head and half its body now, the rest after the
  // signal. The server has read the first part once its receive queue is empty.
  const auto slow_employer = NewEmployer::Fresh("Drain Slow A.Ş.");
  const std::string slow_body = json::serialize(RegistrationBody(slow_employer));
  const std::string slow_text = RequestText("POST", "/api/v1/registrations", slow_body);
  const std::size_t split = slow_text.size() - slow_body.size() / 2;
  Conn slow(port, ctx);
  ASSERT_TRUE(slow.ok());
  ASSERT_TRUE(slow.Send(std::string_view(slow_text).substr(0, split)));
  ASSERT_TRUE(WaitUntil([&] { return ServerReceiveQueue(port, slow.LocalPort()) == 0; }, 10s));

  // The load: keep-alive connections posting registrations until the server refuses them.
  std::mutex mu;
  std::vector<std::string> acknowledged, unanswered;
  std::atomic<int> acked{0}, other_answers{0}, refusals{0}, partial{0}, timeouts{0}, closes{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::unique_ptr<Conn> c;
      for (const auto& [vkn, body] : work[t]) {
        if (!c) {
          c = std::make_unique<Conn>(port, ctx);
          if (!c->ok()) {  // not listening any more (refused, or reset before the handshake)
            ++refusals;
            return;
          }
        }
        Answer a;
        if (!c->Send(RequestText("POST", "/api/v1/registrations", body))) {
          a.outcome = Outcome::kClosedUnanswered;
        } else {
          a = ReadAnswer(*c, 30s);
        }
        switch (a.outcome) {
          case Outcome::kAnswered:
            if (a.status / 100 == 2) {
              std::lock_guard lock(mu);
              acknowledged.push_back(vkn);
              ++acked;
            } else {
              ++other_answers;
            }
            if (a.close) ++closes;
            break;
          case Outcome::kClosedUnanswered: {
            std::lock_guard lock(mu);
            unanswered.push_back(vkn);
            break;
          }
          case Outcome::kPartial: ++partial; break;
          case Outcome::kTimeout: ++timeouts; break;
          case Outcome::kRefused: break;
        }
        if (a.outcome != Outcome::kAnswered || a.close) c.reset();
      }
    });
  }

  // Mid-load: once some registrations are acknowledged.
  ASSERT_TRUE(WaitUntil([&] { return acked.load() >= 40; }, 120s)) << server.Log();
  server.Signal(SIGTERM);
  ASSERT_TRUE(WaitUntil([&] { return server.Log().find("drain: signal 15") != std::string::npos; }, 10s));

  // The request in flight is finished, and it is the connection's last.
  ASSERT_TRUE(slow.Send(std::string_view(slow_text).substr(split)));
  const Answer slow_answer = ReadAnswer(slow, 30s);
  EXPECT_EQ(slow_answer.outcome, Outcome::kAnswered);
  EXPECT_EQ(slow_answer.status, 201) << slow_answer.body;
  EXPECT_TRUE(slow_answer.close);
  // The idle connection is closed by the server without an answer.
  const Answer idle_after = ReadAnswer(idle, 30s);
  EXPECT_EQ(idle_after.outcome, Outcome::kClosedUnanswered);

  const int exit_code = server.WaitExit(60s);
  for (auto& t : threads) t.join();
  const std::string log = server.Log();
  EXPECT_EQ(exit_code, 0) << log;
  EXPECT_EQ(partial.load(), 0) << "answers cut off";
  EXPECT_EQ(timeouts.load(), 0) << "requests never answered nor closed";
  EXPECT_EQ(other_answers.load(), 0);
  EXPECT_GE(refusals.load(), 1) << "the load ended before the listener closed";
  // Each phase is logged, and the drain ended before its deadline.
  for (const char* phase : {"drain: signal 15: stopped accepting", "drain: every connection closed",
                            "drain: HTTP done", "drain: read models at position", "drain: store flushed", "stopped"}) {
    EXPECT_NE(log.find(phase), std::string::npos) << phase << "\n" << log;
  }
  EXPECT_EQ(log.find("deadline passed"), std::string::npos) << log;

  // The log read back from the data directory: every acknowledged registration is there, and
  // none of the requests that got no answer (the server never accepted them).
  const auto events = RunIstihdam({"events", "--data-dir", server.data_dir()}, 120s);
  ASSERT_EQ(events.exit_code, 0) << events.err;
  const auto in_log = [&](const std::string& vkn) {
    return events.out.find("\"taxNo\":\"" + vkn + "\"") != std::string::npos;
  };
  ASSERT_TRUE(in_log(slow_employer.vkn));
  std::size_t missing = 0, unexpected = 0;
  for (const auto& v : acknowledged) missing += in_log(v) ? 0 : 1;
  for (const auto& v : unanswered) unexpected += in_log(v) ? 1 : 0;
  EXPECT_EQ(missing, 0u) << "acknowledged registrations missing from the log";
  EXPECT_EQ(unexpected, 0u) << "registrations written but never answered";
  const auto verify = RunIstihdam({"verify", "--data-dir", server.data_dir()}, 120s);
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  std::cerr << "[drain" << (tls ? ", TLS" : "") << "] acknowledged " << acknowledged.size() << ", closed unanswered "
            << unanswered.size() << ", refused connects " << refusals.load() << ", answers with Connection: close "
            << closes.load() << "\n";
}

TEST(DrainE2eTest, SigtermMidLoadLosesNoAcknowledgedCommand) { DrainUnderLoad(false); }

TEST(DrainE2eTest, SigtermMidLoadOverTls) { DrainUnderLoad(true); }

}  // namespace
}  // namespace e2e
