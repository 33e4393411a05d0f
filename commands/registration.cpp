#include "commands/registration.h"

#include <cereal/archives/portable_binary.hpp>
#include <cereal/types/string.hpp>

#include "commands/credentials.h"

namespace istihdam {

ExtraWrite CredentialsWrite(Services& s, const std::string& user_id, const std::string& password,
                            const std::string& secret_answer) {
  Credentials c{crypto::HashPassword(password, s.password_cost),
                secret_answer.empty() ? "" : crypto::HashPassword(secret_answer, s.password_cost)};
  return ExtraWrite{cf::kCredentials, user_id,
                    [c](const AppendResult&) { return EncodeCredentials(c); }};
}

Result<Reply> HandleRegisterEmployer(Services& s, const CommandEnv& env, RegisterEmployer cmd) {
  const RegistrationPolicy policy{s.config.terms_version, s.config.min_password_length};
  cmd.now = s.clock->Now();
  cmd.employer_id = cmd.iskur_no = s.ids.Next("employer-", 2'000'000'001);
  cmd.workplace_id = s.ids.Next("workplace-", 3'000'000'001);
  cmd.user_id = s.ids.Next("user-", 4'000'000'001);
  const std::string tckn_stream = ReservationStream(s, "tckn", cmd.representative.tckn);
  const std::string tax_stream = ReservationStream(s, "tax-no", cmd.tax_no);
  const std::string sgk_stream = ReservationStream(s, "sgk-no", cmd.sgk_no);
  const Error taken_tckn{"already_registered", {{"representative.tckn", "already_registered"}}, {}};
  const Error taken_tax{"tax_no_taken", {{"employer.taxNo", "already_registered"}}, {}};
  const Error taken_sgk{"sgk_no_taken", {{"employer.sgkNo", "already_registered"}}, {}};

  return Execute(s, env, "RegisterEmployer", [&]() -> Result<Decision> {
    auto d = DecideRegistration(cmd, s.ref, policy);
    if (!d.ok()) return d.error();
    // Cheap early answers; the append below is what actually guarantees uniqueness.
    if (s.store->StreamVersion(tckn_stream) > 0) return taken_tckn;
    if (s.store->StreamVersion(tax_stream) > 0) return taken_tax;
    if (!cmd.sgk_no.empty() && s.store->StreamVersion(sgk_stream) > 0) return taken_sgk;

    Decision out;
    const auto none = ExpectedVersion::NoStream();
    AddStream(out.append, "employer-" + cmd.employer_id, none, d->employer);
    AddStream(out.append, "workplace-" + cmd.workplace_id, none, d->workplace);
    AddStream(out.append, "user-" + cmd.user_id, none, d->user);
    AddEvent(out.append, tckn_stream, none, events::IdentifierReserved{"tckn", cmd.user_id});
    AddEvent(out.append, tax_stream, none, events::IdentifierReserved{"taxNo", cmd.employer_id});
    if (!cmd.sgk_no.empty()) {
      AddEvent(out.append, sgk_stream, none, events::IdentifierReserved{"sgkNo", cmd.workplace_id});
      out.conflict_codes.emplace(sgk_stream, taken_sgk);
    }
    out.conflict_codes.emplace(tckn_stream, taken_tckn);
    out.conflict_codes.emplace(tax_stream, taken_tax);
    out.extra.push_back(CredentialsWrite(s, cmd.user_id, cmd.representative.password,
                                         cmd.representative.secret_answer));
    out.reply = [cmd](const AppendResult& r) {
      Reply rep{201, {}};
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
