// Signed checkpoints and Merkle proofs over the real binary (docs/audit.md): the note and its
// key are checked here with libsodium and with `openssl pkeyutl -verify -rawin`, the proofs
// with an RFC 9162 verifier written for the tests (tests/merkle_reference.h), and the offline
// `istihdam verify --checkpoint --key` on good and tampered checkpoints.
#include <sodium.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "e2e_helpers.h"
#include "tests/merkle_reference.h"

namespace e2e {
namespace {

namespace fs = std::filesystem;
using merkle_reference::Bytes;

constexpr const char* kAuditorPassword = "Denetci-Sifre-42";
const std::string kEmDash = "\xE2\x80\x94";

std::string Base64(const Bytes& b) {
  std::string out(sodium_base64_ENCODED_LEN(b.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(b.data()), b.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

Bytes Unbase64(const std::string& s) {
  Bytes out(s.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), s.data(), s.size(), nullptr, &len,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    ADD_FAILURE() << "not base64: " << s;
    return {};
  }
  out.resize(len);
  return out;
}

Bytes Unhex(const std::string& s) {
  Bytes out(s.size() / 2, '\0');
  std::size_t len = 0;
  sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), s.data(), s.size(), nullptr, &len, nullptr);
  out.resize(len);
  return out;
}

std::string Hex(const Bytes& b) {
  std::string out(b.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(b.data()), b.size());
  out.pop_back();
  return out;
}

void WriteFile(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }
std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A checkpoint parsed by hand from the C2SP text.
struct Note {
  std::string body;  // the signed text
  std::string origin;
  std::uint64_t size = 0;
  Bytes root;
  std::string key_name;
  Bytes key_id, signature;
};

Note ParseNote(const std::string& text) {
  Note n;
  const auto split = text.find("\n\n");
  if (split == std::string::npos) {
    ADD_FAILURE() << "no blank line: " << text;
    return n;
  }
  n.body = text.substr(0, split + 1);
  std::istringstream lines(n.body);
  std::string size, root;
  std::getline(lines, n.origin);
  std::getline(lines, size);
  std::getline(lines, root);
  n.size = std::stoull(size);
  n.root = Unbase64(root);
  std::string sig_line = text.substr(split + 2);
  EXPECT_TRUE(sig_line.starts_with(kEmDash + " ")) << text;
  EXPECT_EQ(sig_line.back(), '\n');
  sig_line = sig_line.substr(kEmDash.size() + 1, sig_line.size() - kEmDash.size() - 2);
  const auto sp = sig_line.find(' ');
  n.key_name = sig_line.substr(0, sp);
  const Bytes sig = Unbase64(sig_line.substr(sp + 1));
  EXPECT_EQ(sig.size(), 68u);
  n.key_id = sig.substr(0, 4);
  n.signature = sig.substr(4);
  return n;
}

struct VKey {
  std::string name;
  Bytes id, public_key;
};

VKey ParseKey(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  VKey k;
  const auto p1 = text.find('+'), p2 = text.find('+', p1 + 1);
  k.name = text.substr(0, p1);
  k.id = Unhex(text.substr(p1 + 1, p2 - p1 - 1));
  const Bytes raw = Unbase64(text.substr(p2 + 1));
  EXPECT_EQ(raw.size(), 33u);
  EXPECT_EQ(raw[0], '\x01');
  k.public_key = raw.substr(1);
  return k;
}

// `openssl pkeyutl -verify -rawin` of `message` and `signature` under the Ed25519 key.
int OpensslVerify(const std::string& dir, const Bytes& public_key, const std::string& message, const Bytes& signature) {
  // SubjectPublicKeyInfo of an Ed25519 key: a fixed DER prefix, then the 32 key bytes.
  const Bytes der = Unhex("302a300506032b6570032100") + public_key;
  WriteFile(dir + "/pub.pem", "-----BEGIN PUBLIC KEY-----\n" + Base64(der) + "\n-----END PUBLIC KEY-----\n");
  WriteFile(dir + "/msg", message);
  WriteFile(dir + "/sig", signature);
  const std::string cmd = "openssl pkeyutl -verify -pubin -inkey " + dir + "/pub.pem -rawin -in " + dir +
                          "/msg -sigfile " + dir + "/sig > " + dir + "/openssl.out 2>&1";
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

// A note with this body, signed here with the server's key file (a forged but validly signed
// checkpoint, to test what `verify` does after the signature).
std::string SignWithKeyFile(const std::string& key_file, const VKey& key, const std::string& body) {
  std::string line = ReadFile(key_file);
  while (!line.empty() && line.back() == '\n') line.pop_back();
  const Bytes seed = Unbase64(line);
  unsigned char pk[32], sk[64];
  crypto_sign_seed_keypair(pk, sk, reinterpret_cast<const unsigned char*>(seed.data()));
  EXPECT_EQ(Bytes(reinterpret_cast<char*>(pk), 32), key.public_key);
  unsigned char sig[64];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(body.data()), body.size(), sk);
  return body + "\n" + kEmDash + " " + key.name + " " + Base64(key.id + Bytes(reinterpret_cast<char*>(sig), 64)) + "\n";
}

std::vector<Bytes> Hashes(const json::value& v) {
  std::vector<Bytes> out;
  for (const auto& h : Arr(v, "hashes")) out.push_back(Unbase64(std::string(h.as_string())));
  return out;
}

// The config file of the suite's servers: a 1 s signing interval and a fixed instance name.
std::string ConfigFile() {
  static const std::string path = [] {
    const auto p = (fs::temp_directory_path() / ("istihdam-ckpt-" + std::to_string(::getpid()) + ".json")).string();
    WriteFile(p, R"({"instanceName": "e2e-node", "checkpointIntervalSeconds": 1})");
    return p;
  }();
  return path;
}

ServerOptions Options(const std::string& auditor) {
  ServerOptions o;
  o.staff.push_back({"auditor", auditor, kAuditorPassword, ""});
  o.extra_args = {"--config", ConfigFile()};
  return o;
}

// The checkpoint once it covers `position` (the server signs every second while the log grows).
std::string CheckpointCovering(std::uint16_t port, std::uint64_t position) {
  std::string text;
  const bool ok = WaitUntil(
      [&] {
        const auto r = Get(port, "/api/v1/checkpoint");
        if (r.status != 200) return false;
        text = r.body;
        const auto nl = text.find('\n');
        return std::stoull(text.substr(nl + 1, text.find('\n', nl + 1) - nl - 1)) >= position;
      },
      std::chrono::seconds(15), std::chrono::milliseconds(100));
  EXPECT_TRUE(ok) << "no checkpoint covering " << position << ": " << text;
  return text;
}

class CheckpointsTest : public ServerSuite<CheckpointsTest> {
 public:
  static ServerOptions SuiteServerOptions() {
    if (sodium_init() < 0) throw std::runtime_error("sodium_init");
    auditor_tckn_ = NextTckn();
    return Options(auditor_tckn_);
  }
  static void SeedSuite() {
    employer_ = RegisterAndLogin(port(), NewEmployer::Fresh("Denetim İzi A.Ş."));
    auditor_token_ = Login(port(), auditor_tckn_, kAuditorPassword);
  }

 protected:
  static inline std::string auditor_tckn_;
  static inline std::string auditor_token_;
  static inline Employer employer_;
};

TEST_F(CheckpointsTest, TheCheckpointIsASignedNoteThatLibsodiumAndOpensslVerify) {
  const auto text = CheckpointCovering(port(), employer_.position);
  const auto r = Get(port(), "/api/v1/checkpoint");
  EXPECT_TRUE(r.Header("Content-Type").starts_with("text/plain")) << r.Header("Content-Type");
  const Note n = ParseNote(text);
  EXPECT_EQ(n.origin, "istihdam/e2e-node");
  EXPECT_GE(n.size, employer_.position);
  EXPECT_EQ(n.root.size(), 32u);

  const auto kr = Get(port(), "/api/v1/checkpoint/key");
  ASSERT_EQ(kr.status, 200) << kr.body;
  EXPECT_TRUE(kr.Header("Content-Type").starts_with("text/plain"));
  const VKey key = ParseKey(kr.body);
  EXPECT_EQ(key.name, "e2e-node");
  EXPECT_EQ(n.key_name, key.name);
  // Key id = SHA-256(name || "\n" || 0x01 || public key)[:4].
  EXPECT_EQ(key.id, merkle_reference::H(key.name + "\n\x01" + key.public_key).substr(0, 4));
  EXPECT_EQ(n.key_id, key.id);

  EXPECT_EQ(crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(n.signature.data()),
                                        reinterpret_cast<const unsigned char*>(n.body.data()), n.body.size(),
                                        reinterpret_cast<const unsigned char*>(key.public_key.data())),
            0);
  const std::string dir = server_->root_dir();
  EXPECT_EQ(OpensslVerify(dir, key.public_key, n.body, n.signature), 0) << ReadFile(dir + "/openssl.out");
  EXPECT_NE(ReadFile(dir + "/openssl.out").find("Signature Verified Successfully"), std::string::npos);
  std::string tampered = n.body;
  tampered[tampered.size() - 2] = tampered[tampered.size() - 2] == 'A' ? 'B' : 'A';
  EXPECT_NE(OpensslVerify(dir, key.public_key, tampered, n.signature), 0);
}

TEST_F(CheckpointsTest, EveryEventsInclusionProofVerifiesAgainstTheCheckpointRoot) {
  const Note n = ParseNote(CheckpointCovering(port(), employer_.position));
  const auto events = Get(port(), "/api/v1/events?from=1&limit=1000", auditor_token_);
  ASSERT_EQ(events.status, 200) << events.body;
  const auto ev = events.Json();
  const auto& items = Arr(ev, "items");
  ASSERT_GE(items.size(), n.size);
  for (std::uint64_t pos = 1; pos <= n.size; ++pos) {
    const auto r = Get(port(), "/api/v1/proofs/inclusion?position=" + std::to_string(pos) +
                                   "&treeSize=" + std::to_string(n.size), auditor_token_);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto j = r.Json();
    EXPECT_EQ(Int(j, "position"), static_cast<std::int64_t>(pos));
    EXPECT_EQ(Int(j, "treeSize"), static_cast<std::int64_t>(n.size));
    EXPECT_EQ(Int(j, "leafIndex"), static_cast<std::int64_t>(pos - 1));
    const Bytes entry = Unhex(Str(items[pos - 1], "hash"));
    ASSERT_EQ(entry.size(), 32u);
    EXPECT_TRUE(merkle_reference::VerifyInclusion(pos - 1, n.size, entry, Hashes(j), n.root)) << "position " << pos;
    // Another event's hash does not verify on this path.
    if (n.size > 1) {
      const Bytes other = Unhex(Str(items[pos % n.size], "hash"));
      EXPECT_FALSE(merkle_reference::VerifyInclusion(pos - 1, n.size, other, Hashes(j), n.root));
    }
  }
}

TEST_F(CheckpointsTest, AConsistencyProofLinksTwoCheckpoints) {
  const Note first = ParseNote(CheckpointCovering(port(), employer_.position));
  const auto more = RegisterAndLogin(port(), NewEmployer::Fresh("Sonraki Tutanak Ltd."));
  const Note second = ParseNote(CheckpointCovering(port(), more.position));
  ASSERT_GT(second.size, first.size);
  const auto r = Get(port(), "/api/v1/proofs/consistency?from=" + std::to_string(first.size) +
                                 "&to=" + std::to_string(second.size), auditor_token_);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto j = r.Json();
  EXPECT_EQ(Int(j, "from"), static_cast<std::int64_t>(first.size));
  EXPECT_EQ(Int(j, "to"), static_cast<std::int64_t>(second.size));
  EXPECT_TRUE(merkle_reference::VerifyConsistency(first.size, second.size, first.root, second.root, Hashes(j)));
  Bytes wrong = first.root;
  wrong[0] ^= 1;
  EXPECT_FALSE(merkle_reference::VerifyConsistency(first.size, second.size, wrong, second.root, Hashes(j)));
  // from = to: an empty proof.
  const auto same = Get(port(), "/api/v1/proofs/consistency?from=3&to=3", auditor_token_);
  ASSERT_EQ(same.status, 200) << same.body;
  const auto sj = same.Json();
  EXPECT_TRUE(Arr(sj, "hashes").empty());
}

TEST_F(CheckpointsTest, ProofsAreForAuditorsAndBadParametersAreNamed) {
  const Note n = ParseNote(CheckpointCovering(port(), employer_.position));
  const std::string ok_path = "/api/v1/proofs/inclusion?position=1&treeSize=" + std::to_string(n.size);
  EXPECT_EQ(Get(port(), ok_path).status, 401);
  EXPECT_EQ(Get(port(), ok_path, employer_.token).status, 403);
  auto p = ExpectProblem(Get(port(), "/api/v1/proofs/inclusion?position=" + std::to_string(n.size + 1) +
                                         "&treeSize=" + std::to_string(n.size), auditor_token_),
                         422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "position", "out_of_range")) << json::serialize(p);
  p = ExpectProblem(Get(port(), "/api/v1/proofs/inclusion?position=1&treeSize=999999999", auditor_token_), 422,
                    "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "treeSize", "out_of_range")) << json::serialize(p);
  p = ExpectProblem(Get(port(), "/api/v1/proofs/inclusion?position=abc&treeSize=1", auditor_token_), 400,
                    "invalid_parameter");
  EXPECT_TRUE(HasFieldError(p, "position")) << json::serialize(p);
  p = ExpectProblem(Get(port(), "/api/v1/proofs/inclusion?position=0&treeSize=1", auditor_token_), 400,
                    "invalid_parameter");
  EXPECT_TRUE(HasFieldError(p, "position")) << json::serialize(p);
  p = ExpectProblem(Get(port(), "/api/v1/proofs/inclusion?position=1", auditor_token_), 400, "invalid_parameter");
  EXPECT_TRUE(HasFieldError(p, "treeSize", "required")) << json::serialize(p);
  p = ExpectProblem(Get(port(), "/api/v1/proofs/consistency?from=3&to=2", auditor_token_), 422, "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "from", "out_of_range")) << json::serialize(p);
  p = ExpectProblem(Get(port(), "/api/v1/proofs/consistency?from=1&to=999999999", auditor_token_), 422,
                    "validation_failed");
  EXPECT_TRUE(HasFieldError(p, "to", "out_of_range")) << json::serialize(p);
}

// The offline check, and a restart that continues the tree (own server: it is stopped).
TEST(CheckpointsOfflineTest, VerifyAcceptsAGoodCheckpointAndNamesWhatATamperedOneGetsWrong) {
  ASSERT_GE(sodium_init(), 0);
  const std::string auditor_tckn = NextTckn();
  ServerProcess server(Options(auditor_tckn));
  const auto e = RegisterAndLogin(server.port(), NewEmployer::Fresh("Çevrimdışı Denetim A.Ş."));
  const std::string note_text = CheckpointCovering(server.port(), e.position);
  const std::string key_text = Get(server.port(), "/api/v1/checkpoint/key").body;
  const Note n = ParseNote(note_text);
  const VKey key = ParseKey(key_text);
  ASSERT_EQ(server.Stop(), 0) << server.Log();
  const auto last = n.size;  // the log may hold a little more (a login); the checkpoint covers n.size

  const std::string dir = server.root_dir();
  WriteFile(dir + "/good.ckpt", note_text);
  WriteFile(dir + "/key.txt", key_text);
  const auto good = RunIstihdam({"verify", "--data-dir", server.data_dir(), "--checkpoint", dir + "/good.ckpt",
                                 "--key", dir + "/key.txt"});
  EXPECT_EQ(good.exit_code, 0) << good.out << good.err;
  // The key may also be given as text.
  std::string inline_key = key_text;
  inline_key.pop_back();
  EXPECT_EQ(RunIstihdam({"verify", "--data-dir", server.data_dir(), "--checkpoint", dir + "/good.ckpt", "--key",
                         inline_key}).exit_code, 0);

  // A changed root without a new signature: the signature fails.
  std::string edited = note_text;
  const auto root_at = edited.find('\n', edited.find('\n') + 1) + 1;
  edited[root_at] = edited[root_at] == 'A' ? 'B' : 'A';
  WriteFile(dir + "/edited.ckpt", edited);
  const auto bad_sig = RunIstihdam({"verify", "--data-dir", server.data_dir(), "--checkpoint", dir + "/edited.ckpt",
                                    "--key", dir + "/key.txt"});
  EXPECT_EQ(bad_sig.exit_code, 1) << bad_sig.out << bad_sig.err;
  EXPECT_NE(bad_sig.err.find("signature"), std::string::npos) << bad_sig.err;

  // Validly signed (with the server's key file) but over another log: the root of the first
  // events differs.
  const std::string key_file = server.data_dir() + "/checkpoint-signing.key";
  const std::string forged_root = SignWithKeyFile(
      key_file, key, n.origin + "\n" + std::to_string(last) + "\n" + Base64(merkle_reference::H("other log")) + "\n");
  WriteFile(dir + "/forged.ckpt", forged_root);
  const auto bad_root = RunIstihdam({"verify", "--data-dir", server.data_dir(), "--checkpoint", dir + "/forged.ckpt",
                                     "--key", dir + "/key.txt"});
  EXPECT_EQ(bad_root.exit_code, 1) << bad_root.out << bad_root.err;
  EXPECT_NE(bad_root.err.find("FAILED"), std::string::npos) << bad_root.err;

  // A checkpoint beyond the log: the first missing position is named.
  // (the server is stopped: the log's size from `events`)
  const auto dump = RunIstihdam({"events", "--data-dir", server.data_dir()});
  ASSERT_EQ(dump.exit_code, 0);
  std::uint64_t events_in_log = 0;
  std::istringstream dump_lines(dump.out);
  for (std::string line; std::getline(dump_lines, line);) events_in_log += line.starts_with("{") ? 1 : 0;
  const std::string beyond = SignWithKeyFile(key_file, key,
                                             n.origin + "\n" + std::to_string(events_in_log + 5) + "\n" +
                                                 Base64(merkle_reference::H("x")) + "\n");
  WriteFile(dir + "/beyond.ckpt", beyond);
  const auto short_log = RunIstihdam({"verify", "--data-dir", server.data_dir(), "--checkpoint", dir + "/beyond.ckpt",
                                      "--key", dir + "/key.txt"});
  EXPECT_EQ(short_log.exit_code, 1) << short_log.err;
  EXPECT_TRUE(short_log.out.ends_with("\n" + std::to_string(events_in_log + 1) + "\n") ||
              short_log.out == std::to_string(events_in_log + 1) + "\n")
      << short_log.out << short_log.err;

  // Restart: the latest checkpoint is served at once, the tree goes on, and a consistency
  // proof links the checkpoint from before the restart to a later one.
  server.Start();
  const auto again = Get(server.port(), "/api/v1/checkpoint");
  ASSERT_EQ(again.status, 200);
  EXPECT_GE(ParseNote(again.body).size, n.size);
  const auto e2 = RegisterAndLogin(server.port(), NewEmployer::Fresh("Yeniden Başlatma A.Ş."));
  const Note later = ParseNote(CheckpointCovering(server.port(), e2.position));
  const auto auditor = Login(server.port(), auditor_tckn, kAuditorPassword);
  const auto r = Get(server.port(), "/api/v1/proofs/consistency?from=" + std::to_string(n.size) +
                                        "&to=" + std::to_string(later.size), auditor);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(merkle_reference::VerifyConsistency(n.size, later.size, n.root, later.root, Hashes(r.Json())));
}

}  // namespace
}  // namespace e2e
