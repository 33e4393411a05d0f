// Demo data of the TYP context (README "Demo accounts"): a unit user of İstanbul, a running
// program hosted by Anadolu Tekstil A.Ş. with three participants (registered individuals of
// data/citizens.csv) and some absences of last month, enough to flag one participant.
#include <spdlog/spdlog.h>

#include "aggregates/permissions.h"
#include "aggregates/workforce_schedule.h"
#include "commands/individuals.h"
#include "commands/staff.h"
#include "commands/typ.h"
#include "http/app.h"

namespace istihdam::http {

namespace {

struct DemoParticipant {
  const char* tckn;
  const char* first_name;
  const char* last_name;
  const char* birth_date;
};

bool Ok(const Result<Outcome>& r, const std::string& what) {
  if (!r.ok()) spdlog::error("demo data: {}: {}", what, r.error().code);
  return r.ok();
}

}  // namespace

void SeedTypDemoData(App& app, const CommandEnv& env, const std::string& host_id) {
  auto& s = app.services();
  auto unit = HandleCreateStaffUser(s, env, {"unit", "34", "93930103132", "Birim1234!"});
  if (!Ok(unit, "TYP unit user")) return;
  CommandEnv as_unit = env;
  as_unit.meta.actor = Actor{std::string(unit->body["id"].as_string()),
                             std::string(ActorTypeOf(StaffRole::kUnitUser)), ""};

  const std::string last_month = PreviousMonth(s.Today().substr(0, 7));
  std::string end_month = last_month;
  for (int i = 0; i < 6; ++i) end_month = NextMonth(end_month);
  CreateTypProgram program;
  program.actor_province = "34";
  program.host_employer_id = host_id;
  program.province = "34";
  program.start_date = last_month + "-01";
  program.end_date = end_month + "-28";
  program.description = "Okul ve park bahçelerinin bakımı, temizliği ve çevre düzenlemesi";
  program.participant_quota = 10;
  auto created = HandleCreateTypProgram(s, as_unit, program);
  if (!Ok(created, "TYP program")) return;
  const std::string typ_no(created->body["id"].as_string());

  const DemoParticipant people[] = {{"13056413946", "Çağla", "Doğan", "2001-08-13"},
                                    {"90957015400", "İbrahim", "Şahin", "1975-10-03"},
                                    {"27182278232", "Gülşen", "Özkan", "1973-09-25"}};
  for (const auto& p : people) {
    RegisterIndividual r;
    r.tckn = p.tckn;
    r.first_name = p.first_name;
    r.last_name = p.last_name;
    r.birth_date = p.birth_date;
    r.password = r.password_repeat = "Demo1234!";
    r.secret_question = "Doğduğunuz şehir?";
    r.secret_answer = "İstanbul";
    r.email = "katilimci@example.com.tr";
    r.mobile = "0533 444 00 00";
    r.preferred_contact = "email";
    if (!Ok(HandleRegisterIndividual(s, env, r), "TYP participant registration")) return;
    AssignTypParticipant a{
        "34", "", p.tckn, p.first_name, p.last_name, program.start_date, program.end_date};
    if (!Ok(HandleAssignTypParticipant(s, as_unit, typ_no, a), "TYP participant")) return;
  }

  CommandEnv as_host = env;
  as_host.meta.actor = Actor{"", "System", host_id};
  const std::vector<std::tuple<const char*, const char*, const char*>> absences = {
      {"1", "05", "unexcusedAbsence"}, {"1", "06", "unexcusedAbsence"},
      {"1", "07", "unexcusedAbsence"}, {"1", "14", "sickLeave"},
      {"2", "08", "paidLeave"},        {"2", "19", "excusedAbsence"},
      {"3", "12", "unpaidLeave"}};
  for (const auto& [participant, day, type] : absences) {
    RecordAbsence r;
    r.employer_id = host_id;
    r.typ_no = typ_no;
    r.participant_id = participant;
    r.date = last_month + "-" + day;
    r.attendance_type = type;
    if (!Ok(HandleRecordAbsence(s, as_host, r), "TYP absence")) return;
  }
}

}  // namespace istihdam::http
