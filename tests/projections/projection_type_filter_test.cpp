// Projector::event_types(): the engine gives a projector only the event types it declares. A
// declaration missing a type its Apply handles would silently lose rows, so every projector of
// the application is built twice over the demo data's log, once with its declaration and once
// given every event, and the two sets of tables must be byte-identical.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "http/app.h"
#include "projections/benefit_declarations.h"
#include "projections/candidates.h"
#include "projections/collective_dismissals.h"
#include "projections/courses.h"
#include "projections/impact_surveys.h"
#include "projections/job_postings.h"
#include "projections/job_seekers.h"
#include "projections/labor_demands.h"
#include "projections/merkle_log.h"
#include "projections/occupations.h"
#include "projections/overseas.h"
#include "projections/private_employment_bureaus.h"
#include "projections/projection_engine.h"
#include "projections/quota_status.h"
#include "projections/replica_sessions.h"
#include "projections/trainers.h"
#include "projections/typ.h"
#include "projections/workforce_schedules.h"
#include "projections/workplaces.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

// A projector under another name (so that two builds of it share one database), with or
// without its type filter.
class Renamed final : public Projector {
 public:
  Renamed(std::string prefix, std::unique_ptr<Projector> inner, bool filter)
      : prefix_(std::move(prefix)), inner_(std::move(inner)), filter_(filter) {}
  std::string name() const override { return prefix_ + inner_->name(); }
  std::vector<std::string> tables() const override { return inner_->tables(); }
  void Apply(const RecordedEvent& e, ProjectionBatch& b) override { inner_->Apply(e, b); }
  std::vector<std::string> event_types() const override {
    return filter_ ? inner_->event_types() : std::vector<std::string>{};
  }
  const Projector& inner() const { return *inner_; }

 private:
  std::string prefix_;
  std::unique_ptr<Projector> inner_;
  bool filter_;
};

// Every projector the application runs (http/contexts.cpp, http/app.cpp), freshly made.
std::vector<std::unique_ptr<Projector>> AllProjectors(http::App& app) {
  std::vector<std::unique_ptr<Projector>> out;
  out.push_back(MakeWorkplacesProjector());
  out.push_back(MakeWorkforceSchedulesProjector());
  out.push_back(MakeQuotaStatusProjector(app.config().quota_rules));
  out.push_back(MakeCollectiveDismissalsProjector());
  out.push_back(MakeTypProjector());
  out.push_back(MakeBenefitDeclarationsProjector());
  out.push_back(MakeLaborDemandsProjector(app.services().ref));
  out.push_back(MakeJobSeekersProjector());
  out.push_back(MakeJobPostingsProjector(app.services().ref));
  out.push_back(MakeOccupationsProjector());
  out.push_back(MakeCandidatesProjector());
  out.push_back(MakeCoursesProjector());
  out.push_back(MakeTrainersProjector());
  out.push_back(MakeImpactSurveysProjector());
  out.push_back(MakeOverseasProjector());
  out.push_back(MakePrivateEmploymentBureausProjector());
  out.push_back(MakeMerkleProjector());
  out.push_back(MakeReplicaSessionsProjector());
  return out;
}

// table|key -> value of every row of a projection.
std::map<std::string, std::string> Rows(const ReadView& view, const std::vector<std::string>& tables) {
  std::map<std::string, std::string> out;
  for (const auto& table : tables) {
    view.Scan(table, "", [&](const std::string& k, const std::string& v) {
      out[table + "|" + k] = v;
      return true;
    });
  }
  return out;
}

TEST(ProjectionTypeFilterTest, EveryProjectorBuildsTheSameRowsWithItsFilterAsWithout) {
  testing::TempDir dir;
  Config config;
  config.data_dir = dir.path();
  config.password_cost = "min";
  config.demo_postings = 40;
  config.demo_job_seekers = 40;
  auto app = http::App::Open(config);
  http::SeedDemoData(*app);
  const std::uint64_t last = app->store().LastPosition();
  ASSERT_GT(last, 100u);
  std::set<std::string> logged_types;
  app->store().ForEach(1, [&](RecordedEvent&& e) {
    logged_types.insert(e.type);
    return true;
  });

  ProjectionEngine filtered(&app->db(), &app->store(), nullptr);
  ProjectionEngine unfiltered(&app->db(), &app->store(), nullptr);
  std::vector<std::string> names;
  std::map<std::string, std::vector<std::string>> tables, declared;
  for (auto& p : AllProjectors(*app)) {
    const std::string name = p->name();
    names.push_back(name);
    tables[name] = p->tables();
    declared[name] = p->event_types();
    filtered.Add(std::make_unique<Renamed>("f.", std::move(p), true));
  }
  for (auto& p : AllProjectors(*app)) unfiltered.Add(std::make_unique<Renamed>("u.", std::move(p), false));
  filtered.CatchUp();
  unfiltered.CatchUp();

  std::size_t compared = 0;
  std::string empty;
  for (const auto& name : names) {
    SCOPED_TRACE(name);
    // Declared names are real event types (a typo would declare nothing).
    for (const auto& t : declared[name]) EXPECT_NE(app->registry().Find(t), nullptr) << t;
    EXPECT_EQ(filtered.Position("f." + name), last);
    EXPECT_EQ(unfiltered.Position("u." + name), last);
    const auto with = Rows(filtered.View("f." + name), tables[name]);
    const auto without = Rows(unfiltered.View("u." + name), tables[name]);
    EXPECT_TRUE(with == without) << with.size() << " rows with the filter, " << without.size() << " without";
    if (!without.empty()) {
      ++compared;
    } else {
      empty += name + " ";
    }
  }
  // Not a vacuous comparison: the demo data fills the read models of every projector but
  // three (it notifies no collective dismissal and imports no occupation, and the replica's
  // sessions need logins). Their filters are covered by their own e2e suites, which read what
  // the filtered engine built.
  EXPECT_EQ(empty, "collective_dismissals occupations replicaSessions ");
  EXPECT_EQ(compared, names.size() - 3);
  EXPECT_GT(logged_types.size(), 20u);

  // A rebuild (the same path, into a new generation) gives the same rows again.
  for (const auto& name : names) {
    SCOPED_TRACE(name);
    ASSERT_TRUE(filtered.Rebuild("f." + name).ok());
    EXPECT_TRUE(Rows(filtered.View("f." + name), tables[name]) == Rows(unfiltered.View("u." + name), tables[name]));
  }
}

}  // namespace
}  // namespace istihdam
