// End-to-end tests of the job vacancy code sets and the occupation dictionary (api/jobs.md
// "Codes" and "Occupation dictionary", pinned) against the real binary: the public routes,
// and `istihdam occupations import` of national 6-digit occupations before the server starts.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "e2e_helpers.h"
#include "http_client.h"
#include "server_fixture.h"

namespace e2e {
namespace {

std::vector<std::string> Codes(const json::value& page) {
  std::vector<std::string> out;
  for (const auto& i : Arr(page, "items")) out.push_back(Str(i, "code"));
  return out;
}

// ---- a server with the ISCO-08 tree only ----

class DictionaryE2E : public ServerSuite<DictionaryE2E> {
 protected:
  static json::value Search(const std::string& query) {
    const auto r = Get(port(), "/api/v1/occupations" + query);
    EXPECT_EQ(r.status, 200) << query << ": " << r.body;
    return r.Json();
  }
};

TEST_F(DictionaryE2E, JobCodesListEverySetInItsOrder) {
  const auto r = Get(port(), "/api/v1/job-codes");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto doc = r.Json();
  const std::vector<std::string> sets = {"workingPattern", "workplaceType", "workLocation", "personalStatus",
                                         "targetGroup", "educationLevel", "drivingLicences", "language", "level",
                                         "militaryStatus", "closeReason", "status", "origin", "state", "result"};
  EXPECT_EQ(doc.as_object().size(), sets.size()) << r.body.substr(0, 300);
  for (const auto& name : sets) {
    const auto& set = Arr(doc, name);
    EXPECT_FALSE(set.empty()) << name;
    for (const auto& c : set) {
      EXPECT_FALSE(Str(c, "code").empty()) << name;
      EXPECT_FALSE(Str(c, "nameTr").empty()) << name << " " << Str(c, "code");
      EXPECT_FALSE(Str(c, "nameEn").empty()) << name << " " << Str(c, "code");
    }
  }
  EXPECT_EQ(Codes(json::object{{"items", doc.at("educationLevel")}}),
            (std::vector<std::string>{"none", "literate", "primary", "middle", "highSchool", "associate", "bachelor",
                                      "master", "doctorate"}));
  EXPECT_EQ(Codes(json::object{{"items", doc.at("level")}}),
            (std::vector<std::string>{"A1", "A2", "B1", "B2", "C1", "C2"}));
  EXPECT_EQ(Codes(json::object{{"items", doc.at("workingPattern")}}),
            (std::vector<std::string>{"fullTime", "partTime", "shift", "onCall"}));
  const auto& pattern = Arr(doc, "workingPattern");
  ASSERT_FALSE(pattern.empty());
  EXPECT_EQ(Str(pattern[0], "nameTr"), "Tam zamanlı");
  EXPECT_EQ(Str(pattern[0], "nameEn"), "Full time");
  EXPECT_GE(Arr(doc, "language").size(), 100u);  // ISO 639-1
}

TEST_F(DictionaryE2E, WordsFindOccupationsWhateverTheirCaseAndLetters) {
  const auto yazilim = Search("?q=yazilim");
  EXPECT_TRUE(Has(Codes(yazilim), "2512")) << json::serialize(yazilim);
  const auto kaynakci = Search("?q=" + UrlEncode("KAYNAKÇI"));
  EXPECT_TRUE(Has(Codes(kaynakci), "7212")) << json::serialize(kaynakci);
  EXPECT_FALSE(Has(Codes(kaynakci), "1212"));  // İnsan Kaynakları Müdürleri
  // The item as pinned.
  for (const auto& i : Arr(yazilim, "items")) {
    if (Str(i, "code") != "2512") continue;
    EXPECT_EQ(Int(i, "level"), 4);
    EXPECT_EQ(Str(i, "nameTr"), "Yazılım Geliştiricileri");
    EXPECT_EQ(Str(i, "nameEn"), "Software Developers");
    EXPECT_EQ(Str(i, "parentCode"), "251");
  }
  EXPECT_EQ(Codes(Search("?q=" + UrlEncode("yazılım GELİŞTİR"))), (std::vector<std::string>{"251", "2512", "2519"}));
  EXPECT_EQ(Int(Search("?q=" + UrlEncode("kaynakçı yazılım")), "total"), 0);
}

TEST_F(DictionaryE2E, DigitsAreACodePrefixAndLevelAndParentFilter) {
  EXPECT_EQ(Codes(Search("?q=251")), (std::vector<std::string>{"251", "2511", "2512", "2513", "2514", "2519"}));
  EXPECT_EQ(Codes(Search("?q=251&level=4")), (std::vector<std::string>{"2511", "2512", "2513", "2514", "2519"}));
  EXPECT_EQ(Codes(Search("?parentCode=251")), (std::vector<std::string>{"2511", "2512", "2513", "2514", "2519"}));
  const auto majors = Search("?level=1");
  EXPECT_EQ(Codes(majors), (std::vector<std::string>{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}));
  for (const auto& i : Arr(majors, "items")) EXPECT_TRUE(Field(i, "parentCode")->is_null()) << Str(i, "code");
  EXPECT_EQ(Int(Search("?parentCode=9999"), "total"), 0);
  // The 619 ISCO-08 rows unfiltered are allowed, 15 to a page.
  const auto all = Search("");
  EXPECT_EQ(Int(all, "total"), 619);
  EXPECT_EQ(Int(all, "pageSize"), 15);
  EXPECT_EQ(Int(all, "totalPages"), 42);
  EXPECT_EQ(Arr(all, "items").size(), 15u);
  EXPECT_EQ(Codes(Search("?page=42")).size(), 619u - 41 * 15);
  ExpectProblem(Get(port(), "/api/v1/occupations?level=6"), 400, "invalid_parameter");
  ExpectProblem(Get(port(), "/api/v1/occupations?level=x"), 400, "invalid_parameter");
}

TEST_F(DictionaryE2E, DetailHasThePathFromTheMajorGroupAndTheChildren) {
  const auto r = Get(port(), "/api/v1/occupations/2512");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto d = r.Json();
  EXPECT_EQ(Str(d, "code"), "2512");
  EXPECT_EQ(Int(d, "level"), 4);
  EXPECT_EQ(Str(d, "parentCode"), "251");
  EXPECT_EQ(Codes(json::object{{"items", d.at("path")}}), (std::vector<std::string>{"2", "25", "251"}));
  EXPECT_EQ(Str(Arr(d, "path")[2], "nameTr"), "Yazılım ve Uygulama Geliştiricileri ve Analistleri");
  EXPECT_TRUE(Arr(d, "children").empty());

  const auto major = Get(port(), "/api/v1/occupations/2").Json();
  EXPECT_TRUE(Arr(major, "path").empty());
  EXPECT_TRUE(Field(major, "parentCode")->is_null());
  const auto& children = Arr(major, "children");
  ASSERT_EQ(children.size(), 6u);  // 21..26
  EXPECT_EQ(Str(children[0], "code"), "21");
  EXPECT_EQ(Int(children[0], "level"), 2);

  ExpectProblem(Get(port(), "/api/v1/occupations/9999"), 404, "occupation_not_found");
  const auto en = ExpectProblem(Get(port(), "/api/v1/occupations/251299", "", {{"Accept-Language", "en"}}), 404,
                                "occupation_not_found");
  EXPECT_EQ(Str(en, "title"), "The occupation code is not in the occupation dictionary.");
}

// ---- national occupations imported before the server starts ----

std::string TempFile(const std::string& name, const std::string& text) {
  const std::string path = "/tmp/istihdam-e2e-" + std::to_string(::getpid()) + "-" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// Three national occupations "<unit>97".."<unit>99" per ISCO-08 unit group (1308 rows: more
// than 1000 by themselves), and two with names to search for.
std::string NationalCsv() {
  std::ifstream isco(ISTIHDAM_SOURCE_DIR "/data/isco08.csv");
  std::string line, out = "code,nameTr,nameEn\n251201,Java Yazılım Geliştiricisi,Java Developer\n"
                          "721201,\"Gazaltı Kaynakçısı (MIG/MAG)\",\n";
  std::getline(isco, line);  // header
  while (std::getline(isco, line)) {
    const auto comma = line.find(',');
    if (line.compare(comma, 3, ",4,") == 0) {
      const std::string unit = line.substr(0, comma);
      for (const char* n : {"97", "98", "99"}) {
        out += unit + n + ",Ulusal Meslek " + unit + n + ",National Occupation " + unit + n + "\n";
      }
    }
  }
  return out;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

class NationalOccupationsE2E : public ServerSuite<NationalOccupationsE2E> {
 public:
  static ServerOptions SuiteServerOptions() {
    ServerOptions o;
    o.start = false;
    return o;
  }
  // The import, a repeated import and a refused file, all before the server starts.
  static void SeedSuite() {
    const std::string dir = server_->data_dir();
    const std::string national = TempFile("national.csv", NationalCsv());
    const std::string bad = TempFile("bad.csv", "code,nameTr,nameEn\n251202,Yeni Meslek,\n999901,Ebeveynsiz,\n25,Kısa,\n");
    const auto first = RunIstihdam({"occupations", "import", "--data-dir", dir, national});
    if (first.exit_code != 0) throw std::runtime_error("import failed: " + first.err + first.out);
    first_import_ = json::parse(first.out);
    const auto before = RunIstihdam({"events", "--data-dir", dir});
    const auto again = RunIstihdam({"occupations", "import", "--data-dir", dir, national});
    if (again.exit_code != 0) throw std::runtime_error("second import failed: " + again.err + again.out);
    second_import_ = json::parse(again.out);
    refused_ = RunIstihdam({"occupations", "import", "--data-dir", dir, bad});
    const auto after = RunIstihdam({"events", "--data-dir", dir});
    std::remove(national.c_str());
    std::remove(bad.c_str());
    events_before_ = Lines(before.out).size();
    events_after_ = Lines(after.out).size();
    server_->Start();
    // Read your writes: the projection applies the imported events after the start.
    const auto position = first_import_.at("position").to_number<std::uint64_t>();
    const auto caught_up = WaitUntil(
        [&] {
          const auto r = Get(port(), "/api/v1/occupations/2512?minPosition=" + std::to_string(position));
          return r.status == 200 && XPosition(r) >= position;
        },
        std::chrono::seconds(20), std::chrono::milliseconds(50));
    if (!caught_up) throw std::runtime_error("the occupations projection did not reach the import's position");
  }

 protected:
  static json::value Search(const std::string& query) {
    const auto r = Get(port(), "/api/v1/occupations" + query);
    EXPECT_EQ(r.status, 200) << query << ": " << r.body;
    return r.Json();
  }

  static inline json::value first_import_, second_import_;
  static inline CommandResult refused_;
  static inline std::size_t events_before_ = 0, events_after_ = 0;
};

TEST_F(NationalOccupationsE2E, TheImportRecordsEachRowOnceAndARepeatNothing) {
  EXPECT_EQ(Int(first_import_, "added"), 1310) << json::serialize(first_import_);
  EXPECT_EQ(Int(first_import_, "changed"), 0);
  EXPECT_EQ(Int(first_import_, "version"), 1310);
  EXPECT_EQ(events_before_, 1310u);
  EXPECT_EQ(Int(second_import_, "added"), 0) << json::serialize(second_import_);
  EXPECT_EQ(Int(second_import_, "changed"), 0);
  EXPECT_EQ(Int(second_import_, "unchanged"), 1310);
  EXPECT_EQ(Int(second_import_, "position"), Int(first_import_, "position"));
}

TEST_F(NationalOccupationsE2E, ABadRowRefusesTheWholeFileNamingItsLine) {
  EXPECT_EQ(refused_.exit_code, 1);
  EXPECT_NE(refused_.err.find("validation_failed"), std::string::npos) << refused_.err;
  EXPECT_NE(refused_.err.find("line 3.code: unknown_parent"), std::string::npos) << refused_.err;
  EXPECT_NE(refused_.err.find("line 4.code: invalid_format"), std::string::npos) << refused_.err;
  EXPECT_EQ(events_after_, events_before_);  // line 2 was fine, and is not written either
  EXPECT_EQ(Get(port(), "/api/v1/occupations/251202").status, 404);
}

TEST_F(NationalOccupationsE2E, SearchFindsNationalRowsAtLevel5) {
  const auto java = Search("?q=java");
  ASSERT_EQ(Codes(java), (std::vector<std::string>{"251201"})) << json::serialize(java);
  const auto& item = Arr(java, "items")[0];
  EXPECT_EQ(Int(item, "level"), 5);
  EXPECT_EQ(Str(item, "parentCode"), "2512");
  EXPECT_EQ(Str(item, "nameTr"), "Java Yazılım Geliştiricisi");
  EXPECT_EQ(Str(item, "nameEn"), "Java Developer");
  const auto mig = Search("?q=" + UrlEncode("GAZALTI kaynakçı"));
  ASSERT_EQ(Codes(mig), (std::vector<std::string>{"721201"}));
  EXPECT_TRUE(Field(Arr(mig, "items")[0], "nameEn")->is_null());
  EXPECT_EQ(Codes(Search("?q=yazilim")), (std::vector<std::string>{"251", "2512", "251201", "2519"}));
  EXPECT_EQ(Codes(Search("?q=2512")), (std::vector<std::string>{"2512", "251201", "251297", "251298", "251299"}));
  EXPECT_EQ(Codes(Search("?level=5&parentCode=2512")),
            (std::vector<std::string>{"251201", "251297", "251298", "251299"}));
  EXPECT_EQ(Codes(Search("?q=" + UrlEncode("ulusal meslek 251298"))), (std::vector<std::string>{"251298"}));
  EXPECT_EQ(Int(Search("?level=4"), "total"), 436);
  // Major group 2: 126 ISCO-08 rows (92 unit groups), 3 national rows per unit group and 251201.
  EXPECT_EQ(Int(Search("?q=2"), "total"), 126 + 92 * 3 + 1);
}

TEST_F(NationalOccupationsE2E, MoreThan1000RowsAnswerTooManyResultsWithoutRows) {
  const auto all = ExpectProblem(Get(port(), "/api/v1/occupations"), 422, "too_many_results");
  EXPECT_FALSE(all.as_object().contains("items"));
  EXPECT_EQ(Str(all, "title"), "Kayıt sayısı 1000 den fazla ise mutlaka kriter girerek arama yapmanız gerekecektir.");
  // Filters that still match more than 1000 rows.
  ExpectProblem(Get(port(), "/api/v1/occupations?level=5"), 422, "too_many_results");
  ExpectProblem(Get(port(), "/api/v1/occupations?q=" + UrlEncode("ULUSAL")), 422, "too_many_results");
  // Narrower ones answer.
  EXPECT_EQ(Int(Search("?q=" + UrlEncode("ulusal") + "&parentCode=7212"), "total"), 3);
  EXPECT_EQ(Int(Search("?level=5&q=9"), "total"), 33 * 3);  // major group 9 has 33 unit groups
}

TEST_F(NationalOccupationsE2E, DetailShowsThePathToTheIscoAncestorsAndTheUnitGroupsChildren) {
  const auto r = Get(port(), "/api/v1/occupations/251201");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto d = r.Json();
  EXPECT_EQ(Int(d, "level"), 5);
  EXPECT_EQ(Codes(json::object{{"items", d.at("path")}}), (std::vector<std::string>{"2", "25", "251", "2512"}));
  EXPECT_EQ(Str(Arr(d, "path")[3], "nameTr"), "Yazılım Geliştiricileri");
  EXPECT_TRUE(Arr(d, "children").empty());
  const auto unit = Get(port(), "/api/v1/occupations/2512").Json();
  EXPECT_EQ(Codes(json::object{{"items", unit.at("children")}}),
            (std::vector<std::string>{"251201", "251297", "251298", "251299"}));
}

}  // namespace
}  // namespace e2e
