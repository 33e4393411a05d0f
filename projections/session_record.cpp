#include "projections/session_record.h"

#include <cereal/archives/portable_binary.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <algorithm>
#include <sstream>

#include "aggregates/permissions.h"
#include "infra/crypto.h"

namespace istihdam {

namespace {
template <class A>
void Fields(A& ar, Session& s) {
  ar(s.user_id, s.employer_id, s.actor_type, s.province, s.admin, s.permissions, s.expires_at);
}
}  // namespace

bool Session::Has(std::string_view permission) const {
  if (permission == permissions::kAdmin) return admin;
  return admin || std::find(permissions.begin(), permissions.end(), permission) != permissions.end();
}

std::string EncodeSession(const Session& s) {
  std::ostringstream os;
  {
    cereal::PortableBinaryOutputArchive ar(os);
    Fields(ar, const_cast<Session&>(s));
  }
  return std::move(os).str();
}

std::optional<Session> DecodeSession(const std::string& bytes) {
  try {
    std::istringstream is(bytes);
    cereal::PortableBinaryInputArchive ar(is);
    Session s;
    Fields(ar, s);
    return s;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string SessionKey(const std::string& token) {
  const auto d = crypto::Sha256(token);
  return std::string(reinterpret_cast<const char*>(d.data()), d.size());
}

std::string SessionId(const std::string& token) { return SessionHash(token).substr(0, 16); }

std::string SessionHash(const std::string& token) { return crypto::ToHex(crypto::Sha256(token)); }

}  // namespace istihdam
