#include "commands/staff.h"

#include "aggregates/validation.h"
#include "commands/identity_helpers.h"

namespace istihdam {

Result<Outcome> HandleCreateStaffUser(Services& s, const CommandEnv& env, const CreateStaffUser& c) {
  Validator v;
  v.OneOf("role", c.role, {"auditor", "unit", "headOffice"});
  if (c.role == "unit" && v.Required("province", c.province) && !s.ref.FindProvince(c.province)) {
    v.Fail("province", "unknown_value");
  }
  v.Tckn("tckn", c.tckn);
  if (v.Required("password", c.password) && c.password.size() < s.config.min_password_length) {
    v.Fail("password", "too_short");
  }
  if (!v.ok()) return v.ToError();
  const std::string id = s.ids.Next("staff-", 9'000'000'001);
  const std::string reservation = ReservationStream(s, "staff-tckn", c.tckn);
  return Execute(s, env, "CreateStaffUser", [&]() -> Result<Decision> {
    Decision d;
    AddEvent(d.append, "staff-" + id, ExpectedVersion::NoStream(),
             events::StaffUserCreated{id, c.tckn, c.role, c.role == "unit" ? c.province : ""});
    AddEvent(d.append, reservation, ExpectedVersion::NoStream(),
             events::IdentifierReserved{"staffTckn", id});
    d.conflict_codes.emplace(reservation, Error{errc::kAlreadyRegistered, {{"tckn", "already_registered"}}, {}});
    d.extra.push_back(CredentialsWrite(s, id, c.password, ""));
    d.reply = [id](const AppendResult& r) {
      Outcome rep;
      rep.body["id"] = id;
      rep.body["version"] = r.stream_versions.front();
      return rep;
    };
    return d;
  });
}

}  // namespace istihdam
