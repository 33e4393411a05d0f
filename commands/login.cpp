#include "commands/login.h"

#include <boost/json.hpp>

#include "aggregates/authorized_users.h"
#include "aggregates/permissions.h"
#include "commands/identity_helpers.h"

namespace istihdam {

namespace {

Decision StartSession(Services& s, const std::string& stream, Session session, boost::json::object body) {
  const std::string token = crypto::RandomToken(32);
  session.expires_at = s.clock->Now() + Micros(s.config.session_ttl_minutes) * 60'000'000;
  Decision d;
  AddEvent(d.append, stream, ExpectedVersion::Any(),
           events::UserLoggedIn{session.user_id, session.employer_id, SessionId(token),
                                FormatRfc3339(session.expires_at), SessionHash(token),
                                session.actor_type, session.province});
  d.extra.push_back(s.tables.sessions.Write(SessionKey(token),
                                            [session](const AppendResult&) { return EncodeSession(session); }));
  body["token"] = token;
  body["expiresAt"] = FormatRfc3339(session.expires_at);
  if (!session.employer_id.empty()) body["employerId"] = session.employer_id;
  body["admin"] = session.admin;
  boost::json::array perms;
  for (const auto& p : session.permissions) perms.emplace_back(p);
  body["permissions"] = std::move(perms);
  body["actorType"] = session.actor_type;
  d.reply = [body](const AppendResult&) { return Outcome{body}; };
  return d;
}

// The actor type of a staff user's recorded role name ("unit" -> "UnitUser").
std::string StaffActorType(const std::string& role) {
  return std::string(ActorTypeOf(StaffRoleNamed(role).value_or(StaffRole::kHeadOfficeUser)));
}

}  // namespace

Result<Outcome> HandleLogin(Services& s, const CommandEnv& env, const LoginRequest& req) {
  if (!s.per_tckn_limiter.Allow("login:" + req.tckn)) return Error::Of(errc::kRateLimited);
  const Error invalid = Error::Of(errc::kInvalidCredentials);
  const std::string user_id = ReservedOwner(s, ReservationStream(s, "tckn", req.tckn));
  const std::string staff_id =
      user_id.empty() ? ReservedOwner(s, ReservationStream(s, "staff-tckn", req.tckn)) : "";
  const std::string id = user_id.empty() ? staff_id : user_id;
  const std::string stream = (user_id.empty() ? "staff-" : "user-") + id;
  const bool password_ok = CheckPassword(s, id, req.password);  // always the same work
  const auto now = s.clock->Now();
  if (id.empty()) {
    const std::string key = PhantomKey(req.tckn);
    if (IsLockedOut(s.phantom_failures.Of(key), now, s.lockout)) return Error::Of(errc::kTooManyAttempts);
    s.phantom_failures.Record(key, now);
    // A synced write, as the LoginFailed event of a real account costs one: same timing.
    (void)s.tables.meta.PutDurably("last-unknown-login", EncodeU64(now));
    return invalid;
  }

  if (!req.as.empty() && req.as != "individual") return Error::Validation({{"as", "unknown_value"}});
  if (!staff_id.empty()) {
    if (!req.as.empty()) {  // staff are not individuals: the same answer as a wrong password
      if (!password_ok) RecordFailure(s, env, stream, id, "wrongPassword");
      return invalid;
    }
    const auto staff = s.staff.Load(stream).state;
    if (IsLockedOut(staff.failures, now, s.lockout)) return Error::Of(errc::kTooManyAttempts);
    if (!password_ok) {
      RecordFailure(s, env, stream, id, "wrongPassword");
      return invalid;
    }
    Session session{staff.staff_id, "", StaffActorType(staff.role), staff.province, false, {}, 0};
    CommandEnv scoped = env;
    scoped.meta.actor = Actor{id, session.actor_type, ""};
    return Execute(s, scoped, "Login", [&]() -> Result<Decision> {
      return StartSession(s, stream, session, boost::json::object{{"firms", boost::json::array()}});
    });
  }

  const auto user = s.users.Load(stream).state;
  if (IsLockedOut(user.failures, now, s.lockout)) return Error::Of(errc::kTooManyAttempts);
  if (!password_ok) {
    RecordFailure(s, env, stream, id, "wrongPassword");
    return invalid;
  }
  std::vector<FirmMembership> permitted;
  boost::json::array firms;
  const std::string today = s.Today();
  for (const auto& employer_id : user.employers) {
    const auto employer = s.employers.Load("employer-" + employer_id).state;
    if (auto m = MembershipOf(employer, id, today)) {
      permitted.push_back(*m);
      firms.push_back(boost::json::object{{"employerId", employer_id}, {"title", employer.title}});
    }
  }
  if (req.as == "individual") {
    Session session{id, "", std::string(Session::kIndividualActor), "", false, {}, 0};
    CommandEnv scoped = env;
    scoped.meta.actor = Actor{id, session.actor_type, ""};
    return Execute(s, scoped, "Login", [&]() -> Result<Decision> {
      return StartSession(s, stream, session, boost::json::object{{"firms", firms}, {"individualId", id}});
    });
  }
  auto chosen = ChooseFirm(permitted, req.employer_id);
  if (!chosen.ok()) {
    RecordFailure(s, env, stream, id, "firmNotPermitted");
    return chosen.error();
  }
  boost::json::object body{{"firms", firms}};
  if (!chosen->has_value()) return Outcome{body};  // no firm yet: the user picks one next
  const auto& m = **chosen;
  Session session{id, m.employer_id, m.actor_type, "", m.admin, m.permissions, 0};
  CommandEnv scoped = env;
  scoped.meta.actor = Actor{id, m.actor_type, m.employer_id};
  return Execute(s, scoped, "Login", [&]() -> Result<Decision> { return StartSession(s, stream, session, body); });
}

Result<Outcome> HandleLogout(Services& s, const CommandEnv& env, const Session& session, const std::string& token) {
  const std::string stream = (session.IsStaff() ? "staff-" : "user-") + session.user_id;
  return Execute(s, env, "Logout", [&]() -> Result<Decision> {
    Decision d;
    AddEvent(d.append, stream, ExpectedVersion::Any(), events::UserLoggedOut{session.user_id, SessionId(token), SessionHash(token)});
    d.extra.push_back(s.tables.sessions.Remove(SessionKey(token)));
    d.reply = [](const AppendResult&) { return Outcome{boost::json::object{{"loggedOut", true}}}; };
    return d;
  });
}

}  // namespace istihdam
