#pragma once
// Employer registration — legal entity or natural person (AUTH-1): the body and the answer.
#include <cstdint>
#include <string>

#include "aggregates/employer.h"
#include "http/wire.h"

namespace istihdam::http::contract::registration {

using wire::F;

inline constexpr const char* kEmployerKinds[] = {"legalEntity", "naturalPerson"};
inline constexpr const char* kSectors[] = {"private", "public"};
inline constexpr const char* kContactMethods[] = {"email", "sms", "postalAddress"};

// The "employer" object: the firm and its headquarters.
struct EmployerPart {
  std::string kind, title, tax_office, tax_no, sgk_no, sector, province, district, address, phone, email;
  template <class A>
  void serialize(A& ar) {
    ar(F("kind", kind).oneOf(kEmployerKinds).requiredByCommand(), F("title", title).requiredByCommand(),
       F("taxOffice", tax_office),
       F("taxNo", tax_no).describe("VKN (10 digits) for legal entities, TCKN for natural persons").requiredByCommand(),
       F("sgkNo", sgk_no).describe("26-digit SGK workplace number, optional"),
       F("sector", sector).oneOf(kSectors).requiredByCommand(),
       F("province", province).from(wire::lists::kProvinces).describe("plate code 01-81").requiredByCommand(),
       F("district", district).requiredByCommand(), F("address", address).text().requiredByCommand(),
       F("phone", phone).requiredByCommand(), F("email", email));
  }
};

// The "representative" object: the person registering, the employer's primary admin.
struct RepresentativePart {
  Representative r;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", r.tckn).requiredByCommand(), F("firstName", r.first_name).requiredByCommand(),
       F("lastName", r.last_name).requiredByCommand(), F("password", r.password).requiredByCommand(),
       F("passwordRepeat", r.password_repeat), F("secretQuestion", r.secret_question).requiredByCommand(),
       F("secretAnswer", r.secret_answer).requiredByCommand(), F("email", r.email), F("mobile", r.mobile),
       F("preferredContact", r.preferred_contact).oneOf(kContactMethods).requiredByCommand());
  }
};

struct Registration {
  bool terms_accepted = false;
  std::string terms_version;
  EmployerPart employer;
  RepresentativePart representative;
  template <class A>
  void serialize(A& ar) {
    ar(F("termsAccepted", terms_accepted).requiredByCommand(), F("termsVersion", terms_version),
       F("employer", employer).requiredByCommand(), F("representative", representative).requiredByCommand());
  }
  RegisterEmployer ToCommand() const {
    const auto& e = employer;
    RegisterEmployer c;
    c.terms_accepted = terms_accepted;
    c.terms_version = terms_version;
    c.kind = e.kind, c.title = e.title, c.tax_office = e.tax_office, c.tax_no = e.tax_no, c.sgk_no = e.sgk_no;
    c.sector = e.sector, c.province = e.province, c.district = e.district, c.address = e.address;
    c.phone = e.phone, c.email = e.email;
    c.representative = representative.r;
    return c;
  }
};

struct Registered {
  std::string id, employer_id, iskur_no, headquarters_id, user_id;
  std::uint64_t version = 0, position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("employerId", employer_id), F("iskurNo", iskur_no), F("headquartersId", headquarters_id),
       F("userId", user_id), F("version", version), F("position", position));
  }
};

}  // namespace istihdam::http::contract::registration
