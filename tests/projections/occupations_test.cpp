// The occupation dictionary's queries (OCC-1, OCC-2) over the ISCO-08 reference data and the
// projected national occupations: word and code search, filters, the 1000-row limit, paths
// and children.
#include "projections/occupations.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aggregates/occupation_dictionary.h"
#include "events/occupations.h"
#include "projections/occupation_match.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;
using testing::OneStream;
using testing::TestReferenceData;
using testing::TestStore;

TEST(OccupationMatchTest, WordsAreFoldedAndEveryQueryWordStartsANameWord) {
  EXPECT_THAT(SearchWords("Kaynakçılar ve Oksijenle Kesim Ustaları"),
              ElementsAre("kaynakcilar", "ve", "oksijenle", "kesim", "ustalari"));
  EXPECT_THAT(SearchWords("  İŞÇİ (Genel), Yardımcı-Usta "), ElementsAre("isci", "genel", "yardimci", "usta"));
  const auto name = SearchWords("Yazılım Geliştiricileri");
  EXPECT_TRUE(NameMatches(name, SearchWords("yazilim")));
  EXPECT_TRUE(NameMatches(name, SearchWords("YAZILIM gELiŞ")));
  EXPECT_TRUE(NameMatches(name, {}));
  EXPECT_FALSE(NameMatches(name, SearchWords("yazilim muhendisi")));
  EXPECT_FALSE(NameMatches(name, SearchWords("lisim")));  // inside a word, not at its start
  // An inflected query word matches through its Turkish stem.
  EXPECT_TRUE(NameMatches(SearchWords("Öğretmen"), SearchWords("öğretmenler")));
  EXPECT_TRUE(NameMatches(SearchWords("Makine Mühendisi"), SearchWords("mühendisler")));
  EXPECT_FALSE(NameMatches(SearchWords("Öğretmen"), SearchWords("öğrenciler")));
}

class OccupationDictionaryViewTest : public ::testing::Test {
 protected:
  OccupationDictionaryViewTest() : engine_(&ts_.db(), &ts_.store(), nullptr), dictionary_(TestReferenceData()) {
    engine_.Add(MakeOccupationsProjector());
  }

  void Import(const std::vector<events::OccupationUpserted>& rows) {
    std::vector<NewEvent> evs;
    for (const auto& r : rows) evs.push_back(events::Encode(r));
    ASSERT_TRUE(ts_.store().Append(OneStream(kOccupationsStream, ExpectedVersion::Any(), std::move(evs))).ok());
    engine_.CatchUp();
  }

  Result<OccupationPage> Search(const std::string& q, int level = 0, const std::string& parent = "",
                                Page page = {1, 100}) {
    return dictionary_.Search(engine_.View("occupations"), {q, level, parent}, page);
  }
  std::vector<std::string> Codes(const std::string& q, int level = 0, const std::string& parent = "") {
    auto r = Search(q, level, parent, {1, 100});
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().code);
    std::vector<std::string> out;
    if (r.ok()) {
      for (const auto& e : r->items) out.push_back(e.code);
    }
    return out;
  }

  TestStore ts_;
  ProjectionEngine engine_;
  OccupationDictionary dictionary_;
};

TEST_F(OccupationDictionaryViewTest, WordsMatchEitherNameFolded) {
  EXPECT_THAT(Codes("yazilim"), Contains("2512"));
  EXPECT_THAT(Codes("yazilim"), ElementsAre("251", "2512", "2519"));
  EXPECT_THAT(Codes("KAYNAKÇI"), Contains("7212"));
  EXPECT_THAT(Codes("KAYNAKÇI"), Not(Contains("1212")));  // "İnsan Kaynakları": another word
  EXPECT_THAT(Codes("welders"), ElementsAre("721", "7212"));
  EXPECT_THAT(Codes("yazılım geliştir"), ElementsAre("251", "2512", "2519"));
  EXPECT_THAT(Codes("yazilim analist"), ElementsAre("251", "2519"));
}

TEST_F(OccupationDictionaryViewTest, DigitsAreACodePrefixAndFiltersCombine) {
  EXPECT_THAT(Codes("2512"), ElementsAre("2512"));
  EXPECT_THAT(Codes("251"), ElementsAre("251", "2511", "2512", "2513", "2514", "2519"));
  EXPECT_THAT(Codes("251", 4), ElementsAre("2511", "2512", "2513", "2514", "2519"));
  EXPECT_THAT(Codes("", 0, "251"), ElementsAre("2511", "2512", "2513", "2514", "2519"));
  EXPECT_THAT(Codes("", 1), ElementsAre("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
  EXPECT_THAT(Codes("yaz", 0, "251"), ElementsAre("2512", "2519"));
  EXPECT_TRUE(Codes("", 0, "9999").empty());
}

TEST_F(OccupationDictionaryViewTest, TheWholeIscoTreeIsOneSearchPagedByCode) {
  const auto all = Search("", 0, "", {2, 15});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 619u);
  ASSERT_EQ(all->items.size(), 15u);
  // By code: 0, 01, 011, 0110, 02, 021, 0210, 03, 031, 0310, 1, 11, 111, 1111, 1112 on page 1.
  EXPECT_EQ(all->items.front().code, "1113");
  const auto beyond = Search("", 0, "", {100, 15});
  ASSERT_TRUE(beyond.ok());
  EXPECT_TRUE(beyond->items.empty());
  EXPECT_EQ(beyond->total, 619u);
}

TEST_F(OccupationDictionaryViewTest, NationalOccupationsJoinTheTreeAtLevel5) {
  Import({{"251201", "2512", "Java Yazılım Geliştiricisi", "Java Developer"}, {"721201", "7212", "Gazaltı Kaynakçısı", ""}});
  EXPECT_THAT(Codes("yazilim"), ElementsAre("251", "2512", "251201", "2519"));
  EXPECT_THAT(Codes("gazalti"), ElementsAre("721201"));
  EXPECT_THAT(Codes("2512"), ElementsAre("2512", "251201"));
  EXPECT_THAT(Codes("", 5), ElementsAre("251201", "721201"));
  EXPECT_THAT(Codes("", 0, "7212"), ElementsAre("721201"));
  EXPECT_TRUE(Codes("", 4, "7212").empty());
  EXPECT_TRUE(Codes("", 5, "721").empty());

  const auto d = dictionary_.Find(engine_.View("occupations"), "721201");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->entry.level, 5);
  EXPECT_EQ(d->entry.parent_code, "7212");
  std::vector<std::string> path;
  for (const auto& p : d->path) path.push_back(p.code);
  EXPECT_THAT(path, ElementsAre("7", "72", "721", "7212"));
  EXPECT_TRUE(d->children.empty());

  const auto unit = dictionary_.Find(engine_.View("occupations"), "2512");
  ASSERT_TRUE(unit);
  ASSERT_EQ(unit->children.size(), 1u);
  EXPECT_EQ(unit->children[0].name_tr, "Java Yazılım Geliştiricisi");
}

TEST_F(OccupationDictionaryViewTest, MoreThan1000RowsAreRefused) {
  std::vector<events::OccupationUpserted> rows;
  for (const auto& o : TestReferenceData().occupations()) {
    if (o.level == 4) rows.push_back({o.code + "01", o.code, "Ulusal Meslek " + o.code, ""});
  }
  Import(rows);  // 436 unit groups: 619 + 436 rows
  const auto all = Search("");
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.error().code, errc::kTooManyResults);
  const auto national = Search("", 5);
  ASSERT_TRUE(national.ok());
  EXPECT_EQ(national->total, 436u);
  EXPECT_THAT(Codes("ulusal meslek 2512"), ElementsAre("251201"));  // digits among words are a word
}

TEST_F(OccupationDictionaryViewTest, DetailOfTheTreeAndUnknownCodes) {
  const auto d = dictionary_.Find(engine_.View("occupations"), "251");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->entry.name_tr, "Yazılım ve Uygulama Geliştiricileri ve Analistleri");
  ASSERT_EQ(d->path.size(), 2u);
  EXPECT_EQ(d->path[0].code, "2");
  EXPECT_EQ(d->path[1].code, "25");
  ASSERT_EQ(d->children.size(), 5u);
  EXPECT_EQ(d->children[1].code, "2512");
  EXPECT_FALSE(dictionary_.Find(engine_.View("occupations"), "9999"));
  EXPECT_FALSE(dictionary_.Find(engine_.View("occupations"), "999999"));
  EXPECT_FALSE(dictionary_.Find(engine_.View("occupations"), ""));
}

}  // namespace
}  // namespace istihdam
