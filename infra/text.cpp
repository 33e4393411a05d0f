#include "infra/text.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <spdlog/spdlog.h>

#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>

namespace istihdam {

std::string FoldForSearch(std::string_view utf8) {
  // A Transliterator is not safe to share between threads; one per thread.
  thread_local std::unique_ptr<icu::Transliterator> fold = [] {
    UErrorCode status = U_ZERO_ERROR;
    UParseError perr;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
        "trfold", icu::UnicodeString::fromUTF8(":: tr-Lower; :: NFD; :: [:Nonspacing Mark:] Remove; :: NFC; ı > i;"),
        UTRANS_FORWARD, perr, status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU transliterator: " + std::string(u_errorName(status)));
    return t;
  }();
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  fold->transliterate(s);
  std::string out;
  s.toUTF8String(out);
  return out;
}

namespace {

// The length of the well-formed UTF-8 sequence at s[i], or 0 when none starts there.
std::size_t SequenceLength(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  }
  return len;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto n = SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string ToValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto n = SequenceLength(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string ToValidUtf8Logged(std::string_view s, std::string_view what) {
  if (IsValidUtf8(s)) return std::string(s);
  static std::mutex mu;
  static std::set<std::string, std::less<>> warned;
  bool first = false;
  {
    std::lock_guard lock(mu);
    first = warned.emplace(what).second;
  }
  if (first) {
    spdlog::warn("{}: stored text that is not UTF-8 is shown with U+FFFD (logged once per process)", what);
  }
  return ToValidUtf8(s);
}

bool IsAcceptableText(std::string_view s, TextKind kind) {
  for (std::size_t i = 0; i < s.size();) {
    const auto n = SequenceLength(s, i);
    if (n == 0) return false;
    const auto c = static_cast<unsigned char>(s[i]);
    if (n == 1 && (c < 0x20 || c == 0x7F)) {
      const bool whitespace = c == '\t' || c == '\n' || c == '\r';
      if (!(kind == TextKind::kMultiline && whitespace)) return false;
    }
    // C1 controls U+0080..U+009F are encoded C2 80..C2 9F.
    if (n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) return false;
    i += n;
  }
  return true;
}

}  // namespace istihdam
