// `istihdam sessions revoke` (docs/operations.md "Secrets and their rotation"): with the server
// stopped, the operator ends one user's sessions or all of them; each ends as a logout
// (UserLoggedOut in the log), the tokens are refused after the restart, new logins work.
#include <gtest/gtest.h>

#include <string>

#include "e2e_helpers.h"
#include "server_fixture.h"

namespace e2e {
namespace {

int CountOf(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

std::string FirstUserId(std::uint16_t port, const std::string& token) {
  const auto r = Get(port, "/api/v1/users", token);
  if (r.status != 200) return "";
  const auto j = r.Json();
  const auto& items = Arr(j, "items");
  return items.empty() ? "" : Str(items.front(), "userId");
}

TEST(SessionsRevokeE2E, OneUsersSessionsThenAllEndAsLogoutsAndTheirTokensAreRefused) {
  ServerProcess server;
  const auto a = RegisterAndLogin(server.port(), NewEmployer::Fresh("Kapadokya Halı A.Ş."));
  const std::string a_second = Login(server.port(), a.input.tckn, a.input.password);
  const auto b = RegisterAndLogin(server.port(), NewEmployer::Fresh("Fırat Enerji Ltd. Şti."));
  const std::string a_user = FirstUserId(server.port(), a.token);
  ASSERT_FALSE(a_user.empty());
  for (const auto& token : {a.token, a_second, b.token}) {
    ASSERT_EQ(Get(server.port(), "/api/v1/workplaces", token).status, 200);
  }
  ASSERT_EQ(server.Stop(), 0);

  // Refused while a server holds the directory is covered by the store lock; here it is free.
  const auto none = RunIstihdam({"sessions", "revoke", "--data-dir", server.data_dir(), "--user", "999999"});
  ASSERT_EQ(none.exit_code, 0) << none.err;
  EXPECT_NE(none.out.find("\"revoked\":0"), std::string::npos) << none.out;
  const auto mine = RunIstihdam({"sessions", "revoke", "--data-dir", server.data_dir(), "--user", a_user});
  ASSERT_EQ(mine.exit_code, 0) << mine.err;
  EXPECT_NE(mine.out.find("\"revoked\":2"), std::string::npos) << mine.out;
  const auto neither = RunIstihdam({"sessions", "revoke", "--data-dir", server.data_dir()});
  EXPECT_NE(neither.exit_code, 0) << "--user or --all is required";

  server.Start();
  EXPECT_EQ(Get(server.port(), "/api/v1/workplaces", a.token).status, 401);
  EXPECT_EQ(Get(server.port(), "/api/v1/workplaces", a_second).status, 401);
  EXPECT_EQ(Get(server.port(), "/api/v1/workplaces", b.token).status, 200) << "another user's session stays";
  ASSERT_EQ(server.Stop(), 0);

  const auto all = RunIstihdam({"sessions", "revoke", "--data-dir", server.data_dir(), "--all"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_NE(all.out.find("\"revoked\":1"), std::string::npos) << all.out;
  const auto log = RunIstihdam({"events", "--data-dir", server.data_dir()});
  ASSERT_EQ(log.exit_code, 0) << log.err;
  EXPECT_EQ(CountOf(log.out, "\"UserLoggedOut\""), 3);
  const auto verify = RunIstihdam({"verify", "--data-dir", server.data_dir()});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;

  server.Start();
  EXPECT_EQ(Get(server.port(), "/api/v1/workplaces", b.token).status, 401);
  const std::string again = Login(server.port(), b.input.tckn, b.input.password);
  EXPECT_EQ(Get(server.port(), "/api/v1/workplaces", again).status, 200) << "a new login works";
}

}  // namespace
}  // namespace e2e
