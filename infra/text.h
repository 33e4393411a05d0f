#pragma once
// Text helpers. Turkish-aware folding for filters and search, and the UTF-8 checks every
// input boundary and the command pipeline's backstop use (docs/api.md "Text").
//
// FoldForSearch: Turkish lower case (İ→i, I→ı), then diacritics removed and ı→i, so
// "ÇANKAYA ŞUBESİ", "Çankaya Şubesi" and "cankaya subesi" all fold to "cankaya subesi".
// All functions are pure and thread-safe.
#include <string>
#include <string_view>

namespace istihdam {

std::string FoldForSearch(std::string_view utf8);

// Whether `s` is well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates
// (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequence.
bool IsValidUtf8(std::string_view s);

// `s` with every byte that does not start or continue a well-formed sequence replaced by
// U+FFFD (one replacement per bad byte). Valid input comes back unchanged.
std::string ToValidUtf8(std::string_view s);

// `s` when it is valid UTF-8; else ToValidUtf8(s), and a warning naming `what` ("events",
// "read model workplaces") is logged the first time per `what` and process, not per request.
// For text read back from storage written before the input boundaries refused such bytes.
std::string ToValidUtf8Logged(std::string_view s, std::string_view what);

// Which control characters a text field admits.
enum class TextKind {
  kLine,       // identifiers, names, codes: no control character at all
  kMultiline,  // free text (addresses, descriptions): tab, line feed and carriage return too
};

// Whether `s` is text a field of `kind` may hold: valid UTF-8, and no C0 control (U+0000..
// U+001F, except tab/LF/CR for kMultiline), no DEL (U+007F) and no C1 control (U+0080..U+009F).
bool IsAcceptableText(std::string_view s, TextKind kind = TextKind::kLine);

}  // namespace istihdam
