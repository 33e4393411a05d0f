// Given-when-then tests of the national occupations import (OCC-3): all rows or none, each
// 6-digit code below an ISCO-08 unit group, an unchanged file decides nothing.
#include "aggregates/occupation_dictionary.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::ElementsAre;
using testing::TestReferenceData;

events::OccupationUpserted Upserted(const Result<std::vector<events::OccupationEvent>>& r, std::size_t i) {
  return std::get<events::OccupationUpserted>(r->at(i));
}

NationalOccupations Given(const std::vector<events::OccupationUpserted>& evs) {
  NationalOccupations s;
  for (const auto& e : evs) s = Apply(std::move(s), e);
  return s;
}

TEST(OccupationDictionaryTest, NewRowsBecomeOneEventEachBelowTheirUnitGroup) {
  const auto r = DecideImportOccupations({}, {{2, "251201", "Yazılım Geliştirici (Java)", "Java Developer"},
                                             {3, "721201", "Gazaltı Kaynakçısı", ""}},
                                         TestReferenceData());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(Upserted(r, 0), (events::OccupationUpserted{"251201", "2512", "Yazılım Geliştirici (Java)", "Java Developer"}));
  EXPECT_EQ(Upserted(r, 1), (events::OccupationUpserted{"721201", "7212", "Gazaltı Kaynakçısı", ""}));
}

TEST(OccupationDictionaryTest, AnUnchangedFileDecidesNothingAndARenameOneEvent) {
  const auto s = Given({{"251201", "2512", "Yazılım Geliştirici", ""}, {"721201", "7212", "Kaynakçı", ""}});
  const auto same = DecideImportOccupations(s, {{2, "251201", "Yazılım Geliştirici", ""}}, TestReferenceData());
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->empty());
  const auto renamed = DecideImportOccupations(
      s, {{2, "251201", "Yazılım Geliştirici", ""}, {3, "721201", "Kaynakçı", "Welder"}}, TestReferenceData());
  ASSERT_TRUE(renamed.ok());
  ASSERT_EQ(renamed->size(), 1u);
  EXPECT_EQ(Upserted(renamed, 0).name_en, "Welder");
}

TEST(OccupationDictionaryTest, AnyBadRowRefusesTheWholeFileNamingEveryLine) {
  const auto r = DecideImportOccupations({},
                                         {{2, "251201", "İyi Satır", ""},
                                          {3, "251", "Kısa Kod", ""},            // not 6 digits
                                          {4, "999901", "Ebeveynsiz", ""},       // 9999 is no unit group
                                          {5, "251101", "Alt Grup Değil", ""},   // 2511 is a unit group: fine
                                          {6, "25120A", "Harf", ""},
                                          {7, "251201", "Aynı Kod", ""},         // again
                                          {8, "251202", "", ""},                 // no Turkish name
                                          {9, "251203", "Bozuk\x01", ""}},
                                         TestReferenceData());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, errc::kValidationFailed);
  EXPECT_THAT(r.error().fields, ElementsAre(FieldError{"line 3.code", "invalid_format"},
                                            FieldError{"line 4.code", "unknown_parent"},
                                            FieldError{"line 6.code", "invalid_format"},
                                            FieldError{"line 7.code", "duplicate"},
                                            FieldError{"line 8.nameTr", "required"},
                                            FieldError{"line 9.nameTr", "invalid_text"}));
}

TEST(OccupationDictionaryTest, TheParentMustBeAUnitGroupNotAHigherLevel) {
  // 0110 is a unit group (armed forces); 2100 is no code of the tree.
  EXPECT_TRUE(DecideImportOccupations({}, {{2, "011001", "Subay", ""}}, TestReferenceData()).ok());
  const auto r = DecideImportOccupations({}, {{2, "210001", "Yok", ""}}, TestReferenceData());
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().fields, ElementsAre(FieldError{"line 2.code", "unknown_parent"}));
}

}  // namespace
}  // namespace istihdam
