#pragma once
// Printable reports: one table with a title and a few labelled header fields, rendered as PDF
// (cairo + pango, A4, Turkish text shaped and embedded as subset fonts) or XLSX
// (libxlsxwriter). Renderers are pure functions of the report: same input, same rows.
#include <string>
#include <utility>
#include <vector>

#include "infra/result.h"

namespace istihdam::report {

struct TableReport {
  std::string title;                                         // "TYP Aylık Devam Raporu"
  std::vector<std::pair<std::string, std::string>> fields;   // {"TYP Numarası", "TYP-2026-000001"}
  std::vector<std::string> columns;                          // header row
  std::vector<std::vector<std::string>> rows;                // each row has columns.size() cells
  std::string empty_message;                                 // printed instead of the table when rows is empty
  std::string footer;                                        // e.g. "Oluşturulma: 2026-11-27 10:00 (UTC+3)"
  std::string sheet_name = "Rapor";                          // XLSX worksheet name (max 31 chars)
};

// The PDF document's bytes. Long tables continue on further pages with the header repeated.
Result<std::string> RenderPdf(const TableReport& report);
// The XLSX workbook's bytes: the fields above the table, the header row in bold, then one row
// per entry, every cell a text cell.
Result<std::string> RenderXlsx(const TableReport& report);

}  // namespace istihdam::report
