#include "aggregates/user_account.h"

#include <algorithm>

#include "aggregates/validation.h"

namespace istihdam {

UserAccountState Apply(UserAccountState s, const events::UserAccountEvent& e) {
  std::visit(
      [&](const auto& ev) {
        using T = std::decay_t<decltype(ev)>;
        if constexpr (std::is_same_v<T, events::UserAccountRegistered>) {
          s.exists = true;
          s.user_id = ev.user_id;
          s.tckn = ev.tckn;
          s.first_name = ev.first_name;
          s.last_name = ev.last_name;
          s.birth_date = ev.birth_date;
          s.email = ev.email;
          s.mobile = ev.mobile;
          s.preferred_contact = ev.preferred_contact;
          s.secret_question = ev.secret_question;
        } else if constexpr (std::is_same_v<T, events::EmployerPrimaryAdminAssigned> ||
                             std::is_same_v<T, events::EmployerMembershipGranted>) {
          if (std::find(s.employers.begin(), s.employers.end(), ev.employer_id) == s.employers.end()) {
            s.employers.push_back(ev.employer_id);
          }
        } else if constexpr (std::is_same_v<T, events::LoginFailed>) {
          if (ev.reason == "wrongPassword") s.failures.push_back(ev.at);
        } else if constexpr (std::is_same_v<T, events::PasswordResetStarted>) {
          s.resets[ev.reset_id] = PasswordReset{ev.expires_at};
        } else if constexpr (std::is_same_v<T, events::SecretAnswerRejected>) {
          s.failures.push_back(ev.at);
        } else if constexpr (std::is_same_v<T, events::SecretAnswerVerified>) {
          s.resets[ev.reset_id].answer_verified = true;
        } else if constexpr (std::is_same_v<T, events::UserContactInfoCompleted>) {
          s.email = ev.email;
          s.mobile = ev.mobile;
          s.preferred_contact = ev.preferred_contact;
        } else if constexpr (std::is_same_v<T, events::PasswordChanged>) {
          s.resets[ev.reset_id].completed = true;
          s.failures.clear();  // a successful reset lifts a lockout
        }
      },
      e);
  if (s.failures.size() > 64) s.failures.erase(s.failures.begin(), s.failures.end() - 64);
  return s;
}

StaffState Apply(StaffState s, const events::StaffEvent& e) {
  if (const auto* c = std::get_if<events::StaffUserCreated>(&e)) {
    s.exists = true;
    s.staff_id = c->staff_id;
    s.role = c->role;
    s.province = c->province;
  } else if (const auto* f = std::get_if<events::LoginFailed>(&e)) {
    if (f->reason == "wrongPassword") s.failures.push_back(f->at);
  }
  return s;
}

bool IsLockedOut(const std::vector<Micros>& failures, Micros now, const LockoutPolicy& p) {
  const auto recent = std::count_if(failures.begin(), failures.end(),
                                    [&](Micros t) { return t > now - p.window && t <= now; });
  return static_cast<std::size_t>(recent) >= p.max_failures;
}

Result<events::UserAccountRegistered> DecideRegisterIndividual(const RegisterIndividual& c,
                                                               std::size_t min_password_length) {
  Validator v;
  v.Tckn("tckn", c.tckn);
  if (v.Required("firstName", c.first_name)) v.MaxLength("firstName", c.first_name, 100);
  if (v.Required("lastName", c.last_name)) v.MaxLength("lastName", c.last_name, 100);
  std::int64_t days;
  if (v.Required("birthDate", c.birth_date)) {
    if (!ParseDate(c.birth_date, &days)) v.Fail("birthDate", "invalid_format");
    else if (c.birth_date > c.today) v.Fail("birthDate", "in_future");
  }
  if (v.Required("password", c.password)) {
    if (c.password.size() < min_password_length) v.Fail("password", "too_short");
    else v.MaxLength("password", c.password, 128);
  }
  if (!c.password_repeat.empty() && c.password_repeat != c.password) v.Fail("passwordRepeat", "mismatch");
  v.Required("secretQuestion", c.secret_question);
  v.Required("secretAnswer", c.secret_answer);
  v.Email("email", c.email);
  v.Phone("mobile", c.mobile);
  if (v.OneOf("preferredContact", c.preferred_contact, {"email", "sms", "postalAddress"})) {
    if (c.preferred_contact == "email") v.Required("email", c.email);
    if (c.preferred_contact == "sms") v.Required("mobile", c.mobile);
  }
  if (!v.ok()) return v.ToError();
  return events::UserAccountRegistered{c.user_id, c.tckn, c.first_name, c.last_name, c.email,
                                       c.mobile, c.preferred_contact, c.secret_question, c.birth_date};
}

bool ContactInfoComplete(const UserAccountState& s) {
  if (s.preferred_contact == "email") return !s.email.empty();
  if (s.preferred_contact == "sms") return !s.mobile.empty();
  return s.preferred_contact == "postalAddress" && (!s.email.empty() || !s.mobile.empty());
}

namespace {

Result<const PasswordReset*> OpenReset(const UserAccountState& s, const std::string& id, Micros now) {
  auto it = s.resets.find(id);
  if (it == s.resets.end() || it->second.completed || it->second.expires_at <= now) {
    return Error::Of(errc::kResetInvalid);
  }
  return &it->second;
}

}  // namespace

Result<events::UserAccountEvent> DecideAnswer(const UserAccountState& s, const std::string& reset_id,
                                              bool answer_matches, Micros now, const LockoutPolicy& p) {
  auto r = OpenReset(s, reset_id, now);
  if (!r.ok()) return r.error();
  if (IsLockedOut(s.failures, now, p)) return Error::Of(errc::kTooManyAttempts);
  if (!answer_matches) return events::UserAccountEvent(events::SecretAnswerRejected{s.user_id, reset_id, now});
  return events::UserAccountEvent(events::SecretAnswerVerified{s.user_id, reset_id});
}

Result<events::UserContactInfoCompleted> DecideCompleteContact(const UserAccountState& s,
                                                               const std::string& reset_id,
                                                               const std::string& email,
                                                               const std::string& mobile,
                                                               const std::string& preferred, Micros now) {
  auto r = OpenReset(s, reset_id, now);
  if (!r.ok()) return r.error();
  if (!(*r)->answer_verified) return Error::Of(errc::kAnswerNotVerified);
  Validator v;
  v.Email("email", email);
  v.Phone("mobile", mobile);
  if (v.OneOf("preferredContact", preferred, {"email", "sms", "postalAddress"})) {
    if (preferred == "email") v.Required("email", email);
    if (preferred == "sms") v.Required("mobile", mobile);
    if (preferred == "postalAddress" && email.empty() && mobile.empty()) v.Fail("email", "required");
  }
  if (!v.ok()) return v.ToError();
  return events::UserContactInfoCompleted{s.user_id, email, mobile, preferred};
}

Result<events::PasswordChanged> DecideSetPassword(const UserAccountState& s, const std::string& reset_id,
                                                  const std::string& password, const std::string& repeat,
                                                  std::size_t min_password_length, Micros now) {
  auto r = OpenReset(s, reset_id, now);
  if (!r.ok()) return r.error();
  if (!(*r)->answer_verified) return Error::Of(errc::kAnswerNotVerified);
  if (!ContactInfoComplete(s)) return Error::Of(errc::kContactInfoRequired);
  Validator v;
  if (v.Required("newPassword", password)) {
    if (password.size() < min_password_length) v.Fail("newPassword", "too_short");
    else v.MaxLength("newPassword", password, 128);
  }
  if (repeat != password) v.Fail("newPasswordRepeat", "mismatch");
  if (!v.ok()) return v.ToError();
  return events::PasswordChanged{s.user_id, "reset", reset_id};
}

}  // namespace istihdam
