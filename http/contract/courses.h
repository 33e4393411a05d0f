#pragma once
// Courses — "Kurs/Programlar" (api/courses.md, DOMAIN.md §2.1.4): bodies, queries and answers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aggregates/course.h"
#include "aggregates/job_codes.h"
#include "aggregates/validation.h"
#include "http/wire.h"

namespace istihdam::http::contract::courses {

using wire::F;

inline constexpr const char* kStatuses[] = {"planned", "toBeOpened", "inPreparation", "opened", "inProgress", "finished"};
inline constexpr const char* kApprovals[] = {"approved", "pending"};
inline constexpr const char* kBooleans[] = {"true", "false"};
inline constexpr const char* kListStates[] = {"open", "frozen", "approved"};
inline constexpr const char* kOrigins[] = {"applied", "selected"};
inline constexpr const char* kResponses[] = {"none", "accepted", "declined"};
inline constexpr const char* kResults[] = {"suitablePrincipal", "suitableReserve", "notSuitable",
                                           "refusedWithJustification", "refusedWithoutJustification"};
inline constexpr const char* kChangeActions[] = {"markRemoved",           "restore",           "setInterviewDate",
                                                 "setInvitationResponse", "setInterviewResult", "changeInterviewResult"};
inline constexpr const char* kLists[] = {"applicants",       "selected",           "removed", "invited",
                                         "interviewResults", "candidateTraineeList", "unemploymentInsuranceCut"};
inline constexpr const char* kTraineeStatuses[] = {"active", "left", "removed", "completed"};
inline constexpr const char* kDepartureReasons[] = {"left", "removed"};
inline constexpr const char* kActions[] = {
    "approveExternal", "markToBeOpened",     "prepare",         "setCriteria",   "open",
    "assignTrainers",  "selectCandidates",   "saveCandidateChanges", "freezeCandidateList",
    "approveCandidateList", "recordDeparture", "promote",       "finish",        "reports"};

inline const char* Codes(std::string_view set) { return set.data(); }

// ----- Bodies -------------------------------------------------------------------------------

struct NewCourse {
  std::string name, province, district, occupation, start_date, end_date, service_provider_id;
  std::optional<std::int64_t> trainee_quota;
  template <class A>
  void serialize(A& ar) {
    ar(F("name", name).requiredByCommand().maxLength(800),
       F("province", province).requiredByCommand().from(wire::lists::kProvinces).describe("plate code; a unit user's own"),
       F("district", district).requiredByCommand().describe("a district of that province"),
       F("occupation", occupation).requiredByCommand().describe("ISCO-08 code"),
       F("startDate", start_date).requiredByCommand().formatted("date"),
       F("endDate", end_date).requiredByCommand().formatted("date"),
       F("traineeQuota", trainee_quota).requiredByCommand().range(1, kMaxParticipantQuota),
       F("serviceProviderId", service_provider_id)
           .describe("an employer id; agency courses only (an employer's external course is its own)"));
  }
  PlanCourse ToCommand(const CourseActor& actor) const {
    PlanCourse c;
    c.actor = actor;
    c.course = {"", name, province, district, occupation, start_date, end_date, trainee_quota.value_or(0),
                service_provider_id};
    c.quota_given = trainee_quota.has_value();
    return c;
  }
};

struct Prepare {
  std::string service_provider_id;
  template <class A>
  void serialize(A& ar) {
    ar(F("serviceProviderId", service_provider_id).describe("an employer id; absent keeps the course's"));
  }
};

struct Criteria {
  bool e_learning = false, for_unemployment_insurance_recipients = false;
  std::optional<std::int64_t> min_age, max_age;
  std::string education_level;
  std::vector<std::string> target_groups;
  template <class A>
  void serialize(A& ar) {
    ar(F("eLearning", e_learning).required(),
       F("forUnemploymentInsuranceRecipients", for_unemployment_insurance_recipients).required(),
       F("minAge", min_age).nullable().range(15, 99), F("maxAge", max_age).nullable().range(15, 99),
       F("educationLevel", education_level).from(Codes(job_codes::kEducationLevel)).describe("a job-codes educationLevel"),
       F("targetGroups", target_groups).from(Codes(job_codes::kTargetGroup)).describe("job-codes targetGroup codes"));
  }
  events::CourseCriteriaSet ToEvent() const {
    return {"", e_learning, for_unemployment_insurance_recipients, min_age.value_or(0), max_age.value_or(0),
            education_level, target_groups};
  }
};

struct TrainerIds {
  std::vector<std::string> trainer_ids;
  template <class A>
  void serialize(A& ar) {
    ar(F("trainerIds", trainer_ids).required());
  }
};

struct Tckns {
  std::vector<std::string> tckns;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckns", tckns).required().describe("registered individuals, 1 to 100"));
  }
};

struct Change {
  std::string candidacy_id, action, interview_date, response, result;
  template <class A>
  void serialize(A& ar) {
    ar(F("candidacyId", candidacy_id).requiredByCommand(), F("action", action).requiredByCommand().oneOf(kChangeActions),
       F("interviewDate", interview_date).formatted("date").describe("setInterviewDate: today or later"),
       F("response", response).oneOf({"accepted", "declined"}).describe("setInvitationResponse"),
       F("result", result).oneOf(kResults).describe("setInterviewResult, changeInterviewResult"));
  }
};

struct Changes {
  std::vector<Change> changes;
  template <class A>
  void serialize(A& ar) {
    ar(F("changes", changes).required().describe("applied in order as one unit: one refusal applies none"));
  }
  std::vector<CandidateChange> ToCommand() const {
    std::vector<CandidateChange> out;
    for (const auto& c : changes) out.push_back({c.candidacy_id, c.action, c.interview_date, c.response, c.result});
    return out;
  }
};

struct Departure {
  std::string reason;
  template <class A>
  void serialize(A& ar) {
    ar(F("reason", reason).requiredByCommand().oneOf(kDepartureReasons));
  }
};

// ----- Queries ------------------------------------------------------------------------------

struct CourseQuery : wire::Paging {
  std::string status, province, district, occupation, start_from, start_to, external, approval;
  template <class A>
  void serialize(A& ar) {
    ar(F("status", status).oneOf(kStatuses).describe("without it: every status but planned"),
       F("province", province).from(wire::lists::kProvinces).describe("forced to a unit user's own"),
       F("district", district), F("occupation", occupation).describe("ISCO-08 code or its prefix"),
       F("startFrom", start_from).formatted("date"), F("startTo", start_to).formatted("date"),
       F("external", external).oneOf(kBooleans), F("approval", approval).oneOf(kApprovals));
    Paging::serialize(ar);
  }
};

struct CandidateQuery : wire::Paging {
  std::string list;
  template <class A>
  void serialize(A& ar) {
    ar(F("list", list).oneOf(kLists).describe("default applicants"));
    Paging::serialize(ar);
  }
};

struct TraineeQuery : wire::Paging {};

// ----- Answers ------------------------------------------------------------------------------

struct CriteriaView {
  bool e_learning = false, for_unemployment_insurance_recipients = false;
  std::optional<std::int64_t> min_age, max_age;
  std::optional<std::string> education_level;
  std::vector<std::string> target_groups;
  template <class A>
  void serialize(A& ar) {
    ar(F("eLearning", e_learning), F("forUnemploymentInsuranceRecipients", for_unemployment_insurance_recipients),
       F("minAge", min_age).nullable(), F("maxAge", max_age).nullable(), F("educationLevel", education_level).nullable(),
       F("targetGroups", target_groups));
  }
};

struct TrainerName {
  std::string id, first_name, last_name;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("firstName", first_name), F("lastName", last_name));
  }
};

// A course as GetCourse shows it; list items leave `criteria` out.
struct Course {
  std::string id, name, province, district, occupation, occupation_name, start_date, end_date, status, approval;
  std::int64_t trainee_quota = 0, completion_percent = 0;
  bool external = false;
  std::optional<std::string> service_provider_id;
  std::optional<CriteriaView> criteria;
  bool with_criteria = true;  // not on the wire
  std::vector<TrainerName> trainers;
  std::string candidate_list_state;
  std::vector<std::string> available_actions;
  std::uint64_t version = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id).required(), F("name", name).required(), F("province", province).required(),
       F("district", district).required(), F("occupation", occupation).required(), F("occupationName", occupation_name),
       F("startDate", start_date).required().formatted("date"), F("endDate", end_date).required().formatted("date"),
       F("traineeQuota", trainee_quota).required(), F("status", status).required().oneOf(kStatuses),
       F("external", external).required(), F("approval", approval).required().oneOf(kApprovals),
       F("serviceProviderId", service_provider_id).nullable());
    if (with_criteria) ar(F("criteria", criteria).nullable());
    ar(F("trainers", trainers).required(), F("candidateListState", candidate_list_state).required().oneOf(kListStates),
       F("completionPercent", completion_percent).required(),
       F("availableActions", available_actions).required().oneOf(kActions), F("version", version).required());
  }
};

struct CourseChanged {
  wire::Changed changed;
  std::string status;
  template <class A>
  void serialize(A& ar) {
    changed.serialize(ar);
    ar(F("status", status).oneOf(kStatuses));
  }
};

struct CandidacyRef {
  std::string id, tckn;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("tckn", tckn));
  }
};

struct Selected {
  wire::Changed changed;
  std::string status;
  std::vector<CandidacyRef> candidacies;
  template <class A>
  void serialize(A& ar) {
    changed.serialize(ar);
    ar(F("status", status).oneOf(kStatuses), F("candidacies", candidacies));
  }
};

struct CandidacyView {
  std::string id, tckn, first_name, last_name, origin, invitation_response;
  bool removed = false;
  std::optional<std::string> interview_date, interview_result;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("tckn", tckn), F("firstName", first_name), F("lastName", last_name),
       F("origin", origin).oneOf(kOrigins), F("removed", removed),
       F("interviewDate", interview_date).nullable().formatted("date"),
       F("invitationResponse", invitation_response).oneOf(kResponses),
       F("interviewResult", interview_result).nullable().oneOf(kResults));
  }
};

struct CandidateList {
  std::string state;
  std::vector<CandidacyView> principals, reserves;
  template <class A>
  void serialize(A& ar) {
    ar(F("state", state).oneOf(kListStates), F("principals", principals), F("reserves", reserves));
  }
};

struct Trainee {
  std::string id, tckn, first_name, last_name, status;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id).describe("the candidacy id"), F("tckn", tckn), F("firstName", first_name),
       F("lastName", last_name), F("status", status).oneOf(kTraineeStatuses));
  }
};

// ----- Reports ------------------------------------------------------------------------------

inline constexpr const char* kReportFormats[] = {"json", "pdf", "xlsx"};

struct ReportQuery : wire::Query {
  std::string format;
  template <class A>
  void serialize(A& ar) {
    ar(F("format", format).oneOf(kReportFormats).describe("default: from Accept, else json"));
  }
};

struct ReportCourse {
  std::string course_id, name, province, district, occupation, occupation_name, start_date, end_date, status;
  template <class A>
  void serialize(A& ar) {
    ar(F("courseId", course_id), F("name", name), F("province", province), F("district", district),
       F("occupation", occupation), F("occupationName", occupation_name), F("startDate", start_date).formatted("date"),
       F("endDate", end_date).formatted("date"), F("status", status).oneOf(kStatuses));
  }
};

// "Kursiyer Asil/Yedek Listesi": one row per suitable candidacy.
struct ListRow {
  std::string tckn, first_name, last_name, list_type;
  std::optional<std::string> trainee_status;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", tckn), F("firstName", first_name), F("lastName", last_name),
       F("listType", list_type).oneOf({"principal", "reserve"}),
       F("traineeStatus", trainee_status).nullable().oneOf(kTraineeStatuses).describe("null: not a trainee"));
  }
};

struct ListReport {
  ReportCourse course;
  std::vector<ListRow> rows;
  template <class A>
  void serialize(A& ar) {
    course.serialize(ar);
    ar(F("rows", rows));
  }
};

// "Kursiyer İstihdam İzleme (Kümülatif)": one row per trainee.
struct EmploymentRow {
  std::string tckn, first_name, last_name, trainee_status;
  bool employed = false;
  std::optional<std::string> hired_on, workplace_title, demand_no;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", tckn), F("firstName", first_name), F("lastName", last_name),
       F("traineeStatus", trainee_status).oneOf(kTraineeStatuses),
       F("employed", employed).describe("a hire recorded through a labor demand on or after the course's start"),
       F("hiredOn", hired_on).nullable().formatted("date"), F("workplaceTitle", workplace_title).nullable(),
       F("demandNo", demand_no).nullable());
  }
};

struct EmploymentReport {
  ReportCourse course;
  std::int64_t trainees = 0, employed = 0;
  std::vector<EmploymentRow> rows;
  template <class A>
  void serialize(A& ar) {
    course.serialize(ar);
    ar(F("trainees", trainees), F("employed", employed), F("rows", rows));
  }
};

}  // namespace istihdam::http::contract::courses
