#include "infra/crypto.h"

#include <openssl/evp.h>
#include <sodium.h>

#include <memory>

#include <stdexcept>

namespace istihdam::crypto {

void Init() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
}

// SHA-256 comes from OpenSSL, which uses the CPU's SHA extensions: about 6x faster than
// libsodium's portable code on the hash chain's hot path (bench/README.md). One context per
// thread, reused.
namespace {
Digest Sha256Parts(std::string_view a, std::string_view b) {
  thread_local std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  Digest d;
  unsigned int len = 0;
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), a.data(), a.size()) != 1 || EVP_DigestUpdate(ctx.get(), b.data(), b.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), d.data(), &len) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  return d;
}
}  // namespace

Digest Sha256(std::string_view data) { return Sha256Parts(data, {}); }

Digest Sha256(const Digest& a, std::string_view b) {
  return Sha256Parts(std::string_view(reinterpret_cast<const char*>(a.data()), a.size()), b);
}

std::string ToHex(const Digest& d) {
  char buf[65];
  sodium_bin2hex(buf, sizeof buf, d.data(), d.size());
  return std::string(buf, 64);
}

std::string RandomToken(std::size_t n_bytes) {
  std::string raw(n_bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(n_bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::string Uuid4() {
  unsigned char b[16];
  randombytes_buf(b, sizeof b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, b, sizeof b);
  std::string h(hex, 32);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20);
}

PasswordCost PasswordCost::FromName(const std::string& name) {
  if (name == "min") return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
  if (name == "moderate") return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

std::string HashPassword(std::string_view password, const PasswordCost& cost) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.ops, cost.mem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("argon2id: out of memory");
  }
  return out;
}

bool VerifyPassword(std::string_view password, const std::string& encoded) {
  return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace istihdam::crypto
