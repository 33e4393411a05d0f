// The baseline for HTTP figures: a bare Boost.Beast keep-alive server on N threads that
// answers every request with a small fixed JSON body and does nothing else.
// Usage: bare_beast PORT THREADS
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(tcp::socket s) : stream_(std::move(s)) {}
  void Read() {
    req_ = {};
    http::async_read(stream_, buf_, req_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return;
      auto res = std::make_shared<http::response<http::string_body>>(http::status::ok, self->req_.version());
      res->set(http::field::content_type, "application/json");
      res->body() = R"({"status":"ok","position":0})";
      res->keep_alive(self->req_.keep_alive());
      res->prepare_payload();
      http::async_write(self->stream_, *res, [self, res](beast::error_code ec, std::size_t) {
        if (!ec && res->keep_alive()) self->Read();
      });
    });
  }

 private:
  beast::tcp_stream stream_;
  beast::flat_buffer buf_;
  http::request<http::string_body> req_;
};

void Accept(tcp::acceptor& a, net::io_context& ioc) {
  a.async_accept(net::make_strand(ioc), [&](beast::error_code ec, tcp::socket s) {
    if (!ec) std::make_shared<Session>(std::move(s))->Read();
    Accept(a, ioc);
  });
}

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: bare_beast PORT THREADS\n";
    return 2;
  }
  const int threads = std::atoi(argv[2]);
  net::io_context ioc(threads);
  tcp::acceptor a(ioc, {net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(std::atoi(argv[1]))});
  Accept(a, ioc);
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&] { ioc.run(); });
  ioc.run();
}
