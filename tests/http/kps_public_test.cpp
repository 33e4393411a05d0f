// The KPSPublic adapter (http/kps_public.h) against a fake SOAP server on loopback that
// records every request byte for byte and answers as each test scripts it.
#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "infra/error_codes.h"
#include "http/kps_public.h"

namespace istihdam {
namespace {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

// The exact request for Ilkay Işık (TCKN 10000000146, born 1980), as docs/security.md shows it.
const std::string kIlkayEnvelope =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<soap:Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
    "<soap:Body><TCKimlikNoDogrula xmlns=\"http://tckimlik.nvi.gov.tr/WS\">"
    "<TCKimlikNo>10000000146</TCKimlikNo><Ad>İLKAY</Ad><Soyad>IŞIK</Soyad><DogumYili>1980</DogumYili>"
    "</TCKimlikNoDogrula></soap:Body></soap:Envelope>";

std::string SoapAnswer(const std::string& result) {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope "
         "xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><TCKimlikNoDogrulaResponse "
         "xmlns=\"http://tckimlik.nvi.gov.tr/WS\"><TCKimlikNoDogrulaResult>" +
         result + "</TCKimlikNoDogrulaResult></TCKimlikNoDogrulaResponse></soap:Body></soap:Envelope>";
}

struct Seen {
  std::string target, soap_action, content_type, body;
};

// Answers scripted replies in order (then repeats the last); kSilent reads the request and
// answers nothing until the server stops. One thread per connection.
class FakeKps {
 public:
  static constexpr int kSilent = -1;
  struct Reply {
    int status = 200;
    std::string body;
  };

  explicit FakeKps(std::vector<Reply> script) : script_(std::move(script)), acceptor_(ioc_, {asio::ip::make_address("127.0.0.1"), 0}) {
    accept_thread_ = std::thread([this] { AcceptLoop(); });
  }
  ~FakeKps() {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    boost::system::error_code ec;
    acceptor_.close(ec);
    // Unblock accept() with a connection of our own.
    tcp::socket s(ioc_);
    s.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_), ec);
    accept_thread_.join();
    for (auto& t : workers_) t.join();
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/Service/KPSPublic.asmx"; }
  std::vector<Seen> seen() {
    std::lock_guard lock(mu_);
    return seen_;
  }

 private:
  void AcceptLoop() {
    for (;;) {
      tcp::socket socket(ioc_);
      boost::system::error_code ec;
      acceptor_.accept(socket, ec);
      std::lock_guard lock(mu_);
      if (stopping_ || ec) return;
      workers_.emplace_back([this, s = std::move(socket)]() mutable { Serve(std::move(s)); });
    }
  }

  void Serve(tcp::socket socket) {
    boost::beast::flat_buffer buffer;
    bhttp::request<bhttp::string_body> req;
    boost::system::error_code ec;
    bhttp::read(socket, buffer, req, ec);
    if (ec) return;
    Reply reply;
    {
      std::unique_lock lock(mu_);
      seen_.push_back({std::string(req.target()), std::string(req["SOAPAction"]),
                       std::string(req[bhttp::field::content_type]), req.body()});
      reply = script_[std::min(next_++, script_.size() - 1)];
      if (reply.status == kSilent) {
        cv_.wait(lock, [&] { return stopping_; });
        return;
      }
    }
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(reply.status), 11};
    res.set(bhttp::field::content_type, "text/xml; charset=utf-8");
    res.body() = reply.body;
    res.prepare_payload();
    bhttp::write(socket, res, ec);
  }

  std::vector<Reply> script_;
  std::size_t next_ = 0;
  asio::io_context ioc_;
  tcp::acceptor acceptor_;
  std::uint16_t port_ = acceptor_.local_endpoint().port();
  std::thread accept_thread_;
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::vector<Seen> seen_;
};

KpsPublicSettings Settings(const FakeKps& fake) {
  KpsPublicSettings s;
  s.url = fake.url();
  s.timeout_ms = 300;
  s.retries = 2;
  s.retry_pause_ms = 1;
  s.breaker_failures = 2;
  s.breaker_cooldown_seconds = 3600;
  return s;
}

const PersonQuery kIlkay{"10000000146", "ilkay", "ışık", 1980};

TEST(KpsPublicTest, TheEnvelopeIsByteForByteWithTurkishUpperCaseNames) {
  EXPECT_EQ(KpsEnvelope(kIlkay), kIlkayEnvelope);
  EXPECT_NE(KpsEnvelope({"10000000146", "a<b", "c&d", 1980}).find("<Ad>A&lt;B</Ad><Soyad>C&amp;D</Soyad>"),
            std::string::npos);
}

TEST(KpsPublicTest, AnswersAreBooleansAndAnythingElseIsUnavailable) {
  EXPECT_EQ(ParseKpsAnswer(SoapAnswer("true")).value(), true);
  EXPECT_EQ(ParseKpsAnswer(SoapAnswer("false")).value(), false);
  EXPECT_EQ(ParseKpsAnswer(SoapAnswer("maybe")).error().code, errc::kKpsUnavailable);
  EXPECT_EQ(ParseKpsAnswer("<soap:Fault><faultstring>x</faultstring></soap:Fault>").error().code,
            errc::kKpsUnavailable);
  EXPECT_EQ(ParseKpsAnswer("").error().code, errc::kKpsUnavailable);
}

TEST(KpsPublicTest, TheRequestReachesTheServiceExactlyAndItsAnswerDecides) {
  FakeKps fake({{200, SoapAnswer("true")}, {200, SoapAnswer("false")}});
  auto kps = MakeKpsPublicProvider(Settings(fake));
  auto match = kps->Lookup(kIlkay);
  ASSERT_TRUE(match.ok()) << match.error().detail;
  EXPECT_EQ(match->tckn, "10000000146");
  EXPECT_EQ(match->first_name, "ilkay");
  EXPECT_EQ(match->birth_date, "");
  EXPECT_EQ(kps->Lookup(kIlkay).error().code, errc::kKpsMismatch);

  const auto seen = fake.seen();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].target, "/Service/KPSPublic.asmx");
  EXPECT_EQ(seen[0].soap_action, "\"http://tckimlik.nvi.gov.tr/WS/TCKimlikNoDogrula\"");
  EXPECT_EQ(seen[0].content_type, "text/xml; charset=utf-8");
  EXPECT_EQ(seen[0].body, kIlkayEnvelope);
}

TEST(KpsPublicTest, InvalidQueriesNeverReachTheService) {
  FakeKps fake({{200, SoapAnswer("true")}});
  auto kps = MakeKpsPublicProvider(Settings(fake));
  EXPECT_EQ(kps->Lookup({"10000000147", "ilkay", "ışık", 1980}).error().code, errc::kKpsMismatch);  // checksum
  EXPECT_EQ(kps->Lookup({"10000000146", "ilkay", "ışık", 0}).error().code, errc::kKpsBirthYearRequired);
  EXPECT_TRUE(fake.seen().empty());
}

TEST(KpsPublicTest, ServerErrorsAreRetriedThenTheAnswerCounts) {
  FakeKps fake({{503, "busy"}, {500, "<soap:Fault/>"}, {200, SoapAnswer("true")}});
  auto kps = MakeKpsPublicProvider(Settings(fake));
  EXPECT_TRUE(kps->Lookup(kIlkay).ok());
  EXPECT_EQ(fake.seen().size(), 3u);
}

TEST(KpsPublicTest, ASilentServiceTimesOutAndTheBreakerThenFailsFast) {
  FakeKps fake({{FakeKps::kSilent, ""}});
  auto settings = Settings(fake);
  settings.retries = 0;
  auto kps = MakeKpsPublicProvider(settings);
  const auto first = kps->Lookup(kIlkay);
  ASSERT_FALSE(first.ok());
  EXPECT_EQ(first.error().code, errc::kKpsUnavailable);
  EXPECT_NE(first.error().detail.find("timed out"), std::string::npos) << first.error().detail;
  EXPECT_EQ(kps->Lookup(kIlkay).error().code, errc::kKpsUnavailable);
  ASSERT_EQ(fake.seen().size(), 2u);
  // Two failures opened the circuit: the third call does not reach the service.
  const auto third = kps->Lookup(kIlkay);
  EXPECT_EQ(third.error().code, errc::kKpsUnavailable);
  EXPECT_NE(third.error().detail.find("circuit open"), std::string::npos);
  EXPECT_EQ(fake.seen().size(), 2u);
}

TEST(KpsPublicTest, TheBreakerOpensAfterConsecutiveFailuresAndOneTrialClosesIt) {
  using Clock = CircuitBreaker::Clock;
  CircuitBreaker b(3, std::chrono::seconds(30));
  const auto t0 = Clock::time_point{} + std::chrono::hours(1);
  b.Failed(t0), b.Failed(t0);
  b.Succeeded();  // a success resets the count
  b.Failed(t0), b.Failed(t0);
  EXPECT_FALSE(b.open());
  b.Failed(t0);
  EXPECT_TRUE(b.open());
  EXPECT_FALSE(b.Allow(t0 + std::chrono::seconds(29)));
  EXPECT_TRUE(b.Allow(t0 + std::chrono::seconds(30)));   // half-open: one trial ...
  EXPECT_FALSE(b.Allow(t0 + std::chrono::seconds(30)));  // ... and only one
  b.Failed(t0 + std::chrono::seconds(31));               // the trial failed: open again
  EXPECT_FALSE(b.Allow(t0 + std::chrono::seconds(60)));
  EXPECT_TRUE(b.Allow(t0 + std::chrono::seconds(61)));
  b.Succeeded();
  EXPECT_FALSE(b.open());
  EXPECT_TRUE(b.Allow(t0 + std::chrono::seconds(61)));
}

TEST(KpsPublicTest, OnlyHttpAndHttpsUrlsAreAccepted) {
  KpsPublicSettings s;
  s.url = "ftp://example.org/x";
  EXPECT_THROW(MakeKpsPublicProvider(s), std::invalid_argument);
  s.url = kKpsPublicUrl;
  EXPECT_NO_THROW(MakeKpsPublicProvider(s));  // nothing is contacted before a lookup
}

}  // namespace
}  // namespace istihdam
