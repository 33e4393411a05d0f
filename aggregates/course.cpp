#include "aggregates/course.h"

#include <algorithm>
#include <cstdio>

#include "aggregates/job_codes.h"
#include "aggregates/validation.h"
#include "infra/clock.h"

namespace istihdam {

std::string CourseStream(const std::string& course_id) { return "course-" + course_id; }

std::string FormatCourseId(const std::string& year, const std::string& province, std::uint64_t sequence) {
  char seq[24];
  std::snprintf(seq, sizeof seq, "%05llu", static_cast<unsigned long long>(sequence));
  return "KRS-" + year + "-" + province + "-" + seq;
}

std::string TraineeHistoryStream(const std::string& person_id) { return "course-trainee-" + person_id; }

const Candidacy* CourseState::Find(const std::string& candidacy_id) const {
  for (const auto& c : candidacies)
    if (c.candidacy_id == candidacy_id) return &c;
  return nullptr;
}

Candidacy* CourseState::Find(const std::string& candidacy_id) {
  return const_cast<Candidacy*>(static_cast<const CourseState*>(this)->Find(candidacy_id));
}

std::int64_t CourseState::ActiveTrainees() const {
  return std::count_if(candidacies.begin(), candidacies.end(),
                       [](const Candidacy& c) { return c.trainee_status == "active"; });
}

namespace {

void Created(CourseState& s, const events::CourseFields& f, bool external, const std::string& office) {
  s.exists = true;
  s.course = f;
  s.external = external;
  s.approval = external ? "pending" : "approved";
  s.office_id = office;
  s.status = "planned";
}

struct Applier {
  CourseState& s;
  void operator()(const events::CoursePlanned& e) { Created(s, e.course, false, ""); }
  void operator()(const events::ExternalCourseRegistered& e) { Created(s, e.course, true, e.office_id); }
  void operator()(const events::ExternalCourseApproved&) { s.approval = "approved"; }
  void operator()(const events::CourseMarkedToBeOpened&) { s.status = "toBeOpened"; }
  void operator()(const events::CoursePreparationStarted& e) {
    s.status = "inPreparation";
    if (!e.service_provider_id.empty()) s.course.service_provider_id = e.service_provider_id;
  }
  void operator()(const events::CourseCriteriaSet& e) {
    s.has_criteria = true;
    s.criteria = e;
  }
  void operator()(const events::CourseOpened&) { s.status = "opened"; }
  void operator()(const events::TrainerAssignedToCourse& e) { s.trainer_ids.push_back(e.trainer_id); }
  void operator()(const events::TrainerUnassignedFromCourse& e) { std::erase(s.trainer_ids, e.trainer_id); }
  void operator()(const events::PotentialTraineesSelected& e) {
    for (const auto& c : e.candidates) {
      Candidacy k;
      k.candidacy_id = c.candidacy_id;
      k.person_id = c.person_id;
      k.tckn = c.tckn;
      k.first_name = c.first_name;
      k.last_name = c.last_name;
      k.origin = e.origin;
      s.candidacies.push_back(std::move(k));
    }
  }
  void operator()(const events::CourseCandidateRemoved& e) { With(e.candidacy_id, [](Candidacy& c) { c.removed = true; }); }
  void operator()(const events::CourseCandidateRestored& e) { With(e.candidacy_id, [](Candidacy& c) { c.removed = false; }); }
  void operator()(const events::CourseCandidateInvited& e) {
    With(e.candidacy_id, [&](Candidacy& c) { c.interview_date = e.interview_date; });
  }
  void operator()(const events::CourseInvitationAnswered& e) {
    With(e.candidacy_id, [&](Candidacy& c) { c.invitation_response = e.response; });
  }
  void operator()(const events::CourseInterviewResultRecorded& e) {
    With(e.candidacy_id, [&](Candidacy& c) { c.interview_result = e.result; });
  }
  void operator()(const events::CourseInterviewResultChanged& e) {
    With(e.candidacy_id, [&](Candidacy& c) { c.interview_result = e.to; });
  }
  void operator()(const events::UnemploymentInsuranceCutFlagged& e) {
    With(e.candidacy_id, [](Candidacy& c) { c.ui_cut_flagged = true; });
  }
  void operator()(const events::CandidateTraineeListFrozen&) { s.list_state = "frozen"; }
  void operator()(const events::CandidateTraineeListApproved& e) {
    s.list_state = "approved";
    for (const auto& id : e.trainee_ids) With(id, [](Candidacy& c) { c.trainee_status = "active"; });
  }
  void operator()(const events::CourseStarted&) { s.status = "inProgress"; }
  void operator()(const events::TraineeDeparted& e) {
    With(e.candidacy_id, [&](Candidacy& c) { c.trainee_status = e.reason; });
  }
  void operator()(const events::ReserveTraineePromoted& e) {
    With(e.candidacy_id, [](Candidacy& c) { c.trainee_status = "active"; });
  }
  void operator()(const events::CourseFinished& e) {
    s.status = "finished";
    for (const auto& id : e.completed_ids) With(id, [](Candidacy& c) { c.trainee_status = "completed"; });
  }
  template <class F>
  void With(const std::string& id, F f) {
    if (auto* c = s.Find(id)) f(*c);
  }
};

bool IsDate(const std::string& s) {
  std::int64_t d = 0;
  return ParseDate(s, &d);
}

std::int64_t Days(const std::string& s) {
  std::int64_t d = 0;
  ParseDate(s, &d);
  return d;
}

int StatusRank(const std::string& status) {
  static const char* kOrder[] = {"planned", "toBeOpened", "inPreparation", "opened", "inProgress", "finished"};
  for (int i = 0; i < 6; ++i)
    if (status == kOrder[i]) return i;
  return -1;
}

Error Refuse(const char* code) { return Error::Of(code); }

// 404 then 403 for an action only the agency takes.
Status AgencyGate(const CourseState& s, const CourseActor& a) {
  if (!s.exists || !CourseVisibleTo(s, a)) return Refuse(errc::kCourseNotFound);
  if (!a.agency()) return Refuse(errc::kForbidden);
  return Status::Ok();
}

// 404 then 403 for an action of the service provider or the agency.
Status ProviderGate(const CourseState& s, const CourseActor& a) {
  if (!s.exists || !CourseVisibleTo(s, a)) return Refuse(errc::kCourseNotFound);
  if (!a.agency() && !IsCourseServiceProvider(s, a)) return Refuse(errc::kForbidden);
  return Status::Ok();
}

// Selection, list changes and promotion by this caller: the gate, then the status rules.
Status InterviewWindow(const CourseState& s, const CourseActor& a, const CourseClock& c, bool in_progress_only) {
  if (auto g = CanReadCandidates(s, a); !g.ok()) return g;
  return CandidateWindow(s, c, in_progress_only);
}

std::vector<std::string> Principals(const CourseState& s) {
  std::vector<std::string> out;
  for (const auto& c : s.candidacies)
    if (!c.removed && c.interview_result == "suitablePrincipal") out.push_back(c.candidacy_id);
  return out;
}

std::vector<std::string> Reserves(const CourseState& s) {
  std::vector<std::string> out;
  for (const auto& c : s.candidacies)
    if (!c.removed && c.interview_result == "suitableReserve") out.push_back(c.candidacy_id);
  return out;
}

// The 403 and 409 checks of a transition (after visibility), without its input.
Status TransitionRules(const CourseState& s, const CourseActor& a, CourseTransition t, const CourseClock& c) {
  using T = CourseTransition;
  const bool agency = a.agency();
  switch (t) {
    case T::kApproveExternal:
      if (!agency) return Refuse(errc::kForbidden);
      if (!s.external || s.approval != "pending") return Refuse(errc::kInvalidCourseTransition);
      return Status::Ok();
    case T::kMarkToBeOpened:
      if (!agency) return Refuse(errc::kForbidden);
      if (s.status != "planned") return Refuse(errc::kInvalidCourseTransition);
      if (s.approval != "approved") return Refuse(errc::kExternalCourseNotApproved);
      return Status::Ok();
    case T::kPrepare:
      if (!agency) return Refuse(errc::kForbidden);
      if (s.status != "toBeOpened") return Refuse(errc::kInvalidCourseTransition);
      return Status::Ok();
    case T::kOpen:
      if (a.kind != CourseActor::Kind::kUnitUser) return Refuse(errc::kOnlyUnitUserCanOpen);
      if (s.status != "inPreparation") return Refuse(errc::kInvalidCourseTransition);
      if (!s.has_criteria) return Refuse(errc::kCourseCriteriaMissing);
      return Status::Ok();
    case T::kFreezeList:
      if (!agency && !IsCourseServiceProvider(s, a)) return Refuse(errc::kForbidden);
      if (s.status != "opened" || s.list_state != "open") return Refuse(errc::kInvalidCourseTransition);
      if (Principals(s).empty()) return Refuse(errc::kNoPrincipalCandidates);
      if (static_cast<std::int64_t>(Principals(s).size()) > s.course.trainee_quota)
        return Refuse(errc::kTraineeQuotaExceeded);
      return Status::Ok();
    case T::kApproveList:
      if (!agency) return Refuse(errc::kForbidden);
      if (s.status != "opened" || s.list_state == "approved") return Refuse(errc::kInvalidCourseTransition);
      if (s.list_state != "frozen") return Refuse(errc::kListNotFrozen);
      return Status::Ok();
    case T::kFinish:
      if (!agency) return Refuse(errc::kForbidden);
      if (s.status != "inProgress") return Refuse(errc::kInvalidCourseTransition);
      if (c.today < s.course.end_date) return Refuse(errc::kCourseNotEnded);
      return Status::Ok();
  }
  return Refuse(errc::kInvalidCourseTransition);
}

void ValidateFields(Validator& v, const PlanCourse& c) {
  const auto& f = c.course;
  if (v.Required("name", f.name)) v.MaxChars("name", f.name, 200);
  if (v.Required("province", f.province) &&
      (f.province.size() != 2 || f.province < "01" || f.province > "81")) {
    v.Fail("province", "unknown_value");
  }
  if (v.Required("district", f.district) && !c.district_known) v.Fail("district", "unknown_value");
  if (v.Required("occupation", f.occupation) && !c.occupation_known) v.Fail("occupation", "unknown_value");
  const bool start_ok = v.Required("startDate", f.start_date) && IsDate(f.start_date);
  const bool end_ok = v.Required("endDate", f.end_date) && IsDate(f.end_date);
  if (!f.start_date.empty() && !start_ok) v.Fail("startDate", "invalid_format");
  if (!f.end_date.empty() && !end_ok) v.Fail("endDate", "invalid_format");
  if (start_ok && end_ok && f.end_date < f.start_date) v.Fail("endDate", "before_valid_from");
  if (!c.quota_given) v.Fail("traineeQuota", "required");
  else if (f.trainee_quota < 1) v.Fail("traineeQuota", "too_small");
  else v.AtMost("traineeQuota", f.trainee_quota, kMaxParticipantQuota);
}

}  // namespace

bool IsCourseServiceProvider(const CourseState& s, const CourseActor& a) {
  return a.kind == CourseActor::Kind::kEmployer && !a.id.empty() &&
         (a.id == s.course.service_provider_id || (s.external && a.id == s.office_id));
}

Status CandidateWindow(const CourseState& s, const CourseClock& c, bool in_progress_only) {
  const bool opened = s.status == "opened", running = s.status == "inProgress";
  if (!(running || (opened && !in_progress_only))) return Refuse(errc::kCourseStatusForbids);
  if (running && CompletionPercent(s, c.today) > c.cutoff_percent) return Refuse(errc::kCompletionThresholdPassed);
  if (opened && s.list_state != "open") return Refuse(errc::kCandidateListFrozen);
  return Status::Ok();
}

CourseState Apply(CourseState s, const events::CourseEvent& e) {
  std::visit(Applier{s}, e);
  return s;
}

std::int64_t CompletionPercent(const CourseState& s, const std::string& today) {
  if (!IsDate(s.course.start_date) || !IsDate(s.course.end_date) || !IsDate(today)) return 0;
  const std::int64_t start = Days(s.course.start_date);
  const std::int64_t total = Days(s.course.end_date) - start + 1;
  if (total <= 0) return 0;
  const std::int64_t elapsed = std::clamp<std::int64_t>(Days(today) - start, 0, total);
  return 100 * elapsed / total;
}

bool CourseVisibleTo(const CourseState& s, const CourseActor& a) {
  if (!s.exists) return false;
  switch (a.kind) {
    case CourseActor::Kind::kHeadOffice:
      return true;
    case CourseActor::Kind::kUnitUser:
      return !a.province.empty() && a.province == s.course.province;
    case CourseActor::Kind::kEmployer:
      if (s.external && a.id == s.office_id) return true;
      return !a.id.empty() && a.id == s.course.service_provider_id && StatusRank(s.status) >= StatusRank("inPreparation");
  }
  return false;
}

std::vector<std::string> AvailableCourseActions(const CourseState& s, const CourseActor& a, const CourseClock& c) {
  std::vector<std::string> out;
  if (!CourseVisibleTo(s, a)) return out;
  using T = CourseTransition;
  const std::pair<T, const char*> transitions[] = {
      {T::kApproveExternal, "approveExternal"}, {T::kMarkToBeOpened, "markToBeOpened"}, {T::kPrepare, "prepare"}};
  for (const auto& [t, name] : transitions)
    if (TransitionRules(s, a, t, c).ok()) out.push_back(name);
  const bool criteria_status = s.status == "toBeOpened" || s.status == "inPreparation" || s.status == "opened";
  if (a.agency() && criteria_status) out.push_back("setCriteria");
  if (TransitionRules(s, a, T::kOpen, c).ok()) out.push_back("open");
  if ((a.agency() || IsCourseServiceProvider(s, a)) && s.status != "finished") out.push_back("assignTrainers");
  if (InterviewWindow(s, a, c, false).ok()) {
    out.push_back("selectCandidates");
    out.push_back("saveCandidateChanges");
  }
  if (TransitionRules(s, a, T::kFreezeList, c).ok()) out.push_back("freezeCandidateList");
  if (TransitionRules(s, a, T::kApproveList, c).ok()) out.push_back("approveCandidateList");
  if (a.agency() && s.status == "inProgress") out.push_back("recordDeparture");
  if (a.agency() && InterviewWindow(s, a, c, true).ok()) out.push_back("promote");
  if (TransitionRules(s, a, T::kFinish, c).ok()) out.push_back("finish");
  out.push_back("reports");  // whoever sees the course
  return out;
}

Result<events::CourseEvent> DecidePlanCourse(const PlanCourse& c) {
  Validator v;
  ValidateFields(v, c);
  const bool employer = !c.actor.agency();
  if (!c.course.service_provider_id.empty()) {
    if (employer) v.Fail("serviceProviderId", "not_applicable");
    else if (!c.service_provider_known) v.Fail("serviceProviderId", "unknown_value");
  }
  if (!v.ok()) return v.ToError();
  if (c.actor.kind == CourseActor::Kind::kUnitUser && c.course.province != c.actor.province)
    return Error::Of(errc::kOtherProvince);
  if (employer) {
    auto fields = c.course;
    fields.service_provider_id = c.actor.id;
    return events::CourseEvent{events::ExternalCourseRegistered{fields, c.actor.id}};
  }
  return events::CourseEvent{events::CoursePlanned{c.course, c.actor.id}};
}

Result<std::vector<events::CourseEvent>> DecideTransition(const CourseState& s, const TransitionCourse& c) {
  if (!s.exists || !CourseVisibleTo(s, c.actor)) return Refuse(errc::kCourseNotFound);
  using T = CourseTransition;
  // 403 before 422: the role part of the rules first.
  if (c.action == T::kPrepare && !c.actor.agency()) return Refuse(errc::kForbidden);
  if (c.action == T::kPrepare && !c.service_provider_id.empty() && !c.service_provider_known)
    return Error::Validation({{"serviceProviderId", "unknown_value"}});
  if (auto st = TransitionRules(s, c.actor, c.action, c.clock); !st.ok()) return st.error();
  const std::string& id = s.course.course_id;
  std::vector<events::CourseEvent> out;
  switch (c.action) {
    case T::kApproveExternal:
      out.push_back(events::ExternalCourseApproved{id, c.actor.id});
      break;
    case T::kMarkToBeOpened:
      out.push_back(events::CourseMarkedToBeOpened{id});
      break;
    case T::kPrepare:
      out.push_back(events::CoursePreparationStarted{id, c.service_provider_id});
      break;
    case T::kOpen:
      out.push_back(events::CourseOpened{id, c.actor.id});
      break;
    case T::kFreezeList:
      out.push_back(events::CandidateTraineeListFrozen{id, Principals(s), Reserves(s)});
      break;
    case T::kApproveList:
      out.push_back(events::CandidateTraineeListApproved{id, Principals(s), c.clock.today});
      out.push_back(events::CourseStarted{id});
      break;
    case T::kFinish: {
      std::vector<std::string> completed;
      for (const auto& k : s.candidacies)
        if (k.trainee_status == "active") completed.push_back(k.candidacy_id);
      out.push_back(events::CourseFinished{id, completed, c.clock.today});
      break;
    }
  }
  return out;
}

Result<events::CourseCriteriaSet> DecideSetCriteria(const CourseState& s, const SetCourseCriteria& c) {
  if (auto g = AgencyGate(s, c.actor); !g.ok()) return g.error();
  Validator v;
  const auto& k = c.criteria;
  if (k.min_age != 0 && (k.min_age < 15 || k.min_age > 99)) v.Fail("minAge", "out_of_range");
  if (k.max_age != 0 && (k.max_age < 15 || k.max_age > 99)) v.Fail("maxAge", "out_of_range");
  if (k.min_age != 0 && k.max_age != 0 && k.max_age < k.min_age) v.Fail("maxAge", "too_small");
  job_codes::Check(v, "educationLevel", k.education_level, job_codes::kEducationLevel, false);
  job_codes::CheckList(v, "targetGroups", k.target_groups, job_codes::kTargetGroup);
  if (!v.ok()) return v.ToError();
  if (s.status != "toBeOpened" && s.status != "inPreparation" && s.status != "opened")
    return Refuse(errc::kCourseStatusForbids);
  auto out = k;
  out.course_id = s.course.course_id;
  return out;
}

Result<std::vector<events::CourseEvent>> DecideAssignTrainers(const CourseState& s, const AssignTrainers& c) {
  if (auto g = ProviderGate(s, c.actor); !g.ok()) return g.error();
  if (!c.actor.agency()) {
    for (const auto& t : c.trainers)
      if (!t.exists || t.owner_id != c.actor.id) return Refuse(errc::kTrainerNotOwned);
  }
  Validator v;
  if (c.trainers.empty()) v.Fail("trainerIds", "required");
  for (std::size_t i = 0; i < c.trainers.size(); ++i)
    if (!c.trainers[i].exists) v.Fail("trainerIds[" + std::to_string(i) + "]", "unknown_value");
  if (!v.ok()) return v.ToError();
  if (s.status == "finished") return Refuse(errc::kCourseStatusForbids);
  std::vector<events::CourseEvent> out;
  std::vector<std::string> assigned = s.trainer_ids;
  for (const auto& t : c.trainers) {
    if (std::find(assigned.begin(), assigned.end(), t.trainer_id) != assigned.end()) continue;
    assigned.push_back(t.trainer_id);
    out.push_back(events::TrainerAssignedToCourse{s.course.course_id, t.trainer_id});
  }
  return out;
}

Result<events::TrainerUnassignedFromCourse> DecideUnassignTrainer(const CourseState& s, const CourseActor& a,
                                                                  const std::string& trainer_id) {
  if (auto g = ProviderGate(s, a); !g.ok()) return g.error();
  if (std::find(s.trainer_ids.begin(), s.trainer_ids.end(), trainer_id) == s.trainer_ids.end())
    return Refuse(errc::kTrainerNotAssigned);
  if (s.status == "finished") return Refuse(errc::kCourseStatusForbids);
  return events::TrainerUnassignedFromCourse{s.course.course_id, trainer_id};
}

Status CanReadCandidates(const CourseState& s, const CourseActor& a) {
  if (auto g = ProviderGate(s, a); !g.ok()) return g;
  if (s.status == "inProgress" && !a.agency()) return Refuse(errc::kServiceProviderNoAccess);
  return Status::Ok();
}

}  // namespace istihdam
