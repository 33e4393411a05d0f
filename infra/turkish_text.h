#pragma once
// Turkish text analysis for full-text search (docs/search.md): Turkish lower case, splitting
// into words, Snowball stemming and the diacritic-free folded form. The index and the query
// side both go through these, so a document and a query are cut into the same terms.
//
// All functions are pure, never throw on any input (bytes that are not UTF-8 become U+FFFD,
// which is not part of a word) and are thread-safe (ICU and Xapian objects are per thread).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace istihdam {

// The most words Words() returns for a search query; later words are ignored.
inline constexpr std::size_t kMaxQueryWords = 64;
// The longest word Words() returns, in bytes; a longer word is cut at a character boundary.
inline constexpr std::size_t kMaxWordBytes = 64;

// `utf8` in Turkish lower case (ICU, locale "tr"): "İSTANBUL IĞDIR" -> "istanbul ığdır".
std::string TurkishLower(std::string_view utf8);

// `utf8` in Turkish upper case (ICU, locale "tr"): "ilkay ışık" -> "İLKAY IŞIK".
std::string TurkishUpper(std::string_view utf8);

// The words of `text`, in order, each in Turkish lower case (and NFC). A word is a run of
// letters, combining marks and decimal digits (Unicode general categories L*, M*, Nd);
// anything else separates words, apostrophes included: "İstanbul'da" -> {"istanbul", "da"}.
// Returns at most `max_words` words, each at most kMaxWordBytes bytes.
std::vector<std::string> Words(std::string_view text, std::size_t max_words = kMaxQueryWords);

// The words of a search query: Words(), less a suffix set off by an apostrophe, which in
// Turkish inflects the proper noun before it: "İstanbul'da yazılım" -> {"istanbul", "yazılım"}
// (the document side indexes "da" too, but a query must not require it).
std::vector<std::string> QueryWords(std::string_view text, std::size_t max_words = kMaxQueryWords);

// The Snowball "turkish" stem of a word already in Turkish lower case (as Words() gives it):
// "mühendisler" -> "mühendis", "yazılım" -> "yazıl". "" for "".
std::string Stem(std::string_view lowered_word);

// The diacritic-free form of a word (FoldForSearch of infra/text.h: Turkish lower case, marks
// removed, ı -> i): "Yazılım" -> "yazilim", "ÖĞRETMEN" -> "ogretmen".
std::string FoldWord(std::string_view word);

// The first `n` characters (code points) of valid UTF-8 `s`, or all of `s` when it has fewer.
std::string_view Utf8Prefix(std::string_view s, std::size_t n);

// The number of characters (code points) of valid UTF-8 `s`.
std::size_t Utf8Length(std::string_view s);

}  // namespace istihdam
