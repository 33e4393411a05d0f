#pragma once
// Reference data of benefit declarations (docs/benefit-declarations.md): the agency units that
// receive them, the declaration types and the SGK exit reason codes. Immutable, thread-safe.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "infra/reference_data.h"

namespace istihdam {

// The three declaration types of DOMAIN.md §2.1.2: İKT = İş Kaybı Tazminatı, İÖ = İşsizlik
// Ödeneği, KÇÖ = Kısa Çalışma Ödeneği (RULES.md §1d). Codes: IKT, IO, KCO.
bool IsDeclarationType(const std::string& type);
// "İş Kaybı Tazminatı" etc.; "" for an unknown type.
std::string DeclarationTypeName(const std::string& type);

// A unit (Birim) that receives declarations: the provincial directorate of one province. Its
// id is the province's plate code ("34"), so a workplace's province names its unit and a unit
// user's province is their unit.
struct BenefitUnit {
  std::string id;    // province plate code
  std::string name;  // "İstanbul Çalışma ve İş Kurumu İl Müdürlüğü"
};
std::vector<BenefitUnit> BenefitUnits(const ReferenceData& ref);
// nullopt when no province has that code.
std::optional<BenefitUnit> FindBenefitUnit(const ReferenceData& ref, const std::string& unit_id);

// An SGK exit reason (işten çıkış nedeni, e-Bildirge "İşten Ayrılış Bildirgesi").
struct ExitReason {
  const char* code;
  const char* name;
};
const std::vector<ExitReason>& ExitReasons();
bool IsExitReason(const std::string& code);
// İKT is paid to workers whose contract ended through privatisation (Law 4046 art. 21):
// the one exit reason an İKT declaration accepts.
inline constexpr const char* kPrivatisationExitReason = "32";

// KÇÖ bounds (docs/benefit-declarations.md "Bounds").
inline constexpr int kMaxShortTimeMonths = 3;          // 4447 ek md. 2: paid for up to 3 months
inline constexpr int kMinShortTimeDays = 28;           // work stopped or reduced for at least 4 weeks
inline constexpr std::int64_t kMaxShortTimeHoursPerMonth = 225;  // 45 h/week (4857 art. 63) x 5 weeks
inline constexpr std::size_t kMaxDeclaredWorkers = 1000;

}  // namespace istihdam
