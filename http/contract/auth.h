#pragma once
// Login — TCKN + password, firm selection (AUTH-4): bodies and answers of the API.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "http/wire.h"

namespace istihdam::http::contract::auth {

using wire::F;

struct Credentials {
  std::string tckn, password, employer_id, as;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", tckn).requiredByCommand(), F("password", password).requiredByCommand(),
       F("employerId", employer_id).describe("the firm to open, when the user has several"),
       F("as", as).oneOf({"individual"}).describe("individual: a job seeker's token, without a firm"));
  }
};

struct Firm {
  std::string employer_id, title;
  template <class A>
  void serialize(A& ar) {
    ar(F("employerId", employer_id), F("title", title));
  }
};

// Without a chosen firm (the user has several) only `firms`; with one, the session too.
struct LoginAnswer {
  std::vector<Firm> firms;
  std::optional<std::string> token, expires_at, employer_id, actor_type, individual_id;
  std::optional<bool> admin;
  std::optional<std::vector<std::string>> permissions;
  std::optional<std::uint64_t> position;
  template <class A>
  void serialize(A& ar) {
    ar(F("firms", firms).required(), F("token", token), F("expiresAt", expires_at).formatted("date-time"),
       F("employerId", employer_id), F("admin", admin), F("permissions", permissions),
       F("actorType", actor_type), F("individualId", individual_id), F("position", position));
  }
};

}  // namespace istihdam::http::contract::auth
