#include "infra/xlsx_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>

namespace istihdam {

namespace {

Error Invalid(std::string detail) { return Error::Of(errc::kXlsxInvalid, std::move(detail)); }

// ---- ZIP ------------------------------------------------------------------------------

std::uint32_t U16(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8;
}
std::uint32_t U32(std::string_view b, std::size_t at) { return U16(b, at) | U16(b, at + 2) << 16; }

struct ZipEntry {
  std::uint32_t method = 0;
  std::uint32_t flags = 0;
  std::size_t compressed = 0;
  std::size_t uncompressed = 0;
  std::size_t local_offset = 0;
};

class Zip {
 public:
  static Result<Zip> Open(std::string_view bytes) {
    if (bytes.size() < 22) return Invalid("not a zip archive (too short)");
    const std::size_t last = bytes.size() - 22;
    const std::size_t first = last > 0xFFFF ? last - 0xFFFF : 0;
    std::optional<std::size_t> eocd;
    for (std::size_t p = last + 1; p-- > first;) {
      if (U32(bytes, p) == 0x06054b50u && p + 22 + U16(bytes, p + 20) <= bytes.size()) {
        eocd = p;
        break;
      }
    }
    if (!eocd) return Invalid("not a zip archive (no end of central directory)");
    const std::size_t count = U16(bytes, *eocd + 10);
    const std::size_t cd_size = U32(bytes, *eocd + 12);
    const std::size_t cd_offset = U32(bytes, *eocd + 16);
    if (count == 0xFFFF || cd_size == 0xFFFFFFFFu || cd_offset == 0xFFFFFFFFu) return Invalid("zip64 is not supported");
    if (count > kXlsxMaxEntries) return Invalid("too many zip entries");
    if (cd_offset > *eocd || cd_size > *eocd - cd_offset) return Invalid("central directory out of range");
    Zip zip;
    zip.bytes_ = bytes;
    std::size_t p = cd_offset;
    const std::size_t end = cd_offset + cd_size;
    for (std::size_t i = 0; i < count; ++i) {
      if (p + 46 > end || U32(bytes, p) != 0x02014b50u) return Invalid("bad central directory entry");
      ZipEntry e;
      e.flags = U16(bytes, p + 8);
      e.method = U16(bytes, p + 10);
      e.compressed = U32(bytes, p + 20);
      e.uncompressed = U32(bytes, p + 24);
      const std::size_t name_len = U16(bytes, p + 28), extra_len = U16(bytes, p + 30), comment_len = U16(bytes, p + 32);
      e.local_offset = U32(bytes, p + 42);
      if (p + 46 + name_len + extra_len + comment_len > end) return Invalid("bad central directory entry");
      std::string name(bytes.substr(p + 46, name_len));
      zip.entries_[name] = e;
      p += 46 + name_len + extra_len + comment_len;
    }
    return zip;
  }

  bool Has(const std::string& name) const { return entries_.count(name) != 0; }

  // The inflated entry; every call counts against one shared budget.
  Result<std::string> Read(const std::string& name) {
    auto it = entries_.find(name);
    if (it == entries_.end()) return Invalid("missing " + name);
    const ZipEntry& e = it->second;
    if (e.flags & 1u) return Invalid("encrypted entry " + name);
    const std::size_t at = e.local_offset;
    if (at > bytes_.size() || bytes_.size() - at < 30 || U32(bytes_, at) != 0x04034b50u) {
      return Invalid("bad local header for " + name);
    }
    const std::size_t data = at + 30 + U16(bytes_, at + 26) + U16(bytes_, at + 28);
    if (data > bytes_.size() || e.compressed > bytes_.size() - data) return Invalid("truncated entry " + name);
    const std::string_view in = bytes_.substr(data, e.compressed);
    const std::size_t remaining = kXlsxMaxInflatedBytes - used_;
    if (e.uncompressed > remaining) return Invalid("archive too large when inflated");
    std::string out;
    if (e.method == 0) {
      if (e.compressed != e.uncompressed) return Invalid("bad stored entry " + name);
      out.assign(in);
    } else if (e.method == 8) {
      z_stream z{};
      if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return Invalid("inflate init failed");
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
      z.avail_in = static_cast<uInt>(in.size());
      out.resize(e.uncompressed + 1);  // one spare byte detects a lying size field
      z.next_out = reinterpret_cast<Bytef*>(out.data());
      z.avail_out = static_cast<uInt>(out.size());
      const int rc = inflate(&z, Z_FINISH);
      const std::size_t produced = out.size() - z.avail_out;
      inflateEnd(&z);
      if (rc != Z_STREAM_END || produced != e.uncompressed) return Invalid("corrupt deflate data in " + name);
      out.resize(produced);
    } else {
      return Invalid("unsupported compression method in " + name);
    }
    used_ += out.size();
    return out;
  }

 private:
  std::string_view bytes_;
  std::map<std::string, ZipEntry> entries_;
  std::size_t used_ = 0;
};

// ---- XML scanning -----------------------------------------------------------------------

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

// XML entities: the five predefined ones and numeric references.
Result<std::string> DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) return Invalid("bad XML entity");
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    if (name == "amp") out += '&';
    else if (name == "lt") out += '<';
    else if (name == "gt") out += '>';
    else if (name == "quot") out += '"';
    else if (name == "apos") out += '\'';
    else if (name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string digits(name.substr(hex ? 2 : 1));
      if (digits.empty()) return Invalid("bad XML character reference");
      char* end = nullptr;
      const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (*end != '\0' || !ValidCodePoint(cp)) return Invalid("bad XML character reference");
      AppendUtf8(out, static_cast<std::uint32_t>(cp));
    } else {
      return Invalid("unknown XML entity &" + std::string(name) + ";");
    }
    i = semi;
  }
  return out;
}

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

struct Token {
  enum Kind { kStart, kEnd, kText } kind = kText;
  std::string_view name;   // local name (prefix stripped)
  std::string_view attrs;  // raw attribute text of a start tag
  bool self_closing = false;
  std::string_view text;   // raw text (entities not decoded) or CDATA content
  bool cdata = false;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view LocalName(std::string_view n) {
  const auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

class XmlScanner {
 public:
  explicit XmlScanner(std::string_view s) : s_(s) {}

  // false at the end; sets `error` on malformed markup.
  bool Next(Token& t) {
    if (pos_ >= s_.size()) return false;
    t = Token{};
    if (s_[pos_] != '<') {
      const std::size_t lt = s_.find('<', pos_);
      const std::size_t end = lt == std::string_view::npos ? s_.size() : lt;
      t.kind = Token::kText;
      t.text = s_.substr(pos_, end - pos_);
      pos_ = end;
      return true;
    }
    const std::string_view rest = s_.substr(pos_);
    auto skip_past = [&](std::string_view close) {
      const std::size_t e = s_.find(close, pos_);
      if (e == std::string_view::npos) {
        error = true;
        pos_ = s_.size();
        return false;
      }
      pos_ = e + close.size();
      return true;
    };
    if (rest.starts_with("<![CDATA[")) {
      const std::size_t start = pos_ + 9;
      if (!skip_past("]]>")) return false;
      t.kind = Token::kText;
      t.cdata = true;
      t.text = s_.substr(start, pos_ - 3 - start);
      return true;
    }
    if (rest.starts_with("<?")) return skip_past("?>") && Next(t);
    if (rest.starts_with("<!--")) return skip_past("-->") && Next(t);
    if (rest.starts_with("<!")) return skip_past(">") && Next(t);
    std::size_t p = pos_ + 1;
    const bool closing = p < s_.size() && s_[p] == '/';
    if (closing) ++p;
    const std::size_t name_start = p;
    while (p < s_.size() && !IsSpace(s_[p]) && s_[p] != '>' && s_[p] != '/') ++p;
    const std::size_t name_end = p;
    char quote = 0;
    while (p < s_.size() && (quote || s_[p] != '>')) {
      if (quote && s_[p] == quote) quote = 0;
      else if (!quote && (s_[p] == '"' || s_[p] == '\'')) quote = s_[p];
      ++p;
    }
    if (p >= s_.size() || name_end == name_start) {
      error = true;
      pos_ = s_.size();
      return false;
    }
    t.kind = closing ? Token::kEnd : Token::kStart;
    t.name = LocalName(s_.substr(name_start, name_end - name_start));
    t.self_closing = !closing && s_[p - 1] == '/';
    t.attrs = s_.substr(name_end, p - name_end - (t.self_closing ? 1 : 0));
    pos_ = p + 1;
    return true;
  }

  bool error = false;

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

// The value of the attribute with this local name (entities decoded); nullopt if absent.
std::optional<std::string> Attr(std::string_view attrs, std::string_view local) {
  std::size_t p = 0;
  while (p < attrs.size()) {
    while (p < attrs.size() && IsSpace(attrs[p])) ++p;
    const std::size_t n0 = p;
    while (p < attrs.size() && attrs[p] != '=' && !IsSpace(attrs[p])) ++p;
    const std::string_view name = attrs.substr(n0, p - n0);
    while (p < attrs.size() && IsSpace(attrs[p])) ++p;
    if (p >= attrs.size() || attrs[p] != '=') return std::nullopt;
    ++p;
    while (p < attrs.size() && IsSpace(attrs[p])) ++p;
    if (p >= attrs.size() || (attrs[p] != '"' && attrs[p] != '\'')) return std::nullopt;
    const char q = attrs[p++];
    const std::size_t v0 = p;
    const std::size_t v1 = attrs.find(q, p);
    if (v1 == std::string_view::npos) return std::nullopt;
    p = v1 + 1;
    if (LocalName(name) == local) {
      auto v = DecodeEntities(attrs.substr(v0, v1 - v0));
      if (!v.ok()) return std::nullopt;
      return std::move(v).value();
    }
  }
  return std::nullopt;
}

// Text of a string item (<si> or <is>): all <t> outside phonetic runs (<rPh>), until </end>.
Status ReadStringItem(XmlScanner& xml, std::string_view end, std::string& out) {
  Token t;
  int in_t = 0, in_phonetic = 0;
  while (xml.Next(t)) {
    if (t.kind == Token::kStart && !t.self_closing) {
      if (t.name == "t") ++in_t;
      else if (t.name == "rPh") ++in_phonetic;
    } else if (t.kind == Token::kEnd) {
      if (t.name == end) {
        out = DecodeXstring(out);
        return Status::Ok();
      }
      if (t.name == "t" && in_t > 0) --in_t;
      else if (t.name == "rPh" && in_phonetic > 0) --in_phonetic;
    } else if (t.kind == Token::kText && in_t > 0 && in_phonetic == 0) {
      if (t.cdata) {
        out.append(t.text);
      } else {
        auto d = DecodeEntities(t.text);
        if (!d.ok()) return d.error();
        out += *d;
      }
    }
  }
  return Invalid("unterminated <" + std::string(end) + ">");
}

Result<std::vector<std::string>> ReadSharedStrings(const std::string& xml_text) {
  std::vector<std::string> out;
  XmlScanner xml(xml_text);
  Token t;
  while (xml.Next(t)) {
    if (t.kind == Token::kStart && t.name == "si") {
      std::string s;
      if (!t.self_closing) {
        if (auto st = ReadStringItem(xml, "si", s); !st.ok()) return st.error();
      }
      out.push_back(std::move(s));
    }
  }
  if (xml.error) return Invalid("malformed xl/sharedStrings.xml");
  return out;
}

// The first sheet's part name, from the workbook and its relationships.
std::string FirstSheetPath(Zip& zip) {
  const std::string fallback = "xl/worksheets/sheet1.xml";
  if (!zip.Has("xl/workbook.xml") || !zip.Has("xl/_rels/workbook.xml.rels")) return fallback;
  auto wb = zip.Read("xl/workbook.xml");
  if (!wb.ok()) return fallback;
  std::optional<std::string> rid;
  {
    XmlScanner xml(*wb);
    Token t;
    while (!rid && xml.Next(t)) {
      if (t.kind == Token::kStart && t.name == "sheet") rid = Attr(t.attrs, "id");
    }
  }
  if (!rid) return fallback;
  auto rels = zip.Read("xl/_rels/workbook.xml.rels");
  if (!rels.ok()) return fallback;
  XmlScanner xml(*rels);
  Token t;
  while (xml.Next(t)) {
    if (t.kind != Token::kStart || t.name != "Relationship" || Attr(t.attrs, "Id") != rid) continue;
    auto target = Attr(t.attrs, "Target");
    if (!target || target->empty()) return fallback;
    if ((*target)[0] == '/') return target->substr(1);  // absolute part name
    std::string path = "xl/" + *target;
    // "xl/../x" style targets are not produced by spreadsheet writers; keep it simple.
    return path;
  }
  return fallback;
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

constexpr std::size_t kMaxGridCells = 2'000'000;

}  // namespace

Result<std::vector<std::vector<std::string>>> ReadXlsxFirstSheet(std::string_view bytes) {
  auto zip = Zip::Open(bytes);
  if (!zip.ok()) return zip.error();
  std::vector<std::string> shared;
  if (zip->Has("xl/sharedStrings.xml")) {
    auto text = zip->Read("xl/sharedStrings.xml");
    if (!text.ok()) return text.error();
    auto s = ReadSharedStrings(*text);
    if (!s.ok()) return s.error();
    shared = std::move(s).value();
  }
  const std::string sheet_path = FirstSheetPath(*zip);
  auto sheet = zip->Read(sheet_path);
  if (!sheet.ok()) return sheet.error();

  struct Cell {
    std::size_t row, col;
    std::string value;
  };
  std::vector<Cell> cells;
  std::size_t max_row = 0, max_col = 0;
  std::size_t text_bytes = 0;  // shared strings are copied into every cell that names them
  XmlScanner xml(*sheet);
  Token t;
  bool in_data = false;
  std::size_t row = 0, col = 0;
  while (xml.Next(t)) {
    if (t.kind == Token::kStart && t.name == "sheetData") {
      in_data = !t.self_closing;
      continue;
    }
    if (t.kind == Token::kEnd && t.name == "sheetData") break;
    if (!in_data || t.kind != Token::kStart) continue;
    if (t.name == "row") {
      const auto r = Attr(t.attrs, "r");
      if (r) {
        char* end = nullptr;
        const unsigned long n = std::strtoul(r->c_str(), &end, 10);
        if (*end != '\0' || n < 1 || n > 1048576) return Invalid("bad row number " + *r);
        row = n;
      } else {
        ++row;
      }
      col = 0;
      continue;
    }
    if (t.name != "c") continue;
    if (row == 0) return Invalid("cell outside a row");
    if (const auto ref = Attr(t.attrs, "r")) {
      std::size_t ref_row = 0;
      if (!ParseCellRef(*ref, col, ref_row)) return Invalid("bad cell reference " + *ref);
      if (ref_row != row) return Invalid("cell " + *ref + " outside its row");
    } else {
      ++col;
    }
    const std::string type = Attr(t.attrs, "t").value_or("n");
    if (t.self_closing) continue;
    std::string v, inline_text;
    bool has_inline = false;
    Token u;
    int in_v = 0;
    bool closed = false;
    while (xml.Next(u)) {
      if (u.kind == Token::kEnd && u.name == "c") {
        closed = true;
        break;
      }
      if (u.kind == Token::kStart && u.name == "is" && !u.self_closing) {
        has_inline = true;
        if (auto st = ReadStringItem(xml, "is", inline_text); !st.ok()) return st.error();
      } else if (u.kind == Token::kStart && u.name == "v" && !u.self_closing) {
        ++in_v;
      } else if (u.kind == Token::kEnd && u.name == "v") {
        in_v = 0;
      } else if (u.kind == Token::kText && in_v > 0) {
        if (u.cdata) {
          v.append(u.text);
        } else {
          auto d = DecodeEntities(u.text);
          if (!d.ok()) return d.error();
          v += *d;
        }
      }
    }
    if (!closed) return Invalid("unterminated cell");
    std::string value;
    if (type == "s") {
      char* end = nullptr;
      const unsigned long i = std::strtoul(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || i >= shared.size()) return Invalid("bad shared string index " + v);
      value = shared[i];
    } else if (type == "inlineStr") {
      value = has_inline ? inline_text : DecodeXstring(v);
    } else if (type == "str") {
      value = DecodeXstring(v);
    } else if (type == "b") {
      value = v == "1" ? "true" : v == "0" ? "false" : v;
    } else if (type == "n") {
      value = NormalizeNumber(v);
    } else {
      value = v;  // "e" (error such as #N/A), "d" (ISO date): as written
    }
    if (value.empty()) continue;
    text_bytes += value.size();
    if (text_bytes > kXlsxMaxInflatedBytes) return Invalid("sheet too large");
    max_row = std::max(max_row, row);
    max_col = std::max(max_col, col);
    cells.push_back({row, col, std::move(value)});
  }
  if (xml.error) return Invalid("malformed " + sheet_path);
  if (max_row * max_col > kMaxGridCells) return Invalid("sheet too large");
  std::vector<std::vector<std::string>> grid(max_row, std::vector<std::string>(max_col));
  for (auto& c : cells) grid[c.row - 1][c.col - 1] = std::move(c.value);
  return grid;
}

}  // namespace istihdam
