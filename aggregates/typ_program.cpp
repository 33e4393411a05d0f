#include "aggregates/typ_program.h"

#include <cstdio>

#include "aggregates/validation.h"
#include "infra/clock.h"

namespace istihdam {

std::string TypProgramStream(const std::string& typ_no) { return "typ-program-" + typ_no; }

std::string FormatTypNo(const std::string& year, const std::string& province,
                        std::uint64_t sequence) {
  char seq[24];
  std::snprintf(seq, sizeof seq, "%05llu", static_cast<unsigned long long>(sequence));
  return "TYP-" + year + "-" + province + "-" + seq;
}

std::string TypStatus(const std::string& start_date, const std::string& end_date,
                      const std::string& today) {
  if (today < start_date) return "planned";
  if (today > end_date) return "completed";
  return "active";
}

const TypParticipant* TypProgramState::Find(const std::string& participant_id) const {
  for (const auto& p : participants) {
    if (p.participant_id == participant_id) return &p;
  }
  return nullptr;
}

TypProgramState Apply(TypProgramState s, const events::TypProgramEvent& e) {
  if (const auto* c = std::get_if<events::TypProgramCreated>(&e)) {
    s.exists = true;
    s.typ_no = c->typ_no;
    s.host_employer_id = c->host_employer_id;
    s.province = c->province;
    s.start_date = c->start_date;
    s.end_date = c->end_date;
    s.description = c->description;
    s.participant_quota = c->participant_quota;
  } else if (const auto* p = std::get_if<events::TypParticipantAssigned>(&e)) {
    s.participants.push_back({p->participant_id, p->user_id, p->tckn, p->first_name, p->last_name,
                              p->start_date, p->end_date});
  }
  return s;
}

namespace {

// Both dates present and real, end not before start.
void Period(Validator& v, const std::string& start, const std::string& end) {
  std::int64_t a = 0, b = 0;
  const bool start_ok = v.Required("startDate", start) && ParseDate(start, &a);
  const bool end_ok = v.Required("endDate", end) && ParseDate(end, &b);
  if (!start.empty() && !start_ok) v.Fail("startDate", "invalid_format");
  if (!end.empty() && !end_ok) v.Fail("endDate", "invalid_format");
  if (start_ok && end_ok && b < a) v.Fail("endDate", "before_valid_from");
}

}  // namespace

Result<events::TypProgramCreated> DecideCreateTypProgram(const CreateTypProgram& c) {
  Validator v;
  if (v.Required("hostEmployerId", c.host_employer_id) && !c.host_exists)
    v.Fail("hostEmployerId", "unknown_value");
  if (v.Required("province", c.province) &&
      (c.province.size() != 2 || c.province < "01" || c.province > "81")) {
    v.Fail("province", "unknown_value");
  }
  Period(v, c.start_date, c.end_date);
  if (v.Required("description", c.description)) v.MaxLength("description", c.description, 1000);
  if (c.participant_quota < 1) v.Fail("participantQuota", "too_small");
  else v.AtMost("participantQuota", c.participant_quota, kMaxParticipantQuota);
  if (!v.ok()) return v.ToError();
  if (c.province != c.actor_province) return Error::Of(errc::kOtherProvince);
  return events::TypProgramCreated{c.typ_no,   c.host_employer_id, c.province,         c.start_date,
                                   c.end_date, c.description,      c.participant_quota};
}

Result<events::TypParticipantAssigned> DecideAssignTypParticipant(const TypProgramState& s,
                                                                  const AssignTypParticipant& c) {
  if (!s.exists || s.province != c.actor_province) return Error::Of(errc::kTypProgramNotFound);
  Validator v;
  v.Tckn("tckn", c.tckn);
  v.Required("firstName", c.first_name);
  v.Required("lastName", c.last_name);
  Period(v, c.start_date, c.end_date);
  if (!v.ok()) return v.ToError();
  if (c.user_id.empty())
    return Error{errc::kParticipantNotRegistered, {{"tckn", "not_registered"}}, {}};
  if (c.start_date < s.start_date || c.end_date > s.end_date)
    return Error::Of(errc::kOutsideProgramPeriod);
  for (const auto& p : s.participants) {
    if (p.tckn == c.tckn && c.start_date <= p.end_date && p.start_date <= c.end_date) {
      return Error::Of(errc::kParticipantPeriodOverlaps);
    }
  }
  if (static_cast<std::int64_t>(s.participants.size()) >= s.participant_quota) {
    return Error::Of(errc::kParticipantQuotaExceeded);
  }
  return events::TypParticipantAssigned{s.typ_no,     std::to_string(s.participants.size() + 1),
                                        c.user_id,    c.tckn,
                                        c.first_name, c.last_name,
                                        c.start_date, c.end_date};
}

}  // namespace istihdam
