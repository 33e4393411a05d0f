// Collective dismissal — "Toplu İşten Çıkarma" (CD-1..CD-4).
#include "aggregates/permissions.h"
#include "commands/collective_dismissals.h"
#include "http/app.h"
#include "http/endpoint.h"
#include "projections/collective_dismissals.h"

namespace istihdam::http {

namespace {

using wire::F;

// "Detay Bilgiler": the dismissed workers of one of the employer's workplaces.
struct Detail {
  std::string workplace_id;
  std::int64_t male_count = 0, female_count = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("workplaceId", workplace_id), F("maleCount", male_count).range(0, 10'000'000),
       F("femaleCount", female_count).range(0, 10'000'000));
  }
};

// The whole draft (POST and PUT). Both fields are required, but the command names them (422
// required) together with every other failing field, so the body reader does not.
struct DismissalDraft {
  std::string dismissal_date;
  std::vector<Detail> details;
  template <class A>
  void serialize(A& ar) {
    ar(F("dismissalDate", dismissal_date).formatted("date").describe("required"),
       F("details", details).describe("required, at least one"));
  }
  SaveCollectiveDismissal ToCommand(const std::string& employer_id) const {
    SaveCollectiveDismissal c;
    c.employer_id = employer_id;
    c.dismissal_date = dismissal_date;
    for (const auto& d : details) c.details.push_back({d.workplace_id, d.male_count, d.female_count});
    return c;
  }
};

// How the Law 4857 art. 29 thresholds were judged for one province headquarters.
struct ThresholdCheck {
  std::string hq_workplace_id, schedule_month;
  std::int64_t headcount = 0, dismissed = 0, required = 0;
  bool met = false;
  template <class A>
  void serialize(A& ar) {
    ar(F("hqWorkplaceId", hq_workplace_id), F("scheduleMonth", schedule_month), F("headcount", headcount),
       F("dismissed", dismissed), F("required", required), F("met", met));
  }
};

struct DismissalView {
  std::string id, employer_id, notification_date, editable_until, dismissal_date;
  std::vector<Detail> details;
  std::int64_t total_male = 0, total_female = 0;
  bool meets_statutory_threshold = false;
  std::vector<ThresholdCheck> threshold_checks;
  std::uint64_t version = 0;
  bool editable = false;
  std::vector<std::string> available_actions;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("employerId", employer_id), F("notificationDate", notification_date).formatted("date"),
       F("editableUntil", editable_until).formatted("date"), F("dismissalDate", dismissal_date).formatted("date"),
       F("details", details), F("totalMale", total_male), F("totalFemale", total_female),
       F("meetsStatutoryThreshold", meets_statutory_threshold), F("thresholdChecks", threshold_checks),
       F("version", version), F("editable", editable), F("availableActions", available_actions));
  }
};

struct DismissalRow {
  std::string id, notification_date, dismissal_date;
  std::int64_t total_male = 0, total_female = 0;
  bool meets_statutory_threshold = false;
  std::string editable_until;
  bool editable = false;
  std::vector<std::string> available_actions;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("notificationDate", notification_date).formatted("date"),
       F("dismissalDate", dismissal_date).formatted("date"), F("totalMale", total_male),
       F("totalFemale", total_female), F("meetsStatutoryThreshold", meets_statutory_threshold),
       F("editableUntil", editable_until).formatted("date"), F("editable", editable),
       F("availableActions", available_actions));
  }
};

// What NotifyCollectiveDismissal and UpdateCollectiveDismissal answer.
struct DismissalSaved {
  std::string id;
  std::uint64_t version = 0;
  std::string notification_date, editable_until;
  std::int64_t total_male = 0, total_female = 0;
  bool meets_statutory_threshold = false;
  std::uint64_t position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("version", version), F("notificationDate", notification_date).formatted("date"),
       F("editableUntil", editable_until).formatted("date"), F("totalMale", total_male),
       F("totalFemale", total_female), F("meetsStatutoryThreshold", meets_statutory_threshold),
       F("position", position).required());
  }
};

constexpr const char* kExample =
    R"({"dismissalDate":"2026-05-15","details":[{"workplaceId":"3000000001","maleCount":7,"femaleCount":5}]})";

}  // namespace

void AddCollectiveDismissalRoutes(App& app, Router& router) {
  const std::string perm(permissions::kCollectiveDismissal);
  const auto view = [&app] { return app.projections().View("collective_dismissals"); };
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/collective-dismissals", .access = Access::kEmployer, .permission = perm,
      .summary = "The employer's collective dismissal notifications, newest first (CD-1)",
      .tag = "collective dismissals",
      .handle = [&app, view](RequestContext& c, const wire::Paging& q) -> Result<wire::PageOf<DismissalRow>> {
        return AnswerFrom<wire::PageOf<DismissalRow>>(
            ListCollectiveDismissals(view(), c.session->employer_id, app.services().Today(), q.requested()));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/collective-dismissals", .access = Access::kEmployer, .permission = perm,
      .idempotent = true,
      .summary = "NotifyCollectiveDismissal (CD-2, CD-3): the notification date is the server's date and never "
                 "changes; totals and the Law 4857 art. 29 flag are computed",
      .tag = "collective dismissals", .status = 201, .example = kExample,
      .handle = [&app](RequestContext& c, const DismissalDraft& b) -> Result<DismissalSaved> {
        return AnswerFrom<DismissalSaved>(
            HandleNotifyCollectiveDismissal(app.services(), c.env, b.ToCommand(c.session->employer_id)));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/collective-dismissals/{id}", .access = Access::kEmployer, .permission = perm,
      .summary = "One notification with its details, editable and editableUntil; ETag is its version",
      .tag = "collective dismissals",
      .handle = [&app, view](RequestContext& c) -> Result<DismissalView> {
        return AnswerFrom<DismissalView>(
            GetCollectiveDismissal(view(), c.session->employer_id, c.req.params["id"], app.services().Today()),
            "collective_dismissal_not_found");
      }});
  router.Add(Endpoint{
      .method = "PUT", .path = "/api/v1/collective-dismissals/{id}", .access = Access::kEmployer, .permission = perm,
      .summary = "UpdateCollectiveDismissal (CD-4): the whole draft, until one calendar month after the notification "
                 "date (409 edit_window_expired); If-Match: \"<version>\" makes a stale draft a 412",
      .tag = "collective dismissals", .example = kExample,
      .handle = [&app](RequestContext& c, const DismissalDraft& b) -> Result<DismissalSaved> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        return AnswerFrom<DismissalSaved>(HandleUpdateCollectiveDismissal(
            app.services(), c.env, c.req.params["id"], *pinned, b.ToCommand(c.session->employer_id)));
      }});
}

}  // namespace istihdam::http
