#pragma once
// The occupation dictionary's national part (DOMAIN.md §2.1.8, OCC-3): 6-digit occupations
// below the ISCO-08 unit groups of the reference data, imported from a file
// (docs/occupations.md). One stream, "occupations", holds them all, so an import is checked
// against one version. Pure: the ISCO-08 tree comes in as reference data.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "events/occupations.h"
#include "infra/reference_data.h"
#include "infra/result.h"

namespace istihdam {

inline constexpr const char* kOccupationsStream = "occupations";
// The level of a national occupation: one below ISCO-08's unit groups (level 4).
inline constexpr int kNationalOccupationLevel = 5;

// Whether `code` has the form of a national occupation code: exactly 6 ASCII digits.
bool IsNationalOccupationCode(const std::string& code);

// Every national occupation recorded so far, by code.
struct NationalOccupations {
  std::map<std::string, events::OccupationUpserted> by_code;
};

NationalOccupations Apply(NationalOccupations s, const events::OccupationEvent& e);

// One row of an import file: its line number (1 = the header) and its fields.
struct OccupationRow {
  std::size_t line = 0;
  std::string code;
  std::string name_tr;
  std::string name_en;
};

// ImportOccupations: all rows or none. Each row's code is 6 digits whose first 4 are a unit
// group (level 4) of `ref`'s ISCO-08 tree; nameTr is required, nameEn may be empty; a code
// appears once per file. Yields an OccupationUpserted for every row that is new or whose names
// differ from the recorded ones, in file order: an unchanged file yields none. Occupations
// the file leaves out stay. Errors: validation_failed, each field named "line <n>.<column>"
// (codes required, invalid_format, unknown_parent, duplicate, invalid_text, too_long).
Result<std::vector<events::OccupationEvent>> DecideImportOccupations(const NationalOccupations& s,
                                                                    const std::vector<OccupationRow>& rows,
                                                                    const ReferenceData& ref);

}  // namespace istihdam
