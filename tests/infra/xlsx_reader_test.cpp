// ReadXlsxFirstSheet against real workbooks written by libxlsxwriter (shared strings,
// inline strings in constant-memory mode, rich text, numbers, booleans, gaps), and against
// malformed input.
#include "infra/xlsx_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace istihdam {
namespace {

using Grid = std::vector<std::vector<std::string>>;

// Writes a workbook with `fill` and returns the file's bytes.
std::string Workbook(const std::function<void(lxw_workbook*)>& fill, bool constant_memory = false) {
  static int n = 0;
  const std::string path = "/tmp/istihdam-xlsx-test-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".xlsx";
  lxw_workbook_options opt{};
  opt.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &opt);
  fill(wb);
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path.c_str());
  return bytes;
}

TEST(XlsxReader, StringsNumbersAndGapsComeBackAsADenseGrid) {
  const auto bytes = Workbook([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Personel");
    worksheet_write_string(ws, 0, 0, "type", nullptr);
    worksheet_write_string(ws, 0, 1, "firstName", nullptr);
    worksheet_write_string(ws, 0, 2, "tckn", nullptr);
    worksheet_write_string(ws, 0, 3, "hours", nullptr);
    worksheet_write_string(ws, 1, 0, "hired", nullptr);
    worksheet_write_string(ws, 1, 1, "Ayşe Çağla Ğünöş İı", nullptr);
    worksheet_write_number(ws, 1, 2, 12345678901.0, nullptr);
    worksheet_write_number(ws, 1, 3, 7.5, nullptr);
    worksheet_write_string(ws, 2, 0, "hired", nullptr);  // shared with row 2
    // (2, 1) left empty: a gap in the middle of the row
    worksheet_write_number(ws, 2, 2, 5.0, nullptr);
    worksheet_write_string(ws, 2, 3, "a & b <c> \"d\" 'e'", nullptr);
    // row 4 (index 3) left empty entirely
    worksheet_write_boolean(ws, 4, 1, 1, nullptr);
    worksheet_write_number(ws, 4, 4, -3.0, nullptr);
  });
  auto grid = ReadXlsxFirstSheet(bytes);
  ASSERT_TRUE(grid.ok()) << grid.error().detail;
  const Grid want{{"type", "firstName", "tckn", "hours", ""},
                  {"hired", "Ayşe Çağla Ğünöş İı", "12345678901", "7.5", ""},
                  {"hired", "", "5", "a & b <c> \"d\" 'e'", ""},
                  {"", "", "", "", ""},
                  {"", "true", "", "", "-3"}};
  EXPECT_EQ(*grid, want);
}

TEST(XlsxReader, InlineStringsRichTextAndTheFirstSheetOnly) {
  const auto bytes = Workbook(
      [](lxw_workbook* wb) {
        lxw_worksheet* first = workbook_add_worksheet(wb, "Birinci");
        lxw_worksheet* second = workbook_add_worksheet(wb, "İkinci");
        worksheet_write_string(first, 0, 0, "Şişli", nullptr);
        worksheet_write_string(first, 0, 2, "ölçü", nullptr);
        worksheet_write_number(first, 1, 1, 0.0, nullptr);
        worksheet_write_string(second, 0, 0, "not me", nullptr);
      },
      /*constant_memory=*/true);
  auto grid = ReadXlsxFirstSheet(bytes);
  ASSERT_TRUE(grid.ok()) << grid.error().detail;
  EXPECT_EQ(*grid, (Grid{{"Şişli", "", "ölçü"}, {"", "0", ""}}));

  const auto rich = Workbook([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_rich_string_tuple a{nullptr, const_cast<char*>("Kalın ")};
    lxw_rich_string_tuple b{bold, const_cast<char*>("yazı")};
    lxw_rich_string_tuple c{nullptr, const_cast<char*>(" & düz")};
    lxw_rich_string_tuple* parts[] = {&a, &b, &c, nullptr};
    worksheet_write_rich_string(ws, 0, 1, parts, nullptr);
    worksheet_write_formula_num(ws, 1, 0, "=1+1", nullptr, 2);
    worksheet_write_formula_str(ws, 1, 1, "=\"x\"&\"y\"", nullptr, "xy");
  });
  auto g2 = ReadXlsxFirstSheet(rich);
  ASSERT_TRUE(g2.ok()) << g2.error().detail;
  EXPECT_EQ(*g2, (Grid{{"", "Kalın yazı & düz"}, {"2", "xy"}}));
}

// A ZIP with stored (method 0) entries, written by hand.
std::string StoredZip(const std::vector<std::pair<std::string, std::string>>& files) {
  std::string out, dir;
  auto u16 = [](std::string& s, std::uint32_t v) { s += static_cast<char>(v & 0xFF); s += static_cast<char>((v >> 8) & 0xFF); };
  auto u32 = [&](std::string& s, std::uint32_t v) { u16(s, v & 0xFFFF); u16(s, v >> 16); };
  for (const auto& [name, data] : files) {
    const auto crc = static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    const auto offset = static_cast<std::uint32_t>(out.size());
    u32(out, 0x04034b50); u16(out, 10); u16(out, 0); u16(out, 0); u16(out, 0); u16(out, 0);
    u32(out, crc); u32(out, static_cast<std::uint32_t>(data.size())); u32(out, static_cast<std::uint32_t>(data.size()));
    u16(out, static_cast<std::uint32_t>(name.size())); u16(out, 0);
    out += name;
    out += data;
    u32(dir, 0x02014b50); u16(dir, 20); u16(dir, 10); u16(dir, 0); u16(dir, 0); u16(dir, 0); u16(dir, 0);
    u32(dir, crc); u32(dir, static_cast<std::uint32_t>(data.size())); u32(dir, static_cast<std::uint32_t>(data.size()));
    u16(dir, static_cast<std::uint32_t>(name.size())); u16(dir, 0); u16(dir, 0); u16(dir, 0); u16(dir, 0); u32(dir, 0);
    u32(dir, offset);
    dir += name;
  }
  const auto dir_offset = static_cast<std::uint32_t>(out.size());
  out += dir;
  u32(out, 0x06054b50); u16(out, 0); u16(out, 0);
  u16(out, static_cast<std::uint32_t>(files.size())); u16(out, static_cast<std::uint32_t>(files.size()));
  u32(out, static_cast<std::uint32_t>(dir.size())); u32(out, dir_offset); u16(out, 0);
  return out;
}

TEST(XlsxReader, StoredEntriesEntitiesAndTheSheet1Fallback) {
  const std::string sheet =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
      R"(<x:row r="1"><x:c r="A1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="str"><x:v>&#351;&#x131;k &lt;&amp;&gt; &quot;&apos;</x:v></x:c></x:row>)"
      R"(<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>sat&#305;r_x000D_</x:t></x:is></x:c><x:c r="C2"><x:v>5.0</x:v></x:c></x:row>)"
      R"(<x:row r="3"><x:c r="AA3" t="b"><x:v>0</x:v></x:c><x:c r="AB3"><x:v>1E3</x:v></x:c><x:c r="AC3"><x:v>0.25</x:v></x:c></x:row>)"
      R"(</x:sheetData></x:worksheet>)";
  const std::string shared =
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">)"
      R"(<si><t>bir</t></si><si><r><t>iki </t></r><r><rPr><b/></rPr><t xml:space="preserve">üç</t></r><rPh><t>x</t></rPh></si></sst>)";
  auto grid = ReadXlsxFirstSheet(StoredZip({{"xl/sharedStrings.xml", shared}, {"xl/worksheets/sheet1.xml", sheet}}));
  ASSERT_TRUE(grid.ok()) << grid.error().detail;
  ASSERT_EQ(grid->size(), 3u);
  ASSERT_EQ((*grid)[0].size(), 29u);
  EXPECT_EQ((*grid)[0][0], "iki üç");
  EXPECT_EQ((*grid)[0][2], "şık <&> \"'");
  EXPECT_EQ((*grid)[1][1], "satır\r");
  EXPECT_EQ((*grid)[1][2], "5");
  EXPECT_EQ((*grid)[2][26], "false");
  EXPECT_EQ((*grid)[2][27], "1000");
  EXPECT_EQ((*grid)[2][28], "0.25");
  EXPECT_EQ((*grid)[2][0], "");

  // A shared-string index out of range and an unknown entity are errors, not crashes.
  const std::string bad_index = R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>)";
  EXPECT_FALSE(ReadXlsxFirstSheet(StoredZip({{"xl/worksheets/sheet1.xml", bad_index}})).ok());
  const std::string bad_entity = R"(<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row></sheetData></worksheet>)";
  EXPECT_FALSE(ReadXlsxFirstSheet(StoredZip({{"xl/worksheets/sheet1.xml", bad_entity}})).ok());
  EXPECT_FALSE(ReadXlsxFirstSheet(StoredZip({{"xl/other.xml", "<a/>"}})).ok());
}

TEST(XlsxReader, SharedStringsRepeatedPastTheInflateLimitAreRefused) {
  // One 1 MB shared string referenced by 40 cells: 1 MB inflated, 40 MB of cell text. Each
  // cell copies its string, so the grid's text counts against the same 20 MB limit as the
  // inflated entries (a fuzzed workbook of this shape took gigabytes).
  const std::string shared = "<sst><si><t>" + std::string(1 << 20, 'a') + "</t></si></sst>";
  std::string sheet = "<worksheet><sheetData><row r=\"1\">";
  for (int i = 0; i < 40; ++i) sheet += "<c t=\"s\"><v>0</v></c>";
  sheet += "</row></sheetData></worksheet>";
  auto r = ReadXlsxFirstSheet(StoredZip({{"xl/sharedStrings.xml", shared}, {"xl/worksheets/sheet1.xml", sheet}}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "xlsx_invalid");
  EXPECT_EQ(r.error().detail, "sheet too large");
  // Referenced 15 times (15 MB of text) it is still read.
  sheet = "<worksheet><sheetData><row r=\"1\">";
  for (int i = 0; i < 15; ++i) sheet += "<c t=\"s\"><v>0</v></c>";
  sheet += "</row></sheetData></worksheet>";
  auto ok = ReadXlsxFirstSheet(StoredZip({{"xl/sharedStrings.xml", shared}, {"xl/worksheets/sheet1.xml", sheet}}));
  ASSERT_TRUE(ok.ok()) << ok.error().detail;
  ASSERT_EQ(ok->size(), 1u);
  ASSERT_EQ((*ok)[0].size(), 15u);
  EXPECT_EQ((*ok)[0][14].size(), std::size_t{1} << 20);
}

TEST(XlsxReader, AnEmptySheetIsAnEmptyGrid) {
  auto grid = ReadXlsxFirstSheet(Workbook([](lxw_workbook* wb) { workbook_add_worksheet(wb, nullptr); }));
  ASSERT_TRUE(grid.ok()) << grid.error().detail;
  EXPECT_TRUE(grid->empty());
}

TEST(XlsxReader, MalformedInputIsAnErrorValue) {
  for (const std::string& bad : {std::string(), std::string("x"), std::string("type,tckn\nhired,1\n"),
                                std::string(100, '\0'), std::string("PK\x05\x06") + std::string(18, '\0')}) {
    auto r = ReadXlsxFirstSheet(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "xlsx_invalid");
  }
  const auto good = Workbook([](lxw_workbook* wb) {
    worksheet_write_string(workbook_add_worksheet(wb, nullptr), 0, 0, "değer", nullptr);
  });
  ASSERT_TRUE(ReadXlsxFirstSheet(good).ok());
  // Truncated anywhere: never a crash, always an error (or, rarely, still a valid archive).
  for (std::size_t cut : {good.size() / 4, good.size() / 2, good.size() - 30, good.size() - 1}) {
    auto r = ReadXlsxFirstSheet(std::string_view(good).substr(0, cut));
    ASSERT_FALSE(r.ok()) << cut;
    EXPECT_EQ(r.error().code, "xlsx_invalid");
  }
  // Corrupted bytes anywhere before the directory: an error or (untouched parts) a grid, never a crash.
  for (std::size_t at = 0; at + 64 < good.size(); at += 61) {
    std::string corrupt = good;
    for (std::size_t i = at; i < at + 64; ++i) corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5A);
    auto r = ReadXlsxFirstSheet(corrupt);
    if (!r.ok()) {
      EXPECT_EQ(r.error().code, "xlsx_invalid");
    }
  }
}

}  // namespace
}  // namespace istihdam
