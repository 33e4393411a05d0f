#pragma once
// The employer's four candidate reports (DOMAIN.md §2.1.1.4, api/jobs.md "Employer reports"):
// one set of rows (projections/candidates.h) feeds the JSON form and the printable table that
// infra/report.h renders as PDF or XLSX, so the three formats cannot disagree.
#include <boost/json/object.hpp>

#include <string>

#include "infra/report.h"
#include "projections/candidates.h"

namespace istihdam::http {

struct CandidateReport {
  bool empty = true;          // no row: the route answers no_records (M2) and creates no file
  boost::json::object json;   // {"reportType", "title", "criteria", "generatedAt", "rows"}
  report::TableReport table;  // XLSX: the title, the criteria given, a header row and the JSON rows' values
  report::TableReport print;  // PDF: the same rows in fewer, wider columns (A4 portrait), Turkish names
};

// The guide's title of a report type ("selection" -> "İşgücü İstemi Seçim Listesi").
std::string CandidateReportTitle(const std::string& report_type);

// `rows` are CandidateReportRows' answer for `criteria`; `generated_at` an RFC 3339 instant.
CandidateReport BuildCandidateReport(const CandidateReportCriteria& criteria, boost::json::array rows,
                                     const std::string& generated_at);

}  // namespace istihdam::http
