// infra/search_index.h: facet counts from the in-memory slot columns (SearchQuery::count_slots)
// against a count made by hand, through replace, remove, clear, uncommitted changes and a reopen;
// and the index format (an index of another format is emptied at open).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "infra/search_index.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using testing::TempDir;
using Counts = std::map<std::string, std::uint64_t>;

constexpr unsigned kProvince = 2, kPattern = 3;

std::unique_ptr<SearchIndex> OpenIndex(const std::string& dir, const std::string& format = "f1") {
  auto index = SearchIndex::Open(dir, format, {kProvince, kPattern});
  if (!index.ok()) throw std::runtime_error("open search index: " + index.error().detail);
  return std::move(index).value();
}

SearchDocument Job(const std::string& id, const std::string& title, const std::string& province,
                   const std::string& pattern) {
  SearchDocument d;
  d.id = id;
  d.texts = {{title, 1}};
  d.values = {{kProvince, province}};
  if (!pattern.empty()) d.values[kPattern] = pattern;
  d.data = id;
  return d;
}

SearchResult Count(const SearchIndex& index, const std::string& words, std::size_t offset = 0) {
  SearchQuery q;
  q.words = words;
  q.offset = offset;
  q.limit = 2;
  q.count_up_to = 1000;
  q.count_slots = {kProvince, kPattern};
  auto r = index.Search(q);
  if (!r.ok()) throw std::runtime_error(r.error().detail);
  return std::move(r).value();
}

class SearchFacetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    index_ = OpenIndex(dir_.path());
    // 30 cooks and 20 waiters over three provinces; every third cook has no pattern.
    for (int i = 0; i < 30; ++i) {
      Add(Job("c" + std::to_string(i), "Aşçı", i % 3 == 0 ? "06" : "34", i % 3 == 0 ? "" : "fullTime"));
    }
    for (int i = 0; i < 20; ++i) Add(Job("w" + std::to_string(i), "Garson", i < 5 ? "35" : "34", "shift"));
    ASSERT_TRUE(index_->Commit(50).ok());
  }
  void Add(const SearchDocument& d) { ASSERT_TRUE(index_->Replace(d).ok()) << d.id; }

  TempDir dir_;
  std::unique_ptr<SearchIndex> index_;
};

TEST_F(SearchFacetsTest, CountsEveryMatchNotOnlyThePage) {
  const auto r = Count(*index_, "aşçı");
  EXPECT_EQ(r.total, 30u);
  EXPECT_EQ(r.hits.size(), 2u);
  EXPECT_EQ(r.value_counts.at(kProvince), (Counts{{"06", 10}, {"34", 20}}));
  EXPECT_EQ(r.value_counts.at(kPattern), (Counts{{"fullTime", 20}}));  // documents without one are not counted

  const auto all = Count(*index_, "");
  EXPECT_EQ(all.total, 50u);
  EXPECT_EQ(all.value_counts.at(kProvince), (Counts{{"06", 10}, {"34", 35}, {"35", 5}}));
  EXPECT_EQ(all.value_counts.at(kPattern), (Counts{{"fullTime", 20}, {"shift", 20}}));
}

TEST_F(SearchFacetsTest, APageBeyondTheEndStillCountsTheWholeResult) {
  const auto r = Count(*index_, "garson", 100);
  EXPECT_TRUE(r.hits.empty());
  EXPECT_EQ(r.total, 20u);
  EXPECT_EQ(r.value_counts.at(kProvince), (Counts{{"34", 15}, {"35", 5}}));
}

TEST_F(SearchFacetsTest, FollowReplaceRemoveAndClearAtCommitOnly) {
  Add(Job("w0", "Garson", "01", "partTime"));  // was 35, shift
  ASSERT_TRUE(index_->Remove("w1").ok());
  EXPECT_EQ(Count(*index_, "garson").value_counts.at(kProvince), (Counts{{"34", 15}, {"35", 5}}))
      << "uncommitted changes are not counted";
  ASSERT_TRUE(index_->Commit(51).ok());
  auto r = Count(*index_, "garson");
  EXPECT_EQ(r.total, 19u);
  EXPECT_EQ(r.value_counts.at(kProvince), (Counts{{"01", 1}, {"34", 15}, {"35", 3}}));
  EXPECT_EQ(r.value_counts.at(kPattern), (Counts{{"partTime", 1}, {"shift", 18}}));

  ASSERT_TRUE(index_->Clear().ok());
  Add(Job("n1", "Garson", "07", "shift"));
  ASSERT_TRUE(index_->Commit(52).ok());
  r = Count(*index_, "");
  EXPECT_EQ(r.total, 1u);
  EXPECT_EQ(r.value_counts.at(kProvince), (Counts{{"07", 1}}));
}

TEST_F(SearchFacetsTest, AReopenedIndexCountsTheSame) {
  Add(Job("w0", "Garson", "01", "partTime"));
  ASSERT_TRUE(index_->Commit(51).ok());
  const auto before = Count(*index_, "");
  index_.reset();
  index_ = OpenIndex(dir_.path());
  const auto after = Count(*index_, "");
  EXPECT_EQ(after.total, before.total);
  EXPECT_EQ(after.value_counts, before.value_counts);
  EXPECT_EQ(after.value_counts.at(kProvince).at("01"), 1u);
}

TEST_F(SearchFacetsTest, ASlotThatIsNotAFacetIsRefused) {
  SearchQuery q;
  q.count_slots = {7};
  const auto r = index_->Search(q);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, errc::kStoreFailed);
}

TEST(SearchIndexFormatTest, AnIndexOfAnotherFormatIsOpenedEmpty) {
  TempDir dir;
  {
    auto index = OpenIndex(dir.path(), "f1");
    ASSERT_TRUE(index->Replace(Job("a", "Aşçı", "06", "")).ok());
    ASSERT_TRUE(index->Commit(9).ok());
  }
  {
    auto same = OpenIndex(dir.path(), "f1");
    EXPECT_EQ(same->Position(), 9u);
    EXPECT_EQ(*same->DocCount(), 1u);
  }
  auto other = OpenIndex(dir.path(), "f2");
  EXPECT_EQ(other->Position(), 0u);
  EXPECT_EQ(*other->DocCount(), 0u);
  EXPECT_EQ(Count(*other, "").value_counts.at(kProvince), Counts{});
  ASSERT_TRUE(other->Replace(Job("b", "Garson", "35", "")).ok());
  ASSERT_TRUE(other->Commit(3).ok());
  other.reset();
  auto again = OpenIndex(dir.path(), "f2");
  EXPECT_EQ(again->Position(), 3u);
  EXPECT_EQ(*again->DocCount(), 1u);
}

}  // namespace
}  // namespace istihdam
