#pragma once
// Benefit declarations — "İKT/İÖ/KÇÖ Bildirgesi" (DECL-1, X-35): bodies, queries, answers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aggregates/benefit_declaration.h"
#include "aggregates/benefit_reference.h"
#include "events/benefit_declarations.h"
#include "http/wire.h"
#include "projections/benefit_declarations.h"

namespace istihdam::http::contract::benefit_declarations {

using wire::F;

inline constexpr const char* kDeclarationTypes[] = {"IKT", "IO", "KCO"};

// ----- Bodies and answers -----------------------------------------------------------------

struct MonthlyHours {
  std::string month;
  std::int64_t hours = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("month", month).describe("YYYY-MM"), F("hours", hours).range(1, kMaxShortTimeHoursPerMonth));
  }
};

struct Worker {
  std::string tckn, first_name, last_name, exit_date, exit_reason_code;
  std::vector<MonthlyHours> monthly_hours;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", tckn).requiredByCommand(), F("firstName", first_name).requiredByCommand(),
       F("lastName", last_name).requiredByCommand(),
       F("exitDate", exit_date).formatted("date").describe("IKT/IO: the last day of work"),
       F("exitReasonCode", exit_reason_code)
           .from(wire::lists::kExitReasons)
           .describe("IKT/IO: SGK exit reason (GET /api/v1/benefit-declarations/exit-reasons); IKT: 32"),
       F("monthlyHours", monthly_hours).describe("KCO: the short-time hours of each month"));
  }
  events::DeclaredWorker ToEvent() const {
    events::DeclaredWorker w{tckn, first_name, last_name, exit_date, exit_reason_code, {}};
    for (const auto& h : monthly_hours) w.monthly_hours.push_back({h.month, h.hours});
    return w;
  }
};

struct Draft {
  std::string declaration_type, workplace_id, period_start, period_end;
  std::vector<Worker> workers;
  template <class A>
  void serialize(A& ar) {
    ar(F("declarationType", declaration_type).oneOf(kDeclarationTypes).requiredByCommand(),
       F("workplaceId", workplace_id).requiredByCommand(),
       F("periodStart", period_start).formatted("date").describe("KCO only"),
       F("periodEnd", period_end).formatted("date").describe("KCO only"),
       F("workers", workers).describe("1 to 1000 workers").requiredByCommand());
  }
  SubmitBenefitDeclaration ToCommand(const std::string& employer_id) const {
    SubmitBenefitDeclaration c;
    c.employer_id = employer_id;
    c.declaration_type = declaration_type;
    c.workplace_id = workplace_id;
    c.period_start = period_start;
    c.period_end = period_end;
    for (const auto& w : workers) c.workers.push_back(w.ToEvent());
    return c;
  }
};

struct Submitted {
  std::string id, declaration_no, declaration_type, unit_id, declaration_date;
  std::uint64_t version = 0, position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("version", version), F("declarationNo", declaration_no), F("declarationType", declaration_type),
       F("unitId", unit_id), F("declarationDate", declaration_date).formatted("date"), F("position", position));
  }
};

// A row of the listing; the whole declaration adds its workers, unit name and version.
struct Summary {
  std::string declaration_no, declaration_type, declaration_type_name, unit_id, employer_id, employer_title,
      workplace_id, declaration_date, period_start, period_end;
  std::int64_t worker_count = 0, total_short_time_hours = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("declarationNo", declaration_no), F("declarationType", declaration_type),
       F("declarationTypeName", declaration_type_name), F("unitId", unit_id), F("employerId", employer_id),
       F("employerTitle", employer_title), F("workplaceId", workplace_id),
       F("declarationDate", declaration_date).formatted("date"), F("periodStart", period_start),
       F("periodEnd", period_end), F("workerCount", worker_count), F("totalShortTimeHours", total_short_time_hours));
  }
};

struct Declaration {
  Summary summary;
  std::optional<std::string> unit_name;  // when the unit is known
  std::uint64_t version = 0;
  std::vector<Worker> workers;
  template <class A>
  void serialize(A& ar) {
    summary.serialize(ar);
    ar(F("unitName", unit_name), F("version", version), F("workers", workers));
  }
};

struct Unit {
  std::string unit_id, name;
  std::int64_t declaration_count = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("unitId", unit_id), F("name", name), F("declarationCount", declaration_count));
  }
};

struct Firm {
  std::string employer_id, title;
  std::int64_t declaration_count = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("employerId", employer_id), F("title", title), F("declarationCount", declaration_count));
  }
};

struct Code {
  std::string code, name;
  template <class A>
  void serialize(A& ar) {
    ar(F("code", code), F("name", name));
  }
};

// ----- Query strings ----------------------------------------------------------------------

struct FirmQuery : wire::Paging {
  std::string unit_id;
  template <class A>
  void serialize(A& ar) {
    ar(F("unitId", unit_id).describe("the chosen unit; 422 declaration_selection_required without it"));
    Paging::serialize(ar);
  }
};

struct ListQuery : wire::Paging {
  DeclarationQuery q;
  template <class A>
  void serialize(A& ar) {
    ar(F("unitId", q.unit_id), F("employerId", q.employer_id),
       F("declarationType", q.declaration_type).oneOf(kDeclarationTypes),
       F("dateFrom", q.date_from).formatted("date"), F("dateTo", q.date_to).formatted("date"),
       F("declarationNo", q.declaration_no));
    Paging::serialize(ar);
  }
};

}  // namespace istihdam::http::contract::benefit_declarations
