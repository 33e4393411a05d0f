#pragma once
// A minimal XLSX (Office Open XML spreadsheet) reader for uploaded forms: the first
// worksheet as a dense grid of strings. The archive is read by libzip (from memory) and the
// XML parts by expat; this file only adds the limits and the spreadsheet semantics.
//
// ZIP (libzip, opened with ZIP_CHECKCONS): stored (0) and deflate (8) entries only;
// encrypted entries and other methods (bzip2, LZMA, zstd, ...) are refused.
// XML (expat): well-formed documents only; a DOCTYPE, an entity declaration or any entity
// other than the five predefined ones and character references is refused (no external
// entities, no entity expansion).
// Workbook: the first <sheet> of xl/workbook.xml resolved through
// xl/_rels/workbook.xml.rels (falls back to xl/worksheets/sheet1.xml), shared strings
// from xl/sharedStrings.xml (plain <t> and rich-text runs <r><t>, phonetic runs skipped).
// Cells: t="s" shared string, "str"/"inlineStr" text, "b" boolean ("1"/"0"), numbers as the
// text of <v> except that integer-valued numbers ("5.0", "5E0") come out as "5". Missing
// cells are "" (rows are padded to the widest row); column index from the reference letters.
//
// Limits (zip bombs): at most 10,000 entries, 20 MB inflated per workbook (counted while
// inflating: the sizes the archive declares are not trusted), 20 MB of cell text in the
// grid (a shared string counts once per cell that names it), 2,000,000 cells in the grid
// and 1,000,000 shared strings.
// Errors: Error{errc::kXlsxInvalid, {}, detail}.
#include <string>
#include <string_view>
#include <vector>

#include "infra/result.h"

namespace istihdam {

inline constexpr std::size_t kXlsxMaxInflatedBytes = 20u * 1024u * 1024u;
inline constexpr std::size_t kXlsxMaxEntries = 10000;

Result<std::vector<std::vector<std::string>>> ReadXlsxFirstSheet(std::string_view bytes);

}  // namespace istihdam
