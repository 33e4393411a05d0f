#pragma once
// The bulk personnel form of a month's schedule (WS-12, PUT .../workforce-schedules/{month}/
// personnel), by Content-Type: CSV (a header line naming the columns, the JSON names of a
// personnel movement in any order, then one row per person), an XLSX workbook laid out the
// same on its first sheet, or JSON {"rows": [...]}. Errors name the line (or spreadsheet row)
// and column: rows[<n>].<column>.
#include "commands/workforce_schedules.h"
#include "http/api.h"
#include "infra/result.h"

namespace istihdam::http {

Result<ReplacePersonnelRows> ReadPersonnelForm(const HttpRequest& req);

}  // namespace istihdam::http
