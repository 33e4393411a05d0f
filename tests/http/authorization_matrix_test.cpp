// The authorization matrix (issue 3, DOMAIN.md §1.2, §1.3, §2.1.7), generated from the route
// table: every route of app.router().routes() is called in-process (Router::Dispatch, no
// network) by every kind of caller, and the answer must be exactly what the route's declared
// Access says:
//   - no token, a bad or expired token, a locked user's or a closed account's token: 401 on
//     every non-public route;
//   - kEmployer: 403 for staff and for a user without the route's permission (ADMIN: 403 for
//     every non-admin), through for admins and for a user holding it;
//   - kStaff: 403 for employer tokens and for staff without one of the route's roles;
//   - kAnyUser: through for any valid token;
//   - kEmployerOrStaff: the kEmployer rule for employer tokens, the kStaff rule for staff;
//   - another employer's admin gets 404 for this employer's resources named in the path.
// "Through" means: neither 401 nor 403 (the handler ran; minimal bodies get 4xx of their own).
// A route added later is covered without touching this file; one without a declared
// permission cannot even be added (Router::Add throws).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "aggregates/permissions.h"
#include "commands/staff.h"
#include "http/app.h"
#include "tests/test_util.h"

namespace istihdam::http {
namespace {

namespace json = boost::json;
using istihdam::testing::kT0;
using istihdam::testing::TempDir;

constexpr Micros kMinute = 60'000'000;
constexpr unsigned kSessionTtlMinutes = 3 * 24 * 60;  // long enough to cross a local midnight
const std::string kPassword = "Gizli-Sifre-123";

// Persons of data/citizens.csv (the KPS registry the app runs with).
struct Person {
  std::string tckn, first_name, last_name, birth_date;
};
const Person kAyse{"10000000146", "Ayşe", "Yılmaz", "1980-04-12"};      // primary admin of A
const Person kMehmet{"17291716060", "Mehmet", "Öztürk", "1975-09-30"};  // primary admin of B (natural person)
const Person kSule{"23456789060", "Şule", "Çelik", "1988-01-05"};       // authorized user of A ("the user")
const Person kCan{"45678901280", "Can", "Demir", "1990-07-21"};         // locked user of A
const Person kOmer{"20433218148", "Ömer", "Şahin", "1961-02-07"};       // closed account at A
const Person kIlgin{"48908386376", "Ilgın", "Aslan", "1960-03-23"};     // admin (not primary) of A
const Person kMustafa{"75423511648", "Mustafa", "Koç", "1982-10-09"};   // closing date = today at A

struct Answer {
  int status = 0;
  std::string code;  // problem+json "code", "" otherwise
  std::string body;
  json::value json;
};

std::string Describe(const Route& r) { return r.method + " " + r.pattern; }

std::string AccessName(Access a) {
  switch (a) {
    case Access::kPublic: return "public";
    case Access::kEmployer: return "employer";
    case Access::kStaff: return "staff";
    case Access::kAnyUser: return "anyUser";
    case Access::kEmployerOrStaff: return "employerOrStaff";
    case Access::kIndividual: return "individual";
  }
  return "?";
}

std::vector<std::string> Catalogue() { return {permissions::kAll.begin(), permissions::kAll.end()}; }

json::array JsonList(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

// One app for the whole suite: two employers, their users, three staff users, tokens.
class AuthorizationMatrixTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setup_error_.clear();
    try {
      world_ = std::make_unique<World>();
      world_->Build();
    } catch (const std::exception& e) {
      setup_error_ = e.what();
    }
  }
  static void TearDownTestSuite() { world_.reset(); }

  void SetUp() override {
    ASSERT_TRUE(setup_error_.empty()) << "suite setup failed: " << setup_error_;
    ASSERT_TRUE(world_);
    world_->clock.Set(kT0);
  }
  void TearDown() override {
    if (world_) world_->clock.Set(kT0);
  }

  struct World {
    TempDir dir;
    ManualClock clock{kT0};
    std::unique_ptr<App> app;
    std::string employer_a, employer_b, hq_a, dismissal_a, typ_a;
    std::string declaration_a;  // a benefit declaration of A
    std::string demand_a;       // a labor demand of A
    std::string trainer_a;      // a course trainer of A
    std::string survey_a;       // an impact survey of A's headquarters
    std::map<std::string, std::string> user_ids;  // by TCKN
    std::map<std::string, std::string> tokens;    // by actor name
    std::map<std::string, std::pair<std::string, std::string>> credentials;  // actor → (tckn, password)

    World() {
      Config c;
      c.data_dir = dir.path() + "/data";
      c.password_cost = "min";
      c.identity_registry_file = ISTIHDAM_SOURCE_DIR "/data/citizens.csv";
      c.session_ttl_minutes = kSessionTtlMinutes;
      c.auth_rate_per_client_per_minute = 0;  // the matrix logs in often; rate limits have their own test
      c.auth_rate_per_tckn_per_minute = 0;
      app = App::Open(c, &clock);
    }

    Answer Call(const std::string& method, const std::string& target, const std::string& body = "",
                const std::string& token = "", std::map<std::string, std::string> headers = {}) {
      HttpRequest req;
      req.method = method;
      req.target = target;
      req.body = body;
      req.remote_address = "127.0.0.1";
      if (!body.empty()) req.headers["Content-Type"] = "application/json";
      if (!token.empty()) req.headers["Authorization"] = "Bearer " + token;
      for (auto& [k, v] : headers) req.headers[k] = v;
      const HttpResponse resp = app->router().Dispatch(req);
      Answer a{resp.status, "", resp.body, nullptr};
      boost::system::error_code ec;
      a.json = json::parse(resp.body, ec);
      if (ec) a.json = nullptr;
      if (a.json.is_object()) {
        if (const auto* c = a.json.as_object().if_contains("code"); c && c->is_string()) {
          a.code = std::string(c->as_string());
        }
      }
      return a;
    }
    Answer Post(const std::string& target, const json::value& body, const std::string& token = "") {
      return Call("POST", target, json::serialize(body), token);
    }
    Answer Put(const std::string& target, const json::value& body, const std::string& token = "") {
      return Call("PUT", target, json::serialize(body), token);
    }

    static void Require(const Answer& a, int status, const std::string& what) {
      if (a.status != status) {
        throw std::runtime_error(what + ": expected " + std::to_string(status) + ", got " +
                                 std::to_string(a.status) + " " + a.body);
      }
    }
    static std::string StrOf(const Answer& a, const char* key) {
      if (!a.json.is_object() || !a.json.as_object().contains(key) || !a.json.at(key).is_string()) {
        throw std::runtime_error(std::string("no \"") + key + "\" in " + a.body);
      }
      return std::string(a.json.at(key).as_string());
    }

    json::object Registration(const Person& p, const std::string& kind, const std::string& tax_no,
                              const std::string& title) {
      return {{"termsAccepted", true},
              {"employer",
               {{"kind", kind},
                {"title", title},
                {"taxNo", tax_no},
                {"sector", "private"},
                {"province", "34"},
                {"district", "Kadıköy"},
                {"address", "Caferağa Mah. Moda Cad. No:1"},
                {"phone", "0216 555 00 00"},
                {"email", "info@example.com.tr"}}},
              {"representative",
               {{"tckn", p.tckn},
                {"firstName", p.first_name},
                {"lastName", p.last_name},
                {"password", kPassword},
                {"secretQuestion", "İlk evcil hayvanınızın adı?"},
                {"secretAnswer", "Pamuk"},
                {"email", "kisi@example.com.tr"},
                {"mobile", "0532 555 00 00"},
                {"preferredContact", "email"}}}};
    }

    std::string Login(const Person& p) {
      const auto a = Post("/api/v1/auth/login", json::object{{"tckn", p.tckn}, {"password", kPassword}});
      Require(a, 200, "login of " + p.first_name);
      return StrOf(a, "token");
    }
    std::string LoginStaff(const std::string& tckn) {
      const auto a = Post("/api/v1/auth/login", json::object{{"tckn", tckn}, {"password", kPassword}});
      Require(a, 200, "staff login " + tckn);
      return StrOf(a, "token");
    }

    void RegisterIndividual(const Person& p) {
      const auto a = Post("/api/v1/individuals", json::object{{"tckn", p.tckn},
                                                              {"firstName", p.first_name},
                                                              {"lastName", p.last_name},
                                                              {"birthDate", p.birth_date},
                                                              {"password", kPassword},
                                                              {"secretQuestion", "Doğduğunuz şehir?"},
                                                              {"secretAnswer", "İzmir"},
                                                              {"email", "birey@example.com.tr"},
                                                              {"mobile", "0533 444 00 00"},
                                                              {"preferredContact", "email"}});
      Require(a, 201, "individual registration of " + p.first_name);
      user_ids[p.tckn] = StrOf(a, "individualId");
    }

    void AddUser(const Person& p, const std::string& admin_token) {
      const auto a = Post("/api/v1/users", json::object{{"tckn", p.tckn}, {"firstName", p.first_name}, {"lastName", p.last_name}},
                          admin_token);
      Require(a, 201, "adding " + p.first_name + " as an authorized user");
      if (StrOf(a, "userId") != user_ids[p.tckn]) throw std::runtime_error("added user id differs: " + a.body);
    }

    void SetRoles(const Person& p, bool admin, const std::vector<std::string>& perms, const std::string& closing,
                  bool locked) {
      json::object body{{"admin", admin}, {"permissions", JsonList(perms)}, {"locked", locked}};
      body["accountClosingDate"] = closing.empty() ? json::value(nullptr) : json::value(closing);
      const auto a = Put("/api/v1/users/" + user_ids.at(p.tckn), body, tokens.at("adminA"));
      Require(a, 200, "roles of " + p.first_name);
    }

    void AddStaff(const std::string& name, const std::string& role, const std::string& tckn) {
      CommandEnv env;
      env.meta.actor = Actor{"", "System", ""};
      env.meta.correlation_id = "matrix-setup";
      auto r = HandleCreateStaffUser(app->services(), env, CreateStaffUser{role, role == "unit" ? "06" : "", tckn, kPassword});
      if (!r.ok()) throw std::runtime_error("staff " + role + ": " + r.error().code);
      credentials[name] = {tckn, kPassword};
      tokens[name] = LoginStaff(tckn);
    }

    void Build() {
      // Employer A (legal entity) and B (natural person), each with its primary admin.
      auto a = Post("/api/v1/registrations", Registration(kAyse, "legalEntity", "4540536920", "Anadolu Tekstil A.Ş."));
      Require(a, 201, "registration of A");
      employer_a = StrOf(a, "employerId");
      hq_a = StrOf(a, "headquartersId");
      auto b = Post("/api/v1/registrations", Registration(kMehmet, "naturalPerson", kMehmet.tckn, "Mehmet Öztürk Ticaret"));
      Require(b, 201, "registration of B");
      employer_b = StrOf(b, "employerId");
      tokens["adminA"] = Login(kAyse);
      credentials["adminA"] = {kAyse.tckn, kPassword};
      tokens["adminB"] = Login(kMehmet);
      credentials["adminB"] = {kMehmet.tckn, kPassword};

      // A's authorized users, each logged in before their roles change.
      for (const auto* p : {&kSule, &kCan, &kOmer, &kIlgin, &kMustafa}) {
        RegisterIndividual(*p);
        AddUser(*p, tokens.at("adminA"));
      }
      SetRoles(kCan, false, Catalogue(), "", false);
      SetRoles(kOmer, false, Catalogue(), "", false);
      SetRoles(kIlgin, true, {}, "", false);
      SetRoles(kMustafa, false, Catalogue(), "", false);
      tokens["user"] = Login(kSule);
      credentials["user"] = {kSule.tckn, kPassword};
      tokens["locked"] = Login(kCan);
      tokens["closed"] = Login(kOmer);
      tokens["adminA2"] = Login(kIlgin);
      credentials["adminA2"] = {kIlgin.tckn, kPassword};
      tokens["boundary"] = Login(kMustafa);
      // Now lock one and close the other (closing date yesterday: 2026-01-14, local today is 2026-01-15).
      SetRoles(kCan, false, Catalogue(), "", true);
      SetRoles(kOmer, false, Catalogue(), "2026-01-14", false);
      SetRoles(kMustafa, false, Catalogue(), "2026-01-15", false);

      // Staff.
      AddStaff("auditor", "auditor", "17816184916");
      AddStaff("headOffice", "headOffice", "44131647550");
      AddStaff("unit", "unit", "51928327670");

      // Resources of A named in paths: its headquarters, a schedule, a collective dismissal.
      json::object sex{{"male", 0}, {"female", 0}};
      json::object group{{"general", {{"male", 10}, {"female", 0}}}, {"disabled", sex}, {"exConvict", sex},
                         {"terrorAffected", sex}, {"partTime", sex}, {"antiTerrorLaw", sex}};
      json::object zero{{"general", sex}, {"disabled", sex}, {"exConvict", sex},
                        {"terrorAffected", sex}, {"partTime", sex}, {"antiTerrorLaw", sex}};
      json::object schedule{{"previousMonthEnd", group}, {"hired", zero}, {"left", zero},
                            {"undergroundUnderwater", sex}, {"partTimeMonthlyHours", 0},
                            {"personnelMovements", json::array{}},
                            {"occupationDistribution", json::array{json::object{{"occupation", "2512"}, {"count", 4}}}},
                            {"employmentPreferences", {{"jointCourseRequest", false}, {"inCompanyTrainingRequest", false},
                                                       {"expectedWorkforceChangeNextMonth", "noChange"},
                                                       {"apprenticeNeededNextMonth", false}}},
                            {"hardToFillOccupations", json::array{}}};
      Require(Put("/api/v1/workplaces/" + hq_a + "/workforce-schedules/2025-12", schedule, tokens.at("adminA")), 201,
              "schedule 2025-12 of A");
      auto cd = Post("/api/v1/collective-dismissals",
                     json::object{{"dismissalDate", "2026-03-16"},
                                  {"details", json::array{json::object{{"workplaceId", hq_a}, {"maleCount", 10}, {"femaleCount", 2}}}}},
                     tokens.at("adminA"));
      Require(cd, 201, "collective dismissal of A");
      dismissal_a = StrOf(cd, "id");
      // A TYP program hosted by A (created by the unit user of 06) with Şule as participant 1.
      auto typ = Post("/api/v1/typ/programs",
                      json::object{{"hostEmployerId", employer_a}, {"province", "06"}, {"startDate", "2025-12-01"},
                                   {"endDate", "2026-06-30"}, {"description", "Park bakımı"}, {"participantQuota", 5}},
                      tokens.at("unit"));
      Require(typ, 201, "TYP program hosted by A");
      typ_a = StrOf(typ, "id");
      Require(Post("/api/v1/typ/programs/" + typ_a + "/participants",
                   json::object{{"tckn", kSule.tckn}, {"firstName", kSule.first_name}, {"lastName", kSule.last_name},
                                {"startDate", "2025-12-01"}, {"endDate", "2026-06-30"}},
                   tokens.at("unit")),
              201, "TYP participant");
      auto decl = Post("/api/v1/benefit-declarations",
                       json::object{{"declarationType", "IO"}, {"workplaceId", hq_a},
                                    {"workers", json::array{json::object{{"tckn", kOmer.tckn}, {"firstName", kOmer.first_name},
                                                                         {"lastName", kOmer.last_name}, {"exitDate", "2026-01-10"},
                                                                         {"exitReasonCode", "04"}}}}},
                       tokens.at("adminA"));
      Require(decl, 201, "benefit declaration of A");
      declaration_a = StrOf(decl, "id");
      auto demand = Post("/api/v1/labor-demands",
                         json::object{{"workplaceId", hq_a}, {"occupation", "2512"}, {"position", "Yazılım Mühendisi"},
                                      {"requestedCount", 1},
                                      {"workAddress", {{"province", "34"}, {"district", "Kadıköy"}}},
                                      {"lastApplicationDate", "2026-02-28"}, {"workingPattern", "fullTime"},
                                      {"description", "Web uygulamaları"}},
                         tokens.at("adminA"));
      Require(demand, 201, "labor demand of A");
      demand_a = StrOf(demand, "id");
      auto trainer = Post("/api/v1/trainers",
                          json::object{{"tckn", kCan.tckn}, {"firstName", kCan.first_name}, {"lastName", kCan.last_name},
                                       {"occupation", "2512"}},
                          tokens.at("adminA"));
      Require(trainer, 201, "trainer of A");
      trainer_a = StrOf(trainer, "id");
      auto survey = Post("/api/v1/impact-surveys",
                         json::object{{"workplaceId", hq_a}, {"year", 2025}, {"kind", "general"},
                                      {"answers", {{"employeesPreviousYearEnd", 10}, {"hiresPreviousYear", 2},
                                                   {"plannedHiresNextYear", 1}, {"workforceOutlook", "noChange"},
                                                   {"usedIskurServices", true}}}},
                         tokens.at("adminA"));
      Require(survey, 201, "impact survey of A");
      survey_a = StrOf(survey, "id");
      // Şule's job-seeker token.
      const auto individual = Post("/api/v1/auth/login", json::object{{"tckn", kSule.tckn}, {"password", kPassword},
                                                                      {"as", "individual"}});
      Require(individual, 200, "individual login");
      tokens["individual"] = StrOf(individual, "token");
      app->projections().CatchUp();
    }

    // The value of a path parameter: a real resource of employer A where we know one. `known`
    // tells whether it names a resource of A (so that another employer must get 404).
    std::string ParamValue(const std::string& pattern, const std::string& name, bool* known) const {
      *known = true;
      if (name == "month") return "2025-12";
      if (name == "userId") return user_ids.at(kSule.tckn);
      if (name == "streamId") return "employer-" + employer_a;
      if (name == "code") return "34";
      if (name == "reportType") return "selection";  // a report over the caller's own demands
      if (pattern.rfind("/api/v1/workplaces/{", 0) == 0) return hq_a;
      if (pattern.rfind("/api/v1/collective-dismissals/{", 0) == 0) return dismissal_a;
      if (name == "typNo") return typ_a;
      if (name == "participantId") return "1";
      if (name == "date") return "2026-01-12";
      if (pattern.rfind("/api/v1/benefit-declarations/{", 0) == 0) return declaration_a;
      if (name == "demandNo") return demand_a;
      if (pattern.rfind("/api/v1/trainers/{", 0) == 0) return trainer_a;
      if (pattern.rfind("/api/v1/impact-surveys/{", 0) == 0) return survey_a;
      *known = false;
      return "1000000001";  // a kind of resource this test does not create yet
    }

    // The target of a route: path parameters filled, the query parameters it needs.
    std::string Target(const Route& r, bool* names_resource_of_a) const {
      std::string out;
      *names_resource_of_a = false;
      bool all_known = true;
      std::size_t i = 0;
      while (i < r.pattern.size()) {
        if (r.pattern[i] == '{') {
          const auto close = r.pattern.find('}', i);
          const std::string name = r.pattern.substr(i + 1, close - i - 1);
          bool known = false;
          out += ParamValue(r.pattern, name, &known);
          if (name != "month" && name != "code" && name != "reportType") *names_resource_of_a = true;
          all_known = all_known && known;
          i = close + 1;
        } else {
          out += r.pattern[i++];
        }
      }
      if (!all_known) *names_resource_of_a = false;
      for (const auto& q : r.doc.query) {
        if (q.at("name") == "month") out += "?month=2025-12";
      }
      return out;
    }

    // A minimal body: enough to reach the handler; whatever it answers then is not our concern.
    std::string Body(const Route& r) const {
      if (r.method == "GET" || r.method == "DELETE" || r.method == "HEAD") return "";
      if (r.pattern == "/api/v1/auth/login") {
        return json::serialize(json::object{{"tckn", kAyse.tckn}, {"password", kPassword}});
      }
      return "{}";
    }
  };

  // ---- calling every route ----

  // Calls `route` as the holder of `token` ("" = none). kAnyUser routes (logout) use up the
  // token: callers pass a FreshToken() for them.
  static Answer CallRoute(const Route& route, const std::string& token) {
    bool names = false;
    return world_->Call(route.method, world_->Target(route, &names), world_->Body(route), token);
  }

  static std::string FreshToken(const std::string& actor) {
    const auto& [tckn, password] = world_->credentials.at(actor);
    const auto a = world_->Post("/api/v1/auth/login", json::object{{"tckn", tckn}, {"password", password}});
    World::Require(a, 200, "fresh login of " + actor);
    return World::StrOf(a, "token");
  }

  static bool NamesResourceOfA(const Route& route) {
    bool names = false;
    (void)world_->Target(route, &names);
    return names;
  }

  static const std::vector<Route>& Routes() { return world_->app->router().routes(); }

  static void Expect401(const Route& route, const Answer& a, const std::string& who) {
    EXPECT_EQ(a.status, 401) << Describe(route) << " as " << who << ": " << a.body;
    EXPECT_EQ(a.code, "unauthorized") << Describe(route) << " as " << who << ": " << a.body;
  }
  static void Expect403(const Route& route, const Answer& a, const std::string& who) {
    EXPECT_EQ(a.status, 403) << Describe(route) << " as " << who << ": " << a.body;
    EXPECT_EQ(a.code, "forbidden") << Describe(route) << " as " << who << ": " << a.body;
  }
  static void Expect404(const Route& route, const Answer& a, const std::string& who) {
    EXPECT_EQ(a.status, 404) << Describe(route) << " as " << who << " (another employer's resource): " << a.body;
  }
  // The request got past authentication and authorization: the handler answered.
  static void ExpectThrough(const Route& route, const Answer& a, const std::string& who) {
    EXPECT_NE(a.status, 401) << Describe(route) << " as " << who << ": " << a.body;
    EXPECT_NE(a.status, 403) << Describe(route) << " as " << who << ": " << a.body;
    EXPECT_LT(a.status, 500) << Describe(route) << " as " << who << ": " << a.body;
  }

  // Every non-public route refuses `token` with 401; public routes let it through.
  static void ExpectUnauthenticatedEverywhere(const std::string& token, const std::string& who) {
    for (const auto& route : Routes()) {
      const auto a = CallRoute(route, token);
      if (route.access == Access::kPublic) ExpectThrough(route, a, who);
      else Expect401(route, a, who);
    }
  }

  // The expected answers for an employer-side actor: an admin passes every employer route, a
  // user without permissions none.
  static void ExpectEmployerActor(const std::string& actor, bool admin) {
    for (const auto& route : Routes()) {
      const bool any_user = route.access == Access::kAnyUser;
      const auto a = CallRoute(route, any_user ? FreshToken(actor) : world_->tokens.at(actor));
      switch (route.access) {
        case Access::kPublic: ExpectThrough(route, a, actor); break;
        case Access::kAnyUser: ExpectThrough(route, a, actor); break;
        case Access::kStaff:
        case Access::kIndividual: Expect403(route, a, actor); break;
        case Access::kEmployer:
        case Access::kEmployerOrStaff:
          if (admin) ExpectThrough(route, a, actor);
          else Expect403(route, a, actor);
          break;
      }
    }
  }

  static void ExpectStaffActor(const std::string& actor, const std::string& actor_type) {
    for (const auto& route : Routes()) {
      const bool any_user = route.access == Access::kAnyUser;
      const auto a = CallRoute(route, any_user ? FreshToken(actor) : world_->tokens.at(actor));
      const std::string who = actor + " (" + actor_type + ")";
      switch (route.access) {
        case Access::kUndeclared: ADD_FAILURE() << Describe(route) << " declares no access"; break;
        case Access::kPublic:
        case Access::kAnyUser: ExpectThrough(route, a, who); break;
        case Access::kEmployer:
        case Access::kIndividual: Expect403(route, a, who); break;
        case Access::kStaff:
        case Access::kEmployerOrStaff: {
          const auto& roles = route.staff_roles;
          const auto role = StaffRoleOf(actor_type);
          if (role && std::find(roles.begin(), roles.end(), *role) != roles.end()) ExpectThrough(route, a, who);
          else Expect403(route, a, who);
          break;
        }
      }
    }
  }

  static inline std::unique_ptr<World> world_;
  static inline std::string setup_error_;
};

// ---- the route table itself ----

TEST_F(AuthorizationMatrixTest, EveryRouteDeclaresWhoMayCallIt) {
  const std::set<std::string> staff_types = {"Auditor", "UnitUser", "HeadOfficeUser"};
  const auto catalogue = Catalogue();
  std::map<Access, int> by_access;
  for (const auto& r : Routes()) {
    ++by_access[r.access];
    const bool employer_side = r.access == Access::kEmployer || r.access == Access::kEmployerOrStaff;
    const bool staff_side = r.access == Access::kStaff || r.access == Access::kEmployerOrStaff;
    if (employer_side) {
      EXPECT_TRUE(r.permission == permissions::kAdmin ||
                  std::find(catalogue.begin(), catalogue.end(), r.permission) != catalogue.end())
          << Describe(r) << " declares '" << r.permission << "', not a permission of the catalogue nor ADMIN";
    } else {
      EXPECT_EQ(r.permission, "") << Describe(r) << " is " << AccessName(r.access) << " but names a permission";
    }
    if (staff_side) {
      EXPECT_FALSE(r.staff_roles.empty()) << Describe(r);
      for (const auto role : r.staff_roles) {
        EXPECT_EQ(staff_types.count(std::string(ActorTypeOf(role))), 1u) << Describe(r) << ": " << static_cast<int>(role);
      }
    } else {
      EXPECT_TRUE(r.staff_roles.empty()) << Describe(r) << " is " << AccessName(r.access) << " but names staff roles";
    }
  }
  EXPECT_GE(by_access[Access::kPublic], 1);
  EXPECT_GE(by_access[Access::kEmployer], 1);
  EXPECT_GE(by_access[Access::kStaff], 1);
  EXPECT_GE(by_access[Access::kAnyUser], 1);
}

TEST_F(AuthorizationMatrixTest, RoleManagementRoutesAreAdminOnly) {
  int seen = 0;
  for (const auto& r : Routes()) {
    if (r.pattern.rfind("/api/v1/users", 0) == 0 || r.pattern == "/api/v1/permissions") {
      ++seen;
      EXPECT_EQ(r.access, Access::kEmployer) << Describe(r);
      EXPECT_EQ(r.permission, permissions::kAdmin) << Describe(r);
    }
  }
  EXPECT_GE(seen, 6) << "list, lookup, create, get, update and the catalogue";
}

TEST_F(AuthorizationMatrixTest, RouterRefusesAnEmployerRouteWithoutPermission) {
  Router router(*world_->app);
  auto ok = [](RequestContext&) { return HttpResponse{}; };
  EXPECT_THROW(router.Add(Route{"GET", "/api/v1/undeclared", Access::kEmployer, "", {}, false, ok, {}}),
               std::logic_error);
  EXPECT_THROW(router.Add(Route{"GET", "/api/v1/undeclared-staff", Access::kStaff, "", {}, false, ok, {}}),
               std::logic_error);
  EXPECT_THROW(router.Add(Route{"GET", "/api/v1/undeclared-shared", Access::kEmployerOrStaff,
                                std::string(permissions::kTyp), {}, false, ok, {}}),
               std::logic_error);
  EXPECT_THROW(router.Add(Route{"GET", "/api/v1/undeclared-shared", Access::kEmployerOrStaff, "", {StaffRole::kUnitUser},
                                false, ok, {}}),
               std::logic_error);
  EXPECT_THROW(router.Add(Route{.method = "GET", .pattern = "/api/v1/no-access", .handler = ok}), std::logic_error);
  EXPECT_TRUE(router.routes().empty()) << "nothing was added";
  EXPECT_NO_THROW(router.Add(Route{"GET", "/api/v1/declared", Access::kEmployer,
                                   std::string(permissions::kLaborDemand), {}, false, ok, {}}));
  EXPECT_EQ(router.routes().size(), 1u);
}

// ---- callers that are not (or no longer) authenticated ----

TEST_F(AuthorizationMatrixTest, NoToken) { ExpectUnauthenticatedEverywhere("", "no token"); }

TEST_F(AuthorizationMatrixTest, UnknownOrMalformedToken) {
  ExpectUnauthenticatedEverywhere("not-a-token", "an unknown token");
  ExpectUnauthenticatedEverywhere(std::string(300, 'a'), "an overlong token");
  // Another scheme than Bearer is no token at all.
  for (const auto& route : Routes()) {
    bool names = false;
    const auto a = world_->Call(route.method, world_->Target(route, &names), world_->Body(route), "",
                                {{"Authorization", "Basic " + world_->tokens.at("adminA")}});
    if (route.access == Access::kPublic) ExpectThrough(route, a, "Basic auth");
    else Expect401(route, a, "Basic auth");
  }
}

TEST_F(AuthorizationMatrixTest, ExpiredToken) {
  // Valid just before the end of the session's lifetime...
  world_->clock.Set(kT0 + Micros(kSessionTtlMinutes) * kMinute - kMinute);
  const auto before = world_->Call("GET", "/api/v1/users", "", world_->tokens.at("adminA"));
  EXPECT_EQ(before.status, 200) << before.body;
  // ... and refused everywhere after it, for employer and staff tokens alike.
  world_->clock.Set(kT0 + Micros(kSessionTtlMinutes) * kMinute + kMinute);
  ExpectUnauthenticatedEverywhere(world_->tokens.at("adminA"), "expired employer admin");
  ExpectUnauthenticatedEverywhere(world_->tokens.at("auditor"), "expired auditor");
  ExpectUnauthenticatedEverywhere(world_->tokens.at("headOffice"), "expired head-office user");
}

TEST_F(AuthorizationMatrixTest, LockedUsersExistingToken) {
  ExpectUnauthenticatedEverywhere(world_->tokens.at("locked"), "locked user");
  // Nor can the locked user open the firm again.
  const auto a = world_->Post("/api/v1/auth/login", json::object{{"tckn", kCan.tckn}, {"password", kPassword}});
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_TRUE(a.json.at("firms").as_array().empty()) << a.body;
  EXPECT_FALSE(a.json.as_object().contains("token")) << a.body;
  const auto chosen = world_->Post("/api/v1/auth/login", json::object{{"tckn", kCan.tckn}, {"password", kPassword},
                                                                      {"employerId", world_->employer_a}});
  EXPECT_EQ(chosen.status, 403) << chosen.body;
  EXPECT_EQ(chosen.code, "firm_not_permitted") << chosen.body;
}

TEST_F(AuthorizationMatrixTest, ClosedAccountsExistingToken) {
  ExpectUnauthenticatedEverywhere(world_->tokens.at("closed"), "closed-account user (closing date yesterday)");
  const auto a = world_->Post("/api/v1/auth/login", json::object{{"tckn", kOmer.tckn}, {"password", kPassword}});
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_TRUE(a.json.at("firms").as_array().empty()) << a.body;
  EXPECT_FALSE(a.json.as_object().contains("token")) << a.body;
}

TEST_F(AuthorizationMatrixTest, ClosingDateIsTheLastValidLocalDay) {
  // Closing date 2026-01-15 = today (local time UTC+3): still acting for the firm...
  const std::string target = "/api/v1/workplaces/" + world_->hq_a;
  const auto& token = world_->tokens.at("boundary");
  EXPECT_EQ(world_->Call("GET", target, "", token).status, 200);
  // ... until the last microsecond of the local day (20:59:59.999999 UTC) ...
  world_->clock.Set(kT0 + 12 * 60 * kMinute - 1);  // kT0 = 09:00 UTC
  EXPECT_EQ(world_->Call("GET", target, "", token).status, 200);
  // ... and not from local midnight on, with the same token.
  world_->clock.Set(kT0 + 12 * 60 * kMinute);
  const auto after = world_->Call("GET", target, "", token);
  EXPECT_EQ(after.status, 401) << after.body;
  EXPECT_EQ(after.code, "unauthorized");
  const auto login = world_->Post("/api/v1/auth/login", json::object{{"tckn", kMustafa.tckn}, {"password", kPassword}});
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_TRUE(login.json.at("firms").as_array().empty()) << login.body;
}

// ---- callers with a valid token ----

TEST_F(AuthorizationMatrixTest, EmployerPrimaryAdmin) { ExpectEmployerActor("adminA", true); }

TEST_F(AuthorizationMatrixTest, EmployerAdminWhoIsNotThePrimaryAdmin) { ExpectEmployerActor("adminA2", true); }

TEST_F(AuthorizationMatrixTest, StaffAuditor) { ExpectStaffActor("auditor", "Auditor"); }

TEST_F(AuthorizationMatrixTest, StaffHeadOffice) { ExpectStaffActor("headOffice", "HeadOfficeUser"); }

TEST_F(AuthorizationMatrixTest, StaffUnitUser) { ExpectStaffActor("unit", "UnitUser"); }

// A job seeker's token ("as": "individual"): the public routes and the job seekers' own, nothing
// of employers or staff.
TEST_F(AuthorizationMatrixTest, IndividualJobSeeker) {
  for (const auto& route : Routes()) {
    std::string token = world_->tokens.at("individual");
    if (route.access == Access::kAnyUser) {  // logout uses the token up
      const auto a = world_->Post("/api/v1/auth/login", json::object{{"tckn", kSule.tckn}, {"password", kPassword},
                                                                     {"as", "individual"}});
      ASSERT_EQ(a.status, 200) << a.body;
      token = World::StrOf(a, "token");
    }
    const auto a = CallRoute(route, token);
    switch (route.access) {
      case Access::kUndeclared: ADD_FAILURE() << Describe(route) << " declares no access"; break;
      case Access::kPublic:
      case Access::kAnyUser:
      case Access::kIndividual: ExpectThrough(route, a, "a job seeker"); break;
      case Access::kEmployer:
      case Access::kStaff:
      case Access::kEmployerOrStaff: Expect403(route, a, "a job seeker"); break;
    }
  }
}

TEST_F(AuthorizationMatrixTest, UserWithoutAnyPermission) {
  world_->SetRoles(kSule, false, {}, "", false);
  ExpectEmployerActor("user", false);
}

// For each permission the routes use: a user holding every other one is refused (403) on the
// routes needing it; holding only it, the user gets through exactly those routes. The token
// stays the same: role changes take effect on the next request.
TEST_F(AuthorizationMatrixTest, UserWithoutTheRoutesPermission) {
  std::map<std::string, std::vector<const Route*>> by_permission;
  for (const auto& r : Routes()) {
    const bool employer_side = r.access == Access::kEmployer || r.access == Access::kEmployerOrStaff;
    if (employer_side && r.permission != permissions::kAdmin) by_permission[r.permission].push_back(&r);
  }
  ASSERT_FALSE(by_permission.empty());
  const auto& token = world_->tokens.at("user");
  for (const auto& [permission, routes] : by_permission) {
    std::vector<std::string> others;
    for (const auto& p : Catalogue()) {
      if (p != permission) others.push_back(p);
    }
    world_->SetRoles(kSule, false, others, "", false);
    for (const auto* r : routes) Expect403(*r, CallRoute(*r, token), "a user with every permission but " + permission);

    world_->SetRoles(kSule, false, {permission}, "", false);
    for (const auto& r : Routes()) {
      if (r.access != Access::kEmployer && r.access != Access::kEmployerOrStaff) continue;
      const auto a = CallRoute(r, token);
      if (r.permission == permission) ExpectThrough(r, a, "a user holding only " + permission);
      else Expect403(r, a, "a user holding only " + permission);
    }
  }
}

TEST_F(AuthorizationMatrixTest, AdminRoutesRefuseEveryNonAdmin) {
  world_->SetRoles(kSule, false, Catalogue(), "", false);  // every checkbox, but not admin
  for (const auto& r : Routes()) {
    if (r.access != Access::kEmployer || r.permission != permissions::kAdmin) continue;
    Expect403(r, CallRoute(r, world_->tokens.at("user")), "a non-admin holding every permission");
  }
  // Made admin, the same token passes at once; revoked, it is refused again.
  world_->SetRoles(kSule, true, {}, "", false);
  for (const auto& r : Routes()) {
    if (r.access == Access::kEmployer && r.permission == permissions::kAdmin) {
      // Again before each: an earlier admin route (PUT /api/v1/users/{userId} with a minimal
      // body) may have changed the user's own roles.
      world_->SetRoles(kSule, true, {}, "", false);
      ExpectThrough(r, CallRoute(r, world_->tokens.at("user")), "a user just made admin");
    }
  }
  world_->SetRoles(kSule, false, {}, "", false);
  const auto revoked = world_->Call("GET", "/api/v1/users", "", world_->tokens.at("user"));
  EXPECT_EQ(revoked.status, 403) << revoked.body;
}

// ---- tenant isolation ----

TEST_F(AuthorizationMatrixTest, OtherEmployer) {
  int isolated = 0;
  for (const auto& route : Routes()) {
    const bool any_user = route.access == Access::kAnyUser;
    const auto a = CallRoute(route, any_user ? FreshToken("adminB") : world_->tokens.at("adminB"));
    const std::string who = "the admin of another employer";
    switch (route.access) {
      case Access::kPublic:
      case Access::kAnyUser: ExpectThrough(route, a, who); break;
      case Access::kStaff:
      case Access::kIndividual: Expect403(route, a, who); break;
      case Access::kEmployer:
      case Access::kEmployerOrStaff:
        if (NamesResourceOfA(route)) {
          ++isolated;
          Expect404(route, a, who);
        } else {
          ExpectThrough(route, a, who);
        }
        break;
    }
  }
  EXPECT_GE(isolated, 10) << "workplaces, schedules, quota, dismissals and users name resources in the path";
  // Nothing of A leaked into B's lists either.
  const auto users = world_->Call("GET", "/api/v1/users", "", world_->tokens.at("adminB"));
  ASSERT_EQ(users.status, 200) << users.body;
  ASSERT_EQ(users.json.at("items").as_array().size(), 1u) << users.body;
  const auto wps = world_->Call("GET", "/api/v1/workplaces", "", world_->tokens.at("adminB"));
  ASSERT_EQ(wps.status, 200) << wps.body;
  for (const auto& w : wps.json.at("items").as_array()) EXPECT_NE(w.at("id").as_string(), world_->hq_a) << wps.body;
}

TEST_F(AuthorizationMatrixTest, OtherEmployersAdminCannotManageThisEmployersUsers) {
  world_->SetRoles(kSule, false, {}, "", false);
  const std::string path = "/api/v1/users/" + world_->user_ids.at(kSule.tckn);
  const auto put = world_->Put(path, json::object{{"admin", true}, {"permissions", json::array{}}, {"locked", false}},
                               world_->tokens.at("adminB"));
  EXPECT_EQ(put.status, 404) << put.body;
  EXPECT_EQ(put.code, "user_not_found") << put.body;
  // The refused save changed nothing at A.
  const auto before = world_->Call("GET", path, "", world_->tokens.at("adminA"));
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_FALSE(before.json.at("admin").as_bool()) << before.body;
}

}  // namespace
}  // namespace istihdam::http
