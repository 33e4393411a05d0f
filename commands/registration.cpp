#include "commands/registration.h"

#include "commands/identity_helpers.h"

namespace istihdam {

Result<Outcome> HandleRegisterEmployer(Services& s, const CommandEnv& env, RegisterEmployer cmd) {
  const RegistrationPolicy policy{s.config.terms_version, s.config.min_password_length};
  const auto& rep = cmd.representative;
  cmd.now = s.clock->Now();
  const std::string tckn_stream = ReservationStream(s, "tckn", rep.tckn);
  const std::string tax_stream = ReservationStream(s, "tax-no", cmd.tax_no);
  const std::string sgk_stream = ReservationStream(s, "sgk-no", cmd.sgk_no);
  const Error taken_tckn{"already_registered", {{"representative.tckn", "already_registered"}}, {}};
  const Error taken_tax{"tax_no_taken", {{"employer.taxNo", "already_registered"}}, {}};
  const Error taken_sgk{"sgk_no_taken", {{"employer.sgkNo", "already_registered"}}, {}};

  // A person who already has an account registers a (further) firm with its own password.
  const std::string existing = ReservedOwner(s, tckn_stream);
  if (!existing.empty()) {
    const std::string user_stream = "user-" + existing;
    const bool password_ok = CheckPassword(s, existing, rep.password);
    if (IsLockedOut(s.users.Load(user_stream).state.failures, s.clock->Now(), s.lockout)) {
      return Error::Of(errc::kTooManyAttempts);
    }
    if (!password_ok) {  // a password guess like any other: audited and counted
      RecordFailure(s, env, user_stream, existing, "wrongPassword");
      return taken_tckn;
    }
    cmd.existing_user = true;
    cmd.user_id = existing;
  } else {
    cmd.user_id = s.ids.Next("user-", 4'000'000'001);
  }
  cmd.employer_id = cmd.iskur_no = s.ids.Next("employer-", 2'000'000'001);
  cmd.workplace_id = s.ids.Next("workplace-", 3'000'000'001);

  return Execute(s, env, "RegisterEmployer", [&]() -> Result<Decision> {
    auto d = DecideRegistration(cmd, s.ref, policy);
    if (!d.ok()) return d.error();
    if (auto id = CheckIdentity(s, {rep.tckn, rep.first_name, rep.last_name, 0}, "representative.tckn"); !id.ok()) {
      return id.error();
    }
    // Cheap early answers; the append below is what actually guarantees uniqueness.
    if (s.store->StreamVersion(tax_stream) > 0) return taken_tax;
    if (!cmd.sgk_no.empty() && s.store->StreamVersion(sgk_stream) > 0) return taken_sgk;

    Decision out;
    const auto none = ExpectedVersion::NoStream();
    AddStream(out.append, "employer-" + cmd.employer_id, none, d->employer);
    AddStream(out.append, "workplace-" + cmd.workplace_id, none, d->workplace);
    const std::string user_stream = "user-" + cmd.user_id;
    if (cmd.existing_user) {
      AddStream(out.append, user_stream, ExpectedVersion::Exactly(s.store->StreamVersion(user_stream)), d->user);
    } else {
      if (s.store->StreamVersion(tckn_stream) > 0) return taken_tckn;
      AddStream(out.append, user_stream, none, d->user);
      AddEvent(out.append, tckn_stream, none, events::IdentifierReserved{"tckn", cmd.user_id});
      out.conflict_codes.emplace(tckn_stream, taken_tckn);
      out.extra.push_back(CredentialsWrite(s, cmd.user_id, rep.password, rep.secret_answer));
    }
    AddEvent(out.append, tax_stream, none, events::IdentifierReserved{"taxNo", cmd.employer_id});
    out.conflict_codes.emplace(tax_stream, taken_tax);
    if (!cmd.sgk_no.empty()) {
      AddEvent(out.append, sgk_stream, none, events::IdentifierReserved{"sgkNo", cmd.workplace_id});
      out.conflict_codes.emplace(sgk_stream, taken_sgk);
    }
    out.reply = [cmd](const AppendResult& r) {
      Outcome rep;
      rep.body["id"] = cmd.employer_id;
      rep.body["employerId"] = cmd.employer_id;
      rep.body["iskurNo"] = cmd.iskur_no;
      rep.body["headquartersId"] = cmd.workplace_id;
      rep.body["userId"] = cmd.user_id;
      rep.body["version"] = r.stream_versions.front();
      return rep;
    };
    return out;
  });
}

}  // namespace istihdam
