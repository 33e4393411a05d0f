// Signed checkpoints of the log's Merkle tree (public) and its proofs (auditors), docs/audit.md.
#include "http/app.h"
#include "http/contract/checkpoints.h"
#include "http/endpoint.h"

namespace istihdam::http {

using namespace contract::checkpoints;

namespace {

std::vector<std::string> Encode(const std::vector<merkle::Digest>& hashes) {
  std::vector<std::string> out;
  out.reserve(hashes.size());
  for (const auto& d : hashes) out.push_back(checkpoint::Base64({reinterpret_cast<const char*>(d.data()), d.size()}));
  return out;
}

HttpResponse Text(std::string body) {
  HttpResponse r;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body);
  r.headers.emplace_back("Cache-Control", "no-cache");
  return r;
}

// A proof error: an argument beyond the tree names that parameter (422); a missing node is the
// store's fault.
Error ProofError(const Error& e, const char* field) {
  if (e.code == errc::kValidationFailed) return Error::Validation({{field, "out_of_range"}});
  return Error::Of(errc::kStoreCorrupted, e.detail);
}

}  // namespace

void AddCheckpointRoutes(App& app, Router& router) {
  // Routes, not Endpoints: the answers are text/plain (C2SP formats), not JSON.
  router.Add(Route{.method = "GET", .pattern = "/api/v1/checkpoint", .access = Access::kPublic,
                   .handler = [&app](RequestContext&) { return Text(app.checkpoints().Latest().note); },
                   .doc = {.summary = "The latest signed checkpoint of the event log (C2SP tlog-checkpoint in a signed note)",
                           .tag = "audit", .response_type = "text/plain"}});
  router.Add(Route{.method = "GET", .pattern = "/api/v1/checkpoint/key", .access = Access::kPublic,
                   .handler = [&app](RequestContext&) {
                     return Text(checkpoint::VerifierKeyText(app.checkpoints().key()) + "\n");
                   },
                   .doc = {.summary = "The checkpoints' note verifier key (<name>+<hex key id>+<base64 key>)",
                           .tag = "audit", .response_type = "text/plain"}});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/proofs/inclusion", .access = Access::kStaff,
      .staff_roles = {StaffRole::kAuditor},
      .summary = "RFC 9162 inclusion proof of the event at `position` in the tree of `treeSize` leaves (auditors)",
      .tag = "audit",
      .handle = [&app](RequestContext&, const InclusionQuery& q) -> Result<InclusionProof> {
        const auto snap = MerkleNow(app.projections());
        if (q.tree_size > snap.tree.Size()) return Error::Validation({{"treeSize", "out_of_range"}});
        if (q.position > q.tree_size) return Error::Validation({{"position", "out_of_range"}});
        auto proof = snap.tree.InclusionProof(q.position - 1, q.tree_size);
        if (!proof.ok()) return ProofError(proof.error(), "position");
        return InclusionProof{q.position, q.tree_size, q.position - 1, Encode(*proof)};
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/proofs/consistency", .access = Access::kStaff,
      .staff_roles = {StaffRole::kAuditor},
      .summary = "RFC 9162 consistency proof from the tree of `from` leaves to that of `to` leaves (auditors)",
      .tag = "audit",
      .handle = [&app](RequestContext&, const ConsistencyQuery& q) -> Result<ConsistencyProof> {
        const auto snap = MerkleNow(app.projections());
        if (q.to > snap.tree.Size()) return Error::Validation({{"to", "out_of_range"}});
        if (q.from > q.to) return Error::Validation({{"from", "out_of_range"}});
        auto proof = snap.tree.ConsistencyProof(q.from, q.to);
        if (!proof.ok()) return ProofError(proof.error(), "from");
        return ConsistencyProof{q.from, q.to, Encode(*proof)};
      }});
}

}  // namespace istihdam::http
