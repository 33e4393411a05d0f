#pragma once
// The real identity service: KPSPublic's TCKimlikNoDogrula, the population registry's public
// SOAP 1.1 check (General Directorate of Population and Citizenship Affairs, NVİ). It answers
// only true or false for a TCKN with first name, last name and birth year, so a query without
// a birth year cannot be checked (`kps_birth_year_required`), and a match returns the names as
// given (no birth date). Selected by configuration (`kpsPublicUrl`); docs/security.md,
// "Identity service".
//
// Every call has a deadline (connect, TLS, request and answer together), transport failures
// and 5xx answers are retried a bounded number of times, and a circuit breaker fails fast with
// `kps_unavailable` after repeated failures so that a registry outage does not hold every
// registration for the whole timeout.
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "infra/config.h"
#include "infra/identity_provider.h"
#include "infra/result.h"

namespace istihdam {


inline constexpr const char* kKpsNamespace = "http://tckimlik.nvi.gov.tr/WS";
inline constexpr const char* kKpsSoapAction = "\"http://tckimlik.nvi.gov.tr/WS/TCKimlikNoDogrula\"";

// The SOAP 1.1 envelope for `q`: names upper-cased with Turkish rules ("ilkay ışık" ->
// "İLKAY IŞIK") and XML-escaped; docs/security.md shows it byte for byte.
std::string KpsEnvelope(const PersonQuery& q);

// The boolean TCKimlikNoDogrulaResult of an answer; `kps_unavailable` for anything else (a
// SOAP fault, a missing or malformed result).
Result<bool> ParseKpsAnswer(std::string_view body);

// Closed until `failures` consecutive calls fail; then open (Allow() false) for `cooldown`;
// then half-open: one call goes through and its outcome closes or reopens the circuit.
// Thread-safe.
class CircuitBreaker {
 public:
  using Clock = std::chrono::steady_clock;
  CircuitBreaker(unsigned failures, Clock::duration cooldown) : failures_(failures), cooldown_(cooldown) {}
  bool Allow(Clock::time_point now);
  void Succeeded();
  void Failed(Clock::time_point now);
  bool open() const;

 private:
  const unsigned failures_;
  const Clock::duration cooldown_;
  mutable std::mutex mu_;
  unsigned consecutive_ = 0;
  bool open_ = false, trial_ = false;
  Clock::time_point opened_at_{};
};

// Throws std::invalid_argument when the URL is not http(s)://host[:port]/path.
std::unique_ptr<IdentityProvider> MakeKpsPublicProvider(const KpsPublicSettings& settings);

}  // namespace istihdam
