// Signed notes of checkpoints: format, key id, verifier key text, key file, tampering.
#include "infra/checkpoint.h"

#include <gtest/gtest.h>
#include <sodium.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <filesystem>

namespace istihdam::checkpoint {
namespace {

SigningKey TestKey() { return KeyFromSeed("test-instance", std::string(32, '\x07')); }

TEST(CheckpointTest, TheNoteHasTheC2spLayoutAndVerifies) {
  crypto::Init();
  const auto key = TestKey();
  const auto root = crypto::Sha256("root");
  const auto c = Sign(key, Origin("test-instance"), 42, root);
  const std::string body = "istihdam/test-instance\n42\n" +
                           Base64({reinterpret_cast<const char*>(root.data()), root.size()}) + "\n";
  ASSERT_TRUE(c.note.starts_with(body + "\n\xE2\x80\x94 test-instance ")) << c.note;
  ASSERT_EQ(c.note.back(), '\n');
  // The signature line: base64 of key id (4 bytes) || Ed25519 signature (64 bytes).
  const auto sig_b64 = c.note.substr(body.size() + 1 + 3 + 1 + std::string("test-instance ").size());
  auto sig = FromBase64(sig_b64.substr(0, sig_b64.size() - 1));
  ASSERT_TRUE(sig.ok());
  ASSERT_EQ(sig->size(), 68u);
  EXPECT_EQ(0, std::memcmp(sig->data(), key.id.data(), 4));
  EXPECT_EQ(0, crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig->data() + 4),
                                           reinterpret_cast<const unsigned char*>(body.data()), body.size(),
                                           key.public_key.data()));

  // Key id = SHA-256(name || "\n" || 0x01 || public key)[:4], computed here by hand.
  std::string pre = "test-instance\n\x01";
  pre.append(reinterpret_cast<const char*>(key.public_key.data()), 32);
  const auto h = crypto::Sha256(pre);
  EXPECT_EQ(key.id, (KeyId{h[0], h[1], h[2], h[3]}));

  auto vk = ParseVerifierKey(VerifierKeyText(key) + "\n");
  ASSERT_TRUE(vk.ok()) << vk.error().detail;
  EXPECT_EQ(vk->name, "test-instance");
  auto v = Verify(c.note, *vk);
  ASSERT_TRUE(v.ok()) << v.error().detail;
  EXPECT_EQ(v->size, 42u);
  EXPECT_EQ(v->root, root);
  EXPECT_EQ(v->origin, "istihdam/test-instance");
}

TEST(CheckpointTest, TamperedNotesAndOtherKeysFail) {
  crypto::Init();
  const auto key = TestKey();
  const auto c = Sign(key, Origin("test-instance"), 42, crypto::Sha256("root"));
  const auto vk = *ParseVerifierKey(VerifierKeyText(key));
  std::string tampered = c.note;
  tampered.replace(tampered.find("\n42\n"), 4, "\n43\n");
  EXPECT_EQ(Verify(tampered, vk).error().code, "checkpoint_signature_invalid");
  const auto other = KeyFromSeed("test-instance", std::string(32, '\x08'));
  EXPECT_EQ(Verify(c.note, *ParseVerifierKey(VerifierKeyText(other))).error().code, "checkpoint_signature_invalid");
  EXPECT_EQ(Verify("garbage\n", vk).error().code, "checkpoint_malformed");
  // A wrong key id in the verifier key text is refused.
  auto text = VerifierKeyText(key);
  text[text.find('+') + 1] = text[text.find('+') + 1] == '0' ? '1' : '0';
  EXPECT_FALSE(ParseVerifierKey(text).ok());
}

TEST(CheckpointTest, TheKeyFileIsCreatedPrivateOnceAndReused) {
  crypto::Init();
  const auto dir = std::filesystem::temp_directory_path() / ("ckpt-key-" + crypto::Uuid4());
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "checkpoint-signing.key").string();
  auto a = LoadOrCreateKey(path, "node-a");
  ASSERT_TRUE(a.ok()) << a.error().detail;
  struct stat st{};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  auto b = LoadOrCreateKey(path, "node-a");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->public_key, b->public_key);
  EXPECT_EQ(a->id, b->id);
  EXPECT_FALSE(LoadOrCreateKey(path, "bad name").ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace istihdam::checkpoint
