#pragma once
// Events of a benefit declaration — İKT/İÖ/KÇÖ bildirgesi (stream "benefit-declaration-<no>").
// DOMAIN.md §2.1.2, RULES.md §1d, docs/benefit-declarations.md.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "events/codec.h"

namespace istihdam::events {

// KÇÖ: the short-time hours of one worker in one calendar month.
struct ShortTimeHours {
  std::string month;  // YYYY-MM
  std::int64_t hours = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("month", month), F("hours", hours));
  }
  bool operator==(const ShortTimeHours&) const = default;
};

// One worker of a declaration. İÖ/İKT fill exitDate and exitReasonCode (SGK çıkış nedeni);
// KÇÖ fills monthlyHours.
struct DeclaredWorker {
  std::string tckn;
  std::string first_name;
  std::string last_name;
  std::string exit_date;         // YYYY-MM-DD, "" for KÇÖ
  std::string exit_reason_code;  // "" for KÇÖ
  std::vector<ShortTimeHours> monthly_hours;  // empty for İÖ/İKT
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(PII("*tckn", tckn), PII("*firstName", first_name), PII("*lastName", last_name), F("exitDate", exit_date),
       F("exitReasonCode", exit_reason_code), F("monthlyHours", monthly_hours));
  }
  bool operator==(const DeclaredWorker&) const = default;
};

// An employer submitted a declaration for one of its workplaces. `unitId` is the provincial
// directorate of the workplace's province (its plate code); `employerTitle` is the one in
// force when it was submitted. `declarationDate` is the server's date of the transaction.
struct BenefitDeclarationSubmitted {
  static constexpr const char* kType = "BenefitDeclarationSubmitted";
  std::string declaration_no;
  std::string declaration_type;  // IKT | IO | KCO
  std::string employer_id;
  std::string employer_title;
  std::string workplace_id;
  std::string unit_id;
  std::string declaration_date;  // YYYY-MM-DD
  std::string period_start;      // KÇÖ: first day of short-time work, "" otherwise
  std::string period_end;        // KÇÖ: last day of short-time work, "" otherwise
  std::vector<DeclaredWorker> workers;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("declarationNo", declaration_no), F("declarationType", declaration_type), F("employerId", employer_id),
       F("employerTitle", employer_title), F("workplaceId", workplace_id), F("unitId", unit_id),
       F("declarationDate", declaration_date), F("periodStart", period_start), F("periodEnd", period_end),
       F("workers", workers));
  }
};

using BenefitDeclarationEvent = std::variant<BenefitDeclarationSubmitted>;

}  // namespace istihdam::events
