#pragma once
// The candidate list of a labor demand and the employer's four candidate reports (api/jobs.md
// "Matching and candidates", "Employer reports"; DOMAIN.md §2.1.1.4): queries and answers.
#include <optional>
#include <string>
#include <vector>

#include "aggregates/job_codes.h"
#include "aggregates/validation.h"
#include "http/wire.h"
#include "infra/clock.h"
#include "infra/reference_data.h"
#include "projections/candidates.h"

namespace istihdam::http::contract::candidate_reports {

using wire::F;

inline constexpr const char* kReportTypes[] = {"selection", "referral", "interview", "result"};
inline constexpr const char* kFormats[] = {"json", "pdf", "xlsx"};
inline constexpr const char* kActions[] = {"invite", "recordInterview"};

// ----- The candidate list ---------------------------------------------------------------

struct CandidateQuery : wire::Paging {
  std::string origin, state;
  template <class A>
  void serialize(A& ar) {
    ar(F("origin", origin).from(job_codes::kCandidateOrigin.data()),
       F("state", state).from(job_codes::kCandidateState.data()));
    Paging::serialize(ar);
  }
  // An unknown code is 422 unknown_value naming the parameter.
  Result<CandidateListCriteria> ToCriteria() const {
    std::vector<FieldError> bad;
    if (!origin.empty() && !job_codes::Has(job_codes::kCandidateOrigin, origin)) bad.push_back({"origin", "unknown_value"});
    if (!state.empty() && !job_codes::Has(job_codes::kCandidateState, state)) bad.push_back({"state", "unknown_value"});
    if (!bad.empty()) return Error::Validation(std::move(bad));
    return CandidateListCriteria{origin, state};
  }
};

struct CandidateRow {
  std::string candidate_id, job_seeker_id, first_name, last_name, origin, state, added_at;
  std::optional<std::string> interview_date, interview_address, interview_result, interview_note;
  std::vector<std::string> available_actions;
  template <class A>
  void serialize(A& ar) {
    ar(F("candidateId", candidate_id), F("jobSeekerId", job_seeker_id).describe("the individual's id"),
       F("firstName", first_name), F("lastName", last_name),
       F("origin", origin).from(job_codes::kCandidateOrigin.data()),
       F("state", state).from(job_codes::kCandidateState.data()),
       F("addedAt", added_at).formatted("date-time").describe("when the candidate was added (the list's order)"),
       F("interviewDate", interview_date).nullable().formatted("date-time").describe("the latest invitation's"),
       F("interviewAddress", interview_address).nullable().text(),
       F("interviewResult", interview_result).nullable().from(job_codes::kInterviewResult.data())
           .describe("the latest recorded result"),
       F("interviewNote", interview_note).nullable().text().describe("the note recorded with the result"),
       F("availableActions", available_actions).oneOf(kActions)
           .describe("active demand: invite unless interviewed, recordInterview once invited; otherwise none"));
  }
};

// ----- The reports ----------------------------------------------------------------------

struct ReportQuery : wire::Query {
  std::string demand_no, workplace_id, occupation, date_from, date_to, format;
  template <class A>
  void serialize(A& ar) {
    ar(F("demandNo", demand_no).describe("one of the employer's demands (another's: no_records)"),
       F("workplaceId", workplace_id).describe("one of the employer's workplaces (another's: no_records)"),
       F("occupation", occupation).describe("an occupation code of any level; its sub-codes match too"),
       F("dateFrom", date_from).formatted("date").describe("on the row's date, inclusive"),
       F("dateTo", date_to).formatted("date").describe("on the row's date, inclusive"),
       F("format", format).oneOf(kFormats).describe("default: from Accept, else json"));
  }
  // Malformed dates are 400 invalid_parameter; an occupation outside the dictionary 422
  // unknown_value.
  Result<CandidateReportCriteria> ToCriteria(const std::string& report_type, const ReferenceData& ref) const {
    std::vector<FieldError> bad;
    for (const auto& [name, value] : {std::pair{"dateFrom", &date_from}, std::pair{"dateTo", &date_to}}) {
      std::int64_t days = 0;
      if (!value->empty() && !ParseDate(*value, &days)) bad.push_back({name, "invalid_format"});
    }
    if (!bad.empty()) return Error{errc::kInvalidParameter, std::move(bad), {}};
    if (!occupation.empty() && !ref.FindOccupation(occupation)) {
      return Error::Validation({{"occupation", "unknown_value"}});
    }
    return CandidateReportCriteria{report_type, demand_no, workplace_id, occupation, date_from, date_to};
  }
};

struct ReportRow {
  std::string demand_no, workplace_title, occupation, occupation_name, position, job_seeker_id, first_name,
      last_name, origin, date;
  std::optional<std::string> interview_date, interview_result;
  template <class A>
  void serialize(A& ar) {
    ar(F("demandNo", demand_no), F("workplaceTitle", workplace_title), F("occupation", occupation),
       F("occupationName", occupation_name), F("position", position),
       F("jobSeekerId", job_seeker_id).describe("the individual's id"), F("firstName", first_name),
       F("lastName", last_name), F("origin", origin).from(job_codes::kCandidateOrigin.data()),
       F("date", date).formatted("date").describe(
           "selection: selected on; referral: referred on; interview: the interview day; result: recorded on"),
       F("interviewDate", interview_date).nullable().formatted("date-time"),
       F("interviewResult", interview_result).nullable().from(job_codes::kInterviewResult.data()));
  }
};

struct ReportCriteria {
  std::optional<std::string> demand_no, workplace_id, occupation, date_from, date_to;
  template <class A>
  void serialize(A& ar) {
    ar(F("demandNo", demand_no).nullable(), F("workplaceId", workplace_id).nullable(),
       F("occupation", occupation).nullable(), F("dateFrom", date_from).nullable().formatted("date"),
       F("dateTo", date_to).nullable().formatted("date"));
  }
};

// The JSON form of a report (its PDF and XLSX forms hold the same rows).
struct ReportJson {
  std::string report_type, title, generated_at;
  ReportCriteria criteria;
  std::vector<ReportRow> rows;
  template <class A>
  void serialize(A& ar) {
    ar(F("reportType", report_type).oneOf(kReportTypes),
       F("title", title).describe("the guide's, e.g. İşgücü İstemi Seçim Listesi"),
       F("criteria", criteria).describe("the criteria as given, null when absent"),
       F("generatedAt", generated_at).formatted("date-time"), F("rows", rows));
  }
};

}  // namespace istihdam::http::contract::candidate_reports
