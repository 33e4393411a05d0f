// Demo data of overseas employment (README "Overseas employment"): a head-office user, a
// project of Anadolu Tekstil A.Ş. in Germany, its country quota, an approved dispatch of two
// workers and a pending one. Everything goes through the command handlers.
#include <spdlog/spdlog.h>

#include "commands/identity_helpers.h"
#include "commands/overseas.h"
#include "commands/staff.h"
#include "http/app.h"
#include "infra/clock.h"

namespace istihdam::http {

namespace {

bool Ok(const Result<Outcome>& r, const std::string& what) {
  if (!r.ok()) spdlog::error("demo data: overseas: {}: {} {}", what, r.error().code, r.error().detail);
  return r.ok();
}

std::string DaysFrom(const std::string& today, int days) {
  return FormatDate(DateToMicros(today) + static_cast<Micros>(days) * 86'400'000'000LL);
}

std::string Id(const Result<Outcome>& r) { return std::string(r->body.at("id").as_string()); }

}  // namespace

void SeedOverseasDemoData(App& app, const CommandEnv& env, const std::string& employer_id) {
  auto& s = app.services();
  auto head = HandleCreateStaffUser(s, env, {"headOffice", "", "71234000142", "Merkez1234!"});
  if (!Ok(head, "head-office user")) return;
  const std::string head_id = Id(head);
  const OverseasActor head_office{OverseasActor::Kind::kHeadOffice, head_id, ""};
  const std::string today = s.Today();

  NewProject p;
  p.country = "DE";
  p.fields = {"Münih Konut Projesi", "München", DaysFrom(today, -60), DaysFrom(today, 700),
              "Konut inşaatı: kalıpçı ve kaynakçı ekipleri", {"7112", "7212"}};
  auto project = HandleRegisterOverseasProject(s, env, employer_id, p);
  if (!Ok(project, "project")) return;
  const std::string project_id = Id(project);

  NewAllocation a{employer_id, "DE", "", DaysFrom(today, -60), DaysFrom(today, 300), 20};
  if (!Ok(HandleAllocateOverseasQuota(s, env, head_id, a), "country quota")) return;

  DispatchDraft first{DaysFrom(today, -20), DaysFrom(today, 340), "İlk ekip",
                      {{"", "61234000174", "Hasan", "Demir", "7112"}, {"", "61234000242", "Fatma", "Koç", "7212"}}};
  auto approved = HandleCreateDispatch(s, env, employer_id, project_id, first);
  if (!Ok(approved, "first dispatch")) return;
  if (!Ok(HandleApproveDispatch(s, env, head_office, Id(approved)), "approval")) return;

  DispatchDraft second{DaysFrom(today, 10), DaysFrom(today, 360), "İkinci ekip",
                       {{"", "61234000310", "Murat", "Aksoy", "7112"}}};
  Ok(HandleCreateDispatch(s, env, employer_id, project_id, second), "pending dispatch");
}

}  // namespace istihdam::http
