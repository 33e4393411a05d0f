#include "http/course_view.h"

#include "aggregates/permissions.h"
#include "http/app.h"
#include "infra/clock.h"
#include "projections/courses.h"
#include "projections/trainers.h"

namespace istihdam::http {

using namespace contract::courses;

namespace {

std::optional<std::string> NonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

// The trainer's name from the trainers' read model ("" while it catches up or once deleted).
TrainerName TrainerNameOf(App& app, const std::string& id) {
  const auto t = FindTrainer(app.projections().View("trainers"), id);
  if (!t) return {id, "", ""};
  auto str = [&](const char* k) { return t->contains(k) && t->at(k).is_string() ? std::string(t->at(k).as_string()) : ""; };
  return {id, str("firstName"), str("lastName")};
}

Course DocOf(App& app, const CourseState& s, const CourseActor& a, bool with_criteria, std::uint64_t version) {
  Course d;
  const auto& f = s.course;
  d.id = f.course_id;
  d.name = f.name;
  d.province = f.province;
  d.district = f.district;
  d.occupation = f.occupation;
  if (const auto* o = app.services().ref.FindOccupation(f.occupation)) d.occupation_name = o->title_tr;
  d.start_date = f.start_date;
  d.end_date = f.end_date;
  d.trainee_quota = f.trainee_quota;
  d.status = s.status;
  d.external = s.external;
  d.approval = s.approval;
  d.service_provider_id = NonEmpty(f.service_provider_id);
  d.with_criteria = with_criteria;
  if (s.has_criteria) {
    const auto& k = s.criteria;
    CriteriaView v{k.e_learning, k.for_unemployment_insurance_recipients, {}, {}, NonEmpty(k.education_level),
                   k.target_groups};
    if (k.min_age) v.min_age = k.min_age;
    if (k.max_age) v.max_age = k.max_age;
    d.criteria = v;
  }
  for (const auto& id : s.trainer_ids) d.trainers.push_back(TrainerNameOf(app, id));
  d.candidate_list_state = s.list_state;
  const auto clock = CourseClockOf(app);
  d.completion_percent = CompletionPercent(s, clock.today);
  d.available_actions = AvailableCourseActions(s, a, clock);
  d.version = version;
  return d;
}

}  // namespace

CourseActor CourseActorOf(const Session& s) {
  CourseActor a;
  if (!s.IsStaff()) {
    a.kind = CourseActor::Kind::kEmployer;
    a.id = s.employer_id;
    return a;
  }
  a.id = s.user_id;
  a.kind = StaffRoleOf(s.actor_type) == StaffRole::kUnitUser ? CourseActor::Kind::kUnitUser
                                                             : CourseActor::Kind::kHeadOffice;
  a.province = s.province;
  return a;
}

CourseClock CourseClockOf(App& app) {
  return {app.services().Today(), app.services().config.course_interview_cutoff_percent};
}

Result<CourseState> LoadVisibleCourse(App& app, const Session& s, const std::string& course_id) {
  auto loaded = app.services().courses.Load(CourseStream(course_id));
  if (!loaded.state.exists || !CourseVisibleTo(loaded.state, CourseActorOf(s))) return Error::Of(errc::kCourseNotFound);
  return std::move(loaded.state);
}

Result<Course> VisibleCourse(App& app, const Session& s, const std::string& course_id, bool with_criteria) {
  const auto loaded = app.services().courses.Load(CourseStream(course_id));
  const auto actor = CourseActorOf(s);
  if (!loaded.state.exists || !CourseVisibleTo(loaded.state, actor)) return Error::Of(errc::kCourseNotFound);
  return DocOf(app, loaded.state, actor, with_criteria, loaded.version);
}

Result<wire::PageOf<Course>> SearchCourses(App& app, const Session& s, const CourseQuery& q) {
  const auto actor = CourseActorOf(s);
  std::int64_t days = 0;
  if (!q.start_from.empty() && !ParseDate(q.start_from, &days))
    return Error{errc::kInvalidParameter, {{"startFrom", "invalid_format"}}, {}};
  if (!q.start_to.empty() && !ParseDate(q.start_to, &days))
    return Error{errc::kInvalidParameter, {{"startTo", "invalid_format"}}, {}};
  CourseCriteria c{q.status, q.province, q.district, q.occupation, q.start_from, q.start_to, q.external, q.approval};
  if (!c.province.empty() && !app.services().ref.FindProvince(c.province))
    return Error{errc::kValidationFailed, {{"province", "unknown_value"}}, {}};
  if (actor.kind == CourseActor::Kind::kUnitUser) {
    if (!c.province.empty() && c.province != actor.province) return Error::Of(errc::kOtherProvince);
    c.province = actor.province;
  }
  const auto ids = SearchCourseIds(app.projections().View("courses"), actor, c);
  const Page page = q.requested();
  wire::PageOf<Course> out;
  for (std::size_t i = FirstRow(page); i < ids.size() && i < FirstRow(page) + page.page_size; ++i) {
    const auto loaded = app.services().courses.Load(CourseStream(ids[i]));
    if (loaded.state.exists) out.items.push_back(DocOf(app, loaded.state, actor, false, loaded.version));
  }
  out.page = static_cast<std::int64_t>(page.page);
  out.page_size = static_cast<std::int64_t>(page.page_size);
  out.total = static_cast<std::int64_t>(ids.size());
  out.total_pages = (out.total + out.page_size - 1) / out.page_size;
  return out;
}

CandidacyView CandidacyViewOf(const Candidacy& k) {
  return {k.candidacy_id, k.tckn, k.first_name, k.last_name, k.origin, k.invitation_response, k.removed,
          NonEmpty(k.interview_date), NonEmpty(k.interview_result)};
}

}  // namespace istihdam::http
