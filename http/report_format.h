#pragma once
// The format a report route answers in (TYP attendance, the labor demand reports): JSON by
// default, PDF or XLSX by ?format= or by the Accept header.
#include <string>
#include <string_view>

#include "http/router.h"

namespace istihdam::http {

inline constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// "json", "pdf" or "xlsx": `asked` (the format parameter) when given, else from Accept.
// Errors: invalid_parameter (format unknown_value).
Result<std::string> ReportFormat(RequestContext& ctx, const std::string& asked);

}  // namespace istihdam::http
