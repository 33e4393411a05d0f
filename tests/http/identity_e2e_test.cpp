// End-to-end tests of identity and access (issue 3; DOMAIN.md §1, §2.0, §2.1.7) against the
// real binary, with the KPS stand-in reading data/citizens.csv: the whole registration →
// login → add user → permissions → forbidden/allowed → lock → logout flow, lockout, rate
// limiting, password reset (single use, expiry, no account enumeration) and registration of
// natural-person employers and of individuals who later register a firm.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <string>

#include "e2e_helpers.h"
#include "http_client.h"
#include "server_fixture.h"

namespace e2e {
namespace {

const std::string kRegistry = std::string(ISTIHDAM_SOURCE_DIR) + "/data/citizens.csv";
const std::string kPassword = "Gizli-Sifre-123";

// Persons of data/citizens.csv.
struct Person {
  std::string tckn, first_name, last_name, birth_date;
};
const Person kAyse{"10000000146", "Ayşe", "Yılmaz", "1980-04-12"};
const Person kMehmet{"17291716060", "Mehmet", "Öztürk", "1975-09-30"};
const Person kSule{"23456789060", "Şule", "Çelik", "1988-01-05"};
const Person kCan{"45678901280", "Can", "Demir", "1990-07-21"};
const Person kOmer{"20433218148", "Ömer", "Şahin", "1961-02-07"};
const Person kIlgin{"48908386376", "Ilgın", "Aslan", "1960-03-23"};
const Person kIbrahim{"90957015400", "İbrahim", "Şahin", "1975-10-03"};
const Person kFatma{"93930103132", "Fatma", "Kara", "1964-09-08"};

json::object IndividualBody(const Person& p, const std::string& password = kPassword,
                            const std::string& secret_answer = "Pamuk", const std::string& preferred = "email") {
  json::object b{{"tckn", p.tckn},
                 {"firstName", p.first_name},
                 {"lastName", p.last_name},
                 {"birthDate", p.birth_date},
                 {"password", password},
                 {"passwordRepeat", password},
                 {"secretQuestion", "İlk evcil hayvanınızın adı?"},
                 {"secretAnswer", secret_answer},
                 {"preferredContact", preferred}};
  if (preferred != "postalAddress") {
    b["email"] = "birey@example.com.tr";
    b["mobile"] = "0533 444 00 00";
  }
  return b;
}

std::string RegisterIndividual(std::uint16_t port, const Person& p, const std::string& password = kPassword,
                               const std::string& secret_answer = "Pamuk", const std::string& preferred = "email") {
  const auto r = Post(port, "/api/v1/individuals", IndividualBody(p, password, secret_answer, preferred));
  if (r.status != 201) throw std::runtime_error("individual " + p.first_name + ": " + std::to_string(r.status) + " " + r.body);
  return std::string(r.Json().at("individualId").as_string());
}

// A legal-entity registration with `p` (a registry person) as the representative.
json::object EmployerBody(const Person& p, const std::string& title, const std::string& password = kPassword) {
  NewEmployer ne = NewEmployer::Fresh(title);
  ne.tckn = p.tckn;
  ne.password = password;
  auto b = RegistrationBody(ne);
  b["representative"].as_object()["firstName"] = p.first_name;
  b["representative"].as_object()["lastName"] = p.last_name;
  return b;
}

HttpResponse LoginAs(std::uint16_t port, const std::string& tckn, const std::string& password,
                     const std::string& employer_id = "") {
  json::object b{{"tckn", tckn}, {"password", password}};
  if (!employer_id.empty()) b["employerId"] = employer_id;
  return Post(port, "/api/v1/auth/login", b);
}

HttpResponse Logout(std::uint16_t port, const std::string& token) {
  return Request(port, "POST", "/api/v1/auth/logout", "", Bearer(token));
}

std::set<std::string> Keys(const json::value& v) {
  std::set<std::string> out;
  if (v.is_object()) {
    for (const auto& kv : v.as_object()) out.insert(std::string(kv.key()));
  }
  return out;
}

std::string TempFile(const std::string& name) {
  return "/tmp/istihdam-e2e-" + name + "-" + std::to_string(::getpid());
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream(path + ".tmp") << content;
  std::rename((path + ".tmp").c_str(), path.c_str());
}

// ===========================================================================================
// The whole flow: registration → login → individual → lookup → add → permissions → user logs
// in → forbidden → allowed → lock → logout.
// ===========================================================================================

const std::string kAuditorTckn = "17816184916";

class IdentityFlowE2E : public ServerSuite<IdentityFlowE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    ServerOptions o;
    o.extra_args = {"--identity-registry", kRegistry};
    o.staff = {StaffUser{"auditor", kAuditorTckn, kPassword, ""}};
    return o;
  }
};

TEST_F(IdentityFlowE2E, RegistrationLoginAddUserPermissionsLockAndLogout) {
  // 1. An employer registers; its representative (in the KPS registry) is the primary admin.
  NewEmployer ne = NewEmployer::Fresh("Anadolu Tekstil A.Ş.");
  ne.tckn = kAyse.tckn;  // RegistrationBody names Ayşe Yılmaz
  ne.password = kPassword;
  const auto reg = Post(port(), "/api/v1/registrations", RegistrationBody(ne));
  ASSERT_EQ(reg.status, 201) << reg.body;
  const std::string employer_id = Str(reg.Json(), "employerId");
  const std::string hq_id = Str(reg.Json(), "headquartersId");
  const std::string admin_user_id = Str(reg.Json(), "userId");

  // 2. The admin logs in: one firm, so a token right away.
  const auto admin_login = LoginAs(port(), kAyse.tckn, kPassword);
  ASSERT_EQ(admin_login.status, 200) << admin_login.body;
  const auto al = admin_login.Json();
  ASSERT_EQ(Arr(al, "firms").size(), 1u) << admin_login.body;
  EXPECT_EQ(Str(Arr(al, "firms")[0], "employerId"), employer_id);
  EXPECT_EQ(Str(Arr(al, "firms")[0], "title"), "Anadolu Tekstil A.Ş.");
  EXPECT_EQ(Str(al, "employerId"), employer_id);
  EXPECT_TRUE(Bool(al, "admin"));
  const std::string admin = Str(al, "token");
  ASSERT_FALSE(admin.empty());

  // 3. A person registers as an individual user; a TCKN registers once.
  const std::string sule_id = RegisterIndividual(port(), kSule);
  ExpectProblem(Post(port(), "/api/v1/individuals", IndividualBody(kSule)), 409, "already_registered");

  // 4. The admin looks the person up in KPS ("Bilgileri Getir"); names are case- and
  //    diacritic-insensitive, and KPS's spelling comes back.
  const auto lookup = Post(port(), "/api/v1/users/lookup",
                           json::object{{"tckn", kSule.tckn}, {"firstName", "ŞULE"}, {"lastName", "çelik"}}, admin);
  ASSERT_EQ(lookup.status, 200) << lookup.body;
  EXPECT_EQ(Str(lookup.Json(), "tckn"), kSule.tckn);
  EXPECT_EQ(Str(lookup.Json(), "firstName"), "Şule");
  EXPECT_EQ(Str(lookup.Json(), "lastName"), "Çelik");
  EXPECT_TRUE(Bool(lookup.Json(), "registeredIndividual"));
  const auto not_registered = Post(port(), "/api/v1/users/lookup",
                                   json::object{{"tckn", kMehmet.tckn}, {"firstName", kMehmet.first_name},
                                                {"lastName", kMehmet.last_name}},
                                   admin);
  ASSERT_EQ(not_registered.status, 200) << not_registered.body;
  EXPECT_FALSE(Bool(not_registered.Json(), "registeredIndividual"));
  const auto wrong_names = Post(port(), "/api/v1/users/lookup",
                                json::object{{"tckn", kSule.tckn}, {"firstName", "Fatma"}, {"lastName", "Kara"}}, admin);
  EXPECT_TRUE(HasFieldError(ExpectProblem(wrong_names, 422, "kps_mismatch"), "tckn", "kps_mismatch")) << wrong_names.body;

  // Only a registered individual can be added (ROLE-R1), and only with KPS-matching names.
  const auto not_individual = Post(port(), "/api/v1/users",
                                   json::object{{"tckn", kMehmet.tckn}, {"firstName", kMehmet.first_name},
                                                {"lastName", kMehmet.last_name}},
                                   admin);
  EXPECT_TRUE(HasFieldError(ExpectProblem(not_individual, 409, "not_registered_individual"), "tckn"))
      << not_individual.body;
  ExpectProblem(Post(port(), "/api/v1/users",
                     json::object{{"tckn", kSule.tckn}, {"firstName", "Fatma"}, {"lastName", "Kara"}}, admin),
                422, "kps_mismatch");

  // 5. The admin adds the person: no permissions, not admin.
  const auto added = Post(port(), "/api/v1/users",
                          json::object{{"tckn", kSule.tckn}, {"firstName", kSule.first_name}, {"lastName", kSule.last_name}},
                          admin);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(Str(added.Json(), "userId"), sule_id) << "the individual's account is the authorized user";
  ExpectProblem(Post(port(), "/api/v1/users",
                     json::object{{"tckn", kSule.tckn}, {"firstName", kSule.first_name}, {"lastName", kSule.last_name}},
                     admin),
                409, "already_authorized");
  const auto fresh = Get(port(), "/api/v1/users/" + sule_id, admin);
  ASSERT_EQ(fresh.status, 200) << fresh.body;
  EXPECT_FALSE(Bool(fresh.Json(), "admin"));
  EXPECT_FALSE(Bool(fresh.Json(), "primaryAdmin"));
  EXPECT_TRUE(Arr(fresh.Json(), "permissions").empty()) << fresh.body;
  EXPECT_TRUE(Bool(fresh.Json(), "active"));
  const std::string etag = fresh.Header("ETag");
  ASSERT_FALSE(etag.empty());

  // 6. The admin sets the permissions with If-Match; a stale version is 412 and changes nothing.
  const auto set = Put(port(), "/api/v1/users/" + sule_id,
                       json::object{{"admin", false}, {"permissions", json::array{"EMPLOYER_INFO"}},
                                    {"accountClosingDate", nullptr}, {"locked", false}},
                       admin, {{"If-Match", etag}});
  ASSERT_EQ(set.status, 200) << set.body;
  ExpectProblem(Put(port(), "/api/v1/users/" + sule_id,
                    json::object{{"admin", true}, {"permissions", json::array{"EMPLOYER_INFO", "TYP"}}, {"locked", false}},
                    admin, {{"If-Match", etag}}),
                412, "version_mismatch");
  const auto after_set = Get(port(), "/api/v1/users/" + sule_id, admin);
  ASSERT_EQ(after_set.status, 200);
  EXPECT_FALSE(Bool(after_set.Json(), "admin"));
  ASSERT_EQ(Arr(after_set.Json(), "permissions").size(), 1u) << after_set.body;
  EXPECT_EQ(Arr(after_set.Json(), "permissions")[0].as_string(), "EMPLOYER_INFO");
  EXPECT_NE(after_set.Header("ETag"), etag);
  // An unknown permission names its index.
  const auto unknown = Put(port(), "/api/v1/users/" + sule_id,
                           json::object{{"admin", false}, {"permissions", json::array{"EMPLOYER_INFO", "COFFEE"}}, {"locked", false}},
                           admin);
  EXPECT_TRUE(HasFieldError(ExpectProblem(unknown, 422, "validation_failed"), "permissions[1]", "unknown_value"))
      << unknown.body;
  // The primary admin's roles cannot be changed (ROLE-R6).
  ExpectProblem(Put(port(), "/api/v1/users/" + admin_user_id,
                    json::object{{"admin", false}, {"permissions", json::array{}}, {"locked", true}}, admin),
                409, "primary_admin_immutable");

  // 7. The user logs in: the firm with exactly the granted permission.
  const auto user_login = LoginAs(port(), kSule.tckn, kPassword);
  ASSERT_EQ(user_login.status, 200) << user_login.body;
  const auto ul = user_login.Json();
  ASSERT_EQ(Arr(ul, "firms").size(), 1u);
  EXPECT_EQ(Str(Arr(ul, "firms")[0], "employerId"), employer_id);
  EXPECT_FALSE(Bool(ul, "admin"));
  ASSERT_EQ(Arr(ul, "permissions").size(), 1u) << user_login.body;
  EXPECT_EQ(Arr(ul, "permissions")[0].as_string(), "EMPLOYER_INFO");
  const std::string user = Str(ul, "token");

  // 8. A forbidden action: 403, for a permission it lacks and for role management.
  ExpectProblem(Get(port(), "/api/v1/workplaces/" + hq_id + "/workforce-schedules", user), 403, "forbidden");
  ExpectProblem(Get(port(), "/api/v1/users", user), 403, "forbidden");

  // 9. An allowed action: 200.
  const auto allowed = Get(port(), "/api/v1/workplaces/" + hq_id + "?minPosition=" + std::to_string(Int(reg.Json(), "position")),
                           user);
  ASSERT_EQ(allowed.status, 200) << allowed.body;
  EXPECT_EQ(Str(allowed.Json(), "id"), hq_id);
  // The token's check is now kept in memory (commands/session_cache.h); a permission taken
  // away still counts at once, and given back counts at once too.
  const auto before_revoke = Get(port(), "/api/v1/users/" + sule_id, admin);
  ASSERT_EQ(Put(port(), "/api/v1/users/" + sule_id,
                json::object{{"admin", false}, {"permissions", json::array{}}, {"locked", false}}, admin,
                {{"If-Match", before_revoke.Header("ETag")}})
                .status,
            200);
  ExpectProblem(Get(port(), "/api/v1/workplaces/" + hq_id, user), 403, "forbidden");
  const auto before_grant = Get(port(), "/api/v1/users/" + sule_id, admin);
  ASSERT_EQ(Put(port(), "/api/v1/users/" + sule_id,
                json::object{{"admin", false}, {"permissions", json::array{"EMPLOYER_INFO"}}, {"locked", false}},
                admin, {{"If-Match", before_grant.Header("ETag")}})
                .status,
            200);
  EXPECT_EQ(Get(port(), "/api/v1/workplaces/" + hq_id, user).status, 200);

  // 10. The admin locks the user: the existing token stops working, and login lists no firm.
  const auto before_lock = Get(port(), "/api/v1/users/" + sule_id, admin);
  const auto locked = Put(port(), "/api/v1/users/" + sule_id,
                          json::object{{"admin", false}, {"permissions", json::array{"EMPLOYER_INFO"}}, {"locked", true}},
                          admin, {{"If-Match", before_lock.Header("ETag")}});
  ASSERT_EQ(locked.status, 200) << locked.body;
  ExpectProblem(Get(port(), "/api/v1/workplaces/" + hq_id, user), 401, "unauthorized");
  const auto relogin = LoginAs(port(), kSule.tckn, kPassword);
  ASSERT_EQ(relogin.status, 200) << relogin.body;
  EXPECT_TRUE(Arr(relogin.Json(), "firms").empty()) << relogin.body;
  EXPECT_FALSE(relogin.Json().as_object().contains("token")) << relogin.body;
  ExpectProblem(LoginAs(port(), kSule.tckn, kPassword, employer_id), 403, "firm_not_permitted");
  const auto listed = Get(port(), "/api/v1/users/" + sule_id, admin);
  EXPECT_TRUE(Bool(listed.Json(), "locked"));
  EXPECT_FALSE(Bool(listed.Json(), "active"));

  // Every role change is an event naming the acting admin.
  const std::string auditor = Login(port(), kAuditorTckn, kPassword);
  const auto history = Get(port(), "/api/v1/streams/employer-" + employer_id + "/events", auditor);
  ASSERT_EQ(history.status, 200) << history.body;
  std::set<std::string> role_events;
  const auto history_json = history.Json();
  for (const auto& e : Arr(history_json, "items")) {
    const std::string type = Str(e, "type");
    if (type == "AuthorizedUserCreated" || type == "PermissionsChanged" || type == "AuthorizedUserLocked") {
      role_events.insert(type);
      const auto& actor = e.at("actor");
      EXPECT_EQ(Str(actor, "userId"), admin_user_id) << json::serialize(e);
      EXPECT_EQ(Str(actor, "actorType"), "EmployerPrimaryAdmin") << json::serialize(e);
      EXPECT_EQ(Str(actor, "employerId"), employer_id) << json::serialize(e);
    }
  }
  EXPECT_EQ(role_events, (std::set<std::string>{"AuthorizedUserCreated", "PermissionsChanged", "AuthorizedUserLocked"}))
      << history.body;

  // 11. Logout revokes that token only.
  const std::string second = Login(port(), kAyse.tckn, kPassword);
  ASSERT_EQ(Get(port(), "/api/v1/users", second).status, 200);
  const auto out = Logout(port(), second);
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_TRUE(Bool(out.Json(), "loggedOut"));
  ExpectProblem(Get(port(), "/api/v1/users", second), 401, "unauthorized");
  ExpectProblem(Logout(port(), second), 401, "unauthorized");
  EXPECT_EQ(Get(port(), "/api/v1/users", admin).status, 200) << "the other session lives on";
}

TEST_F(IdentityFlowE2E, UnlockingAndClosingDateClearedRestoreAccess) {
  // One person registers two firms (the second with the same account and password).
  const auto first = Post(port(), "/api/v1/registrations", EmployerBody(kIlgin, "Boğaziçi Lojistik A.Ş."));
  ASSERT_EQ(first.status, 201) << first.body;
  const auto reg = Post(port(), "/api/v1/registrations", EmployerBody(kIlgin, "Boğaziçi Depoculuk A.Ş."));
  ASSERT_EQ(reg.status, 201) << reg.body;
  EXPECT_EQ(Str(reg.Json(), "userId"), Str(first.Json(), "userId"));
  const std::string employer_id = Str(reg.Json(), "employerId");
  // Two firms now: login lists both and leaves the choice; choosing opens one.
  const auto both = LoginAs(port(), kIlgin.tckn, kPassword);
  ASSERT_EQ(both.status, 200) << both.body;
  EXPECT_EQ(Arr(both.Json(), "firms").size(), 2u) << both.body;
  EXPECT_FALSE(both.Json().as_object().contains("token")) << both.body;
  ExpectProblem(LoginAs(port(), kIlgin.tckn, kPassword, "2999999999"), 403, "firm_not_permitted");
  const auto chosen = LoginAs(port(), kIlgin.tckn, kPassword, employer_id);
  ASSERT_EQ(chosen.status, 200) << chosen.body;
  EXPECT_EQ(Str(chosen.Json(), "employerId"), employer_id);
  const std::string admin = Str(chosen.Json(), "token");

  const std::string can_id = RegisterIndividual(port(), kCan);
  ASSERT_EQ(Post(port(), "/api/v1/users",
                 json::object{{"tckn", kCan.tckn}, {"firstName", kCan.first_name}, {"lastName", kCan.last_name}}, admin)
                .status,
            201);
  auto roles = [&](json::value closing, bool locked) {
    return Put(port(), "/api/v1/users/" + can_id,
               json::object{{"admin", false}, {"permissions", json::array{"EMPLOYER_INFO"}},
                            {"accountClosingDate", closing}, {"locked", locked}},
               admin);
  };
  // A closing date long past: no firm; cleared: the firm is back.
  ASSERT_EQ(roles("2020-01-01", false).status, 200);
  EXPECT_TRUE(Arr(LoginAs(port(), kCan.tckn, kPassword).Json(), "firms").empty());
  ASSERT_EQ(roles(nullptr, false).status, 200);
  const auto back = LoginAs(port(), kCan.tckn, kPassword);
  ASSERT_EQ(Arr(back.Json(), "firms").size(), 1u) << back.body;
  const std::string token = Str(back.Json(), "token");
  EXPECT_EQ(Get(port(), "/api/v1/workplaces", token).status, 200);
  // Locked and unlocked again: the same token works again (roles are read on every request).
  ASSERT_EQ(roles(nullptr, true).status, 200);
  EXPECT_EQ(Get(port(), "/api/v1/workplaces", token).status, 401);
  ASSERT_EQ(roles(nullptr, false).status, 200);
  EXPECT_EQ(Get(port(), "/api/v1/workplaces", token).status, 200);
  // A closing date far ahead: still active.
  ASSERT_EQ(roles("2099-12-31", false).status, 200);
  EXPECT_EQ(Get(port(), "/api/v1/workplaces", token).status, 200);
  const auto malformed = roles("31.12.2099", false);
  EXPECT_TRUE(HasFieldError(ExpectProblem(malformed, 422, "validation_failed"), "accountClosingDate", "invalid_format"))
      << malformed.body;
}

// ===========================================================================================
// Lockout: N wrong passwords lock the account for the window; an unknown TCKN behaves the same.
// ===========================================================================================

class LockoutE2E : public ServerSuite<LockoutE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    ServerOptions o;
    o.extra_args = {"--identity-registry", kRegistry};
    return o;
  }
};

TEST_F(LockoutE2E, FiveWrongPasswordsLockKnownAndUnknownTcknsAlike) {
  (void)RegisterIndividual(port(), kOmer);
  const std::string unknown = NextTckn();  // checksum-valid, no account
  for (int i = 1; i <= 5; ++i) {
    const auto k = LoginAs(port(), kOmer.tckn, "wrong-password-" + std::to_string(i));
    const auto u = LoginAs(port(), unknown, "wrong-password-" + std::to_string(i));
    ExpectProblem(k, 401, "invalid_credentials");
    ExpectProblem(u, 401, "invalid_credentials");
    EXPECT_EQ(k.body, u.body) << "attempt " << i << ": a wrong password and an unknown TCKN look the same";
  }
  // The sixth attempt is refused before the password is looked at, even the right one.
  const auto k = LoginAs(port(), kOmer.tckn, kPassword);
  const auto u = LoginAs(port(), unknown, kPassword);
  ExpectProblem(k, 429, "too_many_attempts");
  ExpectProblem(u, 429, "too_many_attempts");
  EXPECT_EQ(k.body, u.body) << "locked-out answers do not reveal which TCKN has an account";
  EXPECT_EQ(k.Header("Retry-After"), u.Header("Retry-After"));
  // Another account is unaffected.
  (void)RegisterIndividual(port(), kIlgin);
  const auto other = LoginAs(port(), kIlgin.tckn, kPassword);
  EXPECT_EQ(other.status, 200) << other.body;
}

TEST_F(LockoutE2E, FourWrongPasswordsDoNotLock) {
  (void)RegisterIndividual(port(), kCan);
  for (int i = 0; i < 4; ++i) ExpectProblem(LoginAs(port(), kCan.tckn, "nope-nope-nope"), 401, "invalid_credentials");
  const auto ok = LoginAs(port(), kCan.tckn, kPassword);
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_TRUE(Arr(ok.Json(), "firms").empty()) << "an individual without firms gets no token";
}

// Registering a firm as an existing account checks that account's password (commands/
// registration.cpp): the check must not bypass the lockout, nor be a way around it.
TEST_F(LockoutE2E, ALockedOutAccountCannotRegisterAFirmWithItsPassword) {
  (void)RegisterIndividual(port(), kSule);
  for (int i = 0; i < 5; ++i) ExpectProblem(LoginAs(port(), kSule.tckn, "wrong-password"), 401, "invalid_credentials");
  ExpectProblem(LoginAs(port(), kSule.tckn, kPassword), 429, "too_many_attempts");
  const auto reg = Post(port(), "/api/v1/registrations", EmployerBody(kSule, "Kilitli Hesap A.Ş."));
  EXPECT_EQ(reg.status, 429) << "the locked account's password was accepted by registration: " << reg.body;
  ExpectProblem(LoginAs(port(), kSule.tckn, kPassword), 429, "too_many_attempts");
}

TEST_F(LockoutE2E, WrongPasswordsAtRegistrationCountTowardTheLockout) {
  (void)RegisterIndividual(port(), kMehmet);
  for (int i = 1; i <= 5; ++i) {
    const auto r = Post(port(), "/api/v1/registrations",
                        EmployerBody(kMehmet, "Tahmin " + std::to_string(i) + " A.Ş.", "guess-" + std::to_string(i)));
    EXPECT_EQ(r.status, 409) << r.body;
  }
  // Five wrong passwords, wherever they were tried, lock the account.
  const auto login = LoginAs(port(), kMehmet.tckn, kPassword);
  EXPECT_EQ(login.status, 429) << "five wrong passwords through POST /registrations did not count: " << login.body;
  const auto sixth = Post(port(), "/api/v1/registrations", EmployerBody(kMehmet, "Tahmin 6 A.Ş.", kPassword));
  EXPECT_EQ(sixth.status, 429) << sixth.body;
}

// ===========================================================================================
// Rate limiting from the configuration file: per TCKN on login and reset, per client address.
// ===========================================================================================

class RateLimitE2E : public ServerSuite<RateLimitE2E> {
 public:
  static std::string ConfigPath() { return TempFile("ratelimit-config") + ".json"; }
  static ServerOptions SuiteServerOptions() {
    WriteFile(ConfigPath(), R"({"authRatePerTcknPerMinute": 3, "authRatePerClientPerMinute": 8})");
    ServerOptions o;
    o.extra_args = {"--identity-registry", kRegistry, "--config", ConfigPath()};
    return o;
  }
  static void TearDownTestSuite() {
    ServerSuite<RateLimitE2E>::TearDownTestSuite();
    std::remove(ConfigPath().c_str());
  }
};

TEST_F(RateLimitE2E, FourthLoginAttemptForATcknWithinAMinuteIsRateLimited) {
  (void)RegisterIndividual(port(), kFatma);
  for (int i = 0; i < 3; ++i) {
    const auto r = LoginAs(port(), kFatma.tckn, kPassword);
    EXPECT_EQ(r.status, 200) << "attempt " << i + 1 << ": " << r.body;
  }
  const auto limited = LoginAs(port(), kFatma.tckn, kPassword);
  ExpectProblem(limited, 429, "rate_limited");
  const std::string retry = limited.Header("Retry-After");
  ASSERT_FALSE(retry.empty()) << "429 carries Retry-After";
  EXPECT_EQ(retry.find_first_not_of("0123456789"), std::string::npos) << retry;
  EXPECT_GT(std::stoi(retry), 0);
  // Per TCKN: another TCKN is still served.
  ExpectProblem(LoginAs(port(), NextTckn(), kPassword), 401, "invalid_credentials");
}

TEST_F(RateLimitE2E, PasswordResetStartsArePerTcknToo) {
  const std::string tckn = NextTckn();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(Post(port(), "/api/v1/password-resets", json::object{{"tckn", tckn}}).status, 200);
  const auto limited = Post(port(), "/api/v1/password-resets", json::object{{"tckn", tckn}});
  ExpectProblem(limited, 429, "rate_limited");
  EXPECT_FALSE(limited.Header("Retry-After").empty());
}

TEST_F(RateLimitE2E, PerClientAddressLimitOnAuthRoutes) {
  // Nothing else in this suite answers secret questions: 8 per minute from 127.0.0.1.
  for (int i = 0; i < 8; ++i) {
    const auto r = Post(port(), "/api/v1/password-resets/answer", json::object{{"resetId", "nope"}, {"answer", "x"}});
    EXPECT_EQ(r.status, 409) << "attempt " << i + 1 << ": " << r.body;
  }
  const auto limited = Post(port(), "/api/v1/password-resets/answer", json::object{{"resetId", "nope"}, {"answer", "x"}});
  ExpectProblem(limited, 429, "rate_limited");
  EXPECT_FALSE(limited.Header("Retry-After").empty());
}

// docs/configuration.md and docs/security.md: registrations are limited per client address too.
// Sends up to `max` requests and returns how many were served before the first 429.
int ServedBefore429(std::uint16_t port, const std::string& path, const json::object& body, int max,
                    std::string* retry_after) {
  for (int i = 0; i < max; ++i) {
    const auto r = Post(port, path, body);
    if (r.status == 429) {
      ExpectProblem(r, 429, "rate_limited");
      *retry_after = r.Header("Retry-After");
      return i;
    }
  }
  return max;
}

TEST_F(RateLimitE2E, EmployerRegistrationsAreLimitedPerClientAddress) {
  std::string retry;
  const int served = ServedBefore429(port(), "/api/v1/registrations", json::object{{"termsAccepted", false}}, 9, &retry);
  EXPECT_EQ(served, 8) << "POST /api/v1/registrations is not rate limited per client (authRatePerClientPerMinute 8)";
  if (served < 9) {
    EXPECT_FALSE(retry.empty());
  }
}

TEST_F(RateLimitE2E, IndividualRegistrationsAreLimitedPerClientAddress) {
  std::string retry;
  const int served = ServedBefore429(port(), "/api/v1/individuals", json::object{}, 9, &retry);
  EXPECT_LE(served, 8) << "POST /api/v1/individuals is not rate limited per client";
  EXPECT_LT(served, 9);
  EXPECT_FALSE(retry.empty());
}

// ===========================================================================================
// Password reset (AUTH-5..7). The server's date is fixed by the hidden --clock-file so that the
// expiry test can move it.
// ===========================================================================================

class PasswordResetE2E : public ServerSuite<PasswordResetE2E> {
 public:
  static std::string ClockFile() { return TempFile("reset-clock"); }
  static ServerOptions SuiteServerOptions() {
    WriteFile(ClockFile(), "2026-01-15\n");
    ServerOptions o;
    o.extra_args = {"--identity-registry", kRegistry, "--clock-file", ClockFile()};
    return o;
  }
  static void TearDownTestSuite() {
    ServerSuite<PasswordResetE2E>::TearDownTestSuite();
    std::remove(ClockFile().c_str());
  }

 protected:
  void TearDown() override { WriteFile(ClockFile(), "2026-01-15\n"); }

  static HttpResponse Start(const std::string& tckn) {
    return Post(port(), "/api/v1/password-resets", json::object{{"tckn", tckn}});
  }
  static HttpResponse Answer(const std::string& reset, const std::string& answer) {
    return Post(port(), "/api/v1/password-resets/answer", json::object{{"resetId", reset}, {"answer", answer}});
  }
  static HttpResponse NewPassword(const std::string& reset, const std::string& pw, const std::string& repeat) {
    return Post(port(), "/api/v1/password-resets/password",
                json::object{{"resetId", reset}, {"newPassword", pw}, {"newPasswordRepeat", repeat}});
  }
};

TEST_F(PasswordResetE2E, KnownAndUnknownTcknsGetTheSameAnswers) {
  (void)RegisterIndividual(port(), kSule, kPassword, "Işıklı Çınar");
  const std::string unknown = NextTckn();
  const auto known_start = Start(kSule.tckn);
  const auto unknown_start = Start(unknown);
  ASSERT_EQ(known_start.status, 200) << known_start.body;
  EXPECT_EQ(unknown_start.status, known_start.status) << unknown_start.body;
  const auto k = known_start.Json();
  const auto u = unknown_start.Json();
  EXPECT_EQ(Keys(k), (std::set<std::string>{"resetId", "secretQuestion", "expiresAt"})) << known_start.body;
  EXPECT_EQ(Keys(u), Keys(k)) << unknown_start.body;
  EXPECT_EQ(Str(k, "secretQuestion"), "İlk evcil hayvanınızın adı?");
  EXPECT_FALSE(Str(u, "secretQuestion").empty());
  EXPECT_EQ(Str(k, "expiresAt"), Str(u, "expiresAt")) << "both expire after the same time";
  EXPECT_EQ(Str(k, "resetId").size(), Str(u, "resetId").size());
  // The unknown TCKN's question is stable: asking again does not reveal a random one.
  EXPECT_EQ(Str(Start(unknown).Json(), "secretQuestion"), Str(u, "secretQuestion"));

  // Wrong answers: the same 422 for both.
  const auto kw = Answer(Str(k, "resetId"), "Pamuk");
  const auto uw = Answer(Str(u, "resetId"), "Pamuk");
  EXPECT_TRUE(HasFieldError(ExpectProblem(kw, 422, "secret_answer_wrong"), "answer")) << kw.body;
  ExpectProblem(uw, 422, "secret_answer_wrong");
  EXPECT_EQ(kw.body, uw.body);
  // An unknown reset id is neither.
  ExpectProblem(Answer("no-such-reset", "Pamuk"), 409, "reset_invalid");
  ExpectProblem(Post(port(), "/api/v1/password-resets", json::object{}), 422, "validation_failed");
}

TEST_F(PasswordResetE2E, FullResetIsSingleUse) {
  (void)RegisterIndividual(port(), kMehmet, kPassword, "Işıklı Çınar");
  const auto started = Start(kMehmet.tckn);
  ASSERT_EQ(started.status, 200) << started.body;
  const std::string reset = Str(started.Json(), "resetId");

  // Setting a password before the answer is verified is refused.
  ExpectProblem(NewPassword(reset, "Yeni-Sifre-456", "Yeni-Sifre-456"), 409, "answer_not_verified");
  // The answer is case- and diacritic-insensitive (Turkish rules), surrounding blanks ignored.
  const auto answered = Answer(reset, "  ISIKLI CINAR ");
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_TRUE(Bool(answered.Json(), "contactInfoComplete"));

  // The repeat must match: 422 naming newPasswordRepeat; nothing changes.
  const auto mismatch = NewPassword(reset, "Yeni-Sifre-456", "Yeni-Sifre-457");
  EXPECT_TRUE(HasFieldError(ExpectProblem(mismatch, 422, "validation_failed"), "newPasswordRepeat", "mismatch"))
      << mismatch.body;
  EXPECT_EQ(LoginAs(port(), kMehmet.tckn, kPassword).status, 200) << "the old password still works";
  const auto too_short = NewPassword(reset, "kisa", "kisa");
  EXPECT_TRUE(HasFieldError(ExpectProblem(too_short, 422, "validation_failed"), "newPassword", "too_short"))
      << too_short.body;

  const auto changed = NewPassword(reset, "Yeni-Sifre-456", "Yeni-Sifre-456");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_TRUE(Bool(changed.Json(), "passwordChanged"));
  EXPECT_EQ(LoginAs(port(), kMehmet.tckn, "Yeni-Sifre-456").status, 200);
  ExpectProblem(LoginAs(port(), kMehmet.tckn, kPassword), 401, "invalid_credentials");

  // The reset is used up.
  ExpectProblem(NewPassword(reset, "Baska-Sifre-789", "Baska-Sifre-789"), 409, "reset_invalid");
  ExpectProblem(Answer(reset, "Işıklı Çınar"), 409, "reset_invalid");
  EXPECT_EQ(LoginAs(port(), kMehmet.tckn, "Yeni-Sifre-456").status, 200);
  ExpectProblem(LoginAs(port(), kMehmet.tckn, "Baska-Sifre-789"), 401, "invalid_credentials");
}

TEST_F(PasswordResetE2E, MissingContactInfoMustBeCompletedFirst) {
  (void)RegisterIndividual(port(), kCan, kPassword, "Pamuk", "postalAddress");  // no e-mail, no mobile
  const std::string reset = Str(Start(kCan.tckn).Json(), "resetId");
  const auto answered = Answer(reset, "pamuk");
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_FALSE(Bool(answered.Json(), "contactInfoComplete"));
  ExpectProblem(NewPassword(reset, "Yeni-Sifre-456", "Yeni-Sifre-456"), 409, "contact_info_required");
  const auto incomplete = Post(port(), "/api/v1/password-resets/contact-info",
                               json::object{{"resetId", reset}, {"preferredContact", "sms"}, {"email", "can@example.com.tr"}});
  EXPECT_TRUE(HasFieldError(ExpectProblem(incomplete, 422, "validation_failed"), "mobile", "required")) << incomplete.body;
  const auto completed = Post(port(), "/api/v1/password-resets/contact-info",
                              json::object{{"resetId", reset}, {"preferredContact", "sms"}, {"mobile", "0532 111 22 33"}});
  ASSERT_EQ(completed.status, 200) << completed.body;
  EXPECT_TRUE(Bool(completed.Json(), "contactInfoComplete"));
  ASSERT_EQ(NewPassword(reset, "Yeni-Sifre-456", "Yeni-Sifre-456").status, 200);
  EXPECT_EQ(LoginAs(port(), kCan.tckn, "Yeni-Sifre-456").status, 200);
}

TEST_F(PasswordResetE2E, WrongAnswersLockOutKnownAndUnknownAlike) {
  (void)RegisterIndividual(port(), kOmer, kPassword, "Pamuk");
  const std::string unknown = NextTckn();
  const std::string kr = Str(Start(kOmer.tckn).Json(), "resetId");
  const std::string ur = Str(Start(unknown).Json(), "resetId");
  for (int i = 1; i <= 5; ++i) {
    const auto k = Answer(kr, "Tekir " + std::to_string(i));
    const auto u = Answer(ur, "Tekir " + std::to_string(i));
    ExpectProblem(k, 422, "secret_answer_wrong");
    ExpectProblem(u, 422, "secret_answer_wrong");
    EXPECT_EQ(k.body, u.body) << "attempt " << i;
  }
  const auto k = Answer(kr, "Pamuk");  // even the right answer, now
  const auto u = Answer(ur, "Pamuk");
  ExpectProblem(k, 429, "too_many_attempts");
  ExpectProblem(u, 429, "too_many_attempts");
  EXPECT_EQ(k.body, u.body);
  // Wrong answers count toward the account's lockout: login is refused too.
  ExpectProblem(LoginAs(port(), kOmer.tckn, kPassword), 429, "too_many_attempts");
}

// The lockout is the account's, whichever door the wrong attempts came through: wrong
// passwords lock the reset, wrong answers lock the login, and a new reset does not start
// over. An unknown TCKN must behave exactly the same, or the lockout reveals who has an
// account.
TEST_F(PasswordResetE2E, WrongLoginsLockTheResetForKnownAndUnknownAlike) {
  (void)RegisterIndividual(port(), kAyse, kPassword, "Pamuk");
  const std::string unknown = NextTckn();
  for (int i = 0; i < 5; ++i) {
    const auto k = LoginAs(port(), kAyse.tckn, "wrong-password");
    const auto u = LoginAs(port(), unknown, "wrong-password");
    ExpectProblem(k, 401, "invalid_credentials");
    EXPECT_EQ(k.body, u.body);
  }
  const auto ks = Start(kAyse.tckn);
  const auto us = Start(unknown);
  ASSERT_EQ(ks.status, 200) << ks.body;
  ASSERT_EQ(us.status, 200) << us.body;
  const auto k = Answer(Str(ks.Json(), "resetId"), "Tekir");
  const auto u = Answer(Str(us.Json(), "resetId"), "Tekir");
  ExpectProblem(k, 429, "too_many_attempts");
  EXPECT_EQ(u.status, k.status) << "unknown TCKN: " << u.body << " / known: " << k.body;
  EXPECT_EQ(u.body, k.body);
}

TEST_F(PasswordResetE2E, ANewResetDoesNotLiftTheLockoutForKnownOrUnknown) {
  (void)RegisterIndividual(port(), kIbrahim, kPassword, "Pamuk");
  const std::string unknown = NextTckn();
  const std::string kr = Str(Start(kIbrahim.tckn).Json(), "resetId");
  const std::string ur = Str(Start(unknown).Json(), "resetId");
  for (int i = 0; i < 5; ++i) {
    const auto k = Answer(kr, "Tekir");
    const auto u = Answer(ur, "Tekir");
    ExpectProblem(k, 422, "secret_answer_wrong");
    EXPECT_EQ(k.body, u.body);
  }
  // A second reset for each: the known account stays locked; so must the unknown TCKN.
  const auto k2 = Answer(Str(Start(kIbrahim.tckn).Json(), "resetId"), "Tekir");
  const auto u2 = Answer(Str(Start(unknown).Json(), "resetId"), "Tekir");
  ExpectProblem(k2, 429, "too_many_attempts");
  EXPECT_EQ(u2.status, k2.status) << "unknown TCKN: " << u2.body << " / known: " << k2.body;
  EXPECT_EQ(u2.body, k2.body);
  // And the login: wrong answers counted toward the known account's lockout; alike for the unknown.
  const auto kl = LoginAs(port(), kIbrahim.tckn, "wrong-password");
  const auto ul = LoginAs(port(), unknown, "wrong-password");
  ExpectProblem(kl, 429, "too_many_attempts");
  EXPECT_EQ(ul.status, kl.status) << "unknown TCKN: " << ul.body << " / known: " << kl.body;
  EXPECT_EQ(ul.body, kl.body);
}

TEST_F(PasswordResetE2E, ResetsExpire) {
  (void)RegisterIndividual(port(), kIlgin, kPassword, "Pamuk");
  const std::string known = Str(Start(kIlgin.tckn).Json(), "resetId");
  const std::string phantom = Str(Start(NextTckn()).Json(), "resetId");
  WriteFile(ClockFile(), "2026-01-16\n");  // a day later; resets live 30 minutes
  const auto k = Answer(known, "Pamuk");
  const auto u = Answer(phantom, "Pamuk");
  ExpectProblem(k, 409, "reset_invalid");
  ExpectProblem(u, 409, "reset_invalid");
  EXPECT_EQ(k.body, u.body);
  ExpectProblem(NewPassword(known, "Yeni-Sifre-456", "Yeni-Sifre-456"), 409, "reset_invalid");
  EXPECT_EQ(LoginAs(port(), kIlgin.tckn, kPassword).status, 200) << "the password is unchanged";
}

// ===========================================================================================
// Registration: natural-person employers, individuals who later register a firm, KPS.
// ===========================================================================================

class RegistrationIdentityE2E : public ServerSuite<RegistrationIdentityE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    ServerOptions o;
    o.extra_args = {"--identity-registry", kRegistry};
    return o;
  }
};

json::object NaturalPersonBody(const Person& p, const std::string& tax_no, const std::string& password = kPassword) {
  NewEmployer ne;
  ne.tckn = p.tckn;
  ne.vkn = tax_no;
  ne.title = p.first_name + " " + p.last_name + " Ticaret";
  ne.password = password;
  auto b = RegistrationBody(ne);
  b["employer"].as_object()["kind"] = "naturalPerson";
  b["representative"].as_object()["firstName"] = p.first_name;
  b["representative"].as_object()["lastName"] = p.last_name;
  return b;
}

TEST_F(RegistrationIdentityE2E, NaturalPersonEmployerIsTaxedUnderTheRepresentativesTckn) {
  const auto reg = Post(port(), "/api/v1/registrations", NaturalPersonBody(kMehmet, kMehmet.tckn));
  ASSERT_EQ(reg.status, 201) << reg.body;
  const std::string employer_id = Str(reg.Json(), "employerId");
  const auto login = LoginAs(port(), kMehmet.tckn, kPassword);
  ASSERT_EQ(login.status, 200) << login.body;
  ASSERT_EQ(Arr(login.Json(), "firms").size(), 1u);
  EXPECT_EQ(Str(Arr(login.Json(), "firms")[0], "employerId"), employer_id);
  EXPECT_EQ(Str(login.Json(), "actorType"), "EmployerPrimaryAdmin");

  // Another person's TCKN as the tax number is refused.
  const auto other = Post(port(), "/api/v1/registrations", NaturalPersonBody(kFatma, kSule.tckn));
  EXPECT_TRUE(HasFieldError(ExpectProblem(other, 422, "validation_failed"), "employer.taxNo")) << other.body;
}

TEST_F(RegistrationIdentityE2E, AnIndividualRegisteringAFirmKeepsOneAccount) {
  const std::string individual = RegisterIndividual(port(), kIbrahim, "Bireysel-Sifre-1");
  // No firm yet: login answers with an empty list and no token.
  const auto before = LoginAs(port(), kIbrahim.tckn, "Bireysel-Sifre-1");
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_TRUE(Arr(before.Json(), "firms").empty());
  EXPECT_FALSE(before.Json().as_object().contains("token"));

  // Registering a firm with another password is refused: the account exists.
  auto body = EmployerBody(kIbrahim, "Şahin Gıda A.Ş.", "Baska-Sifre-2");
  ExpectProblem(Post(port(), "/api/v1/registrations", body), 409, "already_registered");

  // With the account's own password: the same user becomes the primary admin.
  body["representative"].as_object()["password"] = "Bireysel-Sifre-1";
  const auto reg = Post(port(), "/api/v1/registrations", body);
  ASSERT_EQ(reg.status, 201) << reg.body;
  EXPECT_EQ(Str(reg.Json(), "userId"), individual) << "one account per person";
  const auto after = LoginAs(port(), kIbrahim.tckn, "Bireysel-Sifre-1");
  ASSERT_EQ(after.status, 200) << after.body;
  ASSERT_EQ(Arr(after.Json(), "firms").size(), 1u) << after.body;
  EXPECT_EQ(Str(Arr(after.Json(), "firms")[0], "employerId"), Str(reg.Json(), "employerId"));
  EXPECT_EQ(Str(Arr(after.Json(), "firms")[0], "title"), "Şahin Gıda A.Ş.");
  EXPECT_FALSE(Str(after.Json(), "token").empty());
  // The individual's secret answer still works for a reset (the account's data stayed).
  const auto reset = Post(port(), "/api/v1/password-resets", json::object{{"tckn", kIbrahim.tckn}});
  ASSERT_EQ(reset.status, 200);
  const auto answered = Post(port(), "/api/v1/password-resets/answer",
                             json::object{{"resetId", Str(reset.Json(), "resetId")}, {"answer", "pamuk"}});
  EXPECT_EQ(answered.status, 200) << answered.body;
}

TEST_F(RegistrationIdentityE2E, KpsMismatchNamesTheField) {
  // Names that are not the registry's for that TCKN.
  Person wrong = kAyse;
  wrong.first_name = "Fatma";
  wrong.last_name = "Kara";
  const auto individual = Post(port(), "/api/v1/individuals", IndividualBody(wrong));
  EXPECT_TRUE(HasFieldError(ExpectProblem(individual, 422, "kps_mismatch"), "tckn", "kps_mismatch")) << individual.body;
  // The right names with the wrong birth year.
  Person born = kAyse;
  born.birth_date = "1981-04-12";
  const auto year = Post(port(), "/api/v1/individuals", IndividualBody(born));
  EXPECT_TRUE(HasFieldError(ExpectProblem(year, 422, "kps_mismatch"), "tckn", "kps_mismatch")) << year.body;
  // A checksum-valid TCKN the registry does not know.
  Person nobody{NextTckn(), "Ali", "Veli", "1990-01-01"};
  ExpectProblem(Post(port(), "/api/v1/individuals", IndividualBody(nobody)), 422, "kps_mismatch");
  // Employer registration: the representative's field.
  NewEmployer ne = NewEmployer::Fresh("Yanlış İsim A.Ş.");
  ne.tckn = kFatma.tckn;  // RegistrationBody says Ayşe Yılmaz
  const auto reg = Post(port(), "/api/v1/registrations", RegistrationBody(ne));
  EXPECT_TRUE(HasFieldError(ExpectProblem(reg, 422, "kps_mismatch"), "representative.tckn", "kps_mismatch")) << reg.body;
  // Nothing was stored: the right data registers afterwards.
  EXPECT_EQ(Post(port(), "/api/v1/individuals", IndividualBody(kAyse)).status, 201);
}

}  // namespace
}  // namespace e2e
