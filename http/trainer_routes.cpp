// Course trainers — "Eğitici Bilgileri" (DOMAIN.md §2.1.4.2, CRS-20/21; api/courses.md
// "Trainers", docs/trainers.md): registered, listed, changed and deleted by a service provider
// (an employer with COURSES, its own trainers) or by agency staff (unit and head-office users,
// owner "agency", every trainer).
#include <chrono>

#include "aggregates/permissions.h"
#include "commands/trainers.h"
#include "http/app.h"
#include "http/contract/trainers.h"
#include "http/endpoint.h"
#include "projections/trainers.h"

namespace istihdam::http {

using namespace contract::trainers;

namespace {

constexpr const char* kExample = R"({"tckn":"10000000146","firstName":"Ayşe","lastName":"Yılmaz",)"
                                 R"("occupation":"2512","educationLevel":"bachelor","phone":"0532 555 00 00",)"
                                 R"("email":"ayse.yilmaz@example.com.tr"})";

// The owner the caller acts as: its employer, or the agency for staff.
std::string OwnerOf(const Session& s) { return s.IsStaff() ? kAgencyTrainerOwner : s.employer_id; }

// The trainer named in the path if the caller may see it (an employer its own, staff all).
std::optional<boost::json::object> VisibleTrainer(const ReadView& view, RequestContext& c) {
  auto doc = FindTrainer(view, c.req.params["id"]);
  if (!doc || c.session->IsStaff()) return doc;
  const auto* owner = doc->if_contains("ownerId");
  if (owner == nullptr || !owner->is_string() || owner->as_string() != c.session->employer_id) return std::nullopt;
  return doc;
}

}  // namespace

void AddTrainerRoutes(App& app, Router& router) {
  const std::string perm(permissions::kCourses);
  const std::vector<StaffRole> staff = {StaffRole::kUnitUser, StaffRole::kHeadOfficeUser};
  const auto view = [&app] { return app.projections().View(kTrainersProjection); };
  const std::string tag = "courses";
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/trainers", .access = Access::kEmployerOrStaff, .permission = perm,
      .staff_roles = staff, .idempotent = true,
      .summary = "RegisterTrainer (\"Eğitici Bilgileri\" → Ekle): the owner is the calling employer, or the agency "
                 "for staff; the same TCKN twice for one owner → 409 trainer_already_registered (again allowed "
                 "after the trainer's deletion)",
      .tag = tag, .status = 201, .example = kExample,
      .handle = [&app](RequestContext& c, const NewTrainer& b) -> Result<wire::Changed> {
        RegisterTrainer cmd{"", OwnerOf(*c.session), b.tckn, b.fields.ToFields()};
        return AnswerFrom<wire::Changed>(HandleRegisterTrainer(app.services(), c.env, std::move(cmd)));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/trainers", .access = Access::kEmployerOrStaff, .permission = perm,
      .staff_roles = staff,
      .summary = "SearchTrainers (\"Ara\"): any criteria or none; an employer sees its own trainers, staff every "
                 "trainer; in registration order",
      .tag = tag,
      .handle = [view](RequestContext& c, const TrainerQuery& q) -> Result<wire::PageOf<TrainerRow>> {
        const TrainerCriteria criteria{q.tckn, q.name, q.occupation, c.session->IsStaff() ? "" : c.session->employer_id};
        return AnswerFrom<wire::PageOf<TrainerRow>>(ListTrainers(view(), criteria, q.requested()));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/trainers/{id}", .access = Access::kEmployerOrStaff, .permission = perm,
      .staff_roles = staff,
      .summary = "A trainer with its courses; ETag is its version (404 trainer_not_found: unknown, deleted or "
                 "another employer's)",
      .tag = tag,
      .handle = [view](RequestContext& c) -> Result<Trainer> {
        return AnswerFrom<Trainer>(VisibleTrainer(view(), c), errc::kTrainerNotFound);
      }});
  router.Add(Endpoint{
      .method = "PUT", .path = "/api/v1/trainers/{id}", .access = Access::kEmployerOrStaff, .permission = perm,
      .staff_roles = staff,
      .summary = "UpdateTrainer: names, occupation, education and contact (the TCKN and the owner stay); "
                 "If-Match: \"<version>\" makes a stale document a 412",
      .tag = tag, .example = kExample,
      .handle = [&app](RequestContext& c, const Editable& b) -> Result<wire::Changed> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        return AnswerFrom<wire::Changed>(HandleUpdateTrainer(app.services(), c.env, c.req.params["id"], *pinned,
                                                             {OwnerOf(*c.session), b.ToFields()}));
      }});
  router.Add(Endpoint{
      .method = "DELETE", .path = "/api/v1/trainers/{id}", .access = Access::kEmployerOrStaff, .permission = perm,
      .staff_roles = staff,
      .summary = "DeleteTrainer (\"Sil\"): the trainer leaves the list (then GET → 404); one assigned to an opened "
                 "or inProgress course → 409 trainer_assigned (read from the trainers projection); If-Match: "
                 "\"<version>\" makes a stale delete a 412",
      .tag = tag,
      .handle = [&app, view](RequestContext& c) -> Result<wire::Changed> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        const std::string& id = c.req.params["id"];
        // The assignment check reads a read model: let it see every command committed before
        // this request (an unassignment a moment ago must not answer trainer_assigned).
        app.projections().WaitFor(app.store().LastPosition(), std::chrono::steady_clock::now() + std::chrono::seconds(5));
        const DeleteTrainer cmd{OwnerOf(*c.session), TrainerOnRunningCourse(view(), id)};
        return AnswerFrom<wire::Changed>(HandleDeleteTrainer(app.services(), c.env, id, *pinned, cmd));
      }});
}

}  // namespace istihdam::http
