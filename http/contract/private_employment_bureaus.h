#pragma once
// Private employment agencies — "Özel İstihdam Büroları" (OEB-1..6, api/overseas-and-agencies.md,
// docs/private-employment-bureaus.md): bodies, queries, answers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aggregates/private_employment_bureau.h"
#include "http/wire.h"

namespace istihdam::http::contract::bureaus {

using wire::F;

inline constexpr const char* kStatuses[] = {"applied", "active", "rejected"};
inline constexpr const char* kReportStatuses[] = {"draft", "submitted"};
inline constexpr const char* kFormats[] = {"json", "pdf", "xlsx"};
inline constexpr std::int64_t kMaxCount = 10'000'000;

// ----- Membership -----------------------------------------------------------------------

struct Manager {
  std::string tckn, first_name, last_name;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", tckn).requiredByCommand(), F("firstName", first_name).requiredByCommand().maxLength(100),
       F("lastName", last_name).requiredByCommand().maxLength(100));
  }
};

struct NewBureau {
  std::string iskur_no, province, district, office_address, phone, email, website;
  Manager responsible_manager;
  template <class A>
  void serialize(A& ar) {
    ar(F("iskurNo", iskur_no).requiredByCommand().describe("the firm's own İŞKUR No (another: 422 not_own)"),
       F("province", province).requiredByCommand().from(wire::lists::kProvinces),
       F("district", district).requiredByCommand(), F("officeAddress", office_address).requiredByCommand().maxLength(500),
       F("phone", phone).requiredByCommand(), F("email", email).requiredByCommand(),
       F("website", website).maxLength(200), F("responsibleManager", responsible_manager).requiredByCommand());
  }
};

struct Approval {
  std::string license_no;
  template <class A>
  void serialize(A& ar) {
    ar(F("licenseNo", license_no).requiredByCommand().maxLength(50).describe("the licence (izin belgesi) number"));
  }
};

struct Rejection {
  std::string reason;
  template <class A>
  void serialize(A& ar) {
    ar(F("reason", reason).requiredByCommand().text().maxLength(1000));
  }
};

struct AgencyActionBody {
  std::string action, note;
  template <class A>
  void serialize(A& ar) {
    ar(F("action", action).requiredByCommand().maxLength(200), F("note", note).text().maxLength(2000));
  }
};

struct BureauChanged {
  wire::Changed changed;
  std::string status;
  template <class A>
  void serialize(A& ar) {
    changed.serialize(ar);
    ar(F("status", status).required().oneOf(kStatuses));
  }
};

// ----- Page, directory, list report ----------------------------------------------------------

struct Card {
  std::string id, title, iskur_no, license_no, province, district, office_address, phone, email, website, status;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id).required(), F("title", title).required(), F("iskurNo", iskur_no).required(),
       F("licenseNo", license_no).required().describe("\"\" until approved"), F("province", province).required(),
       F("district", district).required(), F("officeAddress", office_address).required(),
       F("phone", phone).required(), F("email", email).required(), F("website", website).required(),
       F("status", status).required().oneOf(kStatuses));
  }
};

struct ActionRow {
  std::string date, action, note;
  template <class A>
  void serialize(A& ar) {
    ar(F("date", date).required().formatted("date"), F("action", action).required(), F("note", note).required());
  }
};

struct ManagerView {
  std::string tckn, first_name, last_name;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", tckn).required(), F("firstName", first_name).required(), F("lastName", last_name).required());
  }
};

// The bureau page: the card; for the bureau itself and head office also the manager and the
// agency's actions (absent on the public card).
struct Page {
  Card card;
  std::optional<ManagerView> responsible_manager;
  std::optional<std::vector<ActionRow>> agency_actions;
  std::uint64_t version = 0;
  template <class A>
  void serialize(A& ar) {
    card.serialize(ar);
    ar(F("responsibleManager", responsible_manager).describe("the bureau itself and head office only"),
       F("agencyActions", agency_actions).describe("the bureau itself and head office only; approval included"),
       F("version", version));
  }
};

struct DirectoryQuery : wire::Paging {
  std::string province;
  template <class A>
  void serialize(A& ar) {
    ar(F("province", province).from(wire::lists::kProvinces));
    Paging::serialize(ar);
  }
};

struct ListReportQuery : wire::Query {
  std::string province, status, format;
  template <class A>
  void serialize(A& ar) {
    ar(F("province", province).from(wire::lists::kProvinces).describe("forced to a unit user's own"),
       F("status", status).oneOf(kStatuses).describe("employers see active bureaus only"),
       F("format", format).oneOf(kFormats).describe("default: from Accept, else json"));
  }
};

struct ListReport {
  std::string message, generated_at;
  std::vector<Card> rows;
  template <class A>
  void serialize(A& ar) {
    ar(F("message", message).required().describe("M3 \"Raporunuz Oluşturuldu\""),
       F("generatedAt", generated_at).required().formatted("date-time"), F("rows", rows).required());
  }
};

// ----- Period reports ----------------------------------------------------------------------

struct Placement {
  std::string occupation, province;
  std::int64_t male = 0, female = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("occupation", occupation).required().describe("ISCO-08 code"),
       F("province", province).required().from(wire::lists::kProvinces), F("male", male).required().range(0, kMaxCount),
       F("female", female).required().range(0, kMaxCount));
  }
};

struct Counts {
  std::int64_t male = 0, female = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("male", male).required().range(0, kMaxCount), F("female", female).required().range(0, kMaxCount));
  }
};

struct Vacancy {
  std::string occupation;
  std::int64_t count = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("occupation", occupation).required().describe("ISCO-08 code"), F("count", count).required().range(0, kMaxCount));
  }
};

struct OverseasPlacement {
  std::string country, occupation;
  std::int64_t male = 0, female = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("country", country).required().describe("ISO 3166-1 alpha-2"),
       F("occupation", occupation).required().describe("ISCO-08 code"), F("male", male).required().range(0, kMaxCount),
       F("female", female).required().range(0, kMaxCount));
  }
};

struct Sections {
  std::vector<Placement> placements;
  Counts job_seekers_registered;
  std::vector<Vacancy> vacancies_received;
  std::vector<OverseasPlacement> overseas_placements;
  template <class A>
  void serialize(A& ar) {
    ar(F("placements", placements).describe("one row per (occupation, province)"),
       F("jobSeekersRegistered", job_seekers_registered),
       F("vacanciesReceived", vacancies_received).describe("one row per occupation"),
       F("overseasPlacements", overseas_placements).describe("one row per (country, occupation)"));
  }

  events::PeriodReportSections ToEvent() const {
    events::PeriodReportSections s;
    for (const auto& p : placements) s.placements.push_back({p.occupation, p.province, p.male, p.female});
    s.job_seekers_registered = {job_seekers_registered.male, job_seekers_registered.female};
    for (const auto& v : vacancies_received) s.vacancies_received.push_back({v.occupation, v.count});
    for (const auto& o : overseas_placements)
      s.overseas_placements.push_back({o.country, o.occupation, o.male, o.female});
    return s;
  }
  static Sections From(const events::PeriodReportSections& e) {
    Sections s;
    for (const auto& p : e.placements) s.placements.push_back({p.occupation, p.province, p.male, p.female});
    s.job_seekers_registered = {e.job_seekers_registered.male, e.job_seekers_registered.female};
    for (const auto& v : e.vacancies_received) s.vacancies_received.push_back({v.occupation, v.count});
    for (const auto& o : e.overseas_placements)
      s.overseas_placements.push_back({o.country, o.occupation, o.male, o.female});
    return s;
  }
};

struct NewPeriodReport {
  std::optional<std::int64_t> report_year;
  std::string report_period, record_date;
  Sections sections;
  template <class A>
  void serialize(A& ar) {
    ar(F("reportYear", report_year).requiredByCommand().range(2000, 9999),
       F("reportPeriod", report_period).requiredByCommand().describe("Q1..Q4 (config oebReportPeriods)"),
       F("recordDate", record_date).requiredByCommand().formatted("date").describe("not after today"),
       F("sections", sections));
  }
};

// PUT: the record date and all sections replace the previous ones (year and period stay).
struct PeriodReportChanges {
  std::optional<std::int64_t> report_year;
  std::string report_period, record_date;
  Sections sections;
  template <class A>
  void serialize(A& ar) {
    ar(F("reportYear", report_year).range(2000, 9999).describe("optional; must be the report's"),
       F("reportPeriod", report_period).describe("optional; must be the report's"),
       F("recordDate", record_date).requiredByCommand().formatted("date").describe("not after today"),
       F("sections", sections));
  }
};

struct ReportChanged {
  wire::Changed changed;
  std::string status;
  template <class A>
  void serialize(A& ar) {
    changed.serialize(ar);
    ar(F("status", status).required().oneOf(kReportStatuses));
  }
};

struct PeriodReportQuery : wire::Query {
  std::optional<std::int64_t> report_year;
  std::string report_period;
  template <class A>
  void serialize(A& ar) {
    ar(F("reportYear", report_year).range(2000, 9999), F("reportPeriod", report_period));
  }
};

struct PeriodReportSummary {
  std::string id, bureau_id, report_period, record_date, status;
  std::int64_t report_year = 0;
  std::uint64_t version = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id).required(), F("bureauId", bureau_id).required(), F("reportYear", report_year).required(),
       F("reportPeriod", report_period).required(), F("recordDate", record_date).required().formatted("date"),
       F("status", status).required().oneOf(kReportStatuses), F("version", version).required());
  }
};

struct PeriodReport {
  std::string id, bureau_id, report_period, record_date, status, confidentiality_notice;
  std::int64_t report_year = 0;
  Sections sections;
  std::uint64_t version = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id).required(), F("bureauId", bureau_id).required(), F("reportYear", report_year).required(),
       F("reportPeriod", report_period).required(), F("recordDate", record_date).required().formatted("date"),
       F("sections", sections).required(), F("status", status).required().oneOf(kReportStatuses),
       F("confidentialityNotice", confidentiality_notice).required().describe("DOMAIN.md M7 in full"),
       F("version", version).required());
  }
};

}  // namespace istihdam::http::contract::bureaus
