#include "infra/text.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
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

}  // namespace istihdam
