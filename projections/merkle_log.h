#pragma once
// The Merkle tree of the log as a projection (docs/audit.md): each event appends its chain
// hash as the next leaf and stores the perfect subtrees it completes in the table
// "merkle_nodes", in the same write batch as the projection's checkpoint, so a restart goes on
// from there. The tree's size is the projection's position.
//
// CheckpointSigner signs the tree's root as a C2SP checkpoint (infra/checkpoint.h): once at
// start and then whenever the tree has grown, at most `interval` apart; it keeps the latest
// in memory and in a file, and hands each new one to `publish` (Kafka).
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "infra/checkpoint.h"
#include "infra/merkle.h"
#include "projections/projection_engine.h"

namespace istihdam {

inline constexpr const char* kMerkleProjection = "merkle";
inline constexpr const char* kMerkleNodesTable = "merkle_nodes";

std::unique_ptr<Projector> MakeMerkleProjector();

// Read-only nodes of a ReadView of the merkle projection (writing throws).
class MerkleViewStore : public merkle::NodeStore {
 public:
  explicit MerkleViewStore(ReadView view) : view_(std::move(view)) {}
  std::optional<merkle::Digest> Get(unsigned level, std::uint64_t index) const override;
  void Put(unsigned level, std::uint64_t index, const merkle::Digest& hash) override;

 private:
  ReadView view_;
};

// The tree as the projection stands now: nodes and size read together.
struct MerkleSnapshot {
  std::unique_ptr<MerkleViewStore> store;
  merkle::Tree tree;
};
MerkleSnapshot MerkleNow(const ProjectionEngine& engine);

class CheckpointSigner {
 public:
  using Publish = std::function<void(const checkpoint::Checkpoint&)>;
  // `latest_file`: where the latest checkpoint is kept ("" = memory only).
  CheckpointSigner(const ProjectionEngine* engine, checkpoint::SigningKey key, std::string origin,
                   std::string latest_file, std::chrono::milliseconds interval, Publish publish = {});
  ~CheckpointSigner();

  void Start();
  void Stop();
  // Signs the current tree unless the latest checkpoint already has its size; returns the latest.
  checkpoint::Checkpoint SignIfGrown();
  // The latest checkpoint (signing one first when there is none yet).
  checkpoint::Checkpoint Latest();
  const checkpoint::SigningKey& key() const { return key_; }
  const std::string& origin() const { return origin_; }

 private:
  void Run();

  const ProjectionEngine* engine_;
  checkpoint::SigningKey key_;
  std::string origin_;
  std::string latest_file_;
  std::chrono::milliseconds interval_;
  Publish publish_;
  std::mutex mu_;  // guards latest_ and signing
  std::optional<checkpoint::Checkpoint> latest_;
  std::mutex run_mu_;
  std::condition_variable run_cv_;
  bool running_ = false;
  std::thread thread_;
};

}  // namespace istihdam
