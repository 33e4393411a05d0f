#pragma once
// Hashing (SHA-256: OpenSSL), randomness and password hashing (libsodium). Thread-safe.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace istihdam::crypto {

using Digest = std::array<std::uint8_t, 32>;

// Must be called once before any other function here (idempotent, thread-safe).
void Init();

Digest Sha256(std::string_view data);
// SHA-256 of a || b, without concatenating them first.
Digest Sha256(const Digest& a, std::string_view b);
std::string ToHex(const Digest& d);

// n random bytes, URL-safe base64 without padding (for session and reset tokens).
std::string RandomToken(std::size_t n_bytes = 32);
// A random (version 4) UUID in its canonical text form.
std::string Uuid4();

// Argon2id cost: "interactive" (t=2, 64 MiB: the production default), "moderate",
// or "min" (tests only).
struct PasswordCost {
  unsigned long long ops;
  std::size_t mem;
  static PasswordCost FromName(const std::string& name);
};

// Encoded Argon2id hash ("$argon2id$v=19$...") including salt and cost.
std::string HashPassword(std::string_view password, const PasswordCost& cost);
// Constant-time check of password against an encoded hash.
bool VerifyPassword(std::string_view password, const std::string& encoded);
// Constant-time equality of two byte strings of equal length.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace istihdam::crypto
