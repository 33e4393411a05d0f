#include "http_client.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json/parse.hpp>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace e2e {

namespace {

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

[[noreturn]] void Fail(const std::string& what) { throw std::runtime_error("http client: " + what); }

// Decodes a chunked body starting at `pos`; returns false while incomplete.
bool Dechunk(const std::string& buf, std::size_t pos, std::string* body, std::size_t* end) {
  body->clear();
  while (true) {
    const auto eol = buf.find("\r\n", pos);
    if (eol == std::string::npos) return false;
    const std::string size_text = buf.substr(pos, eol - pos);
    std::size_t size = 0;
    try {
      size = std::stoul(size_text.substr(0, size_text.find(';')), nullptr, 16);
    } catch (const std::exception&) {
      Fail("bad chunk size '" + size_text + "'");
    }
    pos = eol + 2;
    if (size == 0) {  // trailers end with an empty line
      const auto fin = buf.find("\r\n", pos);
      if (fin == std::string::npos) return false;
      if (fin == pos) {
        *end = pos + 2;
        return true;
      }
      const auto trailers_end = buf.find("\r\n\r\n", pos);
      if (trailers_end == std::string::npos) return false;
      *end = trailers_end + 4;
      return true;
    }
    if (buf.size() < pos + size + 2) return false;
    body->append(buf, pos, size);
    pos += size + 2;
  }
}

// Parses one response from the front of `buf`. Returns the number of bytes it used, or 0 when
// more bytes are needed. With `eof`, a response without a length ends at the end of `buf`.
std::size_t TryParse(const std::string& buf, bool eof, bool head_request, HttpResponse* out) {
  const auto header_end = buf.find("\r\n\r\n");
  if (header_end == std::string::npos) return 0;
  HttpResponse r;
  std::size_t line_start = 0;
  std::size_t line_end = buf.find("\r\n");
  const std::string status_line = buf.substr(0, line_end);
  if (status_line.rfind("HTTP/1.", 0) != 0 || status_line.size() < 12) Fail("bad status line '" + status_line + "'");
  r.status = std::atoi(status_line.c_str() + 9);
  r.reason = status_line.size() > 13 ? status_line.substr(13) : "";
  line_start = line_end + 2;
  while (line_start < header_end + 2) {
    line_end = buf.find("\r\n", line_start);
    const std::string line = buf.substr(line_start, line_end - line_start);
    line_start = line_end + 2;
    if (line.empty()) break;
    const auto colon = line.find(':');
    if (colon == std::string::npos) Fail("bad header line '" + line + "'");
    r.headers.emplace_back(Trim(std::string_view(line).substr(0, colon)), Trim(std::string_view(line).substr(colon + 1)));
  }
  const std::size_t body_start = header_end + 4;
  std::size_t used = 0;
  const bool no_body = head_request || r.status == 204 || r.status == 304 || (r.status >= 100 && r.status < 200);
  if (no_body) {
    used = body_start;
  } else if (IEquals(r.Header("Transfer-Encoding"), "chunked")) {
    std::size_t end = 0;
    if (!Dechunk(buf, body_start, &r.body, &end)) return 0;
    used = end;
  } else if (r.HasHeader("Content-Length")) {
    const std::size_t length = std::stoull(r.Header("Content-Length"));
    if (buf.size() < body_start + length) return 0;
    r.body = buf.substr(body_start, length);
    used = body_start + length;
  } else {
    if (!eof) return 0;  // the body runs to the end of the connection
    r.body = buf.substr(body_start);
    used = buf.size();
  }
  *out = std::move(r);
  return used;
}

}  // namespace

std::string HttpResponse::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (IEquals(k, name)) return v;
  }
  return "";
}

bool HttpResponse::HasHeader(std::string_view name) const {
  for (const auto& h : headers) {
    if (IEquals(h.first, name)) return true;
  }
  return false;
}

boost::json::value HttpResponse::Json() const {
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  if (ec) throw std::runtime_error("response body is not JSON (" + ec.message() + "): " + body.substr(0, 500));
  return v;
}

HttpConnection::HttpConnection(std::uint16_t port, std::chrono::milliseconds timeout)
    : port_(port), timeout_(timeout) {
  Connect();
}

HttpConnection::~HttpConnection() { Close(); }

void HttpConnection::Connect() {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) Fail(std::string("socket: ") + std::strerror(errno));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port_);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    const int err = errno;
    Close();
    Fail("connect to 127.0.0.1:" + std::to_string(port_) + ": " + std::strerror(err));
  }
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
  ++connects_;
  peer_closed_ = false;
  buffer_.clear();
}

void HttpConnection::Close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

HttpResponse HttpConnection::Request(const std::string& method, const std::string& path, const std::string& body,
                                     const Headers& headers, bool keep_alive) {
  if (fd_ < 0 || peer_closed_) Fail("the connection is closed");
  std::string req = method + " " + path + " HTTP/1.1\r\n";
  req += "Host: 127.0.0.1:" + std::to_string(port_) + "\r\n";
  bool has_type = false;
  bool has_length = false;
  bool has_connection = false;
  for (const auto& [k, v] : headers) {
    has_type |= IEquals(k, "Content-Type");
    has_length |= IEquals(k, "Content-Length");
    has_connection |= IEquals(k, "Connection");
    req += k + ": " + v + "\r\n";
  }
  if (!has_type && !body.empty()) req += "Content-Type: application/json\r\n";
  if (!has_length && (!body.empty() || method == "POST" || method == "PUT")) {
    req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  if (!has_connection) req += keep_alive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
  req += "\r\n";
  req += body;

  const auto deadline = std::chrono::steady_clock::now() + timeout_;
  std::size_t sent = 0;
  bool send_failed = false;
  bool eof = false;
  HttpResponse resp;
  while (true) {
    if (const auto used = TryParse(buffer_, eof, method == "HEAD", &resp)) {
      buffer_.erase(0, used);
      break;
    }
    if (eof) {
      Fail(method + " " + path + ": connection closed before a complete response (" +
           std::to_string(buffer_.size()) + " bytes read)");
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) Fail(method + " " + path + ": no complete response within the deadline");
    pollfd p{fd_, static_cast<short>(POLLIN | (sent < req.size() && !send_failed ? POLLOUT : 0)), 0};
    const int n = ::poll(&p, 1, static_cast<int>(left.count()));
    if (n < 0) {
      if (errno == EINTR) continue;
      Fail(std::string("poll: ") + std::strerror(errno));
    }
    if (n == 0) continue;
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
      char chunk[65536];
      const auto got = ::recv(fd_, chunk, sizeof chunk, 0);
      if (got > 0) {
        buffer_.append(chunk, static_cast<std::size_t>(got));
      } else if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
        eof = true;  // closed (or reset after the server stopped reading our body)
      }
    }
    if ((p.revents & POLLOUT) && sent < req.size() && !send_failed) {
      const auto put = ::send(fd_, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
      if (put > 0) {
        sent += static_cast<std::size_t>(put);
      } else if (put < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
        send_failed = true;  // the server may already have answered (e.g. 413); keep reading
      }
    }
  }
  if (eof || IEquals(resp.Header("Connection"), "close") || !keep_alive) peer_closed_ = true;
  return resp;
}

HttpResponse Request(std::uint16_t port, const std::string& method, const std::string& path, const std::string& body,
                     const Headers& headers) {
  HttpConnection c(port);
  return c.Request(method, path, body, headers, /*keep_alive=*/false);
}

std::string UrlEncode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace e2e
