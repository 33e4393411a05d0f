// TYP attendance types as reference data and their configuration keys (docs/configuration.md
// "TYP attendance").
#include <gtest/gtest.h>

#include <fstream>

#include "infra/config.h"
#include "infra/reference_data.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

TEST(TypReferenceTest, TheSixDefaultAttendanceTypesShipInData) {
  auto ref = ReferenceData::Load(ISTIHDAM_SOURCE_DIR "/data");
  ASSERT_TRUE(ref.ok()) << ref.error().detail;
  std::vector<std::string> codes;
  for (const auto& t : ref->attendance_types()) codes.push_back(t.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"excusedAbsence", "unexcusedAbsence", "sickLeave", "paidLeave",
                                             "unpaidLeave", "publicHoliday"}));
  const auto* unexcused = ref->FindAttendanceType("unexcusedAbsence");
  ASSERT_NE(unexcused, nullptr);
  EXPECT_EQ(unexcused->name_tr, "Mazeretsiz Devamsızlık");
  EXPECT_EQ(unexcused->name_en, "Unexcused absence");
  EXPECT_EQ(ref->FindAttendanceType("worked"), nullptr);
}

TEST(TypReferenceTest, CountriesAreTheIso3166ListWithTurkishNames) {
  auto ref = ReferenceData::Load(ISTIHDAM_SOURCE_DIR "/data");
  ASSERT_TRUE(ref.ok()) << ref.error().detail;
  EXPECT_EQ(ref->countries().size(), 249u);
  const auto* de = ref->FindCountry("DE");
  ASSERT_NE(de, nullptr);
  EXPECT_EQ(de->name_tr, "Almanya");
  EXPECT_EQ(de->name_en, "Germany");
  ASSERT_NE(ref->FindCountry("SA"), nullptr);
  EXPECT_EQ(ref->FindCountry("SA")->name_tr, "Suudi Arabistan");
  EXPECT_EQ(ref->FindCountry("de"), nullptr) << "codes are upper case";
  EXPECT_EQ(ref->FindCountry("XX"), nullptr);
}

TEST(TypReferenceTest, AConfiguredFileReplacesTheTypes) {
  testing::TempDir dir;
  const std::string csv = dir.path() + "/types.csv";
  std::ofstream(csv) << "code,name_tr,name_en\nunexcusedAbsence,Mazeretsiz Devamsızlık,Unexcused absence\n"
                        "weeklyRest,Hafta Tatili,Weekly rest\n";
  auto ref = ReferenceData::Load(ISTIHDAM_SOURCE_DIR "/data");
  ASSERT_TRUE(ref.ok());
  ASSERT_TRUE(ref->LoadAttendanceTypes(csv).ok());
  ASSERT_EQ(ref->attendance_types().size(), 2u);
  EXPECT_EQ(ref->attendance_types()[1].name_tr, "Hafta Tatili");
  EXPECT_EQ(ref->FindAttendanceType("sickLeave"), nullptr);
  EXPECT_FALSE(ref->LoadAttendanceTypes(dir.path() + "/missing.csv").ok());
  EXPECT_EQ(ref->attendance_types().size(), 2u) << "a failed load changes nothing";
}

TEST(TypReferenceTest, ConfigurationKeys) {
  EXPECT_EQ(Config{}.typ_unexcused_absence_threshold, 3);
  EXPECT_EQ(Config{}.typ_attendance_types_file, "");
  testing::TempDir dir;
  const std::string path = dir.path() + "/config.json";
  std::ofstream(path) << R"({"typUnexcusedAbsenceThreshold": 5, "typAttendanceTypesFile": "/etc/istihdam/devam.csv"})";
  Config c;
  ASSERT_TRUE(LoadConfigFile(path, &c).ok());
  EXPECT_EQ(c.typ_unexcused_absence_threshold, 5);
  EXPECT_EQ(c.typ_attendance_types_file, "/etc/istihdam/devam.csv");
}

}  // namespace
}  // namespace istihdam
