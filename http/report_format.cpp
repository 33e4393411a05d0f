#include "http/report_format.h"

namespace istihdam::http {

Result<std::string> ReportFormat(RequestContext& ctx, const std::string& asked) {
  std::string format = asked;
  if (format.empty()) {
    const std::string accept = ctx.req.Header("Accept");
    format = accept.find("application/pdf") != std::string::npos ? "pdf"
             : accept.find(kXlsxType) != std::string::npos       ? "xlsx"
                                                                 : "json";
  }
  if (format != "json" && format != "pdf" && format != "xlsx") {
    return Error{errc::kInvalidParameter, {{"format", "unknown_value"}}, {}};
  }
  return format;
}

}  // namespace istihdam::http
