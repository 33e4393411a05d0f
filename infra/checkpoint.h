#pragma once
// Signed checkpoints of the log (docs/audit.md): a C2SP tlog-checkpoint body inside a C2SP
// signed note, signed with Ed25519 (libsodium).
//
//   istihdam/<instance>\n<tree size>\n<base64 root>\n
//   \n
//   — <key name> <base64(key id || signature)>\n
//
// The key id is the first 4 bytes of SHA-256(key name || 0x0A || 0x01 || public key); the
// verifier key text is "<key name>+<hex key id>+<base64(0x01 || public key)>".
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "infra/crypto.h"
#include "infra/result.h"

namespace istihdam::checkpoint {

// Failure codes of note parsing and key handling. They never reach an HTTP answer (the server
// only signs; start-up and `istihdam verify` report them), so they are not problem codes.
inline constexpr const char* kMalformed = "checkpoint_malformed";
inline constexpr const char* kSignatureInvalid = "checkpoint_signature_invalid";
inline constexpr const char* kKeyInvalid = "checkpoint_key_invalid";

using KeyId = std::array<std::uint8_t, 4>;
using PublicKey = std::array<std::uint8_t, 32>;

struct SigningKey {
  std::string name;
  PublicKey public_key{};
  std::array<std::uint8_t, 64> secret_key{};  // libsodium's form: seed || public key
  KeyId id{};
};

struct VerifierKey {
  std::string name;
  KeyId id{};
  PublicKey public_key{};
};

// A verified (or just built) checkpoint.
struct Checkpoint {
  std::string origin;
  std::uint64_t size = 0;
  crypto::Digest root{};
  std::string note;  // the whole signed note
};

// Standard base64 with padding (RFC 4648 §4), as C2SP notes use.
std::string Base64(std::string_view bytes);
Result<std::string> FromBase64(std::string_view text);

// The host name, or "istihdam" when it cannot be read: the default instance and key name.
std::string DefaultInstanceName();
KeyId ComputeKeyId(const std::string& name, const PublicKey& pub);

// Reads the Ed25519 seed at `path` (one line: base64 of 32 bytes); when the file does not
// exist, generates a key and writes it there with mode 0600 (refusing to overwrite a file
// that appears meanwhile).
Result<SigningKey> LoadOrCreateKey(const std::string& path, const std::string& name);
// The key from a 32-byte seed (tests).
SigningKey KeyFromSeed(const std::string& name, std::string_view seed);

std::string VerifierKeyText(const SigningKey& key);
Result<VerifierKey> ParseVerifierKey(std::string_view text);

// "istihdam/<instance>".
std::string Origin(const std::string& instance);
// The checkpoint body (the signed text).
std::string Body(const std::string& origin, std::uint64_t size, const crypto::Digest& root);
// The signed note of that body.
Checkpoint Sign(const SigningKey& key, const std::string& origin, std::uint64_t size, const crypto::Digest& root);

// Parses a signed note and checks the signature of `key` on it (a line naming another key is
// ignored; the note must carry one of `key`). Errors: checkpoint_malformed,
// checkpoint_signature_invalid (none of `key`, or one that does not verify).
Result<Checkpoint> Verify(std::string_view note, const VerifierKey& key);

}  // namespace istihdam::checkpoint
