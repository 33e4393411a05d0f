// Reading the bulk personnel form of a month's schedule (WS-12) in any of its formats.
#include "http/personnel_form.h"

#include <algorithm>
#include <map>

#include "http/contract/workforce_schedules.h"
#include "infra/reference_data.h"
#include "infra/text.h"
#include "infra/xlsx_reader.h"

namespace istihdam::http {

using namespace contract::workforce_schedules;

namespace {

// The bulk form as CSV (WS-12): a header line naming the columns (the JSON names of a
// personnel movement, any order), then one row per person. Errors name the line and column.
constexpr const char* kColumns[] = {"type", "tckn", "firstName", "lastName", "sex", "date", "occupation",
                                    "category", "contractType", "undergroundUnderwater", "leavingReason"};

// The same rows from either format: rows[0] is the header, rows[i] is line/row i + 1.
Result<std::vector<events::PersonnelMovement>> ParsePersonnelRows(const std::vector<std::vector<std::string>>& rows) {
  std::vector<FieldError> errs;
  if (rows.empty()) return Error::Validation({{"columns", "required"}});
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < rows[0].size(); ++i) {
    std::string name = rows[0][i];
    while (!name.empty() && (name.back() == ' ' || name.back() == '\r')) name.pop_back();
    if (!IsAcceptableText(name)) {  // named by position: the bytes are not echoed
      errs.push_back({"columns[" + std::to_string(i) + "]", "invalid_text"});
    } else if (std::find(std::begin(kColumns), std::end(kColumns), name) == std::end(kColumns)) {
      errs.push_back({"columns." + name, "unknown_value"});
    } else {
      col[name] = i;
    }
  }
  for (const char* required : {"type", "tckn", "firstName", "lastName", "sex", "date", "occupation", "category", "contractType"}) {
    if (!col.count(required)) errs.push_back({std::string("columns.") + required, "required"});
  }
  if (!errs.empty()) return Error::Validation(errs);
  std::vector<events::PersonnelMovement> out;
  for (std::size_t line = 1; line < rows.size(); ++line) {
    const auto& r = rows[line];
    auto cell = [&](const char* name) -> std::string {
      auto it = col.find(name);
      if (it == col.end() || it->second >= r.size()) return "";
      std::string v = r[it->second];
      while (!v.empty() && (v.back() == ' ' || v.back() == '\r')) v.pop_back();
      while (!v.empty() && v.front() == ' ') v.erase(0, 1);
      const auto kind = std::string_view(name) == "leavingReason" ? TextKind::kMultiline : TextKind::kLine;
      if (!IsAcceptableText(v, kind)) {
        errs.push_back({"rows[" + std::to_string(line + 1) + "]." + name, "invalid_text"});
        return "";
      }
      return v;
    };
    events::PersonnelMovement m{cell("type"), cell("tckn"), cell("firstName"), cell("lastName"), cell("sex"),
                                cell("date"), cell("occupation"), cell("category"), cell("contractType"), false,
                                cell("leavingReason")};
    const std::string ug = cell("undergroundUnderwater");
    if (ug == "true" || ug == "1" || ug == "evet" || ug == "yes") m.underground_underwater = true;
    else if (!(ug.empty() || ug == "false" || ug == "0" || ug == "hayır" || ug == "no")) {
      errs.push_back({"rows[" + std::to_string(line + 1) + "].undergroundUnderwater", "invalid_format"});
    }
    out.push_back(std::move(m));
  }
  if (!errs.empty()) return Error::Validation(errs);
  return out;
}

Result<std::vector<events::PersonnelMovement>> ParsePersonnelCsv(std::string text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // a spreadsheet's UTF-8 BOM
  auto rows = ParseCsv(text);
  while (!rows.empty() && rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return ParsePersonnelRows(rows);
}

// The bulk form as XLSX: the first worksheet, laid out like the CSV (row 1 is the header;
// errors name rows[<spreadsheet row>].<column>). Cells are read as text; numbers typed into
// cells (a TCKN) come back as their digits. Dates must be text cells (YYYY-MM-DD).
constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Result<std::vector<events::PersonnelMovement>> ParsePersonnelXlsx(std::string_view bytes) {
  auto rows = ReadXlsxFirstSheet(bytes);
  if (!rows.ok()) return Error::Of(errc::kMalformedRequest, "xlsx: " + rows.error().detail);
  // The grid is as wide as the widest row; empty cells after the last header name are padding.
  if (!rows->empty()) {
    auto& header = rows->front();
    while (!header.empty() && header.back().empty()) header.pop_back();
  }
  return ParsePersonnelRows(*rows);
}

}  // namespace

Result<ReplacePersonnelRows> ReadPersonnelForm(const HttpRequest& req) {
  ReplacePersonnelRows c;
  const std::string type = req.Header("Content-Type");
  if (type.rfind("text/csv", 0) == 0 || type.rfind(kXlsxType, 0) == 0) {
    auto rows = type.rfind("text/csv", 0) == 0 ? ParsePersonnelCsv(req.body) : ParsePersonnelXlsx(req.body);
    if (!rows.ok()) return rows.error();
    c.rows = std::move(rows).value();
    c.first_row_number = 2;
  } else if (type.empty() || type.rfind("application/json", 0) == 0) {
    auto body = wire::ReadBody<PersonnelRows>(req.body);
    if (!body.ok()) return body.error();
    c.rows = ToEvents<events::PersonnelMovement>(body->rows);
  } else {
    return Error::Of(errc::kUnsupportedMediaType, "send text/csv, application/json or an XLSX workbook");
  }
  return c;
}

}  // namespace istihdam::http
