// XLSX rendering of a TableReport with libxlsxwriter. Layout of the one worksheet:
//   row 0: the title (bold)
//   rows 1..n: "label" | "value" for each header field
//   one empty row, then the header row (bold, frozen) and one row per entry;
//   with no entries, the empty message instead of the header row.
// Every cell is a text cell, so identifiers with leading zeros and dates stay as shown.
// libxlsxwriter (Debian 12: 1.1.4) writes only to a file: the workbook goes to a private
// temporary file that is read back and removed.
#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "infra/report.h"

namespace istihdam::report {

namespace {

// A temporary file path that is removed when it goes out of scope.
class TempFile {
 public:
  TempFile() {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/istihdam-report-XXXXXX.xlsx";
    const int fd = mkstemps(path_.data(), 5);
    if (fd < 0) {
      path_.clear();
    } else {
      close(fd);
    }
  }
  ~TempFile() {
    if (!path_.empty()) unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Excel forbids []:*?/\ in sheet names and allows at most 31 characters (counted here in
// bytes, cut at a UTF-8 character boundary).
std::string SheetName(const std::string& wanted) {
  std::string name;
  for (char c : wanted) {
    if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) name += c;
  }
  if (name.size() > 31) {
    std::size_t cut = 31;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  return name.empty() ? "Rapor" : name;
}

}  // namespace

Result<std::string> RenderXlsx(const TableReport& r) {
  TempFile file;
  if (file.path().empty()) return Error::Of(errc::kReportFailed, "cannot create a temporary file");
  lxw_workbook* wb = workbook_new(file.path().c_str());
  if (!wb) return Error::Of(errc::kReportFailed, "libxlsxwriter: cannot create the workbook");
  lxw_worksheet* ws = workbook_add_worksheet(wb, SheetName(r.sheet_name).c_str());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xE6E6E6);
  format_set_border(header, LXW_BORDER_THIN);

  lxw_row_t row = 0;
  worksheet_write_string(ws, row++, 0, r.title.c_str(), bold);
  for (const auto& [label, value] : r.fields) {
    worksheet_write_string(ws, row, 0, label.c_str(), bold);
    worksheet_write_string(ws, row++, 1, value.c_str(), nullptr);
  }
  ++row;
  if (r.rows.empty() || r.columns.empty()) {
    worksheet_write_string(ws, row, 0, r.empty_message.c_str(), bold);
  } else {
    std::vector<std::size_t> widths(r.columns.size(), 8);
    auto widen = [&](const std::vector<std::string>& cells) {
      for (std::size_t c = 0; c < widths.size() && c < cells.size(); ++c) {
        widths[c] = std::max(widths[c], std::min<std::size_t>(cells[c].size(), 60));
      }
    };
    for (std::size_t c = 0; c < r.columns.size(); ++c) {
      worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), r.columns[c].c_str(), header);
    }
    widen(r.columns);
    worksheet_freeze_panes(ws, row + 1, 0);
    ++row;
    for (const auto& cells : r.rows) {
      for (std::size_t c = 0; c < cells.size() && c < r.columns.size(); ++c) {
        worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), cells[c].c_str(), nullptr);
      }
      widen(cells);
      ++row;
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           static_cast<double>(widths[c]) + 2, nullptr);
    }
  }
  if (!r.footer.empty()) worksheet_write_string(ws, row + 1, 0, r.footer.c_str(), nullptr);

  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) return Error::Of(errc::kReportFailed, std::string("libxlsxwriter: ") + lxw_strerror(err));
  std::ifstream in(file.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Error::Of(errc::kReportFailed, "cannot read the workbook back");
  return std::move(bytes).str();
}

}  // namespace istihdam::report
