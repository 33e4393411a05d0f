#pragma once
// The credentials row of a user or staff member (column family "credentials", key = user id):
// Argon2id hashes only. Byte layout: docs/storage.md.
#include <optional>
#include <string>

namespace istihdam {

struct Credentials {
  std::string password_hash;
  std::string secret_answer_hash;  // "" for staff
};

std::string EncodeCredentials(const Credentials& c);
// Secret answers are compared case- and diacritic-insensitively, trimmed ("İzmir" = "izmir ").
std::string NormalizeSecretAnswer(const std::string& answer);
std::optional<Credentials> DecodeCredentials(const std::string& bytes);

}  // namespace istihdam
