// infra/search_index.h: Turkish matching (the examples of shared/api/jobs.md), filters, order,
// paging, counting, persistence, hostile queries and a reader beside the writer.
#include "infra/search_index.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/test_util.h"

namespace istihdam {
namespace {

using Ids = std::set<std::string>;
using testing::TempDir;

std::unique_ptr<SearchIndex> OpenIndex(const std::string& dir) {
  auto index = SearchIndex::Open(dir);
  if (!index.ok()) throw std::runtime_error("open search index: " + index.error().detail);
  return std::move(index).value();
}

// A posting-like document: a title (weight 3), a province name, a province code filter and
// a date to sort by.
SearchDocument Posting(std::string id, std::string title, std::string province_name,
                       std::string province, std::string date) {
  SearchDocument d;
  d.id = id;
  d.texts = {{title, 3}, {province_name, 1}};
  d.filters = {{"province", province}};
  d.values = {{0, date}};
  d.data = "row:" + id;
  return d;
}

class SearchIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    index_ = OpenIndex(dir_.path());
    Add(Posting("p1", "Yazılım Mühendisi", "İstanbul", "34", "2026-11-03"));
    Add(Posting("p2", "Öğretmen", "Ankara", "06", "2026-11-01"));
    Add(Posting("p3", "Yazılım Geliştiriciler", "İstanbul", "34", "2026-11-02"));
    Add(Posting("p4", "Kaynakçılar ve alev ile kesiciler", "Iğdır", "76", "2026-10-30"));
    Add(Posting("p5", "Garson", "İzmir", "35", "2026-11-04"));
    ASSERT_TRUE(index_->Commit(5).ok());
  }

  void Add(const SearchDocument& doc) { ASSERT_TRUE(index_->Replace(doc).ok()) << doc.id; }

  Ids Find(const std::string& words, std::vector<FilterTerm> filters = {}) const {
    SearchQuery q;
    q.words = words;
    q.filters = std::move(filters);
    q.limit = 100;
    auto r = index_->Search(q);
    EXPECT_TRUE(r.ok()) << words << ": " << (r.ok() ? "" : r.error().detail);
    Ids ids;
    if (r.ok()) {
      for (const auto& h : r->hits) ids.insert(h.id);
    }
    return ids;
  }

  TempDir dir_;
  std::unique_ptr<SearchIndex> index_;
};

// shared/api/jobs.md, "Open job postings", q.
TEST_F(SearchIndexTest, JobPostingExamplesMatchIgnoringCaseDiacriticsAndInflection) {
  EXPECT_EQ(Find("yazilim muhendisi"), (Ids{"p1"}));
  EXPECT_EQ(Find("YAZILIM"), (Ids{"p1", "p3"}));
  EXPECT_EQ(Find("mühendis"), (Ids{"p1"}));
  EXPECT_EQ(Find("mühendisler"), (Ids{"p1"}));
  EXPECT_EQ(Find("muhendisler"), (Ids{"p1"}));
  EXPECT_EQ(Find("muhendisleri"), (Ids{"p1"}));
  EXPECT_EQ(Find("yazilimlar"), (Ids{"p1", "p3"}));
  EXPECT_EQ(Find("öğretmenler"), (Ids{"p2"}));
  EXPECT_EQ(Find("OGRETMEN"), (Ids{"p2"}));
  EXPECT_EQ(Find("ISTANBUL"), (Ids{"p1", "p3"}));
  EXPECT_EQ(Find("İstanbul"), (Ids{"p1", "p3"}));
  EXPECT_EQ(Find("istanbul"), (Ids{"p1", "p3"}));
}

// shared/api/jobs.md, "Occupation dictionary", q (2512 and 7212).
TEST_F(SearchIndexTest, OccupationDictionaryExamplesMatch) {
  EXPECT_EQ(Find("yazilim"), (Ids{"p1", "p3"}));
  EXPECT_EQ(Find("KAYNAKÇI"), (Ids{"p4"}));
  EXPECT_EQ(Find("kaynakci"), (Ids{"p4"}));
}

TEST_F(SearchIndexTest, DottedAndDotlessIAreOneLetterWhenFolded) {
  EXPECT_EQ(Find("ığdır"), (Ids{"p4"}));
  EXPECT_EQ(Find("IĞDIR"), (Ids{"p4"}));
  EXPECT_EQ(Find("igdir"), (Ids{"p4"}));
}

TEST_F(SearchIndexTest, ASuffixAfterAnApostropheIsNotAQueryWord) {
  EXPECT_EQ(Find("İstanbul'da yazılım"), (Ids{"p1", "p3"}));
  EXPECT_EQ(Find("istanbulda"), (Ids{"p1", "p3"}));
  EXPECT_EQ(Find("Ankara’daki öğretmenler"), (Ids{"p2"}));
}

TEST_F(SearchIndexTest, EveryWordMustMatch) {
  EXPECT_EQ(Find("pilot"), Ids{});
  EXPECT_EQ(Find("yazılım öğretmen"), Ids{});
  EXPECT_EQ(Find("yazılım ankara"), Ids{});
  EXPECT_EQ(Find("yazılım istanbul"), (Ids{"p1", "p3"}));
  EXPECT_EQ(Find("kadıköy yazılım"), Ids{});
}

TEST_F(SearchIndexTest, FiltersAreAndAcrossFieldsOrWithinOne) {
  SearchDocument d = Posting("p6", "Yazılım Test Uzmanı", "Ankara", "06", "2026-11-05");
  d.filters.push_back({"occupation", "2512"});
  d.filters.push_back({"occupation", "251"});
  Add(d);
  ASSERT_TRUE(index_->Commit(6).ok());

  EXPECT_EQ(Find("", {{"province", "34"}}), (Ids{"p1", "p3"}));
  EXPECT_EQ(Find("", {{"province", "34"}, {"province", "06"}}), (Ids{"p1", "p2", "p3", "p6"}));
  EXPECT_EQ(Find("", {{"province", "06"}, {"occupation", "251"}}), (Ids{"p6"}));
  EXPECT_EQ(Find("", {{"province", "34"}, {"occupation", "251"}}), Ids{});
  EXPECT_EQ(Find("yazılım", {{"province", "06"}, {"province", "35"}}), (Ids{"p6"}));
  EXPECT_EQ(Find("", {{"province", "99"}}), Ids{});
  // Filters match exactly, never the words: "34" is no text of p1.
  EXPECT_EQ(Find("34"), Ids{});
  EXPECT_EQ(Find("province"), Ids{});
}

TEST_F(SearchIndexTest, NoWordsMatchesEveryDocument) {
  EXPECT_EQ(Find(""), (Ids{"p1", "p2", "p3", "p4", "p5"}));
  EXPECT_EQ(Find("?!. ,;"), (Ids{"p1", "p2", "p3", "p4", "p5"}));
}

TEST_F(SearchIndexTest, HitsCarryTheirIdAndData) {
  SearchDocument d = Posting("binary", "Şoför", "Bursa", "16", "2026-01-01");
  d.data = std::string("\0\x01\xFFrow", 6);
  Add(d);
  ASSERT_TRUE(index_->Commit(6).ok());
  SearchQuery q;
  q.words = "şoför";
  auto r = index_->Search(q);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].id, "binary");
  EXPECT_EQ(r->hits[0].data, d.data);
}

TEST_F(SearchIndexTest, SortsByAValueDescending) {
  SearchQuery q;
  q.order = SearchOrder::kValueDescending;
  q.sort_slot = 0;
  auto r = index_->Search(q);
  ASSERT_TRUE(r.ok());
  std::vector<std::string> ids;
  for (const auto& h : r->hits) ids.push_back(h.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"p5", "p1", "p3", "p2", "p4"}));
}

TEST_F(SearchIndexTest, AValueBoundKeepsDocumentsAtOrAboveIt) {
  SearchQuery q;
  q.order = SearchOrder::kValueDescending;
  q.min_value = SearchValueBound{0, "2026-11-03"};
  auto r = index_->Search(q);
  ASSERT_TRUE(r.ok());
  std::vector<std::string> ids;
  for (const auto& h : r->hits) ids.push_back(h.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"p5", "p1"}));
  // With words and filters too.
  q.words = "yazılım";
  r = index_->Search(q);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].id, "p1");
}

TEST_F(SearchIndexTest, RanksTheBetterMatchFirst) {
  // "yazılım" is both words of p7's title; p1 and p3 have it once.
  Add(Posting("p7", "Yazılım yazılım", "Bursa", "16", "2026-01-01"));
  ASSERT_TRUE(index_->Commit(6).ok());
  SearchQuery q;
  q.words = "yazılım";
  auto r = index_->Search(q);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 3u);
  EXPECT_EQ(r->hits[0].id, "p7");
}

TEST_F(SearchIndexTest, PagesWithOffsetAndLimit) {
  SearchQuery q;
  q.order = SearchOrder::kValueDescending;
  q.offset = 1;
  q.limit = 2;
  q.count_up_to = 1001;
  auto r = index_->Search(q);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 2u);
  EXPECT_EQ(r->hits[0].id, "p1");
  EXPECT_EQ(r->hits[1].id, "p3");
  EXPECT_EQ(r->total, 5u);
  EXPECT_TRUE(r->total_exact);

  q.offset = 4;
  r = index_->Search(q);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].id, "p4");

  q.offset = 50;
  q.limit = static_cast<std::size_t>(-1);
  r = index_->Search(q);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->hits.empty());
  EXPECT_EQ(r->total, 5u);
}

TEST(SearchIndexCountTest, TotalsAreExactUpToTheCap) {
  TempDir dir;
  auto index = OpenIndex(dir.path());
  for (int i = 0; i < 30; ++i) {
    SearchDocument d;
    d.id = "d" + std::to_string(i);
    d.texts = {{i % 2 == 0 ? "çift belge" : "tek belge"}};
    ASSERT_TRUE(index->Replace(d).ok());
  }
  ASSERT_TRUE(index->Commit(1).ok());

  SearchQuery q;
  q.words = "belge";
  q.limit = 3;
  q.count_up_to = 31;
  auto r = index->Search(q);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->total_exact);
  EXPECT_EQ(r->total, 30u);
  EXPECT_EQ(r->hits.size(), 3u);

  q.count_up_to = 10;
  r = index->Search(q);
  ASSERT_TRUE(r.ok());
  EXPECT_GT(r->total, 10u);  // more than the cap, whether counted exactly or estimated

  // A whole result up to a cap: all of it when within, "more" when not.
  auto all = index->SearchAll(q, 30);
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->total_exact);
  EXPECT_EQ(all->total, 30u);
  EXPECT_EQ(all->hits.size(), 30u);
  q.words = "çift belge";
  all = index->SearchAll(q, 15);
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->total_exact);
  EXPECT_EQ(all->total, 15u);
  EXPECT_EQ(all->hits.size(), 15u);
  q.words = "belge";
  all = index->SearchAll(q, 29);
  ASSERT_TRUE(all.ok());
  EXPECT_GT(all->total, 29u);
  EXPECT_EQ(all->hits.size(), 29u);
  all = index->SearchAll(q, 10);
  ASSERT_TRUE(all.ok());
  EXPECT_GT(all->total, 10u);
  EXPECT_EQ(all->hits.size(), 10u);
}

TEST_F(SearchIndexTest, ReplaceKeepsOneDocumentPerId) {
  Add(Posting("p2", "Hemşire", "Ankara", "06", "2026-11-01"));
  ASSERT_TRUE(index_->Commit(6).ok());
  EXPECT_EQ(Find("öğretmen"), Ids{});
  EXPECT_EQ(Find("hemsire"), (Ids{"p2"}));
  auto count = index_->DocCount();
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 5u);
}

TEST_F(SearchIndexTest, RemoveDeletesAndUnknownIdsAreNoError) {
  ASSERT_TRUE(index_->Remove("p1").ok());
  ASSERT_TRUE(index_->Remove("nope").ok());
  ASSERT_TRUE(index_->Remove("").ok());
  EXPECT_EQ(Find("yazılım"), (Ids{"p1", "p3"}));  // not committed yet
  ASSERT_TRUE(index_->Commit(6).ok());
  EXPECT_EQ(Find("yazılım"), (Ids{"p3"}));
  EXPECT_EQ(*index_->DocCount(), 4u);
}

TEST_F(SearchIndexTest, ClearTakesEffectAtTheNextCommit) {
  Add(Posting("p6", "Aşçı", "Bursa", "16", "2026-11-05"));  // pending when cleared
  ASSERT_TRUE(index_->Clear().ok());
  EXPECT_EQ(*index_->DocCount(), 5u);  // readers still see the committed documents
  Add(Posting("r1", "Aşçı", "Bursa", "16", "2026-11-05"));
  ASSERT_TRUE(index_->Commit(9).ok());
  EXPECT_EQ(*index_->DocCount(), 1u);
  EXPECT_EQ(Find("aşçı"), (Ids{"r1"}));
  EXPECT_EQ(Find(""), (Ids{"r1"}));
  EXPECT_EQ(index_->Position(), 9u);
}

TEST(SearchIndexPersistenceTest, PositionAndDocumentsSurviveAReopen) {
  TempDir dir;
  {
    auto index = OpenIndex(dir.path());
    EXPECT_EQ(index->Position(), 0u);
    ASSERT_TRUE(
        index->Replace(Posting("p1", "Yazılım Mühendisi", "İstanbul", "34", "2026-11-03")).ok());
    ASSERT_TRUE(index->Commit(42).ok());
    EXPECT_EQ(index->Position(), 42u);
    // Not committed: gone with the index.
    ASSERT_TRUE(index->Replace(Posting("p2", "Öğretmen", "Ankara", "06", "2026-11-01")).ok());
    ASSERT_TRUE(index->Remove("p1").ok());
  }
  auto index = OpenIndex(dir.path());
  EXPECT_EQ(index->Position(), 42u);
  EXPECT_EQ(*index->DocCount(), 1u);
  SearchQuery q;
  q.words = "mühendisler";
  auto r = index->Search(q);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].id, "p1");

  ASSERT_TRUE(index->Commit(43).ok());  // a position alone, no changes
  index.reset();
  EXPECT_EQ(OpenIndex(dir.path())->Position(), 43u);
}

// Xapian commits on its own every XAPIAN_FLUSH_THRESHOLD changes outside a transaction; the
// index must not, or a crash would keep changes without their position.
TEST(SearchIndexPersistenceTest, NothingIsVisibleBeforeCommitEvenPastXapiansFlushThreshold) {
  TempDir dir;
  ::setenv("XAPIAN_FLUSH_THRESHOLD", "3", 1);
  auto index = OpenIndex(dir.path());
  ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
  for (int i = 0; i < 20; ++i) {
    SearchDocument d;
    d.id = "d" + std::to_string(i);
    d.texts = {{"belge"}};
    ASSERT_TRUE(index->Replace(d).ok());
  }
  EXPECT_EQ(*index->DocCount(), 0u);
  ASSERT_TRUE(index->Commit(20).ok());
  EXPECT_EQ(*index->DocCount(), 20u);
}

TEST(SearchIndexPersistenceTest, OutOfBoundsIdsAndFiltersAreRefused) {
  TempDir dir;
  auto index = OpenIndex(dir.path());
  SearchDocument d;
  EXPECT_EQ(index->Replace(d).error().code, errc::kInvalidParameter);  // no id
  d.id = std::string(kMaxIdBytes + 1, 'x');
  EXPECT_EQ(index->Replace(d).error().code, errc::kInvalidParameter);
  d.id = "ok";
  d.filters = {{"", "34"}};
  EXPECT_EQ(index->Replace(d).error().code, errc::kInvalidParameter);
  d.filters = {{"a:b", "34"}};
  EXPECT_EQ(index->Replace(d).error().code, errc::kInvalidParameter);
  d.filters = {{"province", std::string(kMaxFilterBytes, '3')}};
  EXPECT_EQ(index->Replace(d).error().code, errc::kInvalidParameter);
  // A refusal is not a failure of the index: later writes work.
  d.filters = {{"province", "34"}};
  d.texts = {{"Fu\xFF\xFEzz \xC3"}};  // not UTF-8: indexed as words "fu", "zz"
  ASSERT_TRUE(index->Replace(d).ok());
  ASSERT_TRUE(index->Commit(1).ok());
  SearchQuery q;
  q.words = "zz";
  EXPECT_EQ(index->Search(q)->hits.size(), 1u);
}

TEST(SearchIndexPersistenceTest, OneWriterPerDirectory) {
  TempDir dir;
  auto first = OpenIndex(dir.path());
  auto second = SearchIndex::Open(dir.path());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, errc::kStoreOpenFailed);
  first.reset();
  EXPECT_TRUE(SearchIndex::Open(dir.path()).ok());
}

TEST(SearchIndexPersistenceTest, OpeningAFileAsTheDirectoryFails) {
  TempDir dir;
  const std::string file = dir.path() + "/file";
  std::FILE* f = std::fopen(file.c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fclose(f);
  auto index = SearchIndex::Open(file);
  ASSERT_FALSE(index.ok());
  EXPECT_EQ(index.error().code, errc::kStoreOpenFailed);
}

TEST_F(SearchIndexTest, HostileQueriesAreWordsAndNeverFail) {
  std::string long_query;
  while (long_query.size() < 10'000) long_query += "yazılım ";
  std::string thousand_words;
  for (int i = 0; i < 1000; ++i) thousand_words += "w" + std::to_string(i) + " ";
  const std::vector<std::string> hostile = {
      long_query,
      thousand_words,
      R"(AND NEAR "x" *)",
      R"(yazılım AND NOT öğretmen)",
      "title:yazılım",
      "yaz*",
      "((( ))) \"\" '' ~ ^ $ \\",
      "!!!???...",
      "\xFF\xFE\xC3",
      std::string(10'000, '*'),
      std::string(10'000, 'a'),
      std::string("ya\0zılım", 10),
  };
  for (const auto& words : hostile) {
    SearchQuery q;
    q.words = words;
    q.count_up_to = 1001;
    auto r = index_->Search(q);
    EXPECT_TRUE(r.ok()) << words.substr(0, 40) << ": " << (r.ok() ? "" : r.error().detail);
  }
  // Operators are words: "and" and "near" are in no document.
  EXPECT_EQ(Find(R"(AND NEAR "x" *)"), Ids{});
  EXPECT_EQ(Find("yazılım AND"), Ids{});
  EXPECT_EQ(Find("title:yazılım"), Ids{});
  // Punctuation only: no words, so no text condition.
  EXPECT_EQ(Find("!!!???..."), (Ids{"p1", "p2", "p3", "p4", "p5"}));
  EXPECT_EQ(Find("\xFF\xFE\xC3"), (Ids{"p1", "p2", "p3", "p4", "p5"}));
  // Only the first kMaxQueryWords words count.
  EXPECT_EQ(Find(long_query), (Ids{"p1", "p3"}));
}

// One thread writes and commits, another searches: every commit is visible to a search that
// starts after it.
TEST(SearchIndexThreadsTest, ASearcherSeesEachCommitOfTheWriter) {
  TempDir dir;
  auto index = OpenIndex(dir.path());
  constexpr int kDocs = 40;
  std::mutex mu;
  std::condition_variable cv;
  int committed = 0;  // guarded by mu
  bool writer_failed = false;

  std::thread writer([&] {
    for (int i = 1; i <= kDocs; ++i) {
      SearchDocument d;
      d.id = "d" + std::to_string(i);
      d.texts = {{"Yazılım Mühendisi " + std::to_string(i)}};
      d.filters = {{"n", std::to_string(i)}};
      const bool ok = index->Replace(d).ok() && index->Commit(i).ok();
      std::lock_guard lock(mu);
      if (!ok) writer_failed = true;
      committed = i;
      cv.notify_all();
    }
  });

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  int seen = 0;
  std::vector<std::string> problems;
  std::thread searcher([&] {
    while (seen < kDocs) {
      int target = 0;
      {
        std::unique_lock lock(mu);
        if (!cv.wait_until(lock, deadline, [&] { return committed > seen; })) {
          problems.push_back("timed out after " + std::to_string(seen) + " documents");
          return;
        }
        target = committed;
      }
      SearchQuery q;
      q.words = "muhendisleri";
      q.count_up_to = 1001;
      auto r = index->Search(q);
      if (!r.ok()) {
        problems.push_back(r.error().detail);
        return;
      }
      if (r->total < static_cast<std::uint64_t>(target)) {
        problems.push_back("committed " + std::to_string(target) + ", found " +
                           std::to_string(r->total));
      }
      q.words = "";
      q.filters = {{"n", std::to_string(target)}};
      auto newest = index->Search(q);
      if (!newest.ok() || newest->hits.size() != 1) {
        problems.push_back("document " + std::to_string(target) + " not found");
      }
      seen = target;
    }
  });
  writer.join();
  searcher.join();
  EXPECT_FALSE(writer_failed);
  std::string list;
  for (const auto& p : problems) list += "\n  " + p;
  EXPECT_TRUE(problems.empty()) << list;
  EXPECT_EQ(seen, kDocs);
  EXPECT_EQ(index->Position(), static_cast<std::uint64_t>(kDocs));
}

}  // namespace
}  // namespace istihdam
