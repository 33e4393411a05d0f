#include "http/server.h"

#include <openssl/ssl.h>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <spdlog/spdlog.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "http/problem.h"
#include "infra/database.h"

namespace istihdam::http {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

namespace {

// TLS 1.2 suites with forward secrecy and AEAD only (TLS 1.3 suites are all of that kind and
// keep OpenSSL's default order).
constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

std::string OpenSslReason(const boost::system::error_code& ec) {
  std::string r = ec.message();
  return r.empty() ? "unknown error" : r;
}

// The server's TLS context, or a readable exception.
std::unique_ptr<ssl::context> MakeTlsContext(const ListenerConfig& c) {
  if (c.tls_cert_file.empty() != c.tls_key_file.empty()) {
    throw std::runtime_error("TLS needs both a certificate (--tls-cert, tlsCertFile) and a key (--tls-key, tlsKeyFile)");
  }
  auto ctx = std::make_unique<ssl::context>(ssl::context::tls_server);
  ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                   ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::no_compression |
                   ssl::context::single_dh_use);
  SSL_CTX* native = ctx->native_handle();
  if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1 ||
      SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1) {
    throw std::runtime_error("TLS: OpenSSL refused the protocol or cipher settings");
  }
  SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION);
  boost::system::error_code ec;
  ctx->use_certificate_chain_file(c.tls_cert_file, ec);
  if (ec) throw std::runtime_error("TLS certificate " + c.tls_cert_file + ": cannot load a PEM certificate chain (" + OpenSslReason(ec) + ")");
  ctx->use_private_key_file(c.tls_key_file, ssl::context::pem, ec);
  if (ec) throw std::runtime_error("TLS key " + c.tls_key_file + ": cannot load a PEM private key (" + OpenSslReason(ec) + ")");
  if (SSL_CTX_check_private_key(native) != 1) {
    throw std::runtime_error("TLS key " + c.tls_key_file + " does not match the certificate " + c.tls_cert_file);
  }
  return ctx;
}

// Errors found before a request reaches the router; the connection is closed after them.
HttpResponse TransportProblem(const char* code, const std::string& accept_language) {
  HttpResponse r = Problem(code, PickLanguage(accept_language));
  r.close = true;
  return r;
}

class SessionBase {
 public:
  virtual ~SessionBase() = default;
  // Any thread: close the connection if it waits for a request, else answer the current one
  // with "Connection: close".
  virtual void Drain() = 0;
};

// The live connections and the drain flag, shared by the acceptor and every session.
struct Registry {
  std::atomic<bool> draining{false};
  std::mutex mu;
  std::unordered_map<SessionBase*, std::weak_ptr<SessionBase>> sessions;
  std::function<void()> on_empty;  // called (any thread) when the last session ends while draining

  void Add(SessionBase* s, std::weak_ptr<SessionBase> w) {
    std::lock_guard lock(mu);
    sessions.emplace(s, std::move(w));
  }
  void Remove(SessionBase* s) {
    std::function<void()> notify;
    {
      std::lock_guard lock(mu);
      sessions.erase(s);
      if (sessions.empty() && draining.load()) notify = on_empty;
    }
    if (notify) notify();
  }
  // Sets the flag and returns the sessions alive now.
  std::vector<std::shared_ptr<SessionBase>> BeginDrain() {
    std::lock_guard lock(mu);
    draining = true;
    std::vector<std::shared_ptr<SessionBase>> out;
    for (auto& [_, w] : sessions) {
      if (auto s = w.lock()) out.push_back(std::move(s));
    }
    return out;
  }
  std::size_t Size() {
    std::lock_guard lock(mu);
    return sessions.size();
  }
};

// One connection (plain TCP or TLS): read a request, run the handler, write the response,
// repeat while keep-alive. Lives as long as an operation holds its shared_ptr.
template <class Stream>
class Session : public SessionBase, public std::enable_shared_from_this<Session<Stream>> {
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;
  enum class State { kHandshake, kReading, kBusy, kClosing };

 public:
  template <class... Args>
  Session(Registry& registry, const Config& config, const HttpServer::Handler& handler, net::thread_pool& workers,
          Args&&... stream_args)
      : stream_(std::forward<Args>(stream_args)...),
        registry_(registry),
        config_(config),
        handler_(handler),
        workers_(workers) {}

  ~Session() override { registry_.Remove(this); }

  void Start() {
    registry_.Add(this, this->shared_from_this());
    net::dispatch(Tcp().get_executor(), [self = this->shared_from_this()] { self->Begin(); });
  }

  void Drain() override {
    net::dispatch(Tcp().get_executor(), [self = this->shared_from_this()] {
      // Waiting for a request that has not begun to arrive: nothing was accepted on this
      // connection, so it is closed now. Otherwise the request in progress is finished and
      // answered with "Connection: close" (Write reads the flag).
      const bool idle = self->state_ == State::kHandshake ||
                        (self->state_ == State::kReading && self->buffer_.size() == 0 &&
                         !(self->parser_ && self->parser_->got_some()));
      if (idle) {
        self->abrupt_ = true;
        beast::error_code ec;
        self->Tcp().socket().cancel(ec);
      }
    });
  }

 private:
  beast::tcp_stream& Tcp() { return beast::get_lowest_layer(stream_); }

  void Begin() {
    if constexpr (kTls) {
      if (registry_.draining.load()) {  // accepted as the drain began: no handshake, no request
        abrupt_ = true;
        return Close();
      }
      state_ = State::kHandshake;
      Tcp().expires_after(std::chrono::seconds(config_.request_timeout_seconds));
      stream_.async_handshake(ssl::stream_base::server, [self = this->shared_from_this()](beast::error_code ec) {
        if (ec) {
          spdlog::debug("TLS handshake failed: {}", ec.message());
          self->abrupt_ = true;
          return self->Close();
        }
        self->Read();
      });
    } else {
      Read();
    }
  }

  void Read() {
    // Draining and nothing of a next request received yet: close instead of waiting.
    if (registry_.draining.load() && buffer_.size() == 0) {
      return Close();
    }
    state_ = State::kReading;
    parser_.emplace();
    parser_->body_limit(config_.body_limit_bytes);
    parser_->header_limit(16 * 1024);
    Tcp().expires_after(std::chrono::seconds(config_.request_timeout_seconds));
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::OnRead, this->shared_from_this()));
  }

  void OnRead(beast::error_code ec, std::size_t) {
    state_ = State::kBusy;
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == net::error::connection_reset ||
        ec == net::error::eof || ec == net::error::operation_aborted || ec == ssl::error::stream_truncated ||
        (ec && ec.category() == net::error::get_ssl_category())) {
      if (ec != bhttp::error::end_of_stream) abrupt_ = true;
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
    net::post(workers_, [self = this->shared_from_this(), req] {
      net::post(self->Tcp().get_executor(), [self, req, resp = self->Run(*req)]() mutable {
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
    if (!peer_known_) {  // once per connection (a getpeername call)
      beast::error_code ignored;
      auto ep = Tcp().socket().remote_endpoint(ignored);
      remote_address_ = ignored ? "" : ep.address().to_string();
      peer_known_ = !ignored;
    }
    r.remote_address = remote_address_;
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
    // While draining, the request in flight is the connection's last.
    res->keep_alive(keep_alive && !resp.close && !registry_.draining.load());
    Tcp().expires_after(std::chrono::seconds(config_.request_timeout_seconds));
    bhttp::async_write(stream_, *res,
                       [self = this->shared_from_this(), res](beast::error_code ec, std::size_t) {
                         if (ec) self->abrupt_ = true;
                         if (ec || !res->keep_alive()) return self->Close();
                         self->Read();
                       });
  }

  void Close() {
    state_ = State::kClosing;
    if constexpr (kTls) {
      if (!abrupt_) {
        // close_notify, then wait briefly for the peer's (clients usually answer at once).
        Tcp().expires_after(std::chrono::seconds(2));
        stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {
          beast::error_code ec;
          self->Tcp().socket().shutdown(tcp::socket::shutdown_both, ec);
        });
        return;
      }
    }
    beast::error_code ec;
    Tcp().socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Registry& registry_;
  const Config& config_;
  const HttpServer::Handler& handler_;
  net::thread_pool& workers_;
  std::string remote_address_;  // the peer's address, read on the first request
  bool peer_known_ = false;
  State state_ = State::kReading;
  bool head_ = false;
  bool abrupt_ = false;  // no TLS close_notify (peer gone, failed handshake, drained while idle)
};

}  // namespace

struct HttpServer::Impl {
  Impl(const Config& c, const ListenerConfig& l, Handler h)
      : config(c), listener(l), handler(std::move(h)),
        tls(l.tls_cert_file.empty() && l.tls_key_file.empty() ? nullptr : MakeTlsContext(l)),
        ioc(static_cast<int>(std::max(1u, c.http_threads))), acceptor(net::make_strand(ioc)),
        deadline_timer(ioc), workers(std::max(1u, c.worker_threads)) {}

  void Accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (!ec) {
        socket.set_option(tcp::no_delay(true), ec);
        if (tls) {
          std::make_shared<Session<TlsStream>>(registry, config, handler, workers, std::move(socket), *tls)->Start();
        } else {
          std::make_shared<Session<beast::tcp_stream>>(registry, config, handler, workers, std::move(socket))->Start();
        }
      }
      if (acceptor.is_open() && !registry.draining.load()) Accept();
    });
  }

  void WaitForSignal() {
    signals->async_wait([this](beast::error_code ec, int sig) {
      if (ec) return;
      if (registry.draining.load()) {
        spdlog::warn("drain: second signal {}: stopping now, {} connections still open", sig, registry.Size());
        return Finish();
      }
      bool done = false;
      {
        std::lock_guard lock(drain_mu);
        done = BeginDrain(sig);
        if (!done) WaitForSignal();
      }
      if (done) Finish();
    });
  }

  // Phase 1 of the drain (docs/server-lifecycle.md): stop accepting, close idle connections,
  // let the requests in flight finish until the deadline. Under drain_mu; true when no
  // connection was open (the caller finishes).
  bool BeginDrain(int sig) {
    deadline = std::chrono::steady_clock::now() + std::chrono::seconds(listener.drain_seconds);
    net::post(acceptor.get_executor(), [this] {
      beast::error_code ec;
      acceptor.close(ec);
    });
    registry.on_empty = [this] { net::post(ioc, [this] { Finish(); }); };
    const auto live = registry.BeginDrain();
    spdlog::info("drain: signal {}: stopped accepting; {} open connections, closing the idle ones and finishing "
                 "requests in flight (at most {} s)",
                 sig, live.size(), listener.drain_seconds);
    for (const auto& s : live) s->Drain();
    if (live.empty()) return true;
    deadline_timer.expires_at(*deadline);
    deadline_timer.async_wait([this](beast::error_code ec) {
      if (ec) return;
      spdlog::warn("drain: deadline of {} s passed with {} connections still open; closing them",
                   listener.drain_seconds, registry.Size());
      Finish();
    });
    return false;
  }

  void Finish() {
    std::lock_guard lock(drain_mu);
    if (finished.exchange(true)) return;
    if (registry.draining.load() && registry.Size() == 0) spdlog::info("drain: every connection closed");
    beast::error_code ec;
    deadline_timer.cancel();
    if (signals) signals->cancel(ec);
    work.reset();
    ioc.stop();
  }

  Config config;
  ListenerConfig listener;
  Handler handler;
  std::unique_ptr<ssl::context> tls;  // nullptr: plain HTTP
  Registry registry;                  // outlives the io_context (sessions unregister on destruction)
  net::io_context ioc;
  tcp::acceptor acceptor;
  // Installed by Listen(): until then (start-up, demo data) a signal ends the process at once,
  // as nothing is being served yet.
  std::optional<net::signal_set> signals;
  net::steady_timer deadline_timer;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
  std::optional<std::chrono::steady_clock::time_point> deadline;
  std::atomic<bool> finished{false};
  std::mutex drain_mu;  // the timer and the signal set are used from several I/O threads
  net::thread_pool workers;
};

HttpServer::HttpServer(const Config& config, const ListenerConfig& listener, Handler handler)
    : impl_(std::make_unique<Impl>(config, listener, std::move(handler))) {}

HttpServer::~HttpServer() { Stop(); }

std::uint16_t HttpServer::Listen() {
  auto& a = impl_->acceptor;
  const tcp::endpoint ep(net::ip::make_address(impl_->config.bind_address), impl_->config.port);
  a.open(ep.protocol());
  a.set_option(net::socket_base::reuse_address(true));
  a.bind(ep);
  a.listen(net::socket_base::max_listen_connections);
  // From now on a signal drains (Run() handles it, also one that arrives before Run starts).
  impl_->signals.emplace(impl_->ioc, SIGINT, SIGTERM);
  return a.local_endpoint().port();
}

bool HttpServer::tls() const { return impl_->tls != nullptr; }

std::optional<std::chrono::steady_clock::time_point> HttpServer::DrainDeadline() const { return impl_->deadline; }

void HttpServer::Run() {
  impl_->work.emplace(impl_->ioc.get_executor());
  if (!impl_->signals) impl_->signals.emplace(impl_->ioc, SIGINT, SIGTERM);
  impl_->WaitForSignal();
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
    if (impl_->signals) impl_->signals->cancel(ec);
  });
  impl_->ioc.stop();  // Run() returns even while its work guard is held
}

}  // namespace istihdam::http
