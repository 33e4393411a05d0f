#include "commands/password_reset.h"

#include <boost/json.hpp>

#include "commands/credentials.h"
#include "commands/identity_helpers.h"
#include "commands/session.h"

namespace istihdam {

namespace {

// The side-table row of a reset token: owner ("" for a phantom), expiry, phantom wrong answers.
struct ResetRow {
  std::string user_id;
  Micros expires_at = 0;
  std::string phantom_key;  // phantoms: where their failures count (PhantomKey of the TCKN)
};

std::string EncodeRow(const ResetRow& r) {
  return boost::json::serialize(boost::json::object{
      {"userId", r.user_id}, {"expiresAt", r.expires_at}, {"phantomKey", r.phantom_key}});
}

std::optional<ResetRow> FindRow(Services& s, const std::string& token) {
  std::string bytes;
  if (token.empty() || token.size() > 200 || !s.tables.password_resets.Get(SessionKey(token), &bytes)) {
    return std::nullopt;
  }
  auto o = boost::json::parse(bytes).as_object();
  return ResetRow{std::string(o["userId"].as_string()), o["expiresAt"].to_number<Micros>(),
                  std::string(o["phantomKey"].as_string())};
}

void PutRowDurably(Services& s, const std::string& token, const ResetRow& row) {
  // Synced: the same cost as the synced append a real reset makes.
  auto st = s.tables.password_resets.PutDurably(SessionKey(token), EncodeRow(row));
  if (!st.ok()) throw std::runtime_error("password reset row: " + st.error().detail);
}

std::string ResetId(const std::string& token) { return crypto::ToHex(crypto::Sha256(token)); }

// A plausible question for a TCKN without an account, the same every time for that TCKN.
std::string PhantomQuestion(Services& s, const std::string& tckn) {
  static const char* kQuestions[] = {"İlk evcil hayvanınızın adı?", "Annenizin kızlık soyadı?",
                                     "İlkokul öğretmeninizin adı?", "Doğduğunuz şehir?",
                                     "En sevdiğiniz yemek?"};
  const auto d = crypto::Sha256(s.installation_secret + "\nquestion\n" + tckn);
  return kQuestions[d[0] % 5];
}

Result<std::pair<ResetRow, Loaded<UserAccountState>>> Open(Services& s, const std::string& token) {
  auto row = FindRow(s, token);
  if (!row || row->expires_at <= s.clock->Now()) return Error::Of(errc::kResetInvalid);
  Loaded<UserAccountState> user;
  if (!row->user_id.empty()) {
    auto l = s.users.Load("user-" + row->user_id);
    user = {l.state, l.version};
  }
  return std::make_pair(*row, user);
}

}  // namespace

Result<Outcome> HandleStartPasswordReset(Services& s, const CommandEnv& env, const std::string& tckn) {
  if (!s.per_tckn_limiter.Allow("reset:" + tckn)) return Error::Of(errc::kRateLimited);
  const std::string token = crypto::RandomToken(32);
  const Micros expires = s.clock->Now() + Micros(s.config.reset_ttl_minutes) * 60'000'000;
  const std::string user_id = tckn.empty() ? "" : ReservedOwner(s, ReservationStream(s, "tckn", tckn));
  boost::json::object body{{"resetId", token}, {"expiresAt", FormatRfc3339(expires)}};
  if (user_id.empty()) {
    PutRowDurably(s, token, ResetRow{"", expires, PhantomKey(tckn)});
    body["secretQuestion"] = PhantomQuestion(s, tckn);
    return Outcome{body};
  }
  const auto user = s.users.Load("user-" + user_id).state;
  body["secretQuestion"] = user.secret_question;
  auto res = Execute(s, env, "StartPasswordReset", [&]() -> Result<Decision> {
    Decision d;
    AddEvent(d.append, "user-" + user_id, ExpectedVersion::Any(),
             events::PasswordResetStarted{user_id, ResetId(token), expires});
    d.extra.push_back(s.tables.password_resets.Write(
        SessionKey(token), [row = ResetRow{user_id, expires, ""}](const AppendResult&) { return EncodeRow(row); }));
    d.reply = [body](const AppendResult&) { return Outcome{body}; };
    return d;
  });
  if (res.ok()) res->body.erase("position");  // the phantom answer has none: look the same
  return res;
}

Result<Outcome> HandleAnswerSecretQuestion(Services& s, const CommandEnv& env, const std::string& token,
                                         const std::string& answer) {
  auto opened = Open(s, token);
  if (!opened.ok()) return opened.error();
  auto& [row, user] = *opened;
  const Error wrong{"secret_answer_wrong", {{"answer", "secret_answer_wrong"}}, {}};
  std::string bytes;
  std::optional<Credentials> c;
  if (!row.user_id.empty() && s.tables.credentials.Get(row.user_id, &bytes)) c = DecodeCredentials(bytes);
  static const std::string dummy = crypto::HashPassword("dummy-answer", s.password_cost);
  const bool matches = crypto::VerifyPassword(NormalizeSecretAnswer(answer), c ? c->secret_answer_hash : dummy) && c;
  const Micros now = s.clock->Now();

  if (row.user_id.empty()) {  // phantom: counts and locks like a real account, never matches
    if (IsLockedOut(s.phantom_failures.Of(row.phantom_key), now, s.lockout)) return Error::Of(errc::kTooManyAttempts);
    s.phantom_failures.Record(row.phantom_key, now);
    PutRowDurably(s, token, row);  // the same synced write a real rejection costs
    return wrong;
  }
  auto decided = DecideAnswer(user.state, ResetId(token), matches, now, s.lockout);
  if (!decided.ok()) return decided.error();
  const bool verified = std::holds_alternative<events::SecretAnswerVerified>(*decided);
  auto res = Execute(s, env, "AnswerSecretQuestion", [&]() -> Result<Decision> {
    Decision d;
    AddStream(d.append, "user-" + row.user_id, ExpectedVersion::Any(), std::vector{*decided});
    d.reply = [complete = ContactInfoComplete(user.state)](const AppendResult&) {
      return Outcome{{{"contactInfoComplete", complete}}};
    };
    return d;
  });
  if (res.ok() && !verified) return wrong;
  return res;
}

Result<Outcome> HandleCompleteContactInfo(Services& s, const CommandEnv& env, const std::string& token,
                                        const std::string& email, const std::string& mobile,
                                        const std::string& preferred) {
  auto opened = Open(s, token);
  if (!opened.ok()) return opened.error();
  auto& [row, user] = *opened;
  if (row.user_id.empty()) return Error::Of(errc::kAnswerNotVerified);
  return Execute(s, env, "CompleteContactInfo", [&]() -> Result<Decision> {
    auto e = DecideCompleteContact(user.state, ResetId(token), email, mobile, preferred, s.clock->Now());
    if (!e.ok()) return e.error();
    Decision d;
    AddEvent(d.append, "user-" + row.user_id, ExpectedVersion::Any(), *e);
    d.reply = [](const AppendResult&) { return Outcome{{{"contactInfoComplete", true}}}; };
    return d;
  });
}

Result<Outcome> HandleSetNewPassword(Services& s, const CommandEnv& env, const std::string& token,
                                   const std::string& password, const std::string& repeat) {
  auto opened = Open(s, token);
  if (!opened.ok()) return opened.error();
  const std::string user_id = opened->first.user_id;
  if (user_id.empty()) return Error::Of(errc::kAnswerNotVerified);
  const std::string stream = "user-" + user_id;
  return Execute(s, env, "SetNewPassword", [&]() -> Result<Decision> {
    const auto user = s.users.Load(stream);
    auto e = DecideSetPassword(user.state, ResetId(token), password, repeat, s.config.min_password_length,
                               s.clock->Now());
    if (!e.ok()) return e.error();
    std::string bytes;
    Credentials c;
    if (s.tables.credentials.Get(user_id, &bytes)) c = DecodeCredentials(bytes).value_or(c);
    c.password_hash = crypto::HashPassword(password, s.password_cost);
    Decision d;
    AddEvent(d.append, stream, ExpectedVersion::Exactly(user.version), *e);
    d.extra.push_back(s.tables.credentials.Write(user_id, [c](const AppendResult&) { return EncodeCredentials(c); }));
    d.extra.push_back(s.tables.password_resets.Remove(SessionKey(token)));  // single use
    d.reply = [](const AppendResult&) { return Outcome{{{"passwordChanged", true}}}; };
    return d;
  });
}

}  // namespace istihdam
