#include "projections/typ.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>

#include "aggregates/typ_attendance.h"
#include "aggregates/typ_program.h"
#include "events/employers.h"
#include "events/typ.h"
#include "infra/stored_json.h"

namespace istihdam {
namespace {

constexpr const char* kPrograms = "programs";  // typNo -> program JSON
constexpr const char* kParticipants =
    "participants";                              // typNo \0 participant key -> participant JSON
constexpr const char* kAbsences = "absences";    // typNo \0 participant key \0 date -> type
constexpr const char* kFlags = "flags";          // month \0 typNo \0 participant key -> flag JSON
constexpr const char* kEmployers = "employers";  // employerId -> title (of program hosts)

const std::string kSep(1, '\0');

// Participant ids are numbers: zero-padded in keys so that "10" sorts after "9".
std::string PKey(const std::string& participant_id) {
  return std::string(8 - std::min<std::size_t>(8, participant_id.size()), '0') + participant_id;
}

boost::json::object Parse(const std::string& doc) { return ParseStoredJson(doc, "typ").as_object(); }

std::string Str(const boost::json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

class TypProjector final : public Projector {
 public:
  std::string name() const override { return "typ"; }
  std::vector<std::string> event_types() const override { return events::TypesOf<events::EmployerRegistered, events::TypProgramEvent, events::TypAttendanceEvent>(); }
  std::vector<std::string> tables() const override {
    return {kPrograms, kParticipants, kAbsences, kFlags, kEmployers};
  }

  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    if (auto ee = events::Decode<events::EmployerEvent>(e)) {
      if (const auto* r = std::get_if<events::EmployerRegistered>(&*ee)) {
        b.Put(kEmployers, r->employer_id, r->title);
      }
    } else if (auto pe = events::Decode<events::TypProgramEvent>(e)) {
      ApplyProgram(*pe, e.version, b);
    } else if (auto ae = events::Decode<events::TypAttendanceEvent>(e)) {
      ApplyAttendance(*ae, b);
    }
  }

 private:
  static void ApplyProgram(const events::TypProgramEvent& ev, std::uint64_t version,
                           ProjectionBatch& b) {
    if (const auto* c = std::get_if<events::TypProgramCreated>(&ev)) {
      std::string host_title;
      b.Get(kEmployers, c->host_employer_id, &host_title);
      boost::json::object o;
      o["typNo"] = c->typ_no;
      o["hostEmployerId"] = c->host_employer_id;
      o["hostEmployerTitle"] = host_title;
      o["province"] = c->province;
      o["startDate"] = c->start_date;
      o["endDate"] = c->end_date;
      o["description"] = c->description;
      o["participantQuota"] = c->participant_quota;
      o["participantCount"] = 0;
      o["version"] = version;
      b.Put(kPrograms, c->typ_no, SerializeStoredJson(o));
    } else if (const auto* p = std::get_if<events::TypParticipantAssigned>(&ev)) {
      std::string doc;
      if (!b.Get(kPrograms, p->typ_no, &doc)) return;
      auto o = Parse(doc);
      o["participantCount"] = o["participantCount"].to_number<std::int64_t>() + 1;
      o["version"] = version;
      b.Put(kPrograms, p->typ_no, SerializeStoredJson(o));
      boost::json::object row{{"participantId", p->participant_id}, {"tckn", p->tckn},
                              {"firstName", p->first_name},         {"lastName", p->last_name},
                              {"startDate", p->start_date},         {"endDate", p->end_date}};
      b.Put(kParticipants, p->typ_no + kSep + PKey(p->participant_id), SerializeStoredJson(row));
    }
  }

  static void ApplyAttendance(const events::TypAttendanceEvent& ev, ProjectionBatch& b) {
    if (const auto* r = std::get_if<events::TypAbsenceRecorded>(&ev)) {
      b.Put(kAbsences, r->typ_no + kSep + PKey(r->participant_id) + kSep + r->date,
            r->attendance_type);
    } else if (const auto* d = std::get_if<events::TypAbsenceDeleted>(&ev)) {
      b.Delete(kAbsences, d->typ_no + kSep + PKey(d->participant_id) + kSep + d->date);
    } else if (const auto* f = std::get_if<events::TypParticipantFlagged>(&ev)) {
      std::string program, participant;
      if (!b.Get(kPrograms, f->typ_no, &program)) return;
      b.Get(kParticipants, f->typ_no + kSep + PKey(f->participant_id), &participant);
      const auto p = participant.empty() ? boost::json::object{} : Parse(participant);
      boost::json::object o{{"typNo", f->typ_no},
                            {"participantId", f->participant_id},
                            {"firstName", Str(p, "firstName")},
                            {"lastName", Str(p, "lastName")},
                            {"province", Str(Parse(program), "province")},
                            {"month", f->month},
                            {"threshold", f->threshold}};
      b.Put(kFlags, f->month + kSep + f->typ_no + kSep + PKey(f->participant_id),
            SerializeStoredJson(o));
    }
  }
};

bool Admits(const TypScope& scope, const boost::json::object& program) {
  if (scope.everything) return true;
  if (!scope.employer_id.empty()) return Str(program, "hostEmployerId") == scope.employer_id;
  return !scope.province.empty() && Str(program, "province") == scope.province;
}

bool Matches(const TypCriteria& c, const boost::json::object& o) {
  const std::string start = Str(o, "startDate");
  if (!c.typ_no.empty() && Str(o, "typNo") != c.typ_no) return false;
  if (!c.province.empty() && Str(o, "province") != c.province) return false;
  if (!c.status.empty() && Str(o, "status") != c.status) return false;
  if (!c.start_from.empty() && start < c.start_from) return false;
  if (!c.start_to.empty() && start > c.start_to) return false;
  return true;
}

void Decorate(boost::json::object& o, const std::string& today) {
  o["status"] = TypStatus(Str(o, "startDate"), Str(o, "endDate"), today);
}

}  // namespace

std::unique_ptr<Projector> MakeTypProjector() { return std::make_unique<TypProjector>(); }

boost::json::object ListTypPrograms(const ReadView& view, const TypScope& scope,
                                    const TypCriteria& criteria, const std::string& today,
                                    const Page& page) {
  boost::json::array items;
  std::size_t total = 0;
  const std::size_t begin = FirstRow(page);
  view.Scan(kPrograms, "", [&](const std::string&, const std::string& doc) {
    auto o = Parse(doc);
    Decorate(o, today);
    if (!Admits(scope, o) || !Matches(criteria, o)) return true;
    if (total >= begin && total < begin + page.page_size) items.push_back(std::move(o));
    ++total;
    return true;
  });
  return PageEnvelope(std::move(items), total, page);
}

std::optional<boost::json::object> GetTypProgram(const ReadView& view, const TypScope& scope,
                                                 const std::string& typ_no,
                                                 const std::string& today) {
  std::string doc;
  if (typ_no.empty() || !view.Get(kPrograms, typ_no, &doc)) return std::nullopt;
  auto o = Parse(doc);
  if (!Admits(scope, o)) return std::nullopt;
  Decorate(o, today);
  return o;
}

std::vector<boost::json::object> TypParticipants(const ReadView& view, const std::string& typ_no) {
  std::vector<boost::json::object> out;
  view.Scan(kParticipants, typ_no + kSep, [&](const std::string&, const std::string& doc) {
    out.push_back(Parse(doc));
    return true;
  });
  return out;
}

std::optional<boost::json::object> FindTypParticipant(const ReadView& view,
                                                      const std::string& typ_no,
                                                      const std::string& participant_id) {
  std::string doc;
  if (participant_id.empty() || participant_id.size() > 8 ||
      !view.Get(kParticipants, typ_no + kSep + PKey(participant_id), &doc)) {
    return std::nullopt;
  }
  return Parse(doc);
}

std::vector<TypAbsence> TypAbsences(const ReadView& view, const std::string& typ_no,
                                    const std::string& month, const std::string& participant_id) {
  std::vector<TypAbsence> out;
  const std::string prefix =
      typ_no + kSep + (participant_id.empty() ? "" : PKey(participant_id) + kSep);
  view.Scan(kAbsences, prefix, [&](const std::string& key, const std::string& type) {
    const auto date = key.substr(key.rfind('\0') + 1);
    if (date.compare(0, 7, month) != 0) return true;
    const auto pkey = key.substr(typ_no.size() + 1, 8);
    out.push_back({std::to_string(std::stoull(pkey)), date, type});
    return true;
  });
  return out;
}

boost::json::object ListFlaggedTypParticipants(const ReadView& view, const TypScope& scope,
                                               const std::string& month, const Page& page) {
  std::vector<boost::json::object> rows;
  view.Scan(kFlags, month.empty() ? "" : month + kSep,
            [&](const std::string&, const std::string& doc) {
              auto o = Parse(doc);
              if (scope.everything || Str(o, "province") == scope.province)
                rows.push_back(std::move(o));
              return true;
            });
  std::reverse(rows.begin(), rows.end());  // newest month first
  boost::json::array items;
  const std::size_t begin = FirstRow(page);
  for (std::size_t i = begin; i < rows.size() && i < begin + page.page_size; ++i) {
    auto& o = rows[i];
    const auto days = TypAbsences(view, Str(o, "typNo"), Str(o, "month"), Str(o, "participantId"));
    o["unexcusedDays"] = std::count_if(days.begin(), days.end(), [](const TypAbsence& a) {
      return a.attendance_type == kUnexcusedAbsence;
    });
    items.push_back(std::move(o));
  }
  return PageEnvelope(std::move(items), rows.size(), page);
}

}  // namespace istihdam
