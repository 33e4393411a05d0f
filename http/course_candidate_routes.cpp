// Trainee candidates and trainees of a course — "Aday Kursiyer Mülakat" (api/courses.md
// "Trainee candidates", DOMAIN.md §2.1.4.6, docs/courses.md): selection, the batch of list
// changes, the lists, freezing/approval (course_routes.cpp), departures and promotion.
#include "aggregates/permissions.h"
#include "commands/courses.h"
#include "http/app.h"
#include "http/contract/courses.h"
#include "http/course_view.h"
#include "http/endpoint.h"

namespace istihdam::http {

using namespace contract::courses;

namespace {

bool InList(const Candidacy& k, const std::string& list, bool ui_course) {
  if (list == "applicants") return k.origin == "applied" && !k.removed && k.interview_date.empty();
  if (list == "selected") return k.origin == "selected" && !k.removed && k.interview_date.empty();
  if (list == "removed") return k.removed;
  if (list == "invited") return !k.removed && !k.interview_date.empty();
  if (list == "interviewResults") return !k.interview_result.empty();
  if (list == "candidateTraineeList") return !k.removed && k.suitable();
  if (list == "unemploymentInsuranceCut") return ui_course && k.interview_result == "refusedWithoutJustification";
  return false;
}

// The course if the caller may read its candidates (404, 403 service_provider_no_access).
Result<CourseState> CandidatesOf(App& app, RequestContext& c) {
  auto course = LoadVisibleCourse(app, *c.session, c.req.params["id"]);
  if (!course.ok()) return course.error();
  if (auto st = CanReadCandidates(*course, CourseActorOf(*c.session)); !st.ok()) return st.error();
  return course;
}

template <class Item>
wire::PageOf<Item> PageOfItems(std::vector<Item> all, const Page& p) {
  wire::PageOf<Item> out;
  for (std::size_t i = FirstRow(p); i < all.size() && i < FirstRow(p) + p.page_size; ++i) out.items.push_back(all[i]);
  out.page = static_cast<std::int64_t>(p.page);
  out.page_size = static_cast<std::int64_t>(p.page_size);
  out.total = static_cast<std::int64_t>(all.size());
  out.total_pages = (out.total + out.page_size - 1) / out.page_size;
  return out;
}

}  // namespace

void AddCourseCandidateRoutes(App& app, Router& router) {
  const std::string perm(permissions::kCourses);
  const std::string tag = "courses";
  const std::vector<StaffRole> agency = {StaffRole::kUnitUser, StaffRole::kHeadOfficeUser};
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/courses/{id}/trainers", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = agency, .idempotent = true,
      .summary = "AssignTrainerToCourse \"Eğitici Seç\" (the course's service provider, its own trainers only: 403 "
                 "trainer_not_owned; or the agency: unknown 422 trainerIds[i]); re-assigning is a no-op; finished 409 "
                 "course_status_forbids",
      .tag = tag,
      .handle = [&app](RequestContext& c, const TrainerIds& b) -> Result<CourseChanged> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        return AnswerFrom<CourseChanged>(HandleAssignTrainers(app.services(), c.env, c.req.params["id"], *pinned,
                                                              CourseActorOf(*c.session), b.trainer_ids));
      }});
  router.Add(Endpoint{
      .method = "DELETE", .path = "/api/v1/courses/{id}/trainers/{trainerId}", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = agency,
      .summary = "UnassignTrainerFromCourse: 404 trainer_not_assigned when the trainer is not on the course",
      .tag = tag,
      .handle = [&app](RequestContext& c) -> Result<CourseChanged> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        return AnswerFrom<CourseChanged>(HandleUnassignTrainer(app.services(), c.env, c.req.params["id"], *pinned,
                                                               CourseActorOf(*c.session), c.req.params["trainerId"]));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/courses/{id}/candidates", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = agency, .idempotent = true,
      .summary = "SelectPotentialTrainees \"Kursiyer Seçme\" (agency; the service provider in opened): registered "
                 "individuals become candidates (origin selected), all or none; 409 already_candidate, 409 "
                 "course_within_24_months naming tckns[i]",
      .tag = tag,
      .handle = [&app](RequestContext& c, const Tckns& b) -> Result<Selected> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        return AnswerFrom<Selected>(HandleSelectTrainees(app.services(), c.env, c.req.params["id"], *pinned,
                                                         CourseActorOf(*c.session), b.tckns));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/courses/{id}/candidates/changes", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = agency, .idempotent = true,
      .summary = "SaveCandidateListChanges \"Kaydet\": the marks of the list pages applied in order as one unit "
                 "(a refusal applies none); 409 invitation_not_accepted, invalid_candidate_transition",
      .tag = tag,
      .handle = [&app](RequestContext& c, const Changes& b) -> Result<CourseChanged> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        SaveCandidateChanges cmd{CourseActorOf(*c.session), {}, b.ToCommand()};
        return AnswerFrom<CourseChanged>(
            HandleCandidateChanges(app.services(), c.env, c.req.params["id"], *pinned, std::move(cmd)));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/courses/{id}/candidates", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = agency,
      .summary = "GetCourseCandidateLists: one list page (applicants by default) of candidacies in id order",
      .tag = tag,
      .handle = [&app](RequestContext& c, const CandidateQuery& q) -> Result<wire::PageOf<CandidacyView>> {
        auto course = CandidatesOf(app, c);
        if (!course.ok()) return course.error();
        const std::string list = q.list.empty() ? "applicants" : q.list;
        std::vector<CandidacyView> all;
        for (const auto& k : course->candidacies)
          if (InList(k, list, course->criteria.for_unemployment_insurance_recipients)) all.push_back(CandidacyViewOf(k));
        return PageOfItems(std::move(all), q.requested());
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/courses/{id}/candidate-list", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = agency,
      .summary = "GetCandidateTraineeList: the principals and reserves (the interviewer's results) and the list "
                 "state open, frozen or approved",
      .tag = tag,
      .handle = [&app](RequestContext& c) -> Result<CandidateList> {
        auto course = CandidatesOf(app, c);
        if (!course.ok()) return course.error();
        CandidateList out{course->list_state, {}, {}};
        for (const auto& k : course->candidacies) {
          if (k.removed) continue;
          if (k.interview_result == "suitablePrincipal") out.principals.push_back(CandidacyViewOf(k));
          if (k.interview_result == "suitableReserve") out.reserves.push_back(CandidacyViewOf(k));
        }
        return out;
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/courses/{id}/trainees", .access = Access::kEmployerOrStaff,
      .permission = perm, .staff_roles = agency,
      .summary = "The course's trainees (the approved principals and promoted candidates) with their status",
      .tag = tag,
      .handle = [&app](RequestContext& c, const TraineeQuery& q) -> Result<wire::PageOf<Trainee>> {
        auto course = LoadVisibleCourse(app, *c.session, c.req.params["id"]);
        if (!course.ok()) return course.error();
        std::vector<Trainee> all;
        for (const auto& k : course->candidacies)
          if (!k.trainee_status.empty())
            all.push_back({k.candidacy_id, k.tckn, k.first_name, k.last_name, k.trainee_status});
        return PageOfItems(std::move(all), q.requested());
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/courses/{id}/trainees/{candidacyId}/departure",
      .access = Access::kEmployerOrStaff, .permission = perm, .staff_roles = agency, .idempotent = true,
      .summary = "RecordTraineeDeparture (agency, inProgress): an active trainee left or was removed; the place "
                 "is vacant for a promotion",
      .tag = tag,
      .handle = [&app](RequestContext& c, const Departure& b) -> Result<CourseChanged> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        TraineeDeparture cmd{CourseActorOf(*c.session), {}, c.req.params["candidacyId"], b.reason};
        return AnswerFrom<CourseChanged>(
            HandleTraineeDeparture(app.services(), c.env, c.req.params["id"], *pinned, std::move(cmd)));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/courses/{id}/candidates/{candidacyId}/promote",
      .access = Access::kEmployerOrStaff, .permission = perm, .staff_roles = agency, .idempotent = true,
      .summary = "PromoteReserveTrainee (agency, inProgress): a suitable candidacy that is not a trainee becomes "
                 "one; 409 no_vacancy, not_promotable",
      .tag = tag,
      .handle = [&app](RequestContext& c) -> Result<CourseChanged> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        PromoteCandidate cmd{CourseActorOf(*c.session), {}, c.req.params["candidacyId"]};
        return AnswerFrom<CourseChanged>(
            HandlePromoteCandidate(app.services(), c.env, c.req.params["id"], *pinned, std::move(cmd)));
      }});
}

}  // namespace istihdam::http
