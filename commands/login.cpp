#include "commands/login.h"

#include <boost/json.hpp>

#include "aggregates/permissions.h"
#include "commands/credentials.h"
#include "commands/session.h"

namespace istihdam {
namespace {

// The owner id recorded in a reservation stream, or "".
std::string ReservedOwner(Services& s, const std::string& stream) {
  const auto evs = s.store->ReadStream(stream, 1, 1);
  if (evs.empty()) return "";
  auto e = events::Decode<events::ReservationEvent>(evs.front());
  return e ? std::get<events::IdentifierReserved>(*e).owner_id : "";
}

bool CheckPassword(Services& s, const std::string& user_id, const std::string& password) {
  // A fixed dummy hash keeps the work the same when the user does not exist.
  static const std::string dummy = crypto::HashPassword("dummy-password", s.password_cost);
  std::string bytes;
  std::optional<Credentials> c;
  if (!user_id.empty() && s.db->Get(s.db->Family(cf::kCredentials), user_id, &bytes)) {
    c = DecodeCredentials(bytes);
  }
  const bool ok = crypto::VerifyPassword(password, c ? c->password_hash : dummy);
  return ok && c.has_value();
}

Decision StartSession(Services& s, const std::string& stream, Session session,
                      boost::json::object body) {
  const std::string token = crypto::RandomToken(32);
  session.expires_at = s.clock->Now() + Micros(s.config.session_ttl_minutes) * 60'000'000;
  Decision d;
  const auto key = crypto::Sha256(token);
  AddEvent(d.append, stream, ExpectedVersion::Any(),
           events::UserLoggedIn{session.user_id, session.employer_id,
                                crypto::ToHex(key).substr(0, 16),
                                FormatRfc3339(session.expires_at)});
  d.extra.push_back(ExtraWrite{cf::kSessions, SessionKey(token),
                               [session](const AppendResult&) { return EncodeSession(session); }});
  body["token"] = token;
  body["expiresAt"] = FormatRfc3339(session.expires_at);
  if (!session.employer_id.empty()) body["employerId"] = session.employer_id;
  body["admin"] = session.admin;
  boost::json::array perms;
  for (const auto& p : session.permissions) perms.emplace_back(p);
  body["permissions"] = std::move(perms);
  if (session.employer_id.empty()) body["actorType"] = session.actor_type;
  d.reply = [body](const AppendResult&) { return Reply{200, body}; };
  return d;
}

Decision Refuse(const std::string& stream, const std::string& user_id, const std::string& reason) {
  Decision d;
  AddEvent(d.append, stream, ExpectedVersion::Any(), events::LoginFailed{user_id, reason});
  d.reply = [](const AppendResult&) { return Reply{}; };
  return d;
}

std::string StaffActorType(const std::string& role) {
  if (role == "auditor") return "Auditor";
  if (role == "unit") return "UnitUser";
  return "HeadOfficeUser";
}

}  // namespace

Result<Reply> HandleLogin(Services& s, const CommandEnv& env, const LoginRequest& req) {
  const Error invalid = Error::Of("invalid_credentials");
  std::string user_id = ReservedOwner(s, ReservationStream(s, "tckn", req.tckn));
  std::string staff_id =
      user_id.empty() ? ReservedOwner(s, ReservationStream(s, "staff-tckn", req.tckn)) : "";
  const std::string id = user_id.empty() ? staff_id : user_id;
  const std::string stream = (user_id.empty() ? "staff-" : "user-") + id;
  const bool password_ok = CheckPassword(s, id, req.password);
  if (id.empty()) return invalid;
  if (!password_ok) {
    (void)Execute(s, env, "Login", [&]() -> Result<Decision> { return Refuse(stream, id, "wrongPassword"); });
    return invalid;
  }

  if (!staff_id.empty()) {
    const auto staff = s.staff.Load(stream).state;
    Session session{staff.staff_id, "", StaffActorType(staff.role), staff.province, false, {}, 0};
    return Execute(s, env, "Login", [&]() -> Result<Decision> {
      boost::json::object body;
      body["firms"] = boost::json::array();
      return StartSession(s, stream, session, body);
    });
  }

  const auto user = s.users.Load(stream).state;
  boost::json::array firms;
  for (const auto& f : PermittedFirms(user)) {
    boost::json::object o;
    o["employerId"] = f.employer_id;
    o["title"] = s.employers.Load("employer-" + f.employer_id).state.title;
    firms.push_back(std::move(o));
  }
  auto chosen = ChooseFirm(user, req.employer_id);
  if (!chosen.ok()) {
    (void)Execute(s, env, "Login", [&]() -> Result<Decision> { return Refuse(stream, id, "firmNotPermitted"); });
    return chosen.error();
  }
  boost::json::object body;
  body["firms"] = firms;
  if (!chosen->has_value()) return Reply{200, body};  // the user picks a firm next
  const auto& m = **chosen;
  Session session{id, m.employer_id, m.actor_type, "", m.admin, {}, 0};
  for (auto p : permissions::kAll) session.permissions.emplace_back(p);
  CommandEnv scoped = env;
  scoped.meta.actor = Actor{id, m.actor_type, m.employer_id};
  return Execute(s, scoped, "Login", [&]() -> Result<Decision> {
    return StartSession(s, stream, session, body);
  });
}

}  // namespace istihdam
