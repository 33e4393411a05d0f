// Courses — "Kurs/Programlar" (api/courses.md, DOMAIN.md §2.1.4, docs/courses.md): planning,
// external course notifications, the status transitions and criteria. Candidates, trainees
// and trainers are in course_candidate_routes.cpp, the reports in course_report_routes.cpp.
#include "aggregates/permissions.h"
#include "commands/courses.h"
#include "http/app.h"
#include "http/contract/courses.h"
#include "http/course_view.h"
#include "http/endpoint.h"
#include "projections/courses.h"

namespace istihdam::http {

using namespace contract::courses;

namespace {

constexpr const char* kCourseExample = R"({"name":"Bilgisayarlı Muhasebe Kursu","province":"34","district":"Kadıköy",
"occupation":"4311","startDate":"2026-03-02","endDate":"2026-04-30","traineeQuota":20})";

struct TransitionRoute {
  const char* path;
  CourseTransition action;
  const char* summary;
};

const TransitionRoute kTransitions[] = {
    {"approve-external", CourseTransition::kApproveExternal,
     "ApproveExternalCourse (unit user, head office): approval pending → approved, the status unchanged"},
    {"mark-to-be-opened", CourseTransition::kMarkToBeOpened,
     "MarkCourseToBeOpened (agency): planned → toBeOpened; a pending external course 409 external_course_not_approved"},
    {"open", CourseTransition::kOpen,
     "OpenCourse \"Kursu Aç\" (unit user only, 403 only_unit_user_can_open): inPreparation → opened; without "
     "criteria 409 course_criteria_missing"},
    {"freeze-candidate-list", CourseTransition::kFreezeList,
     "FreezeCandidateTraineeList \"Listeyi Dondur\" (service provider, agency): the open list of an opened course "
     "→ frozen; no principal 409 no_principal_candidates"},
    {"approve-candidate-list", CourseTransition::kApproveList,
     "ApproveCandidateTraineeList \"Listeyi Onayla\" (agency): opened → inProgress, the principals become "
     "trainees; an open list 409 list_not_frozen"},
    {"finish", CourseTransition::kFinish,
     "FinishCourse \"Kursu Sonlandırma\" (agency): inProgress → finished, active trainees → completed; before "
     "endDate 409 course_not_ended"},
};

Result<CourseChanged> Transition(App& app, RequestContext& c, CourseTransition action, const std::string& provider) {
  auto pinned = PinnedVersion(c);
  if (!pinned.ok()) return pinned.error();
  TransitionCourse cmd;
  cmd.actor = CourseActorOf(*c.session);
  cmd.action = action;
  cmd.service_provider_id = provider;
  return AnswerFrom<CourseChanged>(
      HandleCourseTransition(app.services(), c.env, c.req.params["id"], *pinned, std::move(cmd)));
}

}  // namespace

void AddCourseRoutes(App& app, Router& router) {
  const std::string perm(permissions::kCourses);
  const std::string tag = "courses";
  const std::vector<StaffRole> agency = {StaffRole::kUnitUser, StaffRole::kHeadOfficeUser};
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/courses", .access = Access::kEmployerOrStaff, .permission = perm,
      .staff_roles = agency, .idempotent = true,
      .summary = "PlanCourse (unit user of the province, 403 other_province; head office) or, for an employer, "
                 "RegisterExternalCourse (external, approval pending; the employer is office and service provider)",
      .tag = tag, .status = 201, .example = kCourseExample,
      .handle = [&app](RequestContext& c, const NewCourse& b) -> Result<CourseChanged> {
        return AnswerFrom<CourseChanged>(HandlePlanCourse(app.services(), c.env, b.ToCommand(CourseActorOf(*c.session))));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/courses", .access = Access::kEmployerOrStaff, .permission = perm,
      .staff_roles = agency,
      .summary = "SearchCourses: the visible courses (without status every status but planned, CRS-R1); a unit "
                 "user's province is forced (another 403 other_province); ordered by start date",
      .tag = tag,
      .handle = [&app](RequestContext& c, const CourseQuery& q) -> Result<wire::PageOf<Course>> {
        return SearchCourses(app, *c.session, q);
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/courses/{id}", .access = Access::kEmployerOrStaff, .permission = perm,
      .staff_roles = agency,
      .summary = "GetCourse: the course, its criteria, trainers, candidate list state, completion percentage and "
                 "the caller's availableActions; ETag is its version",
      .tag = tag,
      .handle = [&app](RequestContext& c) -> Result<Course> {
        return VisibleCourse(app, *c.session, c.req.params["id"], true);
      }});
  for (const auto& t : kTransitions) {
    router.Add(Endpoint{
        .method = "POST", .path = std::string("/api/v1/courses/{id}/") + t.path, .access = Access::kEmployerOrStaff,
        .permission = perm, .staff_roles = agency, .idempotent = true, .summary = t.summary, .tag = tag,
        .handle = [&app, action = t.action](RequestContext& c) -> Result<CourseChanged> {
          return Transition(app, c, action, "");
        }});
  }
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/courses/{id}/prepare", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = agency, .idempotent = true,
      .summary = "PrepareCourse (agency): toBeOpened → inPreparation, optionally naming the service provider",
      .tag = tag,
      .handle = [&app](RequestContext& c, const Prepare& b) -> Result<CourseChanged> {
        return Transition(app, c, CourseTransition::kPrepare, b.service_provider_id);
      }});
  router.Add(Endpoint{
      .method = "PUT", .path = "/api/v1/courses/{id}/criteria", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = agency,
      .summary = "SetCourseCriteria \"Kriter Bilgileri\" (agency): replaces the criteria in toBeOpened, "
                 "inPreparation or opened (else 409 course_status_forbids)",
      .tag = tag,
      .handle = [&app](RequestContext& c, const Criteria& b) -> Result<CourseChanged> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        SetCourseCriteria cmd{CourseActorOf(*c.session), b.ToEvent()};
        return AnswerFrom<CourseChanged>(
            HandleSetCourseCriteria(app.services(), c.env, c.req.params["id"], *pinned, std::move(cmd)));
      }});
}

}  // namespace istihdam::http
