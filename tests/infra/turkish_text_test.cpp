// infra/turkish_text.h: Turkish lower case, words, stems and folded forms.
#include "infra/turkish_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "infra/text.h"

namespace istihdam {
namespace {

using Strings = std::vector<std::string>;

TEST(TurkishTextTest, LowerCaseIsTurkish) {
  EXPECT_EQ(TurkishLower("İSTANBUL IĞDIR ŞİŞLİ"), "istanbul ığdır şişli");
  EXPECT_EQ(TurkishLower("Çağla ÖZGÜR"), "çağla özgür");
  EXPECT_EQ(TurkishLower(""), "");
}

TEST(TurkishTextTest, UpperCaseIsTurkish) {
  EXPECT_EQ(TurkishUpper("ilkay ışık"), "İLKAY IŞIK");
  EXPECT_EQ(TurkishUpper("Çağla özgür"), "ÇAĞLA ÖZGÜR");
  EXPECT_EQ(TurkishUpper(""), "");
}

TEST(TurkishTextTest, WordsAreLowerCasedAndSplitAtApostrophes) {
  EXPECT_EQ(Words("İstanbul'da"), (Strings{"istanbul", "da"}));
  EXPECT_EQ(Words("İstanbul’da"), (Strings{"istanbul", "da"}));  // U+2019
  EXPECT_EQ(Words("  Yazılım-Mühendisi, (KADIKÖY)/34!"),
            (Strings{"yazılım", "mühendisi", "kadıköy", "34"}));
  EXPECT_EQ(Words("ISCO 2512"), (Strings{"ısco", "2512"}));
}

TEST(TurkishTextTest, QueryWordsDropTheSuffixAfterAnApostrophe) {
  EXPECT_EQ(QueryWords("İstanbul'da yazılım"), (Strings{"istanbul", "yazılım"}));
  EXPECT_EQ(QueryWords("Ankara’daki"), (Strings{"ankara"}));
  EXPECT_EQ(QueryWords("a ' b"), (Strings{"a", "b"}));  // an apostrophe not ending a word
  EXPECT_EQ(QueryWords("x'"), (Strings{"x"}));
  EXPECT_EQ(QueryWords("İzmir'deki iş ilanı", 2), (Strings{"izmir", "iş"}));
}

TEST(TurkishTextTest, QuerySyntaxIsJustWords) {
  EXPECT_EQ(Words(R"(title:x AND NEAR "x" * -y +z)"),
            (Strings{"title", "x", "and", "near", "x", "y", "z"}));
  EXPECT_EQ(Words("!!! ... *** \"\" ''"), Strings{});
  EXPECT_EQ(Words(""), Strings{});
}

TEST(TurkishTextTest, DecomposedLettersAreComposedFirst) {
  EXPECT_EQ(Words("Mu\xCC\x88hendis"), (Strings{"mühendis"}));  // u + U+0308
  EXPECT_EQ(Words("I\xCC\x87stanbul"), (Strings{"istanbul"}));  // I + U+0307 = İ
}

TEST(TurkishTextTest, InvalidUtf8SeparatesWords) {
  EXPECT_EQ(Words("Fu\xFF\xFEzz"), (Strings{"fu", "zz"}));
  EXPECT_EQ(Words("a\xC3"), (Strings{"a"}));
  EXPECT_EQ(Words(std::string("x\0y", 3)), (Strings{"x", "y"}));
}

TEST(TurkishTextTest, WordsAreBoundedInNumberAndLength) {
  std::string many;
  for (int i = 0; i < 1000; ++i) many += "kelime ";
  EXPECT_EQ(Words(many).size(), kMaxQueryWords);
  EXPECT_EQ(Words(many, 3).size(), 3u);
  EXPECT_EQ(Words(many, 5000).size(), 1000u);
  EXPECT_TRUE(Words("bir iki", 0).empty());

  std::string long_word;
  for (int i = 0; i < 100; ++i) long_word += "ş";  // 2 bytes each
  const auto words = Words(long_word + " son");
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0].size(), kMaxWordBytes);
  EXPECT_TRUE(IsValidUtf8(words[0]));
  EXPECT_EQ(words[1], "son");

  const auto odd = Words("a" + long_word);  // 1 + 2k bytes: cut before a split letter
  ASSERT_EQ(odd.size(), 1u);
  EXPECT_EQ(odd[0].size(), kMaxWordBytes - 1);
  EXPECT_TRUE(IsValidUtf8(odd[0]));
}

TEST(TurkishTextTest, StemsAreSnowballTurkish) {
  EXPECT_EQ(Stem("mühendisler"), "mühendis");
  EXPECT_EQ(Stem("mühendisi"), "mühendis");
  EXPECT_EQ(Stem("yazılım"), "yazıl");
  EXPECT_EQ(Stem("öğretmenleri"), "öğretmen");
  EXPECT_EQ(Stem("öğretmen"), "öğretme");  // one suffix layer less: why folded prefixes exist
  EXPECT_EQ(Stem(""), "");
}

TEST(TurkishTextTest, FoldedWordsHaveNoDiacritics) {
  EXPECT_EQ(FoldWord("Yazılım"), "yazilim");
  EXPECT_EQ(FoldWord("ÖĞRETMEN"), "ogretmen");
  EXPECT_EQ(FoldWord("KAYNAKÇI"), "kaynakci");
  EXPECT_EQ(FoldWord("ISTANBUL"), FoldWord("İstanbul"));
}

TEST(TurkishTextTest, Utf8PrefixCountsCharacters) {
  EXPECT_EQ(Utf8Length("öğretmen"), 8u);
  EXPECT_EQ(Utf8Prefix("öğretmen", 5), "öğret");
  EXPECT_EQ(Utf8Prefix("öğ", 5), "öğ");
  EXPECT_EQ(Utf8Prefix("öğ", 0), "");
}

}  // namespace
}  // namespace istihdam
