#include "http/server.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include <thread>
#include <vector>

namespace istihdam::http {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

HttpResponse ProblemResponse(int status, const char* code, const char* title) {
  HttpResponse r;
  r.status = status;
  r.content_type = "application/problem+json";
  r.body = std::string("{\"type\":\"urn:istihdam:problem:") + code + "\",\"title\":\"" + title +
           "\",\"status\":" + std::to_string(status) + ",\"code\":\"" + code + "\"}";
  r.close = true;
  return r;
}

// One connection: read a request, run the handler, write the response, repeat while
// keep-alive. Lives as long as an operation holds its shared_ptr.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, const Config& config, const HttpServer::Handler& handler)
      : stream_(std::move(socket)), config_(config), handler_(handler) {}

  void Start() {
    net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::Read, shared_from_this()));
  }

 private:
  void Read() {
    parser_.emplace();
    parser_->body_limit(config_.body_limit_bytes);
    parser_->header_limit(16 * 1024);
    stream_.expires_after(std::chrono::seconds(config_.request_timeout_seconds));
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnRead(beast::error_code ec, std::size_t) {
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == net::error::connection_reset || ec == net::error::eof) {
      return Close();
    }
    if (ec == bhttp::error::body_limit) {
      return Write(ProblemResponse(413, "payload_too_large", "İstek gövdesi çok büyük / Request body too large"), 11, false);
    }
    if (ec) return Write(ProblemResponse(400, "malformed_request", "Hatalı istek / Malformed request"), 11, false);

    auto req = parser_->release();
    HttpRequest r;
    r.method = std::string(req.method_string());
    r.target = std::string(req.target());
    for (const auto& f : req) r.headers[std::string(f.name_string())] = std::string(f.value());
    r.body = std::move(req.body());
    beast::error_code ignored;
    auto ep = stream_.socket().remote_endpoint(ignored);
    r.remote_address = ignored ? "" : ep.address().to_string();
    HttpResponse resp;
    try {
      resp = handler_(r);
    } catch (const std::exception& e) {
      spdlog::error("unhandled error for {} {}: {}", r.method, r.target, e.what());
      resp = ProblemResponse(500, "internal_error", "Beklenmeyen hata / Internal error");
    }
    Write(std::move(resp), req.version(), req.keep_alive());
  }

  void Write(HttpResponse resp, unsigned version, bool keep_alive) {
    auto res = std::make_shared<bhttp::response<bhttp::string_body>>(
        static_cast<bhttp::status>(resp.status), version);
    res->set(bhttp::field::server, "istihdam");
    res->set(bhttp::field::content_type, resp.content_type);
    for (const auto& [k, v] : resp.headers) res->set(k, v);
    res->body() = std::move(resp.body);
    res->keep_alive(keep_alive && !resp.close);
    res->prepare_payload();
    stream_.expires_after(std::chrono::seconds(config_.request_timeout_seconds));
    bhttp::async_write(stream_, *res,
                       [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
                         if (ec || !res->keep_alive()) return self->Close();
                         self->Read();
                       });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  const Config& config_;
  const HttpServer::Handler& handler_;
};

}  // namespace

struct HttpServer::Impl {
  Impl(const Config& c, Handler h)
      : config(c), handler(std::move(h)), ioc(static_cast<int>(std::max(1u, c.http_threads))),
        acceptor(net::make_strand(ioc)), signals(ioc, SIGINT, SIGTERM) {}

  void Accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (!ec) {
        socket.set_option(tcp::no_delay(true), ec);
        std::make_shared<Session>(std::move(socket), config, handler)->Start();
      }
      if (acceptor.is_open()) Accept();
    });
  }

  Config config;
  Handler handler;
  net::io_context ioc;
  tcp::acceptor acceptor;
  net::signal_set signals;
};

HttpServer::HttpServer(const Config& config, Handler handler)
    : impl_(std::make_unique<Impl>(config, std::move(handler))) {}

HttpServer::~HttpServer() { Stop(); }

std::uint16_t HttpServer::Listen() {
  auto& a = impl_->acceptor;
  const tcp::endpoint ep(net::ip::make_address(impl_->config.bind_address), impl_->config.port);
  a.open(ep.protocol());
  a.set_option(net::socket_base::reuse_address(true));
  a.bind(ep);
  a.listen(net::socket_base::max_listen_connections);
  return a.local_endpoint().port();
}

void HttpServer::Run() {
  impl_->signals.async_wait([this](beast::error_code, int sig) {
    spdlog::info("signal {}: stopping", sig);
    Stop();
  });
  impl_->Accept();
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < std::max(1u, impl_->config.http_threads); ++i) {
    threads.emplace_back([this] { impl_->ioc.run(); });
  }
  impl_->ioc.run();
  for (auto& t : threads) t.join();
}

void HttpServer::Stop() {
  net::post(impl_->ioc, [this] {
    beast::error_code ec;
    impl_->acceptor.close(ec);
    impl_->signals.cancel(ec);
  });
  impl_->ioc.stop();
}

}  // namespace istihdam::http
