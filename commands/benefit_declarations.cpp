#include "commands/benefit_declarations.h"

#include <cstdio>

#include "aggregates/benefit_reference.h"
#include "infra/identifiers.h"

namespace istihdam {

std::string NextDeclarationNo(Services& s, const std::string& today) {
  const std::string year = today.substr(0, 4);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%06llu",
                static_cast<unsigned long long>(s.store->HighestNumberedStream(BenefitDeclarationStream(year)) + 1));
  return year + buf;
}

namespace {

// Indexes of the workers the identity service does not confirm; workers whose TCKN or names
// are invalid anyway are left to the aggregate's validation.
Result<std::set<std::size_t>> CheckIdentities(Services& s, const std::vector<events::DeclaredWorker>& workers) {
  std::set<std::size_t> mismatches;
  for (std::size_t i = 0; i < workers.size(); ++i) {
    const auto& w = workers[i];
    if (!IsValidTckn(w.tckn) || w.first_name.empty() || w.last_name.empty()) continue;
    auto person = s.identity->Lookup({w.tckn, w.first_name, w.last_name, 0});
    if (person.ok()) continue;
    if (person.error().code != errc::kKpsMismatch) return person.error();
    mismatches.insert(i);
  }
  return mismatches;
}

}  // namespace

Result<Outcome> HandleSubmitBenefitDeclaration(Services& s, const CommandEnv& env, SubmitBenefitDeclaration cmd) {
  if (cmd.workers.size() <= kMaxDeclaredWorkers) {
    auto mismatches = CheckIdentities(s, cmd.workers);
    if (!mismatches.ok()) return mismatches.error();
    cmd.identity_mismatches = std::move(mismatches).value();
  }
  // The number is taken inside decide under the sequence's lock: no gaps, no duplicates.
  const auto hold = s.sequences.Hold("benefit-declaration");
  return Execute(s, env, "SubmitBenefitDeclaration", [&]() -> Result<Decision> {
    cmd.today = s.Today();
    cmd.employer_title = s.employers.Load("employer-" + cmd.employer_id).state.title;
    cmd.workplace.reset();
    if (!cmd.workplace_id.empty()) {
      const auto wp = s.workplaces.Load("workplace-" + cmd.workplace_id).state;
      if (wp.exists) cmd.workplace = DeclarationWorkplace{wp.employer_id, wp.province};
    }
    cmd.declaration_no = NextDeclarationNo(s, cmd.today);
    auto ev = DecideSubmitBenefitDeclaration(cmd, s.ref);
    if (!ev.ok()) return ev.error();
    Decision out;
    AddEvent(out.append, BenefitDeclarationStream(ev->declaration_no), ExpectedVersion::NoStream(), *ev);
    out.reply = [e = *ev](const AppendResult& r) {
      Outcome rep;
      rep.body["id"] = e.declaration_no;
      rep.body["version"] = r.stream_versions.front();
      rep.body["declarationNo"] = e.declaration_no;
      rep.body["declarationType"] = e.declaration_type;
      rep.body["unitId"] = e.unit_id;
      rep.body["declarationDate"] = e.declaration_date;
      return rep;
    };
    return out;
  });
}

}  // namespace istihdam
