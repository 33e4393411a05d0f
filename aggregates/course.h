#pragma once
// The Course aggregate (DOMAIN.md §2.1.4, api/courses.md, docs/courses.md): an agency course
// or an employer's external course, its status machine planned → toBeOpened → inPreparation →
// opened → inProgress → finished, criteria, trainers, trainee candidacies and trainees.
// Pure: "today", the caller and what the handler looked up come in with each command.
//
// Every decision checks in the pinned order: the course is visible to the caller (else
// course_not_found, 404), the caller's role may act (403), the input (422), then the state
// (409: the status rules first).
#include <cstdint>
#include <string>
#include <vector>

#include "events/courses.h"
#include "infra/result.h"

namespace istihdam {

std::string CourseStream(const std::string& course_id);
// "KRS-<year>-<province>-<sequence of 5 digits>", e.g. "KRS-2026-34-00001".
std::string FormatCourseId(const std::string& year, const std::string& province, std::uint64_t sequence);
// A person's history as a trainee, read by the 24-month rule: "course-trainee-<personId>".
std::string TraineeHistoryStream(const std::string& person_id);

// Who acts: an employer (service provider or external course office) or agency staff.
struct CourseActor {
  enum class Kind { kEmployer, kUnitUser, kHeadOffice };
  Kind kind = Kind::kEmployer;
  std::string id;        // employer id, or the staff user's id
  std::string province;  // unit users
  bool agency() const { return kind != Kind::kEmployer; }
};

struct Candidacy {
  std::string candidacy_id, person_id, tckn, first_name, last_name;
  std::string origin;  // applied | selected
  bool removed = false;
  std::string interview_date;               // "" = none
  std::string invitation_response = "none";  // none | accepted | declined
  std::string interview_result;             // "" = none
  std::string trainee_status;               // "" = not a trainee | active | left | removed | completed
  bool ui_cut_flagged = false;

  bool suitable() const { return interview_result == "suitablePrincipal" || interview_result == "suitableReserve"; }
};

struct CourseState {
  bool exists = false;
  events::CourseFields course;
  bool external = false;
  std::string approval;   // approved | pending
  std::string office_id;  // external courses: the registering employer
  std::string status;     // planned | toBeOpened | inPreparation | opened | inProgress | finished
  bool has_criteria = false;
  events::CourseCriteriaSet criteria;
  std::vector<std::string> trainer_ids;
  std::string list_state = "open";  // open | frozen | approved
  std::vector<Candidacy> candidacies;

  const Candidacy* Find(const std::string& candidacy_id) const;
  Candidacy* Find(const std::string& candidacy_id);
  std::int64_t ActiveTrainees() const;
};

CourseState Apply(CourseState s, const events::CourseEvent& e);

// floor(100 × clamp(today − startDate, 0, total) / total), total = endDate − startDate + 1 days.
std::int64_t CompletionPercent(const CourseState& s, const std::string& today);

// Whether the caller sees the course at all (api/courses.md "Actors and visibility").
bool CourseVisibleTo(const CourseState& s, const CourseActor& a);

// The actions the caller may take now (availableActions), in the pinned vocabulary.
struct CourseClock {
  std::string today;
  std::int64_t cutoff_percent = 10;  // courseInterviewCutoffPercent
};
std::vector<std::string> AvailableCourseActions(const CourseState& s, const CourseActor& a, const CourseClock& c);

// ----- Creation ---------------------------------------------------------------------------

struct PlanCourse {
  CourseActor actor;
  events::CourseFields course;  // course_id assigned by the handler
  bool quota_given = false;
  // Looked up by the handler:
  bool district_known = false, occupation_known = false, service_provider_known = false;
};
// Agency: CoursePlanned; employer: ExternalCourseRegistered (serviceProviderId → 422
// not_applicable). Errors: validation_failed, other_province.
Result<events::CourseEvent> DecidePlanCourse(const PlanCourse& c);

// ----- Transitions ------------------------------------------------------------------------

// approve-external, mark-to-be-opened, prepare, open, freeze-candidate-list,
// approve-candidate-list, finish: the pinned table. `service_provider_id` and
// `service_provider_known` only for prepare.
enum class CourseTransition { kApproveExternal, kMarkToBeOpened, kPrepare, kOpen, kFreezeList, kApproveList, kFinish };
struct TransitionCourse {
  CourseActor actor;
  CourseTransition action = CourseTransition::kApproveExternal;
  CourseClock clock;
  std::string service_provider_id;  // prepare: "" keeps the course's
  bool service_provider_known = false;
};
Result<std::vector<events::CourseEvent>> DecideTransition(const CourseState& s, const TransitionCourse& c);

struct SetCourseCriteria {
  CourseActor actor;
  events::CourseCriteriaSet criteria;  // course_id set by the decision; codes of job_codes
};
Result<events::CourseCriteriaSet> DecideSetCriteria(const CourseState& s, const SetCourseCriteria& c);

// ----- Trainers ---------------------------------------------------------------------------

struct TrainerRef {
  std::string trainer_id;
  bool exists = false;    // registered and not deleted
  std::string owner_id;   // employer id or kAgencyTrainerOwner
};
struct AssignTrainers {
  CourseActor actor;
  std::vector<TrainerRef> trainers;  // in the order of the request
};
// Already assigned trainers are skipped (no event). Errors: course_not_found, forbidden,
// validation_failed (trainerIds[i] unknown_value, agency), trainer_not_owned (employer),
// course_status_forbids (finished).
Result<std::vector<events::CourseEvent>> DecideAssignTrainers(const CourseState& s, const AssignTrainers& c);
// Errors: course_not_found, forbidden, course_status_forbids, trainer_not_assigned (404).
Result<events::TrainerUnassignedFromCourse> DecideUnassignTrainer(const CourseState& s, const CourseActor& a,
                                                                  const std::string& trainer_id);

// ----- Candidates -------------------------------------------------------------------------

// A course's trainee period, from a person's history (the 24-month rule).
struct TraineePeriod {
  std::string course_id, start_date, end_date;
};
struct TraineeHistory {
  std::vector<TraineePeriod> periods;
};
TraineeHistory Apply(TraineeHistory h, const events::TraineeHistoryEvent& e);
// The TraineeEnrolled events of a list approval or a promotion, one per new trainee.
std::vector<events::TraineeEnrolled> EnrolmentsOf(const CourseState& s, const std::vector<events::CourseEvent>& evs);

struct SelectedPerson {
  std::string tckn;
  std::string person_id;  // "" = not a registered individual
  std::string first_name, last_name;
  std::vector<TraineePeriod> history;
};
struct SelectTrainees {
  CourseActor actor;
  CourseClock clock;
  std::vector<SelectedPerson> people;  // in the order of the request
};
// PotentialTraineesSelected (origin selected). Errors: course_not_found, forbidden,
// service_provider_no_access, validation_failed (tckns[i]), course_status_forbids,
// completion_threshold_passed, candidate_list_frozen, already_candidate,
// course_within_24_months (errors naming tckns[i]).
Result<events::PotentialTraineesSelected> DecideSelectTrainees(const CourseState& s, const SelectTrainees& c);

// The first day of the 24-month window before `today` (same day of month, 24 months earlier;
// the 29th of February falls back to the 28th).
std::string TwentyFourMonthsBefore(const std::string& today);
// Whether any period overlaps [TwentyFourMonthsBefore(today), today].
bool TraineeWithin24Months(const std::vector<TraineePeriod>& history, const std::string& today);

struct CandidateChange {
  std::string candidacy_id, action, interview_date, response, result;
};
struct SaveCandidateChanges {
  CourseActor actor;
  CourseClock clock;
  std::vector<CandidateChange> changes;
};
// The events of every change, applied in order to a copy of the course (a later change sees
// the earlier ones); one refusal refuses them all.
Result<std::vector<events::CourseEvent>> DecideCandidateChanges(const CourseState& s, const SaveCandidateChanges& c);

struct TraineeDeparture {
  CourseActor actor;
  CourseClock clock;
  std::string candidacy_id, reason;
};
Result<events::TraineeDeparted> DecideDeparture(const CourseState& s, const TraineeDeparture& c);

struct PromoteCandidate {
  CourseActor actor;
  CourseClock clock;
  std::string candidacy_id;
};
Result<events::ReserveTraineePromoted> DecidePromote(const CourseState& s, const PromoteCandidate& c);

// The course's service provider (an external course's office is its own).
bool IsCourseServiceProvider(const CourseState& s, const CourseActor& a);
// The status rules of selection, list changes and (in_progress_only) promotion:
// course_status_forbids, completion_threshold_passed, candidate_list_frozen.
Status CandidateWindow(const CourseState& s, const CourseClock& c, bool in_progress_only);

// Who may read the candidate lists (404 / 403 service_provider_no_access in inProgress).
Status CanReadCandidates(const CourseState& s, const CourseActor& a);

}  // namespace istihdam
