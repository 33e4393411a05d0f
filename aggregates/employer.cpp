#include "aggregates/employer.h"

#include "aggregates/validation.h"

namespace istihdam {

EmployerState Apply(EmployerState s, const events::EmployerEvent& e) {
  std::visit(
      [&](const auto& ev) {
        using T = std::decay_t<decltype(ev)>;
        if constexpr (std::is_same_v<T, events::EmployerRegistered>) {
          s.exists = true;
          s.employer_id = ev.employer_id;
          s.iskur_no = ev.iskur_no;
          s.title = ev.title;
          s.kind = ev.employer_kind;
          s.sector = ev.sector;
          s.tax_no = ev.tax_no;
          s.primary_admin_user_id = ev.primary_admin_user_id;
          AuthorizedUser& u = s.users[ev.primary_admin_user_id];
          u.user_id = ev.primary_admin_user_id;
          u.primary_admin = u.admin = true;
        } else if constexpr (std::is_same_v<T, events::WorkplaceDesignatedHeadquarters>) {
          s.hq_by_province[ev.province] = ev.workplace_id;
        } else if constexpr (std::is_same_v<T, events::AuthorizedUserCreated>) {
          AuthorizedUser u;
          u.user_id = ev.user_id;
          u.tckn = ev.tckn;
          u.first_name = ev.first_name;
          u.last_name = ev.last_name;
          s.users[ev.user_id] = std::move(u);
        } else if constexpr (std::is_same_v<T, events::AdminRoleGranted>) {
          s.users[ev.user_id].admin = true;
        } else if constexpr (std::is_same_v<T, events::AdminRoleRevoked>) {
          s.users[ev.user_id].admin = false;
        } else if constexpr (std::is_same_v<T, events::PermissionsChanged>) {
          s.users[ev.user_id].permissions = ev.permissions;
        } else if constexpr (std::is_same_v<T, events::AccountClosingDateSet>) {
          s.users[ev.user_id].closing_date = ev.date;
        } else if constexpr (std::is_same_v<T, events::AccountClosingDateCleared>) {
          s.users[ev.user_id].closing_date.clear();
        } else if constexpr (std::is_same_v<T, events::AuthorizedUserLocked>) {
          s.users[ev.user_id].locked = true;
        } else if constexpr (std::is_same_v<T, events::AuthorizedUserUnlocked>) {
          s.users[ev.user_id].locked = false;
        }
      },
      e);
  return s;
}

void ValidateWorkplaceInfo(Validator& v, const std::string& prefix, const std::string& province,
                           const events::WorkplaceInfo& info, const ReferenceData& ref) {
  if (v.Required(prefix + "district", info.district) && ref.FindProvince(province) &&
      !ref.HasDistrict(province, info.district)) {
    v.Fail(prefix + "district", "unknown_value");
  }
  if (v.Required(prefix + "address", info.address)) v.MaxLength(prefix + "address", info.address, 500);
  v.Phone(prefix + "phone", info.phone);
  v.Email(prefix + "email", info.email);
  for (std::size_t i = 0; i < info.contacts.size(); ++i) {
    const std::string f = prefix + "contacts[" + std::to_string(i) + "].";
    const auto& c = info.contacts[i];
    if (v.OneOf(f + "type", c.type, {"phone", "mobile", "fax", "email", "web"})) {
      if (c.type == "email") v.Email(f + "value", c.value);
      else if (c.type != "web") v.Phone(f + "value", c.value);
    }
    v.Required(f + "value", c.value);
  }
  for (std::size_t i = 0; i < info.related_persons.size(); ++i) {
    const std::string f = prefix + "relatedPersons[" + std::to_string(i) + "].";
    const auto& p = info.related_persons[i];
    v.Required(f + "name", p.name);
    v.Phone(f + "phone", p.phone);
    v.Email(f + "email", p.email);
  }
  v.MaxLength(prefix + "otherInfo", info.other_info, 2000);
}

namespace {

void ValidateProvince(Validator& v, const std::string& field, const std::string& province,
                      const ReferenceData& ref) {
  if (v.Required(field, province) && !ref.FindProvince(province)) v.Fail(field, "unknown_value");
}

void ValidateRepresentative(Validator& v, const Representative& r, const RegistrationPolicy& p,
                            bool existing_user) {
  v.Tckn("representative.tckn", r.tckn);
  if (v.Required("representative.firstName", r.first_name)) v.MaxLength("representative.firstName", r.first_name, 100);
  if (v.Required("representative.lastName", r.last_name)) v.MaxLength("representative.lastName", r.last_name, 100);
  if (existing_user) {  // an existing account: its password was verified, its data stays
    v.Required("representative.password", r.password);
    return;
  }
  if (v.Required("representative.password", r.password)) {
    if (r.password.size() < p.min_password_length) v.Fail("representative.password", "too_short");
    else v.MaxLength("representative.password", r.password, 128);
  }
  if (!r.password_repeat.empty() && r.password_repeat != r.password) {
    v.Fail("representative.passwordRepeat", "mismatch");
  }
  v.Required("representative.secretQuestion", r.secret_question);
  v.Required("representative.secretAnswer", r.secret_answer);
  v.Email("representative.email", r.email);
  v.Phone("representative.mobile", r.mobile);
  if (v.OneOf("representative.preferredContact", r.preferred_contact, {"email", "sms", "postalAddress"})) {
    if (r.preferred_contact == "email") v.Required("representative.email", r.email);
    if (r.preferred_contact == "sms") v.Required("representative.mobile", r.mobile);
  }
}

}  // namespace

Result<RegistrationDecision> DecideRegistration(const RegisterEmployer& c, const ReferenceData& ref,
                                                const RegistrationPolicy& policy) {
  // R-AUTH-1: declining the terms stores nothing, whatever else the form holds.
  if (!c.terms_accepted) return Error::Of(errc::kTermsNotAccepted);
  Validator v;
  if (!c.terms_version.empty() && c.terms_version != policy.terms_version) {
    v.Fail("termsVersion", "outdated");
  }
  if (v.OneOf("employer.kind", c.kind, {"legalEntity", "naturalPerson"})) {
    if (c.kind == "legalEntity") v.Vkn("employer.taxNo", c.tax_no);
    else v.Tckn("employer.taxNo", c.tax_no);
  }
  if (v.Required("employer.title", c.title)) v.MaxLength("employer.title", c.title, 250);
  v.OneOf("employer.sector", c.sector, {"private", "public"});
  ValidateProvince(v, "employer.province", c.province, ref);
  v.SgkNo("employer.sgkNo", c.sgk_no);
  events::WorkplaceInfo info;
  info.district = c.district;
  info.address = c.address;
  info.phone = c.phone;
  info.email = c.email;
  ValidateWorkplaceInfo(v, "employer.", c.province, info, ref);
  v.Required("employer.phone", c.phone);
  ValidateRepresentative(v, c.representative, policy, c.existing_user);
  // A natural person is taxed under their own TCKN [I].
  if (c.kind == "naturalPerson" && c.tax_no != c.representative.tckn) v.Fail("employer.taxNo", "mismatch");
  if (!v.ok()) return v.ToError();

  const auto& r = c.representative;
  RegistrationDecision d;
  d.employer.push_back(events::EmployerRegistered{
      c.employer_id, c.iskur_no, c.kind, c.title, c.tax_office, c.tax_no, c.sector, c.province,
      c.district, c.address, c.phone, c.email, c.user_id, policy.terms_version,
      FormatRfc3339(c.now)});
  d.employer.push_back(
      events::WorkplaceDesignatedHeadquarters{c.employer_id, c.workplace_id, c.province});
  d.workplace.push_back(events::WorkplaceRegistered{c.workplace_id, c.employer_id, c.iskur_no,
                                                    c.title, c.sgk_no, c.tax_no, c.province,
                                                    "headquarters", "", info});
  if (!c.existing_user) {
    d.user.push_back(events::UserAccountRegistered{c.user_id, r.tckn, r.first_name, r.last_name,
                                                   r.email, r.mobile, r.preferred_contact,
                                                   r.secret_question, ""});
  }
  d.user.push_back(events::EmployerPrimaryAdminAssigned{c.user_id, c.employer_id});
  return d;
}

Result<WorkplaceDecision> DecideRegisterWorkplace(const EmployerState& s,
                                                  const RegisterWorkplace& c,
                                                  const ReferenceData& ref) {
  if (!s.exists) return Error::Of(errc::kEmployerNotFound);
  Validator v;
  if (v.Required("title", c.title)) v.MaxLength("title", c.title, 250);
  if (v.Required("sgkNo", c.sgk_no)) v.SgkNo("sgkNo", c.sgk_no);
  const std::string tax_no = c.tax_no.empty() ? s.tax_no : c.tax_no;
  if (tax_no.size() == 11) v.Tckn("taxNo", tax_no);
  else v.Vkn("taxNo", tax_no);
  ValidateProvince(v, "province", c.province, ref);
  ValidateWorkplaceInfo(v, "", c.province, c.info, ref);
  if (!v.ok()) return v.ToError();

  WorkplaceDecision d;
  auto hq = s.hq_by_province.find(c.province);
  const bool is_hq = hq == s.hq_by_province.end();
  d.workplace = events::WorkplaceRegistered{c.workplace_id, s.employer_id, s.iskur_no, c.title,
                                            c.sgk_no, tax_no, c.province,
                                            is_hq ? "headquarters" : "branch",
                                            is_hq ? "" : hq->second, c.info};
  if (is_hq) {
    d.employer = events::WorkplaceDesignatedHeadquarters{s.employer_id, c.workplace_id, c.province};
  } else {
    d.employer = events::BranchAttachedToHeadquarters{s.employer_id, c.workplace_id, hq->second,
                                                      c.province};
  }
  return d;
}

}  // namespace istihdam
