// Given-when-then tests of the Employer aggregate: registration (AUTH-1, AUTH-3) and the
// headquarters-per-province rule for new workplaces (EMP-3, EMP-4). No storage, no clock.
#include "aggregates/employer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <string>
#include <vector>

#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::kT0;
using testing::TestReferenceData;
using ::testing::UnorderedElementsAre;

const RegistrationPolicy kPolicy{"2026-01", 8};

// A registration that passes every rule; tests break one field at a time.
RegisterEmployer ValidRegistration() {
  RegisterEmployer c;
  c.terms_accepted = true;
  c.terms_version = "2026-01";
  c.kind = "legalEntity";
  c.title = "Örnek Yazılım A.Ş.";
  c.tax_office = "Kadıköy";
  c.tax_no = "4540536920";
  c.sector = "private";
  c.province = "34";
  c.district = "Kadıköy";
  c.address = "Caferağa Mah. Moda Cad. No: 1";
  c.phone = "0216 555 12 34";
  c.email = "info@ornek.com.tr";
  c.sgk_no = "52064080866666660146574000";
  c.representative.tckn = "10000000146";
  c.representative.first_name = "Ayşe";
  c.representative.last_name = "Yılmaz";
  c.representative.password = "correct horse battery";
  c.representative.password_repeat = "correct horse battery";
  c.representative.secret_question = "İlk öğretmeninizin adı?";
  c.representative.secret_answer = "Nermin";
  c.representative.email = "ayse@ornek.com.tr";
  c.representative.mobile = "0532 123 45 67";
  c.representative.preferred_contact = "email";
  c.now = kT0;
  c.employer_id = "employer-2000000001";
  c.iskur_no = "employer-2000000001";
  c.workplace_id = "workplace-3000000001";
  c.user_id = "user-4000000001";
  return c;
}

// Events have no operator==; their JSON views (serialized, so that a failure prints them)
// compare every field.
template <class E>
std::string J(const E& e) {
  return boost::json::serialize(events::ToJson(e));
}
template <class Variant>
std::string AsJson(const Variant& v) {
  return std::visit([](const auto& e) { return J(e); }, v);
}
template <class Variant>
std::string TypeOf(const Variant& v) {
  return std::visit([](const auto& e) { return std::string(e.kType); }, v);
}

Error RegistrationError(const RegisterEmployer& c) {
  auto r = DecideRegistration(c, TestReferenceData(), kPolicy);
  EXPECT_FALSE(r.ok()) << "expected a refusal";
  return r.ok() ? Error{} : r.error();
}

TEST(DecideRegistrationTest, ValidLegalEntityYieldsTheFiveEventsWithTheGivenIds) {
  const RegisterEmployer c = ValidRegistration();
  auto r = DecideRegistration(c, TestReferenceData(), kPolicy);
  ASSERT_TRUE(r.ok()) << r.error().code;

  events::WorkplaceInfo info;
  info.district = "Kadıköy";
  info.address = "Caferağa Mah. Moda Cad. No: 1";
  info.phone = "0216 555 12 34";
  info.email = "info@ornek.com.tr";

  ASSERT_EQ(r->employer.size(), 2u);
  EXPECT_EQ(TypeOf(r->employer[0]), "EmployerRegistered");
  EXPECT_EQ(AsJson(r->employer[0]),
            J(events::EmployerRegistered{
                "employer-2000000001", "employer-2000000001", "legalEntity", "Örnek Yazılım A.Ş.",
                "Kadıköy", "4540536920", "private", "34", "Kadıköy",
                "Caferağa Mah. Moda Cad. No: 1", "0216 555 12 34", "info@ornek.com.tr",
                "user-4000000001", "2026-01", "2026-01-15T09:00:00.000000Z"}));
  EXPECT_EQ(TypeOf(r->employer[1]), "WorkplaceDesignatedHeadquarters");
  EXPECT_EQ(AsJson(r->employer[1]), J(events::WorkplaceDesignatedHeadquarters{
                                        "employer-2000000001", "workplace-3000000001", "34"}));

  ASSERT_EQ(r->workplace.size(), 1u);
  EXPECT_EQ(TypeOf(r->workplace[0]), "WorkplaceRegistered");
  EXPECT_EQ(AsJson(r->workplace[0]),
            J(events::WorkplaceRegistered{"workplace-3000000001", "employer-2000000001",
                                          "employer-2000000001", "Örnek Yazılım A.Ş.",
                                          "52064080866666660146574000", "4540536920", "34",
                                          "headquarters", "", info}));

  ASSERT_EQ(r->user.size(), 2u);
  EXPECT_EQ(TypeOf(r->user[0]), "UserAccountRegistered");
  EXPECT_EQ(AsJson(r->user[0]),
            J(events::UserAccountRegistered{"user-4000000001", "10000000146", "Ayşe", "Yılmaz",
                                            "ayse@ornek.com.tr", "0532 123 45 67", "email",
                                            "İlk öğretmeninizin adı?", ""}));
  EXPECT_EQ(TypeOf(r->user[1]), "EmployerPrimaryAdminAssigned");
  EXPECT_EQ(AsJson(r->user[1]),
            J(events::EmployerPrimaryAdminAssigned{"user-4000000001", "employer-2000000001"}));
}

TEST(DecideRegistrationTest, NaturalPersonUsesATcknAsTaxNumber) {
  RegisterEmployer c = ValidRegistration();
  c.kind = "naturalPerson";
  c.tax_no = c.representative.tckn;  // taxed under their own TCKN
  auto r = DecideRegistration(c, TestReferenceData(), kPolicy);
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(std::get<events::EmployerRegistered>(r->employer[0]).employer_kind, "naturalPerson");

  c.tax_no = c.representative.tckn == "17291716060" ? "10000000146" : "17291716060";  // someone else's
  EXPECT_THAT(RegistrationError(c).fields, ElementsAre(FieldError{"employer.taxNo", "mismatch"}));

  c.tax_no = "4540536920";  // a VKN is not a natural person's tax number
  EXPECT_THAT(RegistrationError(c).fields,
              ElementsAre(FieldError{"employer.taxNo", "invalid_format"}));
}

TEST(DecideRegistrationTest, DeclinedTermsAreRefusedBeforeAnyFieldIsChecked) {
  RegisterEmployer c = ValidRegistration();
  c.terms_accepted = false;
  c.representative.tckn = "17291716050";
  c.tax_no = "4540536921";
  c.province = "99";
  c.representative.password = "x";
  const Error e = RegistrationError(c);
  EXPECT_EQ(e.code, "terms_not_accepted");
  EXPECT_THAT(e.fields, IsEmpty());
}

TEST(DecideRegistrationTest, BadTcknChecksumNamesTheRepresentativeField) {
  RegisterEmployer c = ValidRegistration();
  c.representative.tckn = "17291716050";
  const Error e = RegistrationError(c);
  EXPECT_EQ(e.code, "validation_failed");
  EXPECT_THAT(e.fields, ElementsAre(FieldError{"representative.tckn", "invalid_checksum"}));
}

TEST(DecideRegistrationTest, MalformedTcknIsAFormatError) {
  RegisterEmployer c = ValidRegistration();
  c.representative.tckn = "1000000014";
  EXPECT_THAT(RegistrationError(c).fields,
              ElementsAre(FieldError{"representative.tckn", "invalid_format"}));
  c.representative.tckn = "";
  EXPECT_THAT(RegistrationError(c).fields,
              ElementsAre(FieldError{"representative.tckn", "required"}));
}

TEST(DecideRegistrationTest, BadVknNamesTheEmployerTaxNumber) {
  RegisterEmployer c = ValidRegistration();
  c.tax_no = "4540536921";
  const Error e = RegistrationError(c);
  EXPECT_EQ(e.code, "validation_failed");
  EXPECT_THAT(e.fields, ElementsAre(FieldError{"employer.taxNo", "invalid_checksum"}));
}

TEST(DecideRegistrationTest, UnknownProvinceIsAnUnknownValue) {
  RegisterEmployer c = ValidRegistration();
  c.province = "99";
  EXPECT_THAT(RegistrationError(c).fields,
              ElementsAre(FieldError{"employer.province", "unknown_value"}));
}

TEST(DecideRegistrationTest, DistrictOfAnotherProvinceIsAnUnknownValue) {
  RegisterEmployer c = ValidRegistration();
  c.district = "Çankaya";  // Ankara, not İstanbul
  EXPECT_THAT(RegistrationError(c).fields,
              ElementsAre(FieldError{"employer.district", "unknown_value"}));
}

TEST(DecideRegistrationTest, ShortPasswordIsTooShort) {
  RegisterEmployer c = ValidRegistration();
  c.representative.password = "1234567";  // policy minimum is 8
  c.representative.password_repeat = "1234567";
  EXPECT_THAT(RegistrationError(c).fields,
              ElementsAre(FieldError{"representative.password", "too_short"}));

  c.representative.password = c.representative.password_repeat = "12345678";
  EXPECT_TRUE(DecideRegistration(c, TestReferenceData(), kPolicy).ok());
}

TEST(DecideRegistrationTest, PasswordRepeatMustMatch) {
  RegisterEmployer c = ValidRegistration();
  c.representative.password_repeat = "correct horse battery!";
  EXPECT_THAT(RegistrationError(c).fields,
              ElementsAre(FieldError{"representative.passwordRepeat", "mismatch"}));
}

TEST(DecideRegistrationTest, PreferredContactByEmailRequiresAnEmail) {
  RegisterEmployer c = ValidRegistration();
  c.representative.email = "";
  EXPECT_THAT(RegistrationError(c).fields,
              ElementsAre(FieldError{"representative.email", "required"}));
}

TEST(DecideRegistrationTest, PreferredContactBySmsRequiresAMobile) {
  RegisterEmployer c = ValidRegistration();
  c.representative.preferred_contact = "sms";
  c.representative.mobile = "";
  EXPECT_THAT(RegistrationError(c).fields,
              ElementsAre(FieldError{"representative.mobile", "required"}));
}

TEST(DecideRegistrationTest, OutdatedTermsVersionIsAFieldError) {
  RegisterEmployer c = ValidRegistration();
  c.terms_version = "2025-06";
  EXPECT_THAT(RegistrationError(c).fields, ElementsAre(FieldError{"termsVersion", "outdated"}));
}

// RULES.md §1e: an SGK workplace number is 26 *digits*; workplaces registered later are held
// to that (DecideRegisterWorkplace), so registration must be too.
TEST(DecideRegistrationTest, SgkNumberMustBe26Digits) {
  RegisterEmployer c = ValidRegistration();
  c.sgk_no = "5206408086666666014657400";  // 25 digits
  EXPECT_THAT(RegistrationError(c).fields,
              ElementsAre(FieldError{"employer.sgkNo", "invalid_format"}));
  c.sgk_no = "5206408086666666014657400X";  // 26 characters, one not a digit
  EXPECT_THAT(RegistrationError(c).fields,
              ElementsAre(FieldError{"employer.sgkNo", "invalid_format"}));
}

TEST(DecideRegistrationTest, EveryBadFieldIsListed) {
  RegisterEmployer c = ValidRegistration();
  c.representative.tckn = "17291716050";
  c.tax_no = "4540536921";
  c.province = "99";
  c.representative.password = "short";
  c.representative.password_repeat = "short";
  c.email = "not-an-email";
  c.title = "";
  const Error e = RegistrationError(c);
  EXPECT_EQ(e.code, "validation_failed");
  EXPECT_THAT(e.fields, UnorderedElementsAre(FieldError{"representative.tckn", "invalid_checksum"},
                                             FieldError{"employer.taxNo", "invalid_checksum"},
                                             FieldError{"employer.province", "unknown_value"},
                                             FieldError{"representative.password", "too_short"},
                                             FieldError{"employer.email", "invalid_format"},
                                             FieldError{"employer.title", "required"}));
}

// ----- DecideRegisterWorkplace -----------------------------------------------------------

class DecideRegisterWorkplaceTest : public ::testing::Test {
 protected:
  // Given: an employer registered with its headquarters in İstanbul.
  EmployerState Given() {
    const RegisterEmployer reg = ValidRegistration();
    EmployerState s;
    s = Apply(s, events::EmployerRegistered{reg.employer_id, reg.iskur_no, reg.kind, reg.title,
                                            reg.tax_office, reg.tax_no, reg.sector, reg.province,
                                            reg.district, reg.address, reg.phone, reg.email,
                                            reg.user_id, "2026-01", "2026-01-15T09:00:00.000000Z"});
    s = Apply(s, events::WorkplaceDesignatedHeadquarters{reg.employer_id, reg.workplace_id, "34"});
    return s;
  }

  static RegisterWorkplace NewWorkplace(const std::string& id, const std::string& province,
                                        const std::string& district) {
    RegisterWorkplace c;
    c.workplace_id = id;
    c.title = "Örnek Yazılım A.Ş. Şube";
    c.sgk_no = "52064080866666660146574001";
    c.province = province;
    c.info.district = district;
    c.info.address = "Atatürk Bulvarı No: 10";
    c.info.phone = "0312 444 55 66";
    c.info.contacts = {{"email", "sube@ornek.com.tr"}};
    return c;
  }
};

TEST_F(DecideRegisterWorkplaceTest, GivenStateHoldsTheFold) {
  const EmployerState s = Given();
  EXPECT_TRUE(s.exists);
  EXPECT_EQ(s.employer_id, "employer-2000000001");
  EXPECT_EQ(s.tax_no, "4540536920");
  EXPECT_EQ(s.sector, "private");
  EXPECT_EQ(s.primary_admin_user_id, "user-4000000001");
  EXPECT_EQ(s.hq_by_province, (std::map<std::string, std::string>{{"34", "workplace-3000000001"}}));
}

TEST_F(DecideRegisterWorkplaceTest, FirstWorkplaceInAnotherProvinceBecomesItsHeadquarters) {
  const auto c = NewWorkplace("workplace-3000000002", "06", "Çankaya");
  auto r = DecideRegisterWorkplace(Given(), c, TestReferenceData());
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(TypeOf(r->employer), "WorkplaceDesignatedHeadquarters");
  EXPECT_EQ(AsJson(r->employer), J(events::WorkplaceDesignatedHeadquarters{
                                     "employer-2000000001", "workplace-3000000002", "06"}));
  EXPECT_EQ(J(r->workplace),
            J(events::WorkplaceRegistered{"workplace-3000000002", "employer-2000000001",
                                          "employer-2000000001", "Örnek Yazılım A.Ş. Şube",
                                          "52064080866666660146574001", "4540536920", "06",
                                          "headquarters", "", c.info}));
}

TEST_F(DecideRegisterWorkplaceTest, SecondWorkplaceInAProvinceIsABranchOfItsHeadquarters) {
  const auto c = NewWorkplace("workplace-3000000003", "34", "Beşiktaş");
  auto r = DecideRegisterWorkplace(Given(), c, TestReferenceData());
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(TypeOf(r->employer), "BranchAttachedToHeadquarters");
  EXPECT_EQ(AsJson(r->employer),
            J(events::BranchAttachedToHeadquarters{"employer-2000000001", "workplace-3000000003",
                                                   "workplace-3000000001", "34"}));
  EXPECT_EQ(r->workplace.role, "branch");
  EXPECT_EQ(r->workplace.hq_workplace_id, "workplace-3000000001");
  EXPECT_EQ(r->workplace.province, "34");
  EXPECT_EQ(r->workplace.workplace_id, "workplace-3000000003");
}

TEST_F(DecideRegisterWorkplaceTest, HeadquartersDesignatedByTheDecisionMakesTheNextOneABranch) {
  EmployerState s = Given();
  auto first = DecideRegisterWorkplace(s, NewWorkplace("workplace-3000000002", "06", "Çankaya"),
                                       TestReferenceData());
  ASSERT_TRUE(first.ok());
  s = Apply(s, first->employer);
  auto second = DecideRegisterWorkplace(s, NewWorkplace("workplace-3000000004", "06", "Çankaya"),
                                        TestReferenceData());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(AsJson(second->employer),
            J(events::BranchAttachedToHeadquarters{"employer-2000000001", "workplace-3000000004",
                                                   "workplace-3000000002", "06"}));
}

TEST_F(DecideRegisterWorkplaceTest, UnknownEmployerIsNotFound) {
  auto r = DecideRegisterWorkplace(EmployerState{}, NewWorkplace("w", "06", "Çankaya"),
                                   TestReferenceData());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "employer_not_found");
}

TEST_F(DecideRegisterWorkplaceTest, SgkNumberMustBe26Digits) {
  auto c = NewWorkplace("workplace-3000000002", "06", "Çankaya");
  for (const std::string bad : {"5206408086666666014657400", "520640808666666601465740012",
                                "5206408086666666014657400X", ""}) {
    c.sgk_no = bad;
    auto r = DecideRegisterWorkplace(Given(), c, TestReferenceData());
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, "validation_failed");
    EXPECT_THAT(r.error().fields,
                ElementsAre(FieldError{"sgkNo", bad.empty() ? "required" : "invalid_format"}))
        << bad;
  }
}

TEST_F(DecideRegisterWorkplaceTest, InvalidWorkplaceFieldsAreNamedWithoutPrefix) {
  auto c = NewWorkplace("workplace-3000000002", "06", "Kadıköy");  // an İstanbul district
  c.title = "";
  c.info.contacts = {{"fax", "12"}};
  auto r = DecideRegisterWorkplace(Given(), c, TestReferenceData());
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(
      r.error().fields,
      UnorderedElementsAre(FieldError{"title", "required"}, FieldError{"district", "unknown_value"},
                           FieldError{"contacts[0].value", "invalid_format"}));
}

}  // namespace
}  // namespace istihdam
