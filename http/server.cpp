#include "http/server.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include <thread>

#include <vector>

#include "http/problem.h"
#include "infra/database.h"

namespace istihdam::http {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

// Errors found before a request reaches the router; the connection is closed after them.
HttpResponse TransportProblem(const char* code, const std::string& accept_language) {
  HttpResponse r = Problem(code, PickLanguage(accept_language));
  r.close = true;
  return r;
}

// One connection: read a request, run the handler, write the response, repeat while
// keep-alive. Lives as long as an operation holds its shared_ptr.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, const Config& config, const HttpServer::Handler& handler,
          net::thread_pool& workers)
      : stream_(std::move(socket)), config_(config), handler_(handler), workers_(workers) {}

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
    const std::string lang(parser_->get()[bhttp::field::accept_language]);
    head_ = false;  // an error answer always carries its body
    if (ec == bhttp::error::body_limit) return Write(TransportProblem(errc::kPayloadTooLarge, lang), 11, false);
    if (ec) return Write(TransportProblem(errc::kMalformedRequest, lang), 11, false);

    auto req = std::make_shared<bhttp::request<bhttp::string_body>>(parser_->release());
    head_ = req->method() == bhttp::verb::head;
    // Requests that may block go to the worker pool, so that the I/O threads keep serving and
    // many commands can wait on one group commit together.
    const bool may_block = !(req->method() == bhttp::verb::get || head_) ||
                           req->target().find("minPosition=") != beast::string_view::npos;
    if (!may_block) return Handle(*req);
    net::post(workers_, [self = shared_from_this(), req] {
      net::post(self->stream_.get_executor(), [self, req, resp = self->Run(*req)]() mutable {
        self->Write(std::move(resp), req->version(), req->keep_alive());
      });
    });
  }

  void Handle(bhttp::request<bhttp::string_body>& req) {
    HttpResponse resp = Run(req);
    Write(std::move(resp), req.version(), req.keep_alive());
  }

  HttpResponse Run(bhttp::request<bhttp::string_body>& req) {
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
    } catch (const StoreError& e) {  // unreadable store: its own code, so operators can tell
      spdlog::error("store error for {} {}: {}", r.method, r.path, e.what());
      resp = Problem(e.code(), PickLanguage(r.Header("Accept-Language")));
    } catch (const std::exception& e) {
      spdlog::error("unhandled error for {} {}: {}", r.method, r.path, e.what());
      resp = TransportProblem(errc::kInternalError, r.Header("Accept-Language"));
      resp.close = false;
    }
    return resp;
  }

  void Write(HttpResponse resp, unsigned version, bool keep_alive) {
    auto res = std::make_shared<bhttp::response<bhttp::string_body>>(
        static_cast<bhttp::status>(resp.status), version);
    res->set(bhttp::field::server, "istihdam");
    res->set(bhttp::field::content_type, resp.content_type);
    for (const auto& [k, v] : resp.headers) res->set(k, v);
    const std::size_t length = resp.body.size();
    if (head_) {
      res->content_length(length);  // what the GET would send, without the body
    } else {
      res->body() = std::move(resp.body);
      res->prepare_payload();
    }
    res->keep_alive(keep_alive && !resp.close);
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
  net::thread_pool& workers_;
  bool head_ = false;
};

}  // namespace

struct HttpServer::Impl {
  Impl(const Config& c, Handler h)
      : config(c), handler(std::move(h)), ioc(static_cast<int>(std::max(1u, c.http_threads))),
        acceptor(net::make_strand(ioc)), signals(ioc, SIGINT, SIGTERM),
        workers(std::max(1u, c.worker_threads)) {}

  void Accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (!ec) {
        socket.set_option(tcp::no_delay(true), ec);
        std::make_shared<Session>(std::move(socket), config, handler, workers)->Start();
      }
      if (acceptor.is_open()) Accept();
    });
  }

  Config config;
  Handler handler;
  net::io_context ioc;
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::thread_pool workers;
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
  impl_->workers.join();
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
