#include "infra/checkpoint.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

namespace istihdam::checkpoint {

namespace {

constexpr std::string_view kEmDash = "\xE2\x80\x94";  // U+2014
constexpr std::uint8_t kEd25519 = 0x01;                // the note signature type

std::string_view View(const std::uint8_t* p, std::size_t n) { return {reinterpret_cast<const char*>(p), n}; }

std::vector<std::string_view> Lines(std::string_view text) {  // text ends with '\n'
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    out.push_back(text.substr(0, nl));
    text.remove_prefix(nl + 1);
  }
  return out;
}

bool ValidName(std::string_view name) {
  if (name.empty()) return false;
  for (unsigned char c : name) {
    if (c <= 0x20 || c == '+' || c == 0x7f) return false;
  }
  return true;
}

}  // namespace

std::string Base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

Result<std::string> FromBase64(std::string_view text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size()) {
    return Error::Of(kMalformed, "not base64");
  }
  out.resize(len);
  return out;
}

std::string DefaultInstanceName() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0 || !ValidName(host)) return "istihdam";
  return host;
}

KeyId ComputeKeyId(const std::string& name, const PublicKey& pub) {
  std::string buf = name;
  buf += '\n';
  buf += static_cast<char>(kEd25519);
  buf.append(View(pub.data(), pub.size()));
  const auto d = crypto::Sha256(buf);
  return {d[0], d[1], d[2], d[3]};
}

SigningKey KeyFromSeed(const std::string& name, std::string_view seed) {
  SigningKey k;
  k.name = name;
  crypto_sign_seed_keypair(k.public_key.data(), k.secret_key.data(),
                           reinterpret_cast<const unsigned char*>(seed.data()));
  k.id = ComputeKeyId(name, k.public_key);
  return k;
}

Result<SigningKey> LoadOrCreateKey(const std::string& path, const std::string& name) {
  if (!ValidName(name)) return Error::Of(kKeyInvalid, "a key name is non-empty, without spaces or '+'");
  std::ifstream in(path);
  if (in) {
    std::string line;
    std::getline(in, line);
    auto seed = FromBase64(line);
    if (!seed.ok() || seed->size() != crypto_sign_SEEDBYTES) {
      return Error::Of(kKeyInvalid, path + ": expected one line, the base64 of a 32-byte Ed25519 seed");
    }
    auto key = KeyFromSeed(name, *seed);
    sodium_memzero(seed->data(), seed->size());
    return key;
  }
  unsigned char seed[crypto_sign_SEEDBYTES];
  randombytes_buf(seed, sizeof seed);
  const std::string text = Base64(View(seed, sizeof seed)) + "\n";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Error::Of(kKeyInvalid, path + ": cannot create: " + std::strerror(errno));
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return Error::Of(kKeyInvalid, path + ": cannot write");
  auto key = KeyFromSeed(name, View(seed, sizeof seed));
  sodium_memzero(seed, sizeof seed);
  return key;
}

std::string VerifierKeyText(const SigningKey& key) {
  char hex[9];
  sodium_bin2hex(hex, sizeof hex, key.id.data(), key.id.size());
  std::string raw(1, static_cast<char>(kEd25519));
  raw.append(View(key.public_key.data(), key.public_key.size()));
  return key.name + "+" + hex + "+" + Base64(raw);
}

Result<VerifierKey> ParseVerifierKey(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
  const auto bad = [](const char* why) { return Error::Of(kKeyInvalid, why); };
  // Names and hex ids hold no '+'; base64 may.
  const auto p1 = text.find('+');
  const auto p2 = p1 == std::string_view::npos ? p1 : text.find('+', p1 + 1);
  if (p2 == std::string_view::npos) return bad("expected <name>+<hex key id>+<base64 key>");
  VerifierKey k;
  k.name = std::string(text.substr(0, p1));
  if (!ValidName(k.name)) return bad("invalid key name");
  const auto hex = text.substr(p1 + 1, p2 - p1 - 1);
  std::size_t len = 0;
  if (hex.size() != 8 || sodium_hex2bin(k.id.data(), k.id.size(), hex.data(), hex.size(), nullptr, &len, nullptr) != 0 ||
      len != 4) {
    return bad("the key id is 8 hex digits");
  }
  auto raw = FromBase64(text.substr(p2 + 1));
  if (!raw.ok() || raw->size() != 33 || static_cast<std::uint8_t>((*raw)[0]) != kEd25519) {
    return bad("the key is base64 of 0x01 and a 32-byte Ed25519 public key");
  }
  std::memcpy(k.public_key.data(), raw->data() + 1, 32);
  if (ComputeKeyId(k.name, k.public_key) != k.id) return bad("the key id does not match the name and key");
  return k;
}

std::string Origin(const std::string& instance) { return "istihdam/" + instance; }

std::string Body(const std::string& origin, std::uint64_t size, const crypto::Digest& root) {
  return origin + "\n" + std::to_string(size) + "\n" + Base64(View(root.data(), root.size())) + "\n";
}

Checkpoint Sign(const SigningKey& key, const std::string& origin, std::uint64_t size, const crypto::Digest& root) {
  Checkpoint c{origin, size, root, Body(origin, size, root)};
  std::array<std::uint8_t, 4 + crypto_sign_BYTES> sig{};
  std::memcpy(sig.data(), key.id.data(), 4);
  crypto_sign_detached(sig.data() + 4, nullptr, reinterpret_cast<const unsigned char*>(c.note.data()), c.note.size(),
                       key.secret_key.data());
  c.note += "\n";
  c.note.append(kEmDash);
  c.note += " " + key.name + " " + Base64(View(sig.data(), sig.size())) + "\n";
  return c;
}

Result<Checkpoint> Verify(std::string_view note, const VerifierKey& key) {
  const auto malformed = [](std::string why) { return Error::Of(kMalformed, std::move(why)); };
  if (note.empty() || note.back() != '\n') return malformed("a note ends with a newline");
  const auto split = note.rfind("\n\n");
  if (split == std::string_view::npos) return malformed("no blank line before the signatures");
  const std::string_view body = note.substr(0, split + 1);
  const auto body_lines = Lines(body);
  if (body_lines.size() < 3) return malformed("the body has an origin, a size and a root hash");
  Checkpoint c;
  c.origin = std::string(body_lines[0]);
  c.note = std::string(note);
  if (c.origin.empty()) return malformed("empty origin");
  const auto size_text = body_lines[1];
  if (size_text.empty() || size_text.size() > 20 || (size_text.size() > 1 && size_text[0] == '0')) {
    return malformed("bad tree size");
  }
  for (char ch : size_text) {
    if (ch < '0' || ch > '9') return malformed("bad tree size");
  }
  c.size = std::stoull(std::string(size_text));
  auto root = FromBase64(body_lines[2]);
  if (!root.ok() || root->size() != 32) return malformed("the root is base64 of 32 bytes");
  std::memcpy(c.root.data(), root->data(), 32);
  bool found = false;
  for (auto line : Lines(note.substr(split + 2))) {
    const std::string prefix = std::string(kEmDash) + " ";
    if (!line.starts_with(prefix)) return malformed("a signature line starts with an em dash and a space");
    line.remove_prefix(prefix.size());
    const auto sp = line.rfind(' ');
    if (sp == std::string_view::npos) return malformed("a signature line names its key");
    if (line.substr(0, sp) != key.name) continue;
    auto sig = FromBase64(line.substr(sp + 1));
    if (!sig.ok() || sig->size() < 5) return malformed("bad signature encoding");
    if (std::memcmp(sig->data(), key.id.data(), 4) != 0) continue;
    found = true;
    if (sig->size() != 4 + crypto_sign_BYTES ||
        crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig->data() + 4),
                                    reinterpret_cast<const unsigned char*>(body.data()), body.size(),
                                    key.public_key.data()) != 0) {
      return Error::Of(kSignatureInvalid, "the signature of " + key.name + " does not verify");
    }
  }
  if (!found) return Error::Of(kSignatureInvalid, "no signature of " + key.name);
  return c;
}

}  // namespace istihdam::checkpoint
