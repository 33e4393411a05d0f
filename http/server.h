#pragma once
// The HTTP/1.1 server (Boost.Beast): keep-alive, body size limit, read/write timeouts, a pool
// of I/O threads that also run the handler. Beast stays inside server.cpp.
#include <cstdint>
#include <functional>
#include <memory>

#include "http/api.h"
#include "infra/config.h"

namespace istihdam::http {

class HttpServer {
 public:
  // `handler` is called concurrently from the I/O threads and must be thread-safe.
  using Handler = std::function<HttpResponse(HttpRequest&)>;
  HttpServer(const Config& config, Handler handler);
  ~HttpServer();

  // Binds and listens; returns the bound port (useful with port 0). Throws on failure.
  std::uint16_t Listen();
  // Serves until Stop() or SIGINT/SIGTERM; blocks the caller, which is one of the I/O threads.
  void Run();
  // Thread-safe; makes Run() return.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace istihdam::http
