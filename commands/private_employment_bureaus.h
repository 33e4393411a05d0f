#pragma once
// Private employment agency commands (DOMAIN.md §2.1.6, docs/private-employment-bureaus.md):
// membership (apply, approve, reject, agency actions) and period reports (create, save, submit).
#include <cstdint>
#include <optional>
#include <string>

#include "aggregates/private_employment_bureau.h"
#include "commands/services.h"

namespace istihdam {

// The reservation stream of an employer's bureau: one IdentifierReserved{"privateEmploymentBureau",
// bureauId} per application, appended at the stream's current version, so two applications racing
// cannot both pass the "no open application" check. The last one names the employer's bureau.
std::string BureauOfEmployerStream(Services& s, const std::string& employer_id);
// The employer's latest bureau id, nullopt when it never applied.
std::optional<std::string> CurrentBureauId(Services& s, const std::string& employer_id);
// The reservation stream of (bureau, year, period) and the report holding it, if any.
std::string PeriodReservationStream(Services& s, const std::string& bureau_id, std::int64_t year,
                                    const std::string& period);
std::optional<std::string> PeriodReportIdOf(Services& s, const std::string& bureau_id, std::int64_t year,
                                            const std::string& period);
// Report periods in force (config oebReportPeriods, default quarters).
std::vector<ReportPeriod> ReportPeriods(const Services& s);

// 201 {"id", "status": "applied", "version"}. The handler fills today, the bureau id, the
// employer and the current bureau.
Result<Outcome> HandleApplyAsBureau(Services& s, const CommandEnv& env, ApplyAsBureau cmd);
// 200 {"id", "status", "version"}.
Result<Outcome> HandleApproveBureau(Services& s, const CommandEnv& env, const std::string& bureau_id,
                                    const std::string& license_no);
Result<Outcome> HandleRejectBureau(Services& s, const CommandEnv& env, const std::string& bureau_id,
                                   const std::string& reason);
// 201 {"id" (the bureau), "version"}.
Result<Outcome> HandleAgencyAction(Services& s, const CommandEnv& env, const std::string& bureau_id,
                                   const std::string& action, const std::string& note);

// 201 {"id", "status": "draft", "version"}. The bureau must be the caller's (else 404 bureau_not_found).
Result<Outcome> HandleCreatePeriodReport(Services& s, const CommandEnv& env, const std::string& employer_id,
                                         const std::string& bureau_id, CreatePeriodReport cmd);
// 200 {"id", "status", "version"}; `if_match` pins the version (412 when stale).
Result<Outcome> HandleSavePeriodReport(Services& s, const CommandEnv& env, const std::string& bureau_id,
                                       const std::string& report_id, std::optional<std::uint64_t> if_match,
                                       const std::string& record_date, const events::PeriodReportSections& sections);
Result<Outcome> HandleSubmitPeriodReport(Services& s, const CommandEnv& env, const std::string& bureau_id,
                                         const std::string& report_id);

}  // namespace istihdam
