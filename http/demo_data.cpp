// Demo data for newcomers (README "Demo accounts"): three employers with workplaces and an
// auditor, created through the ordinary command handlers when the store is empty.
#include <spdlog/spdlog.h>

#include "aggregates/identifiers.h"
#include "commands/registration.h"
#include "commands/staff.h"
#include "commands/workplaces.h"
#include "http/app.h"

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
    CommandEnv as_employer = env;
    as_employer.meta.actor = Actor{"", "System", employer_id};
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
    }
  }
  auto auditor = HandleCreateStaffUser(s, env, {"auditor", "", "34567890170", "Denetci1234!"});
  if (!auditor.ok()) spdlog::error("demo data: auditor not created: {}", auditor.error().code);
  spdlog::info("demo data loaded: {} events", s.store->LastPosition());
}

}  // namespace istihdam::http
