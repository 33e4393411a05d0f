#pragma once
// A benefit declaration (İKT/İÖ/KÇÖ bildirgesi, DOMAIN.md §2.1.2, RULES.md §1d): an employer
// declares the workers of one of its workplaces to the unit of that workplace's province.
// Pure: "today", the number, the workplace and the identity checks come in with the command.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "events/benefit_declarations.h"
#include "infra/reference_data.h"
#include "infra/result.h"

namespace istihdam {

std::string BenefitDeclarationStream(const std::string& declaration_no);

// What the handler looked up about the named workplace.
struct DeclarationWorkplace {
  std::string employer_id;
  std::string province;
};

struct SubmitBenefitDeclaration {
  std::string employer_id;     // the acting employer
  std::string employer_title;  // its title now
  std::string today;           // local date, YYYY-MM-DD
  std::string declaration_no;  // assigned by the handler
  std::string declaration_type;
  std::string workplace_id;
  std::optional<DeclarationWorkplace> workplace;  // nullopt: no such workplace
  std::string period_start;  // KÇÖ only
  std::string period_end;    // KÇÖ only
  std::vector<events::DeclaredWorker> workers;
  std::set<std::size_t> identity_mismatches;  // indexes of workers the identity service did not confirm
};

// The last day a KÇÖ period starting on `start` may end: three calendar months later, minus
// one day (2026-01-15 -> 2026-04-14; 2025-11-30 -> 2026-02-27).
std::string LastShortTimeDay(const std::string& start);

// SubmitBenefitDeclaration. Every failing field is named in one validation_failed (field
// paths as the client sent them: "workers[2].monthlyHours[0].hours"). Rules:
//  - declarationType one of IKT, IO, KCO; workplaceId one of the employer's workplaces;
//  - workers: 1..1000, TCKN valid and confirmed by the identity service, names required,
//    no TCKN twice;
//  - İÖ/İKT: exitDate a date not after today, exitReasonCode an SGK exit reason (İKT: 32,
//    privatisation under Law 4046 art. 21); no period, no monthly hours;
//  - KÇÖ: periodStart not after today, periodEnd at least 4 weeks and at most 3 months after
//    it; per worker 1..3 months inside the period, not after the current month, none twice,
//    1..225 hours each; no exit date or reason.
Result<events::BenefitDeclarationSubmitted> DecideSubmitBenefitDeclaration(const SubmitBenefitDeclaration& c,
                                                                           const ReferenceData& ref);

}  // namespace istihdam
