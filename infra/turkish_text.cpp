#include "infra/turkish_text.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <xapian.h>

#include "infra/text.h"

namespace istihdam {
namespace {

const icu::Locale& Turkish() {
  static const icu::Locale tr("tr");
  return tr;
}

// `utf8` as ICU text; ill-formed bytes become U+FFFD.
icu::UnicodeString FromUtf8(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

// Letters, combining marks and decimal digits make words; everything else separates them.
bool IsWordChar(UChar32 c) {
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK)) != 0;
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// `s` cut to at most `max_bytes` bytes, at a character boundary.
void TruncateUtf8(std::string& s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return;
  std::size_t end = max_bytes;
  while (end > 0 && IsContinuationByte(s[end])) --end;
  s.resize(end);
}

}  // namespace

std::string TurkishLower(std::string_view utf8) {
  icu::UnicodeString s = FromUtf8(utf8);
  s.toLower(Turkish());
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string TurkishUpper(std::string_view utf8) {
  icu::UnicodeString s = FromUtf8(utf8);
  s.toUpper(Turkish());
  std::string out;
  s.toUTF8String(out);
  return out;
}

namespace {

bool IsApostrophe(UChar32 c) { return c == u'\'' || c == u'\u2019'; }

// Words(), and when `drop_suffixes` without the letters right after an apostrophe that ends a
// word ("da" of "İstanbul'da").
std::vector<std::string> SplitWords(std::string_view text, std::size_t max_words,
                                    bool drop_suffixes) {
  std::vector<std::string> words;
  if (max_words == 0) return words;
  icu::UnicodeString s = FromUtf8(text);
  // NFC first, so a letter typed as base + combining mark is one precomposed letter, as
  // Turkish keyboards produce it.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString normalized = nfc->normalize(s, status);
    if (U_SUCCESS(status)) s = std::move(normalized);
  }
  s.toLower(Turkish());

  const int32_t n = s.length();
  int32_t i = 0;
  while (i < n && words.size() < max_words) {
    while (i < n && !IsWordChar(s.char32At(i))) i = s.moveIndex32(i, 1);
    const int32_t start = i;
    while (i < n && IsWordChar(s.char32At(i))) i = s.moveIndex32(i, 1);
    if (i == start) break;
    std::string word;
    s.tempSubStringBetween(start, i).toUTF8String(word);
    TruncateUtf8(word, kMaxWordBytes);
    words.push_back(std::move(word));
    if (drop_suffixes && i < n && IsApostrophe(s.char32At(i))) {
      i = s.moveIndex32(i, 1);
      while (i < n && IsWordChar(s.char32At(i))) i = s.moveIndex32(i, 1);
    }
  }
  return words;
}

}  // namespace

std::vector<std::string> Words(std::string_view text, std::size_t max_words) {
  return SplitWords(text, max_words, false);
}

std::vector<std::string> QueryWords(std::string_view text, std::size_t max_words) {
  return SplitWords(text, max_words, true);
}

std::string Stem(std::string_view lowered_word) {
  if (lowered_word.empty()) return {};
  // A Xapian::Stem keeps state while it works: one per thread.
  thread_local Xapian::Stem stemmer("turkish");
  try {
    return stemmer(std::string(lowered_word));
  } catch (const Xapian::Error&) {
    return std::string(lowered_word);  // not expected; an unstemmed word still matches itself
  }
}

std::string FoldWord(std::string_view word) { return FoldForSearch(word); }

std::string_view Utf8Prefix(std::string_view s, std::size_t n) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (IsContinuationByte(s[i])) continue;
    if (chars == n) return s.substr(0, i);
    ++chars;
  }
  return s;
}

std::size_t Utf8Length(std::string_view s) {
  std::size_t chars = 0;
  for (char c : s) chars += IsContinuationByte(c) ? 0 : 1;
  return chars;
}

}  // namespace istihdam
