#include "infra/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <vector>

namespace istihdam {

namespace {

Error Invalid(std::string detail) { return Error::Of(errc::kXlsxInvalid, std::move(detail)); }

constexpr std::size_t kMaxGridCells = 2'000'000;
constexpr std::size_t kMaxSharedStrings = kMaxGridCells;  // never more useful than cells

// ---- ZIP (libzip over the upload's bytes) ------------------------------------------------

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }  // read-only: nothing to write back
};

std::string ZipErrorText(zip_error_t* e) {
  std::string s = zip_error_strerror(e);
  zip_error_fini(e);
  return s;
}

class Zip {
 public:
  static Result<Zip> Open(std::string_view bytes) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), /*freep=*/0, &err);
    if (src == nullptr) return Invalid("not a zip archive (" + ZipErrorText(&err) + ")");
    zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (za == nullptr) {
      zip_source_free(src);  // zip_open_from_source takes the source only when it succeeds
      return Invalid("not a zip archive (" + ZipErrorText(&err) + ")");
    }
    zip_error_fini(&err);
    Zip zip;
    zip.zip_.reset(za);
    const zip_int64_t count = zip_get_num_entries(za, 0);
    if (count < 0 || static_cast<std::uint64_t>(count) > kXlsxMaxEntries) return Invalid("too many zip entries");
    return zip;
  }

  bool Has(const std::string& name) const { return zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_ENC_RAW) >= 0; }

  // The inflated entry; every call counts against one shared budget. The sizes in the
  // directory are only used to refuse early: the bytes are counted as they are inflated.
  Result<std::string> Read(const std::string& name) {
    const zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_ENC_RAW);
    if (index < 0) return Invalid("missing " + name);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0) return Invalid("bad entry " + name);
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
      return Invalid("encrypted entry " + name);
    }
    if (!(st.valid & ZIP_STAT_COMP_METHOD) || (st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE)) {
      return Invalid("unsupported compression method in " + name);
    }
    const std::size_t remaining = kXlsxMaxInflatedBytes - used_;
    if ((st.valid & ZIP_STAT_SIZE) && st.size > remaining) return Invalid("archive too large when inflated");
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0),
                                                           zip_fclose);
    if (!file) return Invalid("corrupt entry " + name + " (" + zip_strerror(zip_.get()) + ")");
    std::string out;
    if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<std::size_t>(st.size));  // a hint, within the budget
    char buffer[64 * 1024];
    for (;;) {
      const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
      if (n < 0) return Invalid("corrupt entry " + name + " (" + zip_file_strerror(file.get()) + ")");
      if (n == 0) break;
      if (static_cast<std::size_t>(n) > remaining - out.size()) return Invalid("archive too large when inflated");
      out.append(buffer, static_cast<std::size_t>(n));
    }
    // libzip checks the CRC at the end of the entry; a size that does not match is a lie too.
    if ((st.valid & ZIP_STAT_SIZE) && out.size() != st.size) return Invalid("corrupt entry " + name + " (size)");
    used_ += out.size();
    return out;
  }

 private:
  std::unique_ptr<zip_t, ZipCloser> zip_;
  std::size_t used_ = 0;
};

// ---- XML (expat) ---------------------------------------------------------------------------

void AppendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool ValidCodePoint(unsigned long cp) { return cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF); }

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// OOXML's ST_Xstring escapes (_x000D_ for a carriage return; _x005F_ for a literal '_').
std::string DecodeXstring(const std::string& s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && IsHex(s[i + 2]) && IsHex(s[i + 3]) && IsHex(s[i + 4]) &&
        IsHex(s[i + 5]) && s[i + 6] == '_') {
      const unsigned long cp = std::strtoul(s.substr(i + 2, 4).c_str(), nullptr, 16);
      if (ValidCodePoint(cp)) {
        AppendUtf8(out, static_cast<std::uint32_t>(cp));
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string_view LocalName(std::string_view n) {
  const auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// The value of the attribute with this local name (expat has decoded it); nullopt if absent.
std::optional<std::string> Attr(const XML_Char** attrs, std::string_view local) {
  for (std::size_t i = 0; attrs[i] != nullptr; i += 2) {
    if (LocalName(attrs[i]) == local) return std::string(attrs[i + 1]);
  }
  return std::nullopt;
}

// Bytes that are not UTF-8. Expat refuses them as not well-formed, but the callers check each
// cell's text themselves and name the cell that holds them (issue 10), so they must come
// back as they were. Before parsing, each byte b of an invalid sequence becomes the code point
// base + b, where base starts a block of 256 private-use code points (planes 15 and 16) that
// the part does not use; after parsing, text and attribute values map those code points back
// to their bytes. Only done to a part that has such bytes; a part that has them in its markup
// stays not well-formed.

// The length of the valid UTF-8 sequence at s[i] (no overlongs, surrogates or code points
// past U+10FFFF), or 0.
std::size_t Utf8SequenceAt(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  const std::size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
  }
  if (c == 0xE0 && b(1) < 0xA0) return 0;   // overlong
  if (c == 0xED && b(1) >= 0xA0) return 0;  // surrogate
  if (c == 0xF0 && b(1) < 0x90) return 0;   // overlong
  if (c == 0xF4 && b(1) >= 0x90) return 0;  // past U+10FFFF
  return n;
}

// The code point of the valid 4-byte sequence at s[i].
std::uint32_t CodePoint4(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i + k])); };
  return (b(0) & 0x07) << 18 | (b(1) & 0x3F) << 12 | (b(2) & 0x3F) << 6 | (b(3) & 0x3F);
}

constexpr std::uint32_t kFirstEscapeBlock = 0xF00, kLastEscapeBlock = 0x10FF;  // code point >> 8

// The part with its invalid bytes escaped, and the base of the escapes; 0 when it had no
// invalid bytes (`out` untouched) or uses every block (then expat refuses it).
std::uint32_t EscapeInvalidBytes(std::string_view in, std::string* out) {
  std::vector<bool> used(kLastEscapeBlock - kFirstEscapeBlock + 1);
  bool invalid = false;
  for (std::size_t i = 0; i < in.size();) {
    const std::size_t n = Utf8SequenceAt(in, i);
    if (n == 0) {
      invalid = true;
      ++i;
      continue;
    }
    if (n == 4 && CodePoint4(in, i) >> 8 >= kFirstEscapeBlock) used[(CodePoint4(in, i) >> 8) - kFirstEscapeBlock] = true;
    i += n;
  }
  if (!invalid) return 0;
  std::uint32_t block = kLastEscapeBlock;
  while (block >= kFirstEscapeBlock && used[block - kFirstEscapeBlock]) --block;
  if (block < kFirstEscapeBlock) return 0;
  const std::uint32_t base = block << 8;
  out->reserve(in.size() + 64);
  for (std::size_t i = 0; i < in.size();) {
    const std::size_t n = Utf8SequenceAt(in, i);
    if (n == 0) {
      AppendUtf8(*out, base + static_cast<unsigned char>(in[i]));
      ++i;
    } else {
      out->append(in.substr(i, n));
      i += n;
    }
  }
  return base;
}

std::string UnescapeBytes(std::string_view s, std::uint32_t base) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = Utf8SequenceAt(s, i);  // expat's output is valid UTF-8
    if (n == 4 && CodePoint4(s, i) >= base && CodePoint4(s, i) <= base + 0xFF) {
      out += static_cast<char>(CodePoint4(s, i) - base);
      i += 4;
    } else {
      const std::size_t len = n == 0 ? 1 : n;
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

// What a part's reader does with expat's events; Fail() stops the parse with an error.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void Start(std::string_view name, const XML_Char** attrs) = 0;
  virtual void End(std::string_view name) = 0;
  virtual void Text(std::string_view text) = 0;

  void Fail(Error e) {
    if (!error) error = std::move(e);
    XML_StopParser(parser, XML_FALSE);
  }
  XML_Parser parser = nullptr;
  std::uint32_t escaped = 0;  // the base of the escaped invalid bytes (EscapeInvalidBytes), or 0
  std::optional<Error> error;
};

// Parses one part; element names reach the handler without their namespace prefix. A
// DOCTYPE (and so any entity declaration) is refused before it is read, so only the five
// predefined entities and character references exist: nothing expands, nothing is fetched.
Status ParseXml(const std::string& original, const std::string& part, XmlHandler& h) {
  std::string escaped_text;
  h.escaped = EscapeInvalidBytes(original, &escaped_text);
  const std::string& text = h.escaped ? escaped_text : original;
  if (text.size() > static_cast<std::size_t>(INT32_MAX)) return Invalid(part + " too large");
  // The parts are read as UTF-8 whatever they declare (as spreadsheet writers write them).
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(XML_ParserCreate("UTF-8"),
                                                                                  XML_ParserFree);
  if (!parser) return Invalid("XML parser unavailable");
  h.parser = parser.get();
  XML_SetUserData(parser.get(), &h);
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);
  XML_SetElementHandler(
      parser.get(),
      [](void* d, const XML_Char* name, const XML_Char** attrs) {
        auto* handler = static_cast<XmlHandler*>(d);
        if (!handler->escaped) return handler->Start(LocalName(name), attrs);
        std::vector<std::string> values;
        for (std::size_t i = 0; attrs[i] != nullptr; ++i) values.push_back(i % 2 ? UnescapeBytes(attrs[i], handler->escaped) : attrs[i]);
        std::vector<const XML_Char*> pointers;
        for (const auto& v : values) pointers.push_back(v.c_str());
        pointers.push_back(nullptr);
        handler->Start(LocalName(name), pointers.data());
      },
      [](void* d, const XML_Char* name) { static_cast<XmlHandler*>(d)->End(LocalName(name)); });
  XML_SetCharacterDataHandler(parser.get(), [](void* d, const XML_Char* s, int len) {
    auto* handler = static_cast<XmlHandler*>(d);
    const std::string_view text(s, static_cast<std::size_t>(len));
    if (handler->escaped) handler->Text(UnescapeBytes(text, handler->escaped));
    else handler->Text(text);
  });
  XML_SetStartDoctypeDeclHandler(parser.get(), [](void* d, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    static_cast<XmlHandler*>(d)->Fail(Invalid("DOCTYPE is not allowed in a workbook"));
  });
  XML_SetEntityDeclHandler(parser.get(), [](void* d, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                                            const XML_Char*, const XML_Char*, const XML_Char*) {
    static_cast<XmlHandler*>(d)->Fail(Invalid("entity declarations are not allowed in a workbook"));
  });
  XML_SetSkippedEntityHandler(parser.get(), [](void* d, const XML_Char* name, int) {
    static_cast<XmlHandler*>(d)->Fail(Invalid("unknown XML entity &" + std::string(name) + ";"));
  });
  if (XML_Parse(parser.get(), text.data(), static_cast<int>(text.size()), XML_TRUE) != XML_STATUS_OK) {
    if (h.error) return *h.error;
    return Invalid("malformed " + part + " (line " + std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " +
                   XML_ErrorString(XML_GetErrorCode(parser.get())) + ")");
  }
  if (h.error) return *h.error;
  return Status::Ok();
}

// Text of a string item (<si> or <is>): all <t> outside phonetic runs (<rPh>).
struct StringItem {
  int in_t = 0, in_phonetic = 0;
  std::string text;
  void Start(std::string_view name) {
    if (name == "t") ++in_t;
    else if (name == "rPh") ++in_phonetic;
  }
  void End(std::string_view name) {
    if (name == "t" && in_t > 0) --in_t;
    else if (name == "rPh" && in_phonetic > 0) --in_phonetic;
  }
  void Text(std::string_view s) {
    if (in_t > 0 && in_phonetic == 0) text.append(s);
  }
  std::string Take() {
    std::string out = DecodeXstring(text);
    *this = StringItem{};
    return out;
  }
};

class SharedStrings : public XmlHandler {
 public:
  void Start(std::string_view name, const XML_Char**) override {
    if (name == "si") {
      in_si_ = true;
      item_ = StringItem{};
    } else if (in_si_) {
      item_.Start(name);
    }
  }
  void End(std::string_view name) override {
    if (name == "si" && in_si_) {
      in_si_ = false;
      if (strings.size() >= kMaxSharedStrings) return Fail(Invalid("too many shared strings"));
      strings.push_back(item_.Take());
    } else if (in_si_) {
      item_.End(name);
    }
  }
  void Text(std::string_view s) override {
    if (in_si_) item_.Text(s);
  }
  std::vector<std::string> strings;

 private:
  bool in_si_ = false;
  StringItem item_;
};

// The r:id of the workbook's first <sheet>.
class FirstSheetId : public XmlHandler {
 public:
  void Start(std::string_view name, const XML_Char** attrs) override {
    if (!id && name == "sheet") id = Attr(attrs, "id");
  }
  void End(std::string_view) override {}
  void Text(std::string_view) override {}
  std::optional<std::string> id;
};

// The Target of the relationship with this Id.
class RelationshipTarget : public XmlHandler {
 public:
  explicit RelationshipTarget(std::string id) : id_(std::move(id)) {}
  void Start(std::string_view name, const XML_Char** attrs) override {
    if (!target && name == "Relationship" && Attr(attrs, "Id") == id_) target = Attr(attrs, "Target").value_or("");
  }
  void End(std::string_view) override {}
  void Text(std::string_view) override {}
  std::optional<std::string> target;

 private:
  std::string id_;
};

// The first sheet's part name, from the workbook and its relationships.
std::string FirstSheetPath(Zip& zip) {
  const std::string fallback = "xl/worksheets/sheet1.xml";
  if (!zip.Has("xl/workbook.xml") || !zip.Has("xl/_rels/workbook.xml.rels")) return fallback;
  auto wb = zip.Read("xl/workbook.xml");
  if (!wb.ok()) return fallback;
  FirstSheetId sheet;
  if (!ParseXml(*wb, "xl/workbook.xml", sheet).ok() || !sheet.id) return fallback;
  auto rels = zip.Read("xl/_rels/workbook.xml.rels");
  if (!rels.ok()) return fallback;
  RelationshipTarget rel(*sheet.id);
  if (!ParseXml(*rels, "xl/_rels/workbook.xml.rels", rel).ok() || !rel.target || rel.target->empty()) return fallback;
  if ((*rel.target)[0] == '/') return rel.target->substr(1);  // absolute part name
  // "xl/../x" style targets are not produced by spreadsheet writers; keep it simple.
  return "xl/" + *rel.target;
}

// "BC12" -> column 55 (1-based) and row 12; false if not a cell reference.
bool ParseCellRef(std::string_view ref, std::size_t& col, std::size_t& row) {
  std::size_t i = 0;
  col = 0;
  while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
    const char c = static_cast<char>(ref[i] & ~0x20);
    col = col * 26 + static_cast<std::size_t>(c - 'A' + 1);
    if (++i > 3) return false;
  }
  if (i == 0 || col > 16384) return false;
  row = 0;
  const std::size_t digits = i;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9' || i - digits >= 7) return false;
    row = row * 10 + static_cast<std::size_t>(ref[i] - '0');
  }
  return i > digits && row >= 1 && row <= 1048576;
}

// An integer-valued number ("5.0", "5E0", "5") as "5"; anything else unchanged.
std::string NormalizeNumber(const std::string& v) {
  if (v.empty()) return v;
  char* end = nullptr;
  const double d = std::strtod(v.c_str(), &end);
  if (*end != '\0' || !std::isfinite(d) || std::fabs(d) >= 1e15 || d != std::floor(d)) return v;
  if (d == 0) return "0";
  return std::to_string(static_cast<long long>(d));
}

// The cells of <sheetData>, with the limits on cell text and cell count.
class SheetCells : public XmlHandler {
 public:
  explicit SheetCells(const std::vector<std::string>& shared) : shared_(shared) {}

  struct Cell {
    std::size_t row, col;
    std::string value;
  };
  std::vector<Cell> cells;
  std::size_t max_row = 0, max_col = 0;

  void Start(std::string_view name, const XML_Char** attrs) override {
    if (done_) return;
    if (name == "sheetData") {
      in_data_ = true;
      return;
    }
    if (!in_data_) return;
    if (in_cell_) {
      if (in_inline_) item_.Start(name);
      else if (name == "is") in_inline_ = has_inline_ = true;
      else if (name == "v") in_v_ = true;
      return;
    }
    if (name == "row") {
      if (const auto r = Attr(attrs, "r")) {
        char* end = nullptr;
        const unsigned long n = std::strtoul(r->c_str(), &end, 10);
        if (r->empty() || *end != '\0' || n < 1 || n > 1048576) return Fail(Invalid("bad row number " + *r));
        row_ = n;
      } else {
        ++row_;
      }
      col_ = 0;
      return;
    }
    if (name != "c") return;
    if (row_ == 0) return Fail(Invalid("cell outside a row"));
    if (const auto ref = Attr(attrs, "r")) {
      std::size_t ref_row = 0;
      if (!ParseCellRef(*ref, col_, ref_row)) return Fail(Invalid("bad cell reference " + *ref));
      if (ref_row != row_) return Fail(Invalid("cell " + *ref + " outside its row"));
    } else {
      if (++col_ > 16384) return Fail(Invalid("too many columns"));
    }
    type_ = Attr(attrs, "t").value_or("n");
    in_cell_ = true;
    in_v_ = in_inline_ = has_inline_ = has_v_ = false;
    v_.clear();
    item_ = StringItem{};
  }

  void End(std::string_view name) override {
    if (done_ || !in_data_) return;
    if (name == "sheetData") {
      done_ = true;
      return;
    }
    if (!in_cell_) return;
    if (in_inline_) {
      if (name == "is") in_inline_ = false;
      else item_.End(name);
      return;
    }
    if (name == "v") {
      in_v_ = false;
      has_v_ = true;
      return;
    }
    if (name == "c") {
      in_cell_ = false;
      FinishCell();
    }
  }

  void Text(std::string_view s) override {
    if (done_ || !in_cell_) return;
    if (in_inline_) item_.Text(s);
    else if (in_v_) v_.append(s);
  }

 private:
  void FinishCell() {
    if (!has_v_ && !has_inline_) return;  // <c r="A1" s="1"/>: a styled empty cell
    std::string value;
    if (type_ == "s") {
      char* end = nullptr;
      const unsigned long i = std::strtoul(v_.c_str(), &end, 10);
      if (v_.empty() || *end != '\0' || i >= shared_.size()) return Fail(Invalid("bad shared string index " + v_));
      value = shared_[i];
    } else if (type_ == "inlineStr") {
      value = has_inline_ ? item_.Take() : DecodeXstring(v_);
    } else if (type_ == "str") {
      value = DecodeXstring(v_);
    } else if (type_ == "b") {
      value = v_ == "1" ? "true" : v_ == "0" ? "false" : v_;
    } else if (type_ == "n") {
      value = NormalizeNumber(v_);
    } else {
      value = v_;  // "e" (error such as #N/A), "d" (ISO date): as written
    }
    if (value.empty()) return;
    text_bytes_ += value.size();  // shared strings are copied into every cell that names them
    if (text_bytes_ > kXlsxMaxInflatedBytes || cells.size() >= kMaxGridCells) return Fail(Invalid("sheet too large"));
    max_row = std::max(max_row, row_);
    max_col = std::max(max_col, col_);
    cells.push_back({row_, col_, std::move(value)});
  }

  const std::vector<std::string>& shared_;
  bool in_data_ = false, done_ = false;
  bool in_cell_ = false, in_v_ = false, in_inline_ = false, has_inline_ = false, has_v_ = false;
  std::size_t row_ = 0, col_ = 0;
  std::size_t text_bytes_ = 0;
  std::string type_, v_;
  StringItem item_;
};

}  // namespace

Result<std::vector<std::vector<std::string>>> ReadXlsxFirstSheet(std::string_view bytes) {
  auto zip = Zip::Open(bytes);
  if (!zip.ok()) return zip.error();
  std::vector<std::string> shared;
  if (zip->Has("xl/sharedStrings.xml")) {
    auto text = zip->Read("xl/sharedStrings.xml");
    if (!text.ok()) return text.error();
    SharedStrings reader;
    if (auto st = ParseXml(*text, "xl/sharedStrings.xml", reader); !st.ok()) return st.error();
    shared = std::move(reader.strings);
  }
  const std::string sheet_path = FirstSheetPath(*zip);
  auto sheet = zip->Read(sheet_path);
  if (!sheet.ok()) return sheet.error();
  SheetCells reader(shared);
  if (auto st = ParseXml(*sheet, sheet_path, reader); !st.ok()) return st.error();
  if (reader.max_row * reader.max_col > kMaxGridCells) return Invalid("sheet too large");
  std::vector<std::vector<std::string>> grid(reader.max_row, std::vector<std::string>(reader.max_col));
  for (auto& c : reader.cells) grid[c.row - 1][c.col - 1] = std::move(c.value);
  return grid;
}

}  // namespace istihdam
