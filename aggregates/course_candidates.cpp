// Trainee candidacies of a course (DOMAIN.md §2.1.4.6, api/courses.md "Trainee candidates"):
// selection with the 24-month rule, the batch of list changes, departures and promotion.
#include <algorithm>
#include <cstdio>
#include <set>

#include "aggregates/course.h"
#include "aggregates/validation.h"
#include "infra/clock.h"
#include "infra/error_codes.h"

namespace istihdam {

namespace {

bool IsDate(const std::string& s) {
  std::int64_t d = 0;
  return ParseDate(s, &d);
}


bool Suitable(const std::string& result) { return result == "suitablePrincipal" || result == "suitableReserve"; }

constexpr const char* kResults[] = {"suitablePrincipal", "suitableReserve", "notSuitable", "refusedWithJustification",
                                    "refusedWithoutJustification"};
constexpr const char* kActions[] = {"markRemoved",           "restore",           "setInterviewDate",
                                    "setInvitationResponse", "setInterviewResult", "changeInterviewResult"};

template <std::size_t N>
bool In(const std::string& v, const char* const (&list)[N]) {
  return std::find_if(std::begin(list), std::end(list), [&](const char* x) { return v == x; }) != std::end(list);
}

// The 422s of one change (the fields its action needs).
void ValidateChange(Validator& v, const CourseState& s, const CandidateChange& ch, const std::string& at,
                    const std::string& today) {
  if (v.Required(at + ".candidacyId", ch.candidacy_id) && !s.Find(ch.candidacy_id))
    v.Fail(at + ".candidacyId", "unknown_value");
  if (!v.Required(at + ".action", ch.action)) return;
  if (!In(ch.action, kActions)) return v.Fail(at + ".action", "unknown_value");
  if (ch.action == "setInterviewDate" && v.Required(at + ".interviewDate", ch.interview_date)) {
    if (!IsDate(ch.interview_date)) v.Fail(at + ".interviewDate", "invalid_format");
    else if (ch.interview_date < today) v.Fail(at + ".interviewDate", "in_past");
  }
  if (ch.action == "setInvitationResponse" && v.Required(at + ".response", ch.response) &&
      ch.response != "accepted" && ch.response != "declined") {
    v.Fail(at + ".response", "unknown_value");
  }
  if ((ch.action == "setInterviewResult" || ch.action == "changeInterviewResult") &&
      v.Required(at + ".result", ch.result) && !In(ch.result, kResults)) {
    v.Fail(at + ".result", "unknown_value");
  }
}

Error CandidateTransition(const std::string& field) {
  return Error{errc::kInvalidCandidateTransition, {{field, "invalid_transition"}}, {}};
}

// The events of one change against the course as the earlier changes left it.
Result<std::vector<events::CourseEvent>> DecideChange(const CourseState& s, const CandidateChange& ch,
                                                       const std::string& at, const std::string& today) {
  const Candidacy& k = *s.Find(ch.candidacy_id);
  const std::string& id = s.course.course_id;
  const bool trainee = !k.trainee_status.empty();
  std::vector<events::CourseEvent> out;
  if (ch.action == "markRemoved") {
    // Applicants and Selected only: an invited candidate keeps its interview record.
    if (k.removed || !k.interview_date.empty() || trainee) return CandidateTransition(at + ".action");
    out.push_back(events::CourseCandidateRemoved{id, k.candidacy_id});
  } else if (ch.action == "restore") {
    if (!k.removed) return CandidateTransition(at + ".action");
    out.push_back(events::CourseCandidateRestored{id, k.candidacy_id, k.origin == "applied" ? "applicants" : "selected"});
  } else if (ch.action == "setInterviewDate") {
    // Applicants/Selected → Invited; a date may be moved until a result is entered.
    if (k.removed || !k.interview_result.empty()) return CandidateTransition(at + ".action");
    out.push_back(events::CourseCandidateInvited{id, k.candidacy_id, ch.interview_date});
  } else if (ch.action == "setInvitationResponse") {
    if (k.removed || k.interview_date.empty() || !k.interview_result.empty())
      return CandidateTransition(at + ".action");
    out.push_back(events::CourseInvitationAnswered{id, k.candidacy_id, ch.response, "staff"});
  } else if (ch.action == "setInterviewResult" || ch.action == "changeInterviewResult") {
    const bool change = ch.action == "changeInterviewResult";
    if (k.removed || k.interview_date.empty() || trainee || change == k.interview_result.empty())
      return CandidateTransition(at + ".action");
    if (k.invitation_response != "accepted")
      return Error{errc::kInvitationNotAccepted, {{at + ".action", "invitation_not_accepted"}}, {}};
    if (today < k.interview_date)
      return Error{errc::kInterviewNotHeld, {{at + ".result", "interview_not_held"}}, {}};
    if (change) {
      if (ch.result == k.interview_result) return out;  // nothing changes
      out.push_back(events::CourseInterviewResultChanged{id, k.candidacy_id, k.interview_result, ch.result});
    } else {
      out.push_back(events::CourseInterviewResultRecorded{id, k.candidacy_id, ch.result});
    }
    if (ch.result == "refusedWithoutJustification" && s.criteria.for_unemployment_insurance_recipients &&
        !k.ui_cut_flagged) {
      out.push_back(events::UnemploymentInsuranceCutFlagged{id, k.candidacy_id, k.person_id});
    }
  }
  return out;
}

}  // namespace

std::string TwentyFourMonthsBefore(const std::string& today) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(today.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return today;
  y -= 2;
  if (m == 2 && d == 29) d = 28;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

TraineeHistory Apply(TraineeHistory h, const events::TraineeHistoryEvent& e) {
  const auto& t = std::get<events::TraineeEnrolled>(e);
  h.periods.push_back({t.course_id, t.start_date, t.end_date});
  return h;
}

std::vector<events::TraineeEnrolled> EnrolmentsOf(const CourseState& s, const std::vector<events::CourseEvent>& evs) {
  std::vector<events::TraineeEnrolled> out;
  auto enrol = [&](const std::string& candidacy_id, const std::string& on) {
    if (const auto* k = s.Find(candidacy_id))
      out.push_back({k->person_id, s.course.course_id, s.course.start_date, s.course.end_date, on});
  };
  for (const auto& e : evs) {
    if (const auto* a = std::get_if<events::CandidateTraineeListApproved>(&e)) {
      for (const auto& id : a->trainee_ids) enrol(id, a->approved_on);
    } else if (const auto* p = std::get_if<events::ReserveTraineePromoted>(&e)) {
      enrol(p->candidacy_id, p->on);
    }
  }
  return out;
}

bool TraineeWithin24Months(const std::vector<TraineePeriod>& history, const std::string& today) {
  const std::string from = TwentyFourMonthsBefore(today);
  return std::any_of(history.begin(), history.end(),
                     [&](const TraineePeriod& p) { return p.start_date <= today && p.end_date >= from; });
}

Result<events::PotentialTraineesSelected> DecideSelectTrainees(const CourseState& s, const SelectTrainees& c) {
  if (auto g = CanReadCandidates(s, c.actor); !g.ok()) return g.error();
  Validator v;
  if (c.people.empty()) v.Fail("tckns", "required");
  if (c.people.size() > 100) v.Fail("tckns", "too_many");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < c.people.size(); ++i) {
    const auto& p = c.people[i];
    const std::string field = "tckns[" + std::to_string(i) + "]";
    if (!v.Tckn(field, p.tckn)) continue;
    if (!seen.insert(p.tckn).second) v.Fail(field, "duplicate");
    else if (p.person_id.empty()) v.Fail(field, "not_registered");
  }
  if (!v.ok()) return v.ToError();
  if (auto w = CandidateWindow(s, c.clock, false); !w.ok()) return w.error();
  std::vector<FieldError> already, recent;
  for (std::size_t i = 0; i < c.people.size(); ++i) {
    const auto& p = c.people[i];
    const std::string field = "tckns[" + std::to_string(i) + "]";
    const bool candidate = std::any_of(s.candidacies.begin(), s.candidacies.end(),
                                       [&](const Candidacy& k) { return k.person_id == p.person_id; });
    if (candidate) already.push_back({field, "already_candidate"});
    else if (TraineeWithin24Months(p.history, c.clock.today)) recent.push_back({field, "course_within_24_months"});
  }
  if (!already.empty()) return Error{errc::kAlreadyCandidate, already, {}};
  if (!recent.empty()) return Error{errc::kCourseWithin24Months, recent, {}};
  events::PotentialTraineesSelected out{s.course.course_id, "selected", {}};
  std::size_t next = s.candidacies.size() + 1;
  for (const auto& p : c.people) {
    out.candidates.push_back({std::to_string(next++), p.person_id, p.tckn, p.first_name, p.last_name});
  }
  return out;
}

Result<std::vector<events::CourseEvent>> DecideCandidateChanges(const CourseState& s, const SaveCandidateChanges& c) {
  if (auto g = CanReadCandidates(s, c.actor); !g.ok()) return g.error();
  Validator v;
  if (c.changes.empty()) v.Fail("changes", "required");
  if (c.changes.size() > 500) v.Fail("changes", "too_many");
  for (std::size_t i = 0; i < c.changes.size(); ++i)
    ValidateChange(v, s, c.changes[i], "changes[" + std::to_string(i) + "]", c.clock.today);
  if (!v.ok()) return v.ToError();
  if (auto w = CandidateWindow(s, c.clock, false); !w.ok()) return w.error();
  CourseState work = s;
  std::vector<events::CourseEvent> out;
  for (std::size_t i = 0; i < c.changes.size(); ++i) {
    auto evs = DecideChange(work, c.changes[i], "changes[" + std::to_string(i) + "]", c.clock.today);
    if (!evs.ok()) return evs.error();
    for (auto& e : *evs) {
      work = Apply(std::move(work), e);
      out.push_back(std::move(e));
    }
  }
  return out;
}

Result<events::TraineeDeparted> DecideDeparture(const CourseState& s, const TraineeDeparture& c) {
  if (!s.exists || !CourseVisibleTo(s, c.actor)) return Error::Of(errc::kCourseNotFound);
  if (!c.actor.agency()) return Error::Of(errc::kForbidden);
  const Candidacy* k = s.Find(c.candidacy_id);
  if (!k) return Error::Of(errc::kCandidacyNotFound);
  Validator v;
  if (v.Required("reason", c.reason) && c.reason != "left" && c.reason != "removed") v.Fail("reason", "unknown_value");
  if (!v.ok()) return v.ToError();
  if (s.status != "inProgress") return Error::Of(errc::kCourseStatusForbids);
  if (k->trainee_status != "active") return Error::Of(errc::kNotActiveTrainee);
  return events::TraineeDeparted{s.course.course_id, k->candidacy_id, c.reason, c.clock.today};
}

Result<events::ReserveTraineePromoted> DecidePromote(const CourseState& s, const PromoteCandidate& c) {
  if (!s.exists || !CourseVisibleTo(s, c.actor)) return Error::Of(errc::kCourseNotFound);
  if (!c.actor.agency()) return Error::Of(errc::kForbidden);
  const Candidacy* k = s.Find(c.candidacy_id);
  if (!k) return Error::Of(errc::kCandidacyNotFound);
  if (auto w = CandidateWindow(s, c.clock, true); !w.ok()) return w.error();
  if (s.ActiveTrainees() >= s.course.trainee_quota) return Error::Of(errc::kNoVacancy);
  if (k->removed || !Suitable(k->interview_result) || !k->trainee_status.empty())
    return Error::Of(errc::kNotPromotable);
  return events::ReserveTraineePromoted{s.course.course_id, k->candidacy_id, c.clock.today};
}

}  // namespace istihdam
