#include "commands/credentials.h"

#include <cereal/archives/portable_binary.hpp>
#include <cereal/types/string.hpp>

#include <sstream>

#include "infra/text.h"

namespace istihdam {

std::string NormalizeSecretAnswer(const std::string& answer) {
  std::string folded = FoldForSearch(answer);
  const auto b = folded.find_first_not_of(" \t");
  const auto e = folded.find_last_not_of(" \t");
  return b == std::string::npos ? "" : folded.substr(b, e - b + 1);
}

std::string EncodeCredentials(const Credentials& c) {
  std::ostringstream os;
  {
    cereal::PortableBinaryOutputArchive ar(os);
    ar(c.password_hash, c.secret_answer_hash);
  }
  return std::move(os).str();
}

std::optional<Credentials> DecodeCredentials(const std::string& bytes) {
  try {
    std::istringstream is(bytes);
    cereal::PortableBinaryInputArchive ar(is);
    Credentials c;
    ar(c.password_hash, c.secret_answer_hash);
    return c;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace istihdam
