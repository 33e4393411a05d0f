#pragma once
// A tiny blocking HTTP/1.1 client for the end-to-end tests: POSIX sockets to 127.0.0.1, no
// Beast. Requests and responses are exchanged with one poll() loop, so a server that answers
// before it has read the whole body (413) is still heard, and every exchange has a deadline.
#include <boost/json/value.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace e2e {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  int status = 0;
  std::string reason;
  Headers headers;
  std::string body;

  // Case-insensitive header lookup; "" when absent.
  std::string Header(std::string_view name) const;
  bool HasHeader(std::string_view name) const;
  // The body parsed as JSON; throws std::runtime_error (with the body) when it is not JSON.
  boost::json::value Json() const;
};

// One TCP connection to 127.0.0.1:port, reused for several requests (keep-alive).
class HttpConnection {
 public:
  explicit HttpConnection(std::uint16_t port,
                          std::chrono::milliseconds timeout = std::chrono::seconds(15));
  ~HttpConnection();
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  // Sends one request and reads one response. A Content-Length header is added for any body
  // (and for POST/PUT), Content-Type: application/json for a non-empty body unless given.
  // `keep_alive` false sends "Connection: close". Throws std::runtime_error on connection
  // errors, a truncated response or the deadline.
  HttpResponse Request(const std::string& method, const std::string& path, const std::string& body = "",
                       const Headers& headers = {}, bool keep_alive = true);

  // True when the server said "Connection: close" or closed the socket.
  bool closed() const { return fd_ < 0 || peer_closed_; }
  // How many TCP connections this object opened (1 unless it had to reconnect: it never does
  // on its own, so a keep-alive test can assert on this).
  int connects() const { return connects_; }

 private:
  void Connect();
  void Close();

  std::uint16_t port_;
  std::chrono::milliseconds timeout_;
  int fd_ = -1;
  int connects_ = 0;
  bool peer_closed_ = false;
  std::string buffer_;  // bytes read past the end of the previous response
};

// One request on a fresh connection with "Connection: close".
HttpResponse Request(std::uint16_t port, const std::string& method, const std::string& path,
                     const std::string& body = "", const Headers& headers = {});

// Percent-encodes a query value (UTF-8 bytes; unreserved characters kept).
std::string UrlEncode(std::string_view s);

}  // namespace e2e
