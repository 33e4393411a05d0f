// ReadXlsxFirstSheet against real workbooks written by libxlsxwriter (shared strings,
// inline strings in constant-memory mode, rich text, numbers, booleans, gaps), against
// malformed input, and against hostile archives and XML (bombs, lying sizes, DTDs).
#include "infra/xlsx_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <optional>
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

// One entry of a hand-made archive; the fields that lie are set explicitly.
struct RawEntry {
  std::string name, data;
  int method = 8;  // 0 stored, 8 deflate, anything else as written
  std::uint32_t flags = 0;
  std::optional<std::uint32_t> declared_size = std::nullopt, crc = std::nullopt;
};

std::string RawDeflate(const std::string& data) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

std::string RawZip(const std::vector<RawEntry>& files) {
  std::string out, dir;
  auto u16 = [](std::string& s, std::uint32_t v) { s += static_cast<char>(v & 0xFF); s += static_cast<char>((v >> 8) & 0xFF); };
  auto u32 = [&](std::string& s, std::uint32_t v) { u16(s, v & 0xFFFF); u16(s, v >> 16); };
  for (const auto& f : files) {
    const std::string body = f.method == 8 ? RawDeflate(f.data) : f.data;
    const auto crc = f.crc.value_or(static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(f.data.data()), static_cast<uInt>(f.data.size()))));
    const auto size = f.declared_size.value_or(static_cast<std::uint32_t>(f.data.size()));
    const auto offset = static_cast<std::uint32_t>(out.size());
    for (std::string* s : {&out, &dir}) {
      const bool central = s == &dir;
      u32(*s, central ? 0x02014b50 : 0x04034b50);
      if (central) u16(*s, 20);
      u16(*s, 20); u16(*s, f.flags); u16(*s, static_cast<std::uint32_t>(f.method)); u16(*s, 0); u16(*s, 0x21);
      u32(*s, crc); u32(*s, static_cast<std::uint32_t>(body.size())); u32(*s, size);
      u16(*s, static_cast<std::uint32_t>(f.name.size())); u16(*s, 0);
      if (central) { u16(*s, 0); u16(*s, 0); u16(*s, 0); u32(*s, 0); u32(*s, offset); }
      *s += f.name;
    }
    out += body;
  }
  const auto dir_offset = static_cast<std::uint32_t>(out.size());
  out += dir;
  u32(out, 0x06054b50); u16(out, 0); u16(out, 0);
  u16(out, static_cast<std::uint32_t>(files.size())); u16(out, static_cast<std::uint32_t>(files.size()));
  u32(out, static_cast<std::uint32_t>(dir.size())); u32(out, dir_offset); u16(out, 0);
  return out;
}

const std::string kOneCell = R"(<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>bir</v></c></row></sheetData></worksheet>)";

std::string Refusal(const std::string& bytes) {
  auto r = ReadXlsxFirstSheet(bytes);
  if (r.ok()) return "(read)";
  EXPECT_EQ(r.error().code, "xlsx_invalid");
  return r.error().detail;
}

TEST(XlsxReader, TheHandMadeArchivesAreReadWhenHonest) {
  auto grid = ReadXlsxFirstSheet(RawZip({{"xl/worksheets/sheet1.xml", kOneCell}}));
  ASSERT_TRUE(grid.ok()) << grid.error().detail;
  EXPECT_EQ(*grid, (Grid{{"bir"}}));
}

TEST(XlsxReader, ZipBombsAreRefusedWhateverTheDirectoryDeclares) {
  // 30 MB of spaces deflate to ~30 KB: over the 20 MB budget, honestly declared.
  const std::string big = "<worksheet>" + std::string(30u << 20, ' ') + "</worksheet>";
  EXPECT_EQ(Refusal(RawZip({{"xl/worksheets/sheet1.xml", big}})), "archive too large when inflated");
  // The same entry declaring 100 bytes: the inflated bytes are counted, not believed.
  EXPECT_EQ(Refusal(RawZip({{"xl/worksheets/sheet1.xml", big, 8, 0, 100u, std::nullopt}})),
            "archive too large when inflated");
  // Two entries of 12 MB each: within the limit one by one, over it together.
  const std::string twelve = "<sst>" + std::string(12u << 20, ' ') + "</sst>";
  const std::string sheet12 = "<worksheet><sheetData/>" + std::string(12u << 20, ' ') + "</worksheet>";
  EXPECT_EQ(Refusal(RawZip({{"xl/sharedStrings.xml", twelve}, {"xl/worksheets/sheet1.xml", sheet12}})),
            "archive too large when inflated");
  // A declared size smaller than the entry (an entry that inflates past its size) is corrupt.
  EXPECT_EQ(Refusal(RawZip({{"xl/worksheets/sheet1.xml", kOneCell, 8, 0, 10u, std::nullopt}})),
            "corrupt entry xl/worksheets/sheet1.xml (size)");
  EXPECT_EQ(Refusal(RawZip({{"xl/worksheets/sheet1.xml", kOneCell, 8, 0, 1000u, std::nullopt}})),
            "corrupt entry xl/worksheets/sheet1.xml (size)");
  // A wrong CRC is corrupt (libzip checks it at the end of the entry).
  EXPECT_EQ(Refusal(RawZip({{"xl/worksheets/sheet1.xml", kOneCell, 0, 0, std::nullopt, 0x12345678u}})),
            "corrupt entry xl/worksheets/sheet1.xml (CRC error)");
}

TEST(XlsxReader, EncryptionOtherMethodsAndTooManyEntriesAreRefused) {
  EXPECT_EQ(Refusal(RawZip({{"xl/worksheets/sheet1.xml", kOneCell, 0, 1u, std::nullopt, std::nullopt}})),
            "encrypted entry xl/worksheets/sheet1.xml");
  EXPECT_EQ(Refusal(RawZip({{"xl/worksheets/sheet1.xml", kOneCell, 12, 0, std::nullopt, std::nullopt}})),
            "unsupported compression method in xl/worksheets/sheet1.xml");
  std::vector<RawEntry> many;
  for (std::size_t i = 0; i <= kXlsxMaxEntries; ++i) many.push_back({"e" + std::to_string(i), "", 0});
  many.push_back({"xl/worksheets/sheet1.xml", kOneCell});
  EXPECT_EQ(Refusal(RawZip(many)), "too many zip entries");
}

TEST(XlsxReader, DoctypesEntitiesAndHugeGridsAreRefused) {
  // The billion laughs: refused at the DOCTYPE, before any entity is declared or expanded.
  const std::string laughs =
      R"(<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">)"
      R"(<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>)"
      R"(<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>&d;</v></c></row></sheetData></worksheet>)";
  EXPECT_EQ(Refusal(RawZip({{"xl/worksheets/sheet1.xml", laughs}})), "DOCTYPE is not allowed in a workbook");
  // An external entity (XXE) in the shared strings: the same.
  const std::string xxe = R"(<!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst><si><t>&x;</t></si></sst>)";
  EXPECT_EQ(Refusal(RawZip({{"xl/sharedStrings.xml", xxe}, {"xl/worksheets/sheet1.xml", kOneCell}})),
            "DOCTYPE is not allowed in a workbook");
  // Not well-formed XML names the part.
  const std::string broken = R"(<worksheet><sheetData><row r="1"><c r="A1"><v>1</c></row></sheetData></worksheet>)";
  EXPECT_EQ(Refusal(RawZip({{"xl/worksheets/sheet1.xml", broken}})).rfind("malformed xl/worksheets/sheet1.xml", 0), 0u);
  // Two cells at opposite corners of the sheet: a grid of 17 billion cells is not built.
  const std::string corners =
      R"(<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>)"
      R"(<row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData></worksheet>)";
  EXPECT_EQ(Refusal(RawZip({{"xl/worksheets/sheet1.xml", corners}})), "sheet too large");
  // Cell references past the sheet's bounds.
  const std::string wide = R"(<worksheet><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>)";
  EXPECT_EQ(Refusal(RawZip({{"xl/worksheets/sheet1.xml", wide}})), "bad cell reference XFE1");
}

// Bytes that are not UTF-8 come back as they were (expat alone would refuse the whole part):
// the upload routes name the cell that holds them (issue 10).
TEST(XlsxReader, BytesThatAreNotUtf8ComeBackAsTheyWere) {
  const std::string shared = "<sst><si><t>Fu\xff\xfezz</t></si><si><t>\xc3(</t></si><si><t>\xf4\x8f\xbf\xbf \xc4\xb0</t></si></sst>";
  const std::string sheet =
      R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
      R"(<c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>)" "\xed\xa0\x80" R"(</t></is></c></row></sheetData></worksheet>)";
  auto grid = ReadXlsxFirstSheet(RawZip({{"xl/sharedStrings.xml", shared}, {"xl/worksheets/sheet1.xml", sheet}}));
  ASSERT_TRUE(grid.ok()) << grid.error().detail;
  EXPECT_EQ(*grid, (Grid{{"Fu\xff\xfezz", "\xc3(", "\xf4\x8f\xbf\xbf \xc4\xb0", "\xed\xa0\x80"}}));
  // In the markup they are malformed.
  EXPECT_EQ(Refusal(RawZip({{"xl/worksheets/sheet1.xml", "<work\xffsheet/>"}})).rfind("malformed", 0), 0u);
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
