#pragma once
// Events of private employment agencies — "Özel İstihdam Büroları" (DOMAIN.md §2.1.6,
// api/overseas-and-agencies.md, docs/private-employment-bureaus.md).
// Two stream kinds:
//   "private-employment-bureau-<bureauId>": the membership (application, approval, rejection,
//     agency actions). Ordinary events.
//   "period-report-<reportId>": one period report ("Dönem İşlemleri"). CONFIDENTIAL (Regulation
//     art. 15(3)): with Kafka these go in full only to the confidential topic, redacted to the
//     general one (infra/confidential_streams.h); no read model holds their figures.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "events/codec.h"

namespace istihdam::events {

struct BureauManager {
  std::string tckn, first_name, last_name;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(PII("*tckn", tckn), PII("*firstName", first_name), PII("*lastName", last_name));
  }
  bool operator==(const BureauManager&) const = default;
};

// ApplyAsPrivateEmploymentBureau: an employer admin applies with the firm's own İŞKUR No.
struct PrivateEmploymentBureauApplied {
  static constexpr const char* kType = "PrivateEmploymentBureauApplied";
  std::string bureau_id, employer_id, iskur_no, title, province, district, office_address, phone, email, website;
  BureauManager responsible_manager;
  std::string applied_on;  // YYYY-MM-DD
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("bureauId", bureau_id), F("employerId", employer_id), F("iskurNo", iskur_no), F("title", title),
       F("province", province), F("district", district), PII("*officeAddress", office_address),
       PII("*phone", phone), PII("*email", email), F("website", website),
       F("responsibleManager", responsible_manager), F("appliedOn", applied_on));
  }
};

// Head office approves the application and records the licence number; status active.
struct PrivateEmploymentBureauApproved {
  static constexpr const char* kType = "PrivateEmploymentBureauApproved";
  std::string bureau_id, license_no, approved_by, approved_on;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("bureauId", bureau_id), F("licenseNo", license_no), F("approvedBy", approved_by),
       F("approvedOn", approved_on));
  }
};

struct PrivateEmploymentBureauRejected {
  static constexpr const char* kType = "PrivateEmploymentBureauRejected";
  std::string bureau_id, reason, rejected_by, rejected_on;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("bureauId", bureau_id), F("reason", reason), F("rejectedBy", rejected_by), F("rejectedOn", rejected_on));
  }
};

// RecordAgencyActionOnBureau: a free entry of the agency's log on the bureau (OEB-2).
struct AgencyActionOnBureauRecorded {
  static constexpr const char* kType = "AgencyActionOnBureauRecorded";
  std::string bureau_id, action, note, recorded_by, date;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("bureauId", bureau_id), F("action", action), F("note", note), F("recordedBy", recorded_by),
       F("date", date));
  }
};

using BureauEvent = std::variant<PrivateEmploymentBureauApplied, PrivateEmploymentBureauApproved,
                                 PrivateEmploymentBureauRejected, AgencyActionOnBureauRecorded>;

// ----- Period reports (confidential) ----------------------------------------------------

struct PlacementRow {
  std::string occupation, province;
  std::int64_t male = 0, female = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("occupation", occupation), F("province", province), F("male", male), F("female", female));
  }
  bool operator==(const PlacementRow&) const = default;
};

struct SexCounts {
  std::int64_t male = 0, female = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("male", male), F("female", female));
  }
  bool operator==(const SexCounts&) const = default;
};

struct VacancyRow {
  std::string occupation;
  std::int64_t count = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("occupation", occupation), F("count", count));
  }
  bool operator==(const VacancyRow&) const = default;
};

struct OverseasPlacementRow {
  std::string country, occupation;
  std::int64_t male = 0, female = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("country", country), F("occupation", occupation), F("male", male), F("female", female));
  }
  bool operator==(const OverseasPlacementRow&) const = default;
};

struct PeriodReportSections {
  std::vector<PlacementRow> placements;
  SexCounts job_seekers_registered;
  std::vector<VacancyRow> vacancies_received;
  std::vector<OverseasPlacementRow> overseas_placements;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("placements", placements), F("jobSeekersRegistered", job_seekers_registered),
       F("vacanciesReceived", vacancies_received), F("overseasPlacements", overseas_placements));
  }
  bool operator==(const PeriodReportSections&) const = default;
};

// CreatePeriodReport: a draft of (year, period) with its sections.
struct PeriodReportCreated {
  static constexpr const char* kType = "PeriodReportCreated";
  std::string report_id, bureau_id, report_period, record_date;
  std::int64_t report_year = 0;
  PeriodReportSections sections;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("reportId", report_id), F("bureauId", bureau_id), F("reportYear", report_year),
       F("reportPeriod", report_period), F("recordDate", record_date), F("sections", sections));
  }
};

// SavePeriodReportSection (PUT): the record date and all sections replace the previous ones.
struct PeriodReportSectionSaved {
  static constexpr const char* kType = "PeriodReportSectionSaved";
  std::string report_id, record_date;
  PeriodReportSections sections;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("reportId", report_id), F("recordDate", record_date), F("sections", sections));
  }
};

struct PeriodReportSubmitted {
  static constexpr const char* kType = "PeriodReportSubmitted";
  std::string report_id, submitted_on;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("reportId", report_id), F("submittedOn", submitted_on));
  }
};

using PeriodReportEvent = std::variant<PeriodReportCreated, PeriodReportSectionSaved, PeriodReportSubmitted>;

}  // namespace istihdam::events
