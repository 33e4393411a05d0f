// Demo benefit declarations (DECL-1): a few of each type from the demo employers, so that the
// listing has content for agency users and employers alike. Workers are persons of
// data/citizens.csv, so the declarations pass with the registry-backed identity service too.
#include <spdlog/spdlog.h>

#include <algorithm>

#include "aggregates/benefit_reference.h"
#include "commands/benefit_declarations.h"
#include "http/app.h"
#include "infra/clock.h"

namespace istihdam::http {

namespace {

struct DemoWorker {
  const char* tckn;
  const char* first_name;
  const char* last_name;
};

std::string DaysBefore(const std::string& today, int days) {
  std::int64_t d = 0;
  ParseDate(today, &d);
  return FormatDate((d - days) * 86'400'000'000LL);
}

// One İÖ or İKT declaration: the workers left `days_ago` days ago for `reason`.
SubmitBenefitDeclaration Leavers(const std::string& type, const std::string& workplace, const std::string& today,
                                 const std::vector<DemoWorker>& workers, const std::string& reason, int days_ago) {
  SubmitBenefitDeclaration c;
  c.declaration_type = type;
  c.workplace_id = workplace;
  for (const auto& w : workers) {
    c.workers.push_back({w.tckn, w.first_name, w.last_name, DaysBefore(today, days_ago), reason, {}});
  }
  return c;
}

// One KÇÖ declaration: from the first day of the month before last for three months, with
// hours in the two months that have begun.
SubmitBenefitDeclaration ShortTime(const std::string& workplace, const std::string& today,
                                   const std::vector<DemoWorker>& workers, std::int64_t hours) {
  SubmitBenefitDeclaration c;
  c.declaration_type = "KCO";
  c.workplace_id = workplace;
  const std::string this_month = today.substr(0, 7);
  const std::string last_month = DaysBefore(this_month + "-01", 1).substr(0, 7);
  const std::string month_before = DaysBefore(last_month + "-01", 1).substr(0, 7);
  c.period_start = month_before + "-01";
  c.period_end = LastShortTimeDay(c.period_start);
  for (const auto& w : workers) {
    c.workers.push_back({w.tckn, w.first_name, w.last_name, "", "", {{month_before, hours}, {last_month, hours / 2}}});
  }
  return c;
}

}  // namespace

void SeedDemoBenefitDeclarations(Services& s, const CommandEnv& env, const std::vector<std::string>& ids) {
  if (ids.size() < 3) return;
  const std::string today = s.Today();
  // Per demo employer: its declarations for its first headquarters.
  const std::vector<std::vector<SubmitBenefitDeclaration (*)(const std::string&, const std::string&)>> plans = {
      {[](const std::string& wp, const std::string& t) {
         return ShortTime(wp, t, {{"13056413946", "Çağla", "Doğan"}, {"82423884986", "Ömer", "Kurt"},
                                  {"97101226996", "Emine", "Kurt"}}, 120);
       },
       [](const std::string& wp, const std::string& t) {
         return Leavers("IO", wp, t, {{"94801845144", "Oğuz", "Özkan"}, {"58281489342", "Zeynep", "Koç"}}, "04", 20);
       }},
      {[](const std::string& wp, const std::string& t) {
         return Leavers("IO", wp, t, {{"90957015400", "İbrahim", "Şahin"}}, "17", 45);
       },
       [](const std::string& wp, const std::string& t) {
         return ShortTime(wp, t, {{"27182278232", "Gülşen", "Özkan"}, {"44657871316", "İbrahim", "Yıldız"}}, 90);
       }},
      {[](const std::string& wp, const std::string& t) {
         return Leavers("IKT", wp, t, {{"93930103132", "Fatma", "Kara"}, {"57382997336", "Doğan", "Özkan"}}, "32", 30);
       },
       [](const std::string& wp, const std::string& t) {
         return Leavers("IO", wp, t, {{"75667010686", "Çağla", "Aydın"}}, "15", 10);
       }},
  };
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const auto employer = s.employers.Load("employer-" + ids[i]).state;
    // The first headquarters registered (the lowest id: the registration province), so that
    // Anadolu Tekstil's declarations reach the İstanbul unit, where the demo unit user works.
    if (employer.hq_by_province.empty()) continue;
    const auto hq = std::min_element(employer.hq_by_province.begin(), employer.hq_by_province.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; });
    CommandEnv as_employer = env;
    as_employer.meta.actor = Actor{"", "System", ids[i]};
    for (const auto& plan : plans[i]) {
      auto c = plan(hq->second, today);
      c.employer_id = ids[i];
      auto r = HandleSubmitBenefitDeclaration(s, as_employer, std::move(c));
      if (!r.ok()) spdlog::error("demo data: benefit declaration not submitted: {}", r.error().code);
    }
  }
}

}  // namespace istihdam::http
