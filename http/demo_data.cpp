// Demo data for newcomers (README "Demo accounts"): three employers with workplaces and an
// auditor, created through the ordinary command handlers when the store is empty.
#include <spdlog/spdlog.h>

#include "infra/identifiers.h"
#include "commands/registration.h"
#include "commands/staff.h"
#include "commands/workforce_schedules.h"
#include "commands/workplaces.h"
#include "http/app.h"
#include "http/demo_job_seekers.h"

namespace istihdam::http {

namespace {

struct DemoEmployer {
  const char* title;
  const char* vkn9;
  const char* tckn;
  const char* first_name;
  const char* last_name;
  const char* province;
  const char* district;
  std::vector<std::pair<const char*, const char*>> more_workplaces;  // province, district
};

std::string SgkNo(int n) {
  std::string s = "52064080866" + std::to_string(1000000 + n) + "03465000";
  s.resize(26, '0');
  return s;
}

// A year of workforce schedules for one headquarters, ending last month, so that the quota
// status shows something real: `staff` general workers at the start, two hires and one leaver
// a month, one disabled hire in the fourth month.
void SeedDemoSchedules(Services& s, const CommandEnv& env, const std::string& employer_id,
                       const std::string& hq_id, std::int64_t staff, int* person) {
  std::string month = PreviousMonth(s.Today().substr(0, 7));
  for (int i = 0; i < 11; ++i) month = PreviousMonth(month);
  for (int i = 0; i < 12; ++i, month = NextMonth(month)) {
    SaveWorkforceSchedule c;
    c.employer_id = employer_id;
    c.year_month = month;
    auto& d = c.draft;
    if (i == 0) {
      events::CategoryCounts prev;
      prev.general.male = staff * 2 / 3;
      prev.general.female = staff - staff * 2 / 3;
      prev.ex_convict.male = 1;
      c.draft.previous_month_end = prev;
    }
    auto row = [&](const char* type, const char* sex, const char* category, const char* occupation) {
      const std::string tckn = CompleteTckn(std::to_string(500000000 + ++*person));
      d.personnel_movements.push_back({type, tckn, "Demo", "Kişi " + std::to_string(*person), sex, month + "-1" + std::to_string(i % 9),
                                       occupation, category, "indefinite", false, ""});
    };
    d.hired.general.male = 1;
    row("hired", "male", "general", "7212");
    d.hired.general.female = 1;
    row("hired", "female", "general", "2512");
    d.left.general.male = 1;
    row("left", "male", "general", "7212");
    if (i == 3) {
      d.hired.disabled.female = 1;
      row("hired", "female", "disabled", "4110");
    }
    d.occupation_distribution = {{"2512", staff / 3}, {"7212", staff / 2}, {"4110", staff / 6 + 1}};
    d.hard_to_fill_occupations = {{"7212", 2}};
    d.employment_preferences.expected_workforce_change_next_month = "increase";
    d.employment_preferences.expected_change_count = 1;
    auto res = HandleSaveWorkforceSchedule(s, env, hq_id, std::nullopt, c);
    if (!res.ok()) {
      spdlog::error("demo data: schedule {} {} not saved: {} {}", hq_id, month, res.error().code,
                    res.error().fields.empty() ? "" : res.error().fields[0].field + " " + res.error().fields[0].code);
      return;
    }
  }
}

}  // namespace

void SeedDemoData(App& app) {
  auto& s = app.services();
  if (s.store->LastPosition() != 0) return;
  CommandEnv env;
  env.meta.actor = Actor{"", "System", ""};
  env.meta.correlation_id = "demo-data";
  env.meta.causation_id = "demo-data";
  const std::vector<DemoEmployer> employers = {
      {"Anadolu Tekstil A.Ş.", "454053692", "10000000146", "Ayşe", "Yılmaz", "34", "Kadıköy",
       {{"34", "Ümraniye"}, {"06", "Çankaya"}}},
      {"Ege Gıda Sanayi Ltd. Şti.", "123456789", "17291716060", "Mehmet", "Öztürk", "35", "Bornova",
       {{"41", "Gebze"}}},
      {"Karadeniz İnşaat A.Ş.", "987654321", "23456789060", "Şule", "Çelik", "61", "Ortahisar", {}},
  };
  int sgk = 0;
  int person = 0;
  std::vector<std::string> employer_ids;
  for (const auto& e : employers) {
    RegisterEmployer c;
    c.terms_accepted = true;
    c.kind = "legalEntity";
    c.title = e.title;
    c.tax_office = "Merkez";
    c.tax_no = CompleteVkn(e.vkn9);
    c.sgk_no = SgkNo(++sgk);
    c.sector = "private";
    c.province = e.province;
    c.district = e.district;
    c.address = "Demo Mah. Örnek Sok. No:1";
    c.phone = "0212 555 00 00";
    c.email = "info@example.com.tr";
    c.representative = {e.tckn, e.first_name, e.last_name, "Demo1234!", "", "İlk evcil hayvanınızın adı?",
                        "Pamuk", "yetkili@example.com.tr", "0532 555 00 00", "email"};
    auto reg = HandleRegisterEmployer(s, env, c);
    if (!reg.ok()) {
      spdlog::error("demo data: {} not registered: {}", e.title, reg.error().code);
      continue;
    }
    const std::string employer_id(reg->body["employerId"].as_string());
    employer_ids.push_back(employer_id);
    CommandEnv as_employer = env;
    as_employer.meta.actor = Actor{"", "System", employer_id};
    std::vector<std::string> hq_ids = {std::string(reg->body["headquartersId"].as_string())};
    for (const auto& [province, district] : e.more_workplaces) {
      RegisterWorkplace w;
      w.title = std::string(e.title) + " " + district + " İşyeri";
      w.sgk_no = SgkNo(++sgk);
      w.province = province;
      w.info.district = district;
      w.info.address = "Sanayi Cad. No:" + std::to_string(sgk);
      w.info.phone = "0216 444 00 0" + std::to_string(sgk % 10);
      auto res = HandleRegisterWorkplace(s, as_employer, employer_id, w);
      if (!res.ok()) spdlog::error("demo data: workplace not registered: {}", res.error().code);
      else if (res->body["headquarters"].as_bool()) hq_ids.emplace_back(res->body["id"].as_string());
    }
    for (std::size_t i = 0; i < hq_ids.size(); ++i) {  // 84 workers in the first province by the last month (API.md example)
      SeedDemoSchedules(s, as_employer, employer_id, hq_ids[i], i == 0 ? 70 : 30 + 10 * static_cast<std::int64_t>(i), &person);
    }
  }
  SeedDemoBenefitDeclarations(s, env, employer_ids);
  if (!employer_ids.empty()) SeedDemoImpactSurvey(s, env, employer_ids.front());  // Anadolu Tekstil
  auto auditor = HandleCreateStaffUser(s, env, {"auditor", "", "34567890170", "Denetci1234!"});
  if (!auditor.ok()) spdlog::error("demo data: auditor not created: {}", auditor.error().code);
  if (!employer_ids.empty()) SeedTypDemoData(app, env, employer_ids.front());  // Anadolu Tekstil
  if (!employer_ids.empty()) SeedCourseDemoData(app, env, employer_ids.front());
  if (!employer_ids.empty()) SeedOverseasDemoData(app, env, employer_ids.front());  // Anadolu Tekstil
  if (employer_ids.size() > 1) SeedBureauDemoData(app, env, employer_ids[1]);  // Ege Gıda: a private employment bureau
  if (app.config().demo_postings > 0) {
    auto postings = SeedDemoPostings(s, env, app.config().demo_postings, 20, 1);
    if (!postings.ok()) spdlog::error("demo data: postings: {} {}", postings.error().code, postings.error().detail);
  }
  if (app.config().demo_job_seekers > 0) {
    auto seekers = SeedDemoJobSeekers(s, env, app.config().demo_job_seekers, 1);
    if (!seekers.ok()) {
      spdlog::error("demo data: job seekers: {} {}", seekers.error().code, seekers.error().detail);
    } else {
      spdlog::info("demo data: {} job seekers, {} applications ({} refused), {} invitations, {} interview results; "
                   "one of them logs in with TCKN {} and Demo1234!",
                   seekers->registered, seekers->applications, RefusedCount(*seekers), seekers->invitations,
                   seekers->interviews, seekers->example_tckn);
    }
  }
  spdlog::info("demo data loaded: {} events", s.store->LastPosition());
}

}  // namespace istihdam::http
