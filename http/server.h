#pragma once
// The HTTP/1.1 server (Boost.Beast): keep-alive, body size limit, read/write timeouts, a pool
// of I/O threads that also run the handler, optional TLS (ListenerConfig) and a bounded
// graceful drain on SIGTERM/SIGINT (docs/server-lifecycle.md). Beast, Asio and
// OpenSSL stay inside server.cpp.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include "http/api.h"
#include "infra/config.h"
#include "infra/listener_config.h"

namespace istihdam::http {

class HttpServer {
 public:
  // `handler` is called concurrently from the I/O threads and must be thread-safe.
  using Handler = std::function<HttpResponse(HttpRequest&)>;
  // Loads the TLS certificate and key when configured; throws std::runtime_error with a
  // readable message when they cannot be used.
  HttpServer(const Config& config, const ListenerConfig& listener, Handler handler);
  ~HttpServer();

  // Binds and listens; returns the bound port (useful with port 0). Throws on failure.
  std::uint16_t Listen();
  // Serves until Stop() or SIGINT/SIGTERM; blocks the caller, which is one of the I/O threads.
  // On a signal it drains: stops accepting, closes idle keep-alive connections, finishes the
  // requests in flight (answering them with "Connection: close") and returns once none is
  // left or ListenerConfig::drain_seconds have passed (a second signal stops at once).
  void Run();
  // Thread-safe; makes Run() return at once (no drain).
  void Stop();
  // When the drain must be over (the signal's time + drain_seconds); nullopt when Run()
  // returned without a signal. The caller bounds its own shutdown steps by the same deadline.
  std::optional<std::chrono::steady_clock::time_point> DrainDeadline() const;
  bool tls() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace istihdam::http
