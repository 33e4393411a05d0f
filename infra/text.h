#pragma once
// Turkish-aware text folding for filters and search: Turkish lower case (İ→i, I→ı), then
// diacritics removed and ı→i, so "ÇANKAYA ŞUBESİ", "Çankaya Şubesi" and "cankaya subesi" all
// fold to "cankaya subesi". Thread-safe.
#include <string>
#include <string_view>

namespace istihdam {

std::string FoldForSearch(std::string_view utf8);

}  // namespace istihdam
