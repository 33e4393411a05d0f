// Demo data of private employment agencies (README "Private employment agencies"): Ege Gıda
// Sanayi Ltd. Şti. (admin Mehmet Öztürk, who holds every permission, PRIVATE_EMPLOYMENT_AGENCY
// included) is an active bureau in İzmir with an agency action and a draft period report of the
// last quarter. Everything goes through the command handlers.
#include <spdlog/spdlog.h>

#include "commands/private_employment_bureaus.h"
#include "http/app.h"

namespace istihdam::http {

namespace {

bool Ok(const Result<Outcome>& r, const std::string& what) {
  if (!r.ok()) spdlog::error("demo data: {}: {} {}", what, r.error().code, r.error().detail);
  return r.ok();
}

}  // namespace

void SeedBureauDemoData(App& app, const CommandEnv& env, const std::string& employer_id) {
  auto& s = app.services();
  CommandEnv as_employer = env;
  as_employer.meta.actor = Actor{"", "System", employer_id};
  ApplyAsBureau apply;
  apply.employer.employer_id = employer_id;
  apply.iskur_no = s.employers.Load("employer-" + employer_id).state.iskur_no;
  apply.province = "35";
  apply.district = "Bornova";
  apply.office_address = "Kazımdirik Mah. Üniversite Cad. No:12";
  apply.phone = "02323334455";
  apply.email = "oib@example.com.tr";
  apply.website = "https://oib.example.com.tr";
  apply.responsible_manager = {"17291716060", "Mehmet", "Öztürk"};
  auto applied = HandleApplyAsBureau(s, as_employer, apply);
  if (!Ok(applied, "bureau application")) return;
  const std::string bureau_id(applied->body["id"].as_string());
  if (!Ok(HandleApproveBureau(s, env, bureau_id, "ÖİB-35-0042"), "bureau approval")) return;
  if (!Ok(HandleAgencyAction(s, env, bureau_id, "Bilgilendirme", "Dönem raporlarının her çeyreği izleyen ayın 20'sine "
                                                                 "kadar gönderilmesi hatırlatıldı."),
          "agency action")) {
    return;
  }
  // A draft of the last quarter that has ended.
  const std::string today = s.Today();
  std::int64_t year = std::stoll(today.substr(0, 4));
  int quarter = (std::stoi(today.substr(5, 2)) - 1) / 3;  // 0..3: the current one; the last ended is quarter-1
  if (quarter == 0) {
    quarter = 4;
    --year;
  }
  CreatePeriodReport report;
  report.report_year = year;
  report.report_period = "Q" + std::to_string(quarter);
  report.record_date = today;
  report.sections.placements = {{"5120", "35", 4, 3}, {"8322", "35", 6, 0}, {"4110", "34", 1, 2}};
  report.sections.job_seekers_registered = {58, 47};
  report.sections.vacancies_received = {{"5120", 9}, {"8322", 6}};
  report.sections.overseas_placements = {{"DE", "7212", 2, 0}};
  Ok(HandleCreatePeriodReport(s, as_employer, employer_id, bureau_id, report), "period report");
}

}  // namespace istihdam::http
