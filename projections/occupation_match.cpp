#include "projections/occupation_match.h"

#include <algorithm>

#include "infra/text.h"
#include "infra/turkish_text.h"

namespace istihdam {

std::vector<std::string> SearchWords(std::string_view text) {
  const std::string folded = FoldForSearch(text);
  std::vector<std::string> words;
  std::string word;
  for (const char ch : folded) {
    const auto c = static_cast<unsigned char>(ch);
    const bool part = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (part) {
      word += ch;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool NameMatches(const std::vector<std::string>& name_words, const std::vector<std::string>& query_words) {
  return std::all_of(query_words.begin(), query_words.end(), [&](const std::string& q) {
    // The word as typed, or its Turkish stem ("ogretmenler" -> "ogretmen"), starts a word.
    const std::string stem = FoldWord(Stem(q));
    const bool try_stem = stem.size() >= 3 && stem != q;
    return std::any_of(name_words.begin(), name_words.end(), [&](const std::string& w) {
      return w.starts_with(q) || (try_stem && w.starts_with(stem));
    });
  });
}

}  // namespace istihdam
