#pragma once
// How the occupation dictionary's search matches words (api/jobs.md "Occupation dictionary"):
// the one place that decides it.
// Pure and thread-safe.
#include <string>
#include <string_view>
#include <vector>

namespace istihdam {

// The words of `text` as the search compares them: folded (infra/text.h FoldForSearch: case,
// dotted/dotless i and diacritics ignored) and split at every ASCII character that is not a
// letter or a digit. "Kaynakçılar ve Oksijenle Kesim Ustaları" -> kaynakcilar, ve,
// oksijenle, kesim, ustalari.
std::vector<std::string> SearchWords(std::string_view text);

// Whether an occupation's name matches a query: every query word, or its Turkish stem
// (infra/turkish_text.h: "ogretmenler" -> "ogretmen"), is the start of some word of the name
// (both given as SearchWords). No query words match every name.
bool NameMatches(const std::vector<std::string>& name_words, const std::vector<std::string>& query_words);

}  // namespace istihdam
