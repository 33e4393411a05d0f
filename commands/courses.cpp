#include "commands/courses.h"

#include "commands/identity_helpers.h"

namespace istihdam {

namespace {

std::string StatusAfter(CourseState state, const std::vector<events::CourseEvent>& evs) {
  for (const auto& e : evs) state = Apply(std::move(state), e);
  return state.status;
}

// Load the course, decide its events, append them (with the trainee history the decision
// implies) at the course's version. The answer: {"id", "version", "status"} + `extra`.
Result<Outcome> OnCourse(Services& s, const CommandEnv& env, const std::string& command, const std::string& course_id,
                         std::optional<std::uint64_t> if_match,
                         const std::function<Result<std::vector<events::CourseEvent>>(const CourseState&)>& decide,
                         boost::json::object extra = {}) {
  const std::string stream = CourseStream(course_id);
  CommandEnv pinned = env;
  pinned.pinned_version = if_match.has_value();
  return Execute(s, pinned, command, [&]() -> Result<Decision> {
    const auto course = s.courses.Load(stream);
    auto evs = decide(course.state);
    if (!evs.ok()) return evs.error();
    if (if_match && *if_match != course.version) return Error::Of(errc::kVersionMismatch);
    Decision d;
    if (!evs->empty()) {
      AddStream(d.append, stream, ExpectedVersion::Exactly(if_match.value_or(course.version)), *evs);
      for (const auto& t : EnrolmentsOf(course.state, *evs))
        AddEvent(d.append, TraineeHistoryStream(t.person_id), ExpectedVersion::Any(), t);
    }
    d.reply = [course_id, v = course.version, status = StatusAfter(course.state, *evs),
               extra](const AppendResult& r) {
      Outcome o{extra};
      o.body["id"] = course_id;
      o.body["version"] = r.stream_versions.empty() ? v : r.stream_versions.front();
      o.body["status"] = status;
      return o;
    };
    return d;
  });
}

template <class E>
Result<std::vector<events::CourseEvent>> One(Result<E> e) {
  if (!e.ok()) return e.error();
  return std::vector<events::CourseEvent>{events::CourseEvent{std::move(e).value()}};
}

CourseClock ClockOf(Services& s) { return {s.Today(), s.config.course_interview_cutoff_percent}; }

bool IsEmployer(Services& s, const std::string& id) {
  return !id.empty() && s.employers.Load("employer-" + id).state.exists;
}

}  // namespace

Result<Outcome> HandlePlanCourse(Services& s, const CommandEnv& env, PlanCourse cmd) {
  cmd.district_known = s.ref.HasDistrict(cmd.course.province, cmd.course.district);
  cmd.occupation_known = s.ref.FindOccupation(cmd.course.occupation) != nullptr;
  cmd.service_provider_known = IsEmployer(s, cmd.course.service_provider_id);
  // The number is one past the highest course stream of the year and province, read inside
  // decide under the sequence's lock (as TYP numbers: no gaps, refusals take none).
  const auto hold = s.sequences.Hold("course-" + cmd.course.province);
  return Execute(s, env, cmd.actor.agency() ? "PlanCourse" : "RegisterExternalCourse", [&]() -> Result<Decision> {
    const std::string year = s.Today().substr(0, 4);
    const std::string prefix = CourseStream("KRS-" + year + "-" + cmd.course.province + "-");
    cmd.course.course_id = FormatCourseId(year, cmd.course.province, s.store->HighestNumberedStream(prefix) + 1);
    auto ev = DecidePlanCourse(cmd);
    if (!ev.ok()) return ev.error();
    Decision d;
    AddStream(d.append, CourseStream(cmd.course.course_id), ExpectedVersion::NoStream(),
              std::vector<events::CourseEvent>{*ev});
    d.reply = [id = cmd.course.course_id](const AppendResult& r) {
      return Outcome{{{"id", id}, {"version", r.stream_versions.front()}, {"status", "planned"}}};
    };
    return d;
  });
}

Result<Outcome> HandleCourseTransition(Services& s, const CommandEnv& env, const std::string& course_id,
                                       std::optional<std::uint64_t> if_match, TransitionCourse cmd) {
  cmd.clock = ClockOf(s);
  cmd.service_provider_known = IsEmployer(s, cmd.service_provider_id);
  return OnCourse(s, env, "TransitionCourse", course_id, if_match,
                  [&](const CourseState& c) { return DecideTransition(c, cmd); });
}

Result<Outcome> HandleSetCourseCriteria(Services& s, const CommandEnv& env, const std::string& course_id,
                                        std::optional<std::uint64_t> if_match, SetCourseCriteria cmd) {
  return OnCourse(s, env, "SetCourseCriteria", course_id, if_match,
                  [&](const CourseState& c) { return One(DecideSetCriteria(c, cmd)); });
}

Result<Outcome> HandleAssignTrainers(Services& s, const CommandEnv& env, const std::string& course_id,
                                     std::optional<std::uint64_t> if_match, const CourseActor& actor,
                                     const std::vector<std::string>& trainer_ids) {
  AssignTrainers cmd{actor, {}};
  for (const auto& id : trainer_ids) {
    TrainerRef t{id, false, ""};
    if (!id.empty()) {
      const auto trainer = s.trainers.Load(TrainerStream(id)).state;
      t.exists = trainer.exists && !trainer.deleted;
      t.owner_id = trainer.owner_id;
    }
    cmd.trainers.push_back(std::move(t));
  }
  return OnCourse(s, env, "AssignTrainerToCourse", course_id, if_match,
                  [&](const CourseState& c) { return DecideAssignTrainers(c, cmd); });
}

Result<Outcome> HandleUnassignTrainer(Services& s, const CommandEnv& env, const std::string& course_id,
                                      std::optional<std::uint64_t> if_match, const CourseActor& actor,
                                      const std::string& trainer_id) {
  return OnCourse(s, env, "UnassignTrainerFromCourse", course_id, if_match,
                  [&](const CourseState& c) { return One(DecideUnassignTrainer(c, actor, trainer_id)); });
}

Result<Outcome> HandleSelectTrainees(Services& s, const CommandEnv& env, const std::string& course_id,
                                     std::optional<std::uint64_t> if_match, const CourseActor& actor,
                                     const std::vector<std::string>& tckns) {
  SelectTrainees cmd{actor, ClockOf(s), {}};
  for (const auto& tckn : tckns) {
    SelectedPerson p{tckn, {}, {}, {}, {}};
    if (!tckn.empty()) p.person_id = ReservedOwner(s, ReservationStream(s, "tckn", tckn));
    if (!p.person_id.empty()) {
      const auto user = s.users.Load("user-" + p.person_id).state;
      p.first_name = user.first_name;
      p.last_name = user.last_name;
      p.history = s.trainee_histories.Load(TraineeHistoryStream(p.person_id)).state.periods;
    }
    cmd.people.push_back(std::move(p));
  }
  boost::json::array made;
  auto out = OnCourse(s, env, "SelectPotentialTrainees", course_id, if_match, [&](const CourseState& c) {
    auto ev = DecideSelectTrainees(c, cmd);
    if (ev.ok()) {
      made.clear();
      for (const auto& k : ev->candidates) made.push_back({{"id", k.candidacy_id}, {"tckn", k.tckn}});
    }
    return One(std::move(ev));
  });
  if (out.ok()) out->body["candidacies"] = made;
  return out;
}

Result<Outcome> HandleCandidateChanges(Services& s, const CommandEnv& env, const std::string& course_id,
                                       std::optional<std::uint64_t> if_match, SaveCandidateChanges cmd) {
  cmd.clock = ClockOf(s);
  return OnCourse(s, env, "SaveCandidateListChanges", course_id, if_match,
                  [&](const CourseState& c) { return DecideCandidateChanges(c, cmd); });
}

Result<Outcome> HandleTraineeDeparture(Services& s, const CommandEnv& env, const std::string& course_id,
                                       std::optional<std::uint64_t> if_match, TraineeDeparture cmd) {
  cmd.clock = ClockOf(s);
  return OnCourse(s, env, "RecordTraineeDeparture", course_id, if_match,
                  [&](const CourseState& c) { return One(DecideDeparture(c, cmd)); });
}

Result<Outcome> HandlePromoteCandidate(Services& s, const CommandEnv& env, const std::string& course_id,
                                       std::optional<std::uint64_t> if_match, PromoteCandidate cmd) {
  cmd.clock = ClockOf(s);
  return OnCourse(s, env, "PromoteReserveTrainee", course_id, if_match,
                  [&](const CourseState& c) { return One(DecidePromote(c, cmd)); });
}

}  // namespace istihdam
