#include "commands/identity_helpers.h"

#include "commands/credentials.h"

namespace istihdam {

std::string ReservedOwner(Services& s, const std::string& stream) {
  const auto evs = s.store->ReadStream(stream, 1, 1);
  if (evs.empty()) return "";
  auto e = events::Decode<events::ReservationEvent>(evs.front());
  return e ? std::get<events::IdentifierReserved>(*e).owner_id : "";
}

void RecordFailure(Services& s, const CommandEnv& env, const std::string& stream, const std::string& id,
                   const std::string& reason) {
  (void)Execute(s, env, "Login", [&]() -> Result<Decision> {
    Decision d;
    AddEvent(d.append, stream, ExpectedVersion::Any(), events::LoginFailed{id, reason, s.clock->Now()});
    d.reply = [](const AppendResult&) { return Outcome{}; };
    return d;
  });
}

std::string PhantomKey(const std::string& tckn) { return "tckn:" + tckn; }

bool CheckPassword(Services& s, const std::string& id, const std::string& password) {
  // A fixed dummy hash keeps the work the same when the user does not exist.
  static const std::string dummy = crypto::HashPassword("dummy-password", s.password_cost);
  std::string bytes;
  std::optional<Credentials> c;
  if (!id.empty() && s.tables.credentials.Get(id, &bytes)) c = DecodeCredentials(bytes);
  const bool ok = crypto::VerifyPassword(password, c ? c->password_hash : dummy);
  return ok && c.has_value();
}

ExtraWrite CredentialsWrite(Services& s, const std::string& user_id, const std::string& password,
                            const std::string& secret_answer) {
  Credentials c{crypto::HashPassword(password, s.password_cost),
                secret_answer.empty() ? "" : crypto::HashPassword(NormalizeSecretAnswer(secret_answer), s.password_cost)};
  return s.tables.credentials.Write(user_id, [c](const AppendResult&) { return EncodeCredentials(c); });
}

Status CheckIdentity(Services& s, const PersonQuery& q, const std::string& field) {
  auto person = s.identity->Lookup(q);
  if (person.ok()) return Status::Ok();
  if (person.error().code == errc::kKpsMismatch) return Error{errc::kKpsMismatch, {{field, "kps_mismatch"}}, {}};
  return person.error();
}

}  // namespace istihdam
