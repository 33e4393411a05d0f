#include "projections/merkle_log.h"

#include <spdlog/spdlog.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace istihdam {

namespace {

// The nodes of one chunk go through the projection batch (which reads its own writes).
class BatchStore : public merkle::NodeStore {
 public:
  explicit BatchStore(ProjectionBatch& batch) : batch_(batch) {}
  std::optional<merkle::Digest> Get(unsigned level, std::uint64_t index) const override {
    std::string v;
    if (!batch_.Get(kMerkleNodesTable, merkle::NodeKey(level, index), &v) || v.size() != 32) return std::nullopt;
    merkle::Digest d;
    std::memcpy(d.data(), v.data(), 32);
    return d;
  }
  void Put(unsigned level, std::uint64_t index, const merkle::Digest& hash) override {
    batch_.Put(kMerkleNodesTable, merkle::NodeKey(level, index),
               std::string(reinterpret_cast<const char*>(hash.data()), hash.size()));
  }

 private:
  ProjectionBatch& batch_;
};

class MerkleProjector : public Projector {
 public:
  std::string name() const override { return kMerkleProjection; }
  std::vector<std::string> tables() const override { return {kMerkleNodesTable}; }
  void Apply(const RecordedEvent& e, ProjectionBatch& batch) override {
    // Positions are gap-free from 1 and applied once each: the tree holds position - 1 leaves.
    BatchStore store(batch);
    merkle::Tree tree(&store, e.position - 1);
    tree.Append(e.hash);
  }
};

// The checkpoint kept in `file` when it is one of `key` for `origin`.
std::optional<checkpoint::Checkpoint> ReadLatest(const std::string& file, const checkpoint::SigningKey& key,
                                                 const std::string& origin) {
  if (file.empty()) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  const checkpoint::VerifierKey vk{key.name, key.id, key.public_key};
  auto c = checkpoint::Verify(text.str(), vk);
  if (c.ok() && c->origin == origin) return std::move(*c);
  spdlog::warn("checkpoint: ignoring {} (not a checkpoint of this key and origin)", file);
  return std::nullopt;
}

}  // namespace

std::unique_ptr<Projector> MakeMerkleProjector() { return std::make_unique<MerkleProjector>(); }

std::optional<merkle::Digest> MerkleViewStore::Get(unsigned level, std::uint64_t index) const {
  std::string v;
  if (!view_.Get(kMerkleNodesTable, merkle::NodeKey(level, index), &v) || v.size() != 32) return std::nullopt;
  merkle::Digest d;
  std::memcpy(d.data(), v.data(), 32);
  return d;
}

void MerkleViewStore::Put(unsigned, std::uint64_t, const merkle::Digest&) {
  throw std::logic_error("the merkle read view is read-only");
}

MerkleSnapshot MerkleNow(const ProjectionEngine& engine) {
  // The position first: every node of a tree of that size is stored by then.
  const auto size = engine.Position(kMerkleProjection);
  auto store = std::make_unique<MerkleViewStore>(engine.View(kMerkleProjection));
  merkle::Tree tree(store.get(), size);
  return MerkleSnapshot{std::move(store), tree};
}

CheckpointSigner::CheckpointSigner(const ProjectionEngine* engine, checkpoint::SigningKey key, std::string origin,
                                   std::string latest_file, std::chrono::milliseconds interval, Publish publish)
    : engine_(engine),
      key_(std::move(key)),
      origin_(std::move(origin)),
      latest_file_(std::move(latest_file)),
      interval_(interval),
      publish_(std::move(publish)) {}

CheckpointSigner::~CheckpointSigner() { Stop(); }

checkpoint::Checkpoint CheckpointSigner::SignIfGrown() {
  std::lock_guard lock(mu_);
  auto snap = MerkleNow(*engine_);
  const auto size = snap.tree.Size();
  if (latest_ && latest_->size == size) return *latest_;
  if (latest_ && latest_->size > size) {
    // The tree is catching up after a restart (or was rebuilt): a smaller checkpoint would
    // look like a rollback, so keep the latest until the tree passes it.
    return *latest_;
  }
  auto root = snap.tree.Root(size);
  if (!root.ok()) {
    spdlog::error("checkpoint: cannot compute the root of {} leaves: {}", size, root.error().detail);
    if (latest_) return *latest_;
    throw std::runtime_error("checkpoint: " + root.error().detail);
  }
  auto c = checkpoint::Sign(key_, origin_, size, *root);
  if (!latest_file_.empty()) {
    const std::string tmp = latest_file_ + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << c.note;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, latest_file_, ec);
    if (ec) spdlog::warn("checkpoint: cannot write {}: {}", latest_file_, ec.message());
  }
  latest_ = c;
  if (publish_) publish_(c);
  return c;
}

checkpoint::Checkpoint CheckpointSigner::Latest() {
  {
    std::lock_guard lock(mu_);
    if (latest_) return *latest_;
  }
  return SignIfGrown();
}

void CheckpointSigner::Start() {
  {
    std::lock_guard lock(run_mu_);
    if (running_) return;
    running_ = true;
  }
  {
    // Read here, not at construction: offline commands build the App too and must neither
    // touch the file nor complain about it.
    std::lock_guard lock(mu_);
    if (!latest_) latest_ = ReadLatest(latest_file_, key_, origin_);
  }
  thread_ = std::thread([this] { Run(); });
}

void CheckpointSigner::Stop() {
  {
    std::lock_guard lock(run_mu_);
    running_ = false;
  }
  run_cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void CheckpointSigner::Run() {
  // One at start (after the tree has caught up with what the log held), then whenever the
  // tree grew, at most interval_ apart.
  for (bool first = true;; first = false) {
    if (!first) {
      std::unique_lock lock(run_mu_);
      if (run_cv_.wait_for(lock, interval_, [&] { return !running_; })) return;
    }
    try {
      SignIfGrown();
    } catch (const std::exception& e) {
      spdlog::error("checkpoint: {}", e.what());
    }
    std::lock_guard lock(run_mu_);
    if (!running_) return;
  }
}

}  // namespace istihdam
