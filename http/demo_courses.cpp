// Demo data of the course context (README "Courses"): İstanbul courses in every status, run
// by the demo unit user with Anadolu Tekstil A.Ş. as service provider, with a trainer,
// candidates and trainees. Everything goes through the command handlers.
#include <spdlog/spdlog.h>

#include "commands/courses.h"
#include "commands/identity_helpers.h"
#include "commands/individuals.h"
#include "commands/trainers.h"
#include "http/app.h"
#include "infra/clock.h"

namespace istihdam::http {

namespace {

bool Ok(const Result<Outcome>& r, const std::string& what) {
  if (!r.ok()) spdlog::error("demo data: {}: {} {}", what, r.error().code, r.error().detail);
  return r.ok();
}

std::string DaysFrom(const std::string& today, int days) {
  return FormatDate(DateToMicros(today) + static_cast<Micros>(days) * 86'400'000'000LL);
}

struct DemoCourse {
  const char* name;
  const char* district;
  const char* occupation;
  int start_in_days, end_in_days;
  const char* last_status;
};

}  // namespace

void SeedCourseDemoData(App& app, const CommandEnv& env, const std::string& provider_id) {
  auto& s = app.services();
  const std::string unit_id = ReservedOwner(s, ReservationStream(s, "staff-tckn", "93930103132"));
  if (unit_id.empty()) return spdlog::error("demo data: courses need the demo unit user");
  const CourseActor unit{CourseActor::Kind::kUnitUser, unit_id, "34"};
  const CourseActor provider{CourseActor::Kind::kEmployer, provider_id, ""};
  const std::string today = s.Today();

  // People: five registered individuals (development KPS accepts the names given).
  const std::vector<std::tuple<const char*, const char*, const char*>> people = {
      {"58147002142", "Elif", "Karaca"}, {"58147002210", "Oğuz", "Yıldırım"}, {"58147002388", "Şeyma", "Aydın"},
      {"58147002456", "Cem", "Güneş"},   {"58147002524", "Nur", "Çelik"}};
  for (const auto& [tckn, first, last] : people) {
    RegisterIndividual r;
    r.tckn = tckn;
    r.first_name = first;
    r.last_name = last;
    r.birth_date = "1995-04-12";
    r.password = r.password_repeat = "Demo1234!";
    r.secret_question = "Doğduğunuz şehir?";
    r.secret_answer = "İstanbul";
    r.email = "kursiyer@example.com.tr";
    r.mobile = "0533 444 00 00";
    r.preferred_contact = "email";
    if (!Ok(HandleRegisterIndividual(s, env, r), "course candidate registration")) return;
  }

  RegisterTrainer trainer;
  trainer.owner_id = provider_id;
  trainer.tckn = "58147002692";
  trainer.fields.first_name = "Hülya";
  trainer.fields.last_name = "Öztürk";
  trainer.fields.occupation = "4311";
  auto registered = HandleRegisterTrainer(s, env, trainer);
  if (!Ok(registered, "course trainer")) return;
  const std::string trainer_id(registered->body["id"].as_string());

  const DemoCourse courses[] = {
      {"Aşçı Yardımcılığı Kursu", "Beyoğlu", "5120", 30, 90, "planned"},
      {"Forklift Operatörlüğü Kursu", "Tuzla", "8344", 20, 60, "toBeOpened"},
      {"Bilgisayarlı Muhasebe Kursu", "Kadıköy", "4311", 14, 74, "inPreparation"},
      {"Hasta ve Yaşlı Bakım Elemanı Kursu", "Üsküdar", "5322", 7, 67, "opened"},
      {"CNC Torna Operatörlüğü Kursu", "Başakşehir", "7223", 0, 59, "inProgress"},
      {"Web Tasarım Kursu", "Şişli", "2166", -90, -1, "finished"}};
  const std::vector<std::string> order = {"planned", "toBeOpened", "inPreparation", "opened", "inProgress", "finished"};
  for (const auto& c : courses) {
    PlanCourse plan{unit, {"", c.name, "34", c.district, c.occupation, DaysFrom(today, c.start_in_days),
                           DaysFrom(today, c.end_in_days), 2, ""}, true, false, false, false};
    auto created = HandlePlanCourse(s, env, plan);
    if (!Ok(created, "course")) return;
    const std::string id(created->body["id"].as_string());
    const auto last = std::find(order.begin(), order.end(), std::string(c.last_status)) - order.begin();
    auto step = [&](CourseTransition t, const std::string& provider_id_arg = "") {
      return Ok(HandleCourseTransition(s, env, id, std::nullopt, {unit, t, {}, provider_id_arg, false}), id);
    };
    if (last >= 1 && !step(CourseTransition::kMarkToBeOpened)) return;
    if (last >= 2 && !step(CourseTransition::kPrepare, provider_id)) return;
    if (last < 3) continue;
    SetCourseCriteria criteria{unit, {"", false, true, 18, 0, "", {}}};
    if (!Ok(HandleSetCourseCriteria(s, env, id, std::nullopt, criteria), id) || !step(CourseTransition::kOpen)) return;
    if (!Ok(HandleAssignTrainers(s, env, id, std::nullopt, provider, {trainer_id}), id)) return;
    // Each course past "opened" takes its own people (the 24-month rule).
    const std::size_t first = last == 3 ? 0 : last == 4 ? 2 : 4;
    std::vector<std::string> tckns = {std::get<0>(people[first])};
    if (first + 1 < people.size()) tckns.push_back(std::get<0>(people[first + 1]));
    if (!Ok(HandleSelectTrainees(s, env, id, std::nullopt, provider, tckns), id)) return;
    SaveCandidateChanges changes{provider, {}, {{"1", "setInterviewDate", today, "", ""},
                                                {"1", "setInvitationResponse", "", "accepted", ""},
                                                {"1", "setInterviewResult", "", "", "suitablePrincipal"}}};
    if (tckns.size() > 1) changes.changes.push_back({"2", "setInterviewDate", DaysFrom(today, 1), "", ""});
    if (!Ok(HandleCandidateChanges(s, env, id, std::nullopt, changes), id) || last == 3) continue;
    if (!step(CourseTransition::kFreezeList) || !step(CourseTransition::kApproveList)) return;
    if (last == 5 && !step(CourseTransition::kFinish)) return;
  }
}

}  // namespace istihdam::http
