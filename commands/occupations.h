#pragma once
// ImportOccupations (OCC-3): national 6-digit occupations from a CSV file into the occupation
// dictionary, run on the server machine by `istihdam occupations import FILE`
// (docs/occupations.md).
#include <string>
#include <vector>

#include "aggregates/occupation_dictionary.h"
#include "commands/services.h"

namespace istihdam {

// The rows of an import file: a header `code,nameTr,nameEn` (in that order; a UTF-8 byte order
// mark is skipped), then one occupation per row, each with exactly those three columns;
// surrounding spaces of a field are dropped. Errors: validation_failed naming "line <n>"
// (invalid_format: the header or a row's column count).
Result<std::vector<OccupationRow>> ReadOccupationsCsv(const std::string& text);

// 200 {"id": "occupations", "version", "added", "changed", "unchanged"}: an event per added or
// renamed occupation, all appended together; none when nothing changed. Errors:
// validation_failed (DecideImportOccupations).
Result<Outcome> HandleImportOccupations(Services& s, const CommandEnv& env, const std::vector<OccupationRow>& rows);

}  // namespace istihdam
