#include "aggregates/occupation_dictionary.h"

#include <set>

#include "aggregates/validation.h"
#include "infra/text.h"

namespace istihdam {

namespace {

constexpr std::size_t kMaxNameLength = 300;  // bytes; the longest ISCO-08 title has 130

// A name column: acceptable one-line text of bounded length (required when `required`).
void CheckName(Validator& v, const std::string& field, const std::string& value, bool required) {
  if (required && !v.Required(field, value)) return;
  if (!IsAcceptableText(value, TextKind::kLine)) {
    v.Fail(field, "invalid_text");
    return;
  }
  v.MaxLength(field, value, kMaxNameLength);
}

}  // namespace

bool IsNationalOccupationCode(const std::string& code) {
  if (code.size() != 6) return false;
  for (const char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

NationalOccupations Apply(NationalOccupations s, const events::OccupationEvent& e) {
  if (const auto* u = std::get_if<events::OccupationUpserted>(&e)) s.by_code[u->code] = *u;
  return s;
}

Result<std::vector<events::OccupationEvent>> DecideImportOccupations(const NationalOccupations& s,
                                                                    const std::vector<OccupationRow>& rows,
                                                                    const ReferenceData& ref) {
  Validator v;
  std::set<std::string> seen;
  std::vector<events::OccupationEvent> out;
  for (const auto& row : rows) {
    const std::string at = "line " + std::to_string(row.line) + ".";
    if (v.Required(at + "code", row.code)) {
      if (!IsNationalOccupationCode(row.code)) {
        v.Fail(at + "code", "invalid_format");
      } else {
        const auto* parent = ref.FindOccupation(row.code.substr(0, 4));
        if (!parent || parent->level != 4) v.Fail(at + "code", "unknown_parent");
        if (!seen.insert(row.code).second) v.Fail(at + "code", "duplicate");
      }
    }
    CheckName(v, at + "nameTr", row.name_tr, true);
    CheckName(v, at + "nameEn", row.name_en, false);
    if (!v.ok()) continue;  // collect every error, decide nothing
    events::OccupationUpserted e{row.code, row.code.substr(0, 4), row.name_tr, row.name_en};
    const auto known = s.by_code.find(row.code);
    if (known == s.by_code.end() || !(known->second == e)) out.push_back(std::move(e));
  }
  if (!v.ok()) return v.ToError();
  return out;
}

}  // namespace istihdam
