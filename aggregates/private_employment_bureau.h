#pragma once
// Private employment agencies — "Özel İstihdam Büroları" (DOMAIN.md §2.1.6, OEB-1..6,
// api/overseas-and-agencies.md, docs/private-employment-bureaus.md): the bureau membership
// (PrivateEmploymentBureau) and its period reports (PeriodReport). Pure: "today", the caller
// and what the handler looked up come in with the command.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aggregates/validation.h"
#include "events/private_employment_bureaus.h"
#include "infra/reference_data.h"
#include "infra/result.h"

namespace istihdam {

std::string BureauStream(const std::string& bureau_id);        // "private-employment-bureau-<id>"
std::string PeriodReportStream(const std::string& report_id);   // "period-report-<id>" (confidential)

// The confidentiality principle shown with every period report (DOMAIN.md M7, Regulation art. 15(3)).
inline constexpr const char* kConfidentialityNotice =
    "GİZLİLİK İLKESİ: Özel İstihdam Büroları Yönetmeliği madde:15 Fıkra:3 Özel istihdam bürolarından alınan "
    "bilgilerin Kurumca kullanımında, bu bilgilerin hizmete özel olduğu hususu dikkate alınır.";

struct AgencyAction {
  std::string date, action, note;
};

struct BureauState {
  bool exists = false;
  std::string bureau_id, employer_id, iskur_no, title, province, district, office_address, phone, email, website;
  events::BureauManager responsible_manager;
  std::string status;  // applied | active | rejected
  std::string license_no, applied_on, approved_on, reject_reason;
  std::vector<AgencyAction> agency_actions;  // approval and rejection included, oldest first
};

BureauState Apply(BureauState s, const events::BureauEvent& e);

// What the handler looked up about the caller's firm.
struct ApplyingEmployer {
  std::string employer_id, iskur_no, title;
};

struct ApplyAsBureau {
  std::string bureau_id;  // assigned by the handler
  std::string today;
  ApplyingEmployer employer;
  std::string iskur_no, province, district, office_address, phone, email, website;
  events::BureauManager responsible_manager;
  // The employer's latest bureau (application), if any.
  std::optional<BureauState> current;
};

// 422 validation_failed (required fields, iskurNo not_own (OEB-R3), province/district unknown_value,
// email/phone/tckn formats); then 409 bureau_already_exists (an application applied or active).
Result<events::PrivateEmploymentBureauApplied> DecideApplyAsBureau(const ApplyAsBureau& c, const ReferenceData& ref);
// Head office. 404 bureau_not_found; 422 licenseNo/reason required; 409 bureau_not_applied.
Result<events::PrivateEmploymentBureauApproved> DecideApproveBureau(const BureauState& s, const std::string& license_no,
                                                                    const std::string& by, const std::string& today);
Result<events::PrivateEmploymentBureauRejected> DecideRejectBureau(const BureauState& s, const std::string& reason,
                                                                   const std::string& by, const std::string& today);
Result<events::AgencyActionOnBureauRecorded> DecideAgencyAction(const BureauState& s, const std::string& action,
                                                                const std::string& note, const std::string& by,
                                                                const std::string& today);

// ----- Period reports ----------------------------------------------------------------------

// A report period of a year (config oebReportPeriods): months first..last inclusive.
struct ReportPeriod {
  std::string code;  // Q1
  int first_month = 1, last_month = 3;
};
std::vector<ReportPeriod> DefaultReportPeriods();  // Q1..Q4

struct PeriodReportState {
  bool exists = false;
  std::string report_id, bureau_id, report_period, record_date, status;  // draft | submitted
  std::int64_t report_year = 0;
  events::PeriodReportSections sections;
};

PeriodReportState Apply(PeriodReportState s, const events::PeriodReportEvent& e);

struct CreatePeriodReport {
  std::string report_id;  // assigned by the handler
  std::string today;
  std::optional<std::int64_t> report_year;
  std::string report_period, record_date;
  events::PeriodReportSections sections;
  bool period_taken = false;  // the bureau already has a report of (year, period)
};

// Checks of the fields a report carries (record date, sections): counts ≥ 0 (too_small), row
// keys (occupation+province, occupation, country+occupation) once (duplicate), known codes
// (unknown_value), recordDate a date not after today (invalid_format / in_future).
void CheckReportContent(Validator& v, const std::string& today, const std::string& record_date,
                        const events::PeriodReportSections& sections, const ReferenceData& ref);

// Order: 422 validation_failed (reportYear required, reportPeriod unknown_value / in_future (the
// period has not begun), content as CheckReportContent); 409 bureau_not_active; 409 period_report_exists.
Result<events::PeriodReportCreated> DecideCreatePeriodReport(const BureauState& bureau, const CreatePeriodReport& c,
                                                             const std::vector<ReportPeriod>& periods,
                                                             const ReferenceData& ref);
// 404 period_report_not_found (not of this bureau); 409 period_report_submitted; 422 as above.
// Unchanged content yields no event.
Result<std::vector<events::PeriodReportEvent>> DecideSavePeriodReport(const PeriodReportState& s,
                                                                      const std::string& bureau_id,
                                                                      const std::string& today,
                                                                      const std::string& record_date,
                                                                      const events::PeriodReportSections& sections,
                                                                      const ReferenceData& ref);
Result<events::PeriodReportSubmitted> DecideSubmitPeriodReport(const PeriodReportState& s, const std::string& bureau_id,
                                                               const std::string& today);

}  // namespace istihdam
