// The benefit declarations read model (DECL-1): unit, then firm, then declaration type must be
// chosen; who sees what (employer: its own, unit user: its province, head office: all);
// filters and 15 per page.
#include "projections/benefit_declarations.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "aggregates/benefit_declaration.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::ElementsAre;
using testing::OneStream;
using testing::TestReferenceData;
using testing::TestStore;

// unit, firm, declaration type, then the optional filters.
DeclarationQuery Q(const std::string& unit, const std::string& employer, const std::string& type,
                   const std::string& from = "", const std::string& to = "", const std::string& no = "") {
  return {unit, employer, type, from, to, no};
}

constexpr const char* kA = "2000000001";  // Anadolu, İstanbul (34) and Ankara (06)
constexpr const char* kB = "2000000002";  // Ege, İzmir (35) and İstanbul (34)

class BenefitDeclarationsViewTest : public ::testing::Test {
 protected:
  BenefitDeclarationsViewTest() : engine_(&ts_.db(), &ts_.store(), nullptr) {
    engine_.Add(MakeBenefitDeclarationsProjector());
  }

  void Submit(const std::string& no, const std::string& type, const std::string& employer, const std::string& title,
              const std::string& unit, const std::string& date) {
    events::BenefitDeclarationSubmitted e;
    e.declaration_no = no;
    e.declaration_type = type;
    e.employer_id = employer;
    e.employer_title = title;
    e.workplace_id = "30000000" + unit;
    e.unit_id = unit;
    e.declaration_date = date;
    e.workers = {{"10000000146", "Ayşe", "Yılmaz", "", "", {{"2026-01", 40}, {"2026-02", 20}}}};
    ASSERT_TRUE(ts_.store().Append(OneStream(BenefitDeclarationStream(no), ExpectedVersion::NoStream(),
                                             {events::Encode(e)})).ok());
  }

  // A: 20 İÖ in İstanbul (2026000001..020, one a day from 2026-01-01), 1 KÇÖ in Ankara.
  // B: 2 İÖ and 1 İKT in İstanbul.
  void Seed() {
    for (int i = 1; i <= 20; ++i) {
      char no[16], date[16];
      std::snprintf(no, sizeof no, "2026%06d", i);
      std::snprintf(date, sizeof date, "2026-01-%02d", i);
      Submit(no, "IO", kA, "Anadolu Tekstil A.Ş.", "34", date);
    }
    Submit("2026000021", "KCO", kA, "Anadolu Tekstil A.Ş.", "06", "2026-02-01");
    Submit("2026000022", "IO", kB, "Ege Gıda Ltd.", "34", "2026-02-02");
    Submit("2026000023", "IO", kB, "Ege Gıda Ltd.", "34", "2026-02-03");
    Submit("2026000024", "IKT", kB, "Ege Gıda Ltd.", "34", "2026-02-04");
    engine_.CatchUp();
  }

  ReadView View() { return engine_.View("benefit_declarations"); }

  static DeclarationViewer Employer(const std::string& id) { return {id, "", false}; }
  static DeclarationViewer Unit(const std::string& province) { return {"", province, false}; }
  static DeclarationViewer HeadOffice() { return {"", "", true}; }

  static std::vector<std::string> Nos(const boost::json::object& page) {
    std::vector<std::string> out;
    for (const auto& i : page.at("items").as_array()) out.emplace_back(i.at("declarationNo").as_string());
    return out;
  }
  static std::vector<std::string> Ids(const boost::json::object& list, const char* key) {
    std::vector<std::string> out;
    for (const auto& i : list.at("items").as_array()) out.emplace_back(i.at(key).as_string());
    return out;
  }

  TestStore ts_;
  ProjectionEngine engine_;
};

TEST_F(BenefitDeclarationsViewTest, SelectorsAreRequiredInTheOrderUnitFirmDeclaration) {
  auto st = CheckDeclarationQuery(Q("", "", ""), TestReferenceData());
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, "declaration_selection_required");
  EXPECT_THAT(st.error().fields, ElementsAre(FieldError{"unitId", "required"}, FieldError{"employerId", "required"},
                                             FieldError{"declarationType", "required"}));
  st = CheckDeclarationQuery(Q("34", "", "IO"), TestReferenceData());
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(st.error().fields, ElementsAre(FieldError{"employerId", "required"}));
  st = CheckDeclarationQuery(Q("34", kA, ""), TestReferenceData());
  EXPECT_THAT(st.error().fields, ElementsAre(FieldError{"declarationType", "required"}));
  st = CheckDeclarationQuery(Q("34", kA, "XX", "2026-1-1", "2026-01-01"), TestReferenceData());
  EXPECT_EQ(st.error().code, "validation_failed");
  EXPECT_THAT(st.error().fields, ElementsAre(FieldError{"declarationType", "unknown_value"},
                                             FieldError{"dateFrom", "invalid_format"}));
  st = CheckDeclarationQuery(Q("34", kA, "IO", "2026-02-01", "2026-01-01"), TestReferenceData());
  EXPECT_THAT(st.error().fields, ElementsAre(FieldError{"dateTo", "before_valid_from"}));
  st = CheckDeclarationQuery(Q("99", kA, "IO"), TestReferenceData());  // no province 99
  EXPECT_EQ(st.error().code, "validation_failed");
  EXPECT_THAT(st.error().fields, ElementsAre(FieldError{"unitId", "unknown_value"}));
  EXPECT_TRUE(CheckDeclarationQuery(Q("34", kA, "KCO"), TestReferenceData()).ok());
}

TEST_F(BenefitDeclarationsViewTest, FifteenPerPageNewestFirst) {
  Seed();
  const auto p1 = ListBenefitDeclarations(View(), Unit("34"), Q("34", kA, "IO"), {1, 15});
  EXPECT_EQ(p1.at("total").as_uint64(), 20u);
  EXPECT_EQ(p1.at("totalPages").as_uint64(), 2u);
  const auto nos = Nos(p1);
  ASSERT_EQ(nos.size(), 15u);
  EXPECT_EQ(nos.front(), "2026000020");
  EXPECT_EQ(nos.back(), "2026000006");
  const auto p2 = ListBenefitDeclarations(View(), Unit("34"), Q("34", kA, "IO"), {2, 15});
  EXPECT_THAT(Nos(p2), ElementsAre("2026000005", "2026000004", "2026000003", "2026000002", "2026000001"));
  const auto& item = p1.at("items").as_array()[0].as_object();
  EXPECT_EQ(item.at("declarationTypeName").as_string(), "İşsizlik Ödeneği");
  EXPECT_EQ(item.at("employerTitle").as_string(), "Anadolu Tekstil A.Ş.");
  EXPECT_EQ(item.at("declarationDate").as_string(), "2026-01-20");
  EXPECT_EQ(item.at("workerCount").to_number<std::int64_t>(), 1);
  EXPECT_EQ(item.at("totalShortTimeHours").as_int64(), 60);
}

TEST_F(BenefitDeclarationsViewTest, FiltersOnTypeDatesAndNumber) {
  Seed();
  EXPECT_THAT(Nos(ListBenefitDeclarations(View(), HeadOffice(), Q("34", kB, "IKT"), {1, 15})), ElementsAre("2026000024"));
  EXPECT_THAT(Nos(ListBenefitDeclarations(View(), HeadOffice(), Q("34", kB, "IO"), {1, 15})),
              ElementsAre("2026000023", "2026000022"));
  EXPECT_THAT(Nos(ListBenefitDeclarations(View(), HeadOffice(), Q("34", kA, "IO", "2026-01-03", "2026-01-05"), {1, 15})),
              ElementsAre("2026000005", "2026000004", "2026000003"));
  EXPECT_THAT(Nos(ListBenefitDeclarations(View(), HeadOffice(), Q("34", kA, "IO", "", "", "2026000007"), {1, 15})),
              ElementsAre("2026000007"));
  EXPECT_TRUE(Nos(ListBenefitDeclarations(View(), HeadOffice(), Q("34", kA, "KCO"), {1, 15})).empty());
  EXPECT_THAT(Nos(ListBenefitDeclarations(View(), HeadOffice(), Q("06", kA, "KCO"), {1, 15})), ElementsAre("2026000021"));
}

TEST_F(BenefitDeclarationsViewTest, UnitUsersSeeOnlyTheirProvince) {
  Seed();
  EXPECT_EQ(ListBenefitDeclarations(View(), Unit("06"), Q("34", kA, "IO"), {1, 15}).at("total").as_uint64(), 0u);
  EXPECT_EQ(ListBenefitDeclarations(View(), Unit("06"), Q("06", kA, "KCO"), {1, 15}).at("total").as_uint64(), 1u);
  EXPECT_TRUE(Ids(ListDeclarationFirms(View(), Unit("06"), "34", {1, 15}), "employerId").empty());
  EXPECT_FALSE(GetBenefitDeclaration(View(), Unit("06"), "2026000001"));
  EXPECT_TRUE(GetBenefitDeclaration(View(), Unit("34"), "2026000001"));
  EXPECT_TRUE(GetBenefitDeclaration(View(), HeadOffice(), "2026000021"));
  EXPECT_THAT(Ids(ListDeclarationUnits(View(), TestReferenceData(), Unit("06"), {}), "unitId"), ElementsAre("06"));
}

TEST_F(BenefitDeclarationsViewTest, EmployersSeeOnlyTheirOwn) {
  Seed();
  EXPECT_EQ(ListBenefitDeclarations(View(), Employer(kB), Q("34", kA, "IO"), {1, 15}).at("total").as_uint64(), 0u);
  EXPECT_EQ(ListBenefitDeclarations(View(), Employer(kB), Q("34", kB, "IO"), {1, 15}).at("total").as_uint64(), 2u);
  EXPECT_FALSE(GetBenefitDeclaration(View(), Employer(kB), "2026000001"));
  const auto doc = GetBenefitDeclaration(View(), Employer(kA), "2026000001");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->at("workers").as_array()[0].at("tckn").as_string(), "10000000146");
  EXPECT_THAT(Ids(ListDeclarationFirms(View(), Employer(kB), "34", {1, 15}), "employerId"), ElementsAre(kB));
  // Units: those of its workplaces (35, 34) and of its declarations (34).
  const auto units = ListDeclarationUnits(View(), TestReferenceData(), Employer(kB), {"35", "34"});
  EXPECT_THAT(Ids(units, "unitId"), ElementsAre("34", "35"));
  EXPECT_EQ(units.at("items").as_array()[0].at("declarationCount").as_int64(), 3);
  EXPECT_EQ(units.at("items").as_array()[1].at("declarationCount").as_int64(), 0);
}

TEST_F(BenefitDeclarationsViewTest, FirmsOfAUnitByTitleWithCounts) {
  Seed();
  const auto firms = ListDeclarationFirms(View(), HeadOffice(), "34", {1, 15});
  EXPECT_THAT(Ids(firms, "employerId"), ElementsAre(kA, kB));
  EXPECT_EQ(firms.at("items").as_array()[0].at("declarationCount").as_int64(), 20);
  EXPECT_EQ(firms.at("items").as_array()[1].at("title").as_string(), "Ege Gıda Ltd.");
  EXPECT_EQ(firms.at("items").as_array()[1].at("declarationCount").as_int64(), 3);
  const auto units = ListDeclarationUnits(View(), TestReferenceData(), HeadOffice(), {});
  EXPECT_EQ(units.at("items").as_array().size(), 81u);
}

TEST_F(BenefitDeclarationsViewTest, RebuildEqualsIncremental) {
  Seed();
  const auto before = ListBenefitDeclarations(View(), HeadOffice(), Q("34", kA, "IO"), {2, 15});
  ASSERT_TRUE(engine_.Rebuild("benefit_declarations").ok());
  EXPECT_EQ(ListBenefitDeclarations(View(), HeadOffice(), Q("34", kA, "IO"), {2, 15}), before);
  EXPECT_EQ(ListDeclarationFirms(View(), HeadOffice(), "34", {1, 15}).at("items").as_array()[0].at("declarationCount").as_int64(), 20);
}

}  // namespace
}  // namespace istihdam
