#include "http/kps_public.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>
#include <spdlog/spdlog.h>

#include <optional>
#include <stdexcept>
#include <thread>

#include "infra/error_codes.h"
#include "infra/identifiers.h"
#include "infra/turkish_text.h"

namespace istihdam {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

std::string XmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

struct Target {
  bool tls = false;
  std::string host, port, path;
};

Target ParseTarget(const std::string& url) {
  auto u = boost::urls::parse_uri(url);
  if (!u) throw std::invalid_argument("kpsPublicUrl is not a URL: " + url);
  Target t;
  const std::string scheme(u->scheme());
  if (scheme == "https") t.tls = true;
  else if (scheme != "http") throw std::invalid_argument("kpsPublicUrl must be http(s): " + url);
  t.host = std::string(u->host());
  if (t.host.empty()) throw std::invalid_argument("kpsPublicUrl has no host: " + url);
  t.port = u->has_port() ? std::string(u->port()) : (t.tls ? "443" : "80");
  t.path = u->encoded_path().empty() ? "/" : std::string(u->encoded_path());
  return t;
}

struct Answer {
  unsigned status = 0;
  std::string body;
};

// One request and its answer over `stream` (plain TCP or TLS), connected by the caller.
template <class Stream>
asio::awaitable<Answer> Exchange(Stream& stream, const Target& t, const std::string& body) {
  bhttp::request<bhttp::string_body> req{bhttp::verb::post, t.path, 11};
  req.set(bhttp::field::host, t.host);
  req.set(bhttp::field::content_type, "text/xml; charset=utf-8");
  req.set("SOAPAction", kKpsSoapAction);
  req.set(bhttp::field::user_agent, "istihdam");
  req.body() = body;
  req.prepare_payload();
  co_await bhttp::async_write(stream, req, asio::use_awaitable);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(256 * 1024);
  co_await bhttp::async_read(stream, buffer, parser, asio::use_awaitable);
  co_return Answer{parser.get().result_int(), std::move(parser.get().body())};
}

asio::awaitable<Answer> Attempt(const Target& t, asio::ssl::context* tls, const std::string& body) {
  auto ex = co_await asio::this_coro::executor;
  tcp::resolver resolver(ex);
  const auto endpoints = co_await resolver.async_resolve(t.host, t.port, asio::use_awaitable);
  if (!t.tls) {
    beast::tcp_stream stream(ex);
    co_await stream.async_connect(endpoints, asio::use_awaitable);
    co_return co_await Exchange(stream, t, body);
  }
  beast::ssl_stream<beast::tcp_stream> stream(ex, *tls);
  if (!SSL_set_tlsext_host_name(stream.native_handle(), t.host.c_str())) {
    throw std::runtime_error("TLS: cannot set the server name");
  }
  stream.set_verify_callback(asio::ssl::host_name_verification(t.host));
  co_await beast::get_lowest_layer(stream).async_connect(endpoints, asio::use_awaitable);
  co_await stream.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
  co_return co_await Exchange(stream, t, body);
}

class KpsPublicProvider final : public IdentityProvider {
 public:
  explicit KpsPublicProvider(const KpsPublicSettings& s)
      : settings_(s),
        target_(ParseTarget(s.url)),
        breaker_(s.breaker_failures, std::chrono::seconds(s.breaker_cooldown_seconds)) {
    if (target_.tls) {
      tls_.emplace(asio::ssl::context::tls_client);
      tls_->set_options(asio::ssl::context::no_sslv2 | asio::ssl::context::no_sslv3 |
                        asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1);
      if (s.ca_file.empty()) tls_->set_default_verify_paths();
      else tls_->load_verify_file(s.ca_file);
      tls_->set_verify_mode(asio::ssl::verify_peer);
    }
  }

  Result<PersonRecord> Lookup(const PersonQuery& q) const override {
    if (!IsValidTckn(q.tckn) || q.first_name.empty() || q.last_name.empty()) return Error::Of(errc::kKpsMismatch);
    if (q.birth_year == 0) return Error::Of(errc::kKpsBirthYearRequired);
    if (!breaker_.Allow(CircuitBreaker::Clock::now())) {
      return Error::Of(errc::kKpsUnavailable, "KPSPublic: circuit open after repeated failures");
    }
    const std::string body = KpsEnvelope(q);
    std::string last_failure;
    for (unsigned attempt = 0; attempt <= settings_.retries; ++attempt) {
      if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(settings_.retry_pause_ms * attempt));
      auto answer = Call(body);
      if (!answer.ok()) {
        last_failure = answer.error().detail;
        continue;
      }
      if (answer->status >= 500 && answer->status <= 599) {
        last_failure = "HTTP " + std::to_string(answer->status);
        continue;
      }
      auto result = answer->status == 200 ? ParseKpsAnswer(answer->body)
                                          : Result<bool>(Error::Of(errc::kKpsUnavailable,
                                                                   "HTTP " + std::to_string(answer->status)));
      if (!result.ok()) {
        last_failure = result.error().detail;
        break;  // a well-formed refusal will not change on a retry
      }
      breaker_.Succeeded();
      if (!*result) return Error::Of(errc::kKpsMismatch);
      return PersonRecord{q.tckn, q.first_name, q.last_name, ""};
    }
    breaker_.Failed(CircuitBreaker::Clock::now());
    spdlog::warn("identity service (KPSPublic) failed: {}", last_failure);
    return Error::Of(errc::kKpsUnavailable, "KPSPublic: " + last_failure);
  }

  std::string Describe() const override { return "KPSPublic TCKimlikNoDogrula at " + settings_.url; }

 private:
  // One attempt within the deadline: its own io_context, so a slow or silent server cannot
  // hold anything but this calling thread, and only until the deadline.
  Result<Answer> Call(const std::string& body) const {
    asio::io_context ioc;
    std::optional<Answer> answer;
    std::string failure = "timed out after " + std::to_string(settings_.timeout_ms) + " ms";
    asio::co_spawn(ioc, Attempt(target_, tls_ ? &*tls_ : nullptr, body),
                   [&](std::exception_ptr e, Answer a) {
                     if (!e) {
                       answer = std::move(a);
                       return;
                     }
                     try {
                       std::rethrow_exception(e);
                     } catch (const std::exception& ex) {
                       failure = ex.what();
                     }
                   });
    ioc.run_for(std::chrono::milliseconds(settings_.timeout_ms));
    if (!answer) return Error::Of(errc::kKpsUnavailable, failure);
    return std::move(*answer);
  }

  const KpsPublicSettings settings_;
  const Target target_;
  mutable std::optional<asio::ssl::context> tls_;
  mutable CircuitBreaker breaker_;
};

}  // namespace

std::string KpsEnvelope(const PersonQuery& q) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<soap:Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
      "<soap:Body><TCKimlikNoDogrula xmlns=\"";
  out += kKpsNamespace;
  out += "\"><TCKimlikNo>" + XmlEscape(q.tckn) + "</TCKimlikNo>";
  out += "<Ad>" + XmlEscape(TurkishUpper(q.first_name)) + "</Ad>";
  out += "<Soyad>" + XmlEscape(TurkishUpper(q.last_name)) + "</Soyad>";
  out += "<DogumYili>" + std::to_string(q.birth_year) + "</DogumYili>";
  out += "</TCKimlikNoDogrula></soap:Body></soap:Envelope>";
  return out;
}

Result<bool> ParseKpsAnswer(std::string_view body) {
  constexpr std::string_view open = "<TCKimlikNoDogrulaResult>", close = "</TCKimlikNoDogrulaResult>";
  if (body.find("Fault>") != std::string_view::npos) return Error::Of(errc::kKpsUnavailable, "SOAP fault");
  const auto a = body.find(open);
  const auto b = a == std::string_view::npos ? a : body.find(close, a + open.size());
  if (b == std::string_view::npos) return Error::Of(errc::kKpsUnavailable, "no TCKimlikNoDogrulaResult");
  const auto value = body.substr(a + open.size(), b - a - open.size());
  if (value == "true") return true;
  if (value == "false") return false;
  return Error::Of(errc::kKpsUnavailable, "TCKimlikNoDogrulaResult is not a boolean");
}

bool CircuitBreaker::Allow(Clock::time_point now) {
  std::lock_guard lock(mu_);
  if (!open_) return true;
  if (trial_ || now - opened_at_ < cooldown_) return false;
  trial_ = true;  // half-open: this call decides
  return true;
}

void CircuitBreaker::Succeeded() {
  std::lock_guard lock(mu_);
  consecutive_ = 0;
  open_ = trial_ = false;
}

void CircuitBreaker::Failed(Clock::time_point now) {
  std::lock_guard lock(mu_);
  ++consecutive_;
  if (trial_ || consecutive_ >= failures_) {
    open_ = true;
    opened_at_ = now;
  }
  trial_ = false;
}

bool CircuitBreaker::open() const {
  std::lock_guard lock(mu_);
  return open_;
}

std::unique_ptr<IdentityProvider> MakeKpsPublicProvider(const KpsPublicSettings& settings) {
  return std::make_unique<KpsPublicProvider>(settings);
}

}  // namespace istihdam
