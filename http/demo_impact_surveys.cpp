// A demo impact-analysis survey (SURV-2): the previous year's general survey of a demo
// employer's first headquarters, so that the list and the detail have content.
#include <spdlog/spdlog.h>

#include <algorithm>

#include <boost/json.hpp>

#include "commands/impact_surveys.h"
#include "http/app.h"

namespace istihdam::http {

void SeedDemoImpactSurvey(Services& s, const CommandEnv& env, const std::string& employer_id) {
  const auto employer = s.employers.Load("employer-" + employer_id).state;
  if (employer.hq_by_province.empty()) return;
  // The first headquarters registered (the lowest id: the registration province).
  const auto hq = std::min_element(employer.hq_by_province.begin(), employer.hq_by_province.end(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; });
  SubmitImpactSurvey c;
  c.employer_id = employer_id;
  c.workplace_id = hq->second;
  c.year = std::stoll(s.Today().substr(0, 4)) - 1;
  c.kind = "general";
  c.answers = boost::json::object{{"employeesPreviousYearEnd", 84},
                                  {"hiresPreviousYear", 14},
                                  {"plannedHiresNextYear", 10},
                                  {"workforceOutlook", "increase"},
                                  {"trainedEmployeesPreviousYear", 6},
                                  {"usedIskurServices", true},
                                  {"iskurSatisfaction", "satisfied"},
                                  {"hardToFillOccupations", "Dokuma makinesi operatörü ve kalite kontrol teknisyeni: "
                                                            "deneyimli aday az, vardiyalı çalışma tercih edilmiyor."},
                                  {"trainingNeeds", "İş sağlığı ve güvenliği, bilgisayarlı üretim planlama."}};
  CommandEnv as_employer = env;
  as_employer.meta.actor = Actor{"", "System", employer_id};
  auto r = HandleSubmitImpactSurvey(s, as_employer, std::move(c));
  if (!r.ok()) spdlog::error("demo data: impact survey not submitted: {}", r.error().code);
}

}  // namespace istihdam::http
