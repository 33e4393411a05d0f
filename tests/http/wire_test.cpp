// The wire archives (http/wire.h): what a request body, a query string and a stored document
// read into, what an answer writes, and the schema they publish.
#include "http/wire.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace istihdam::http::wire {
namespace {

namespace json = boost::json;

struct Contact {
  std::string type, value;
  template <class A>
  void serialize(A& ar) {
    ar(F("type", type).oneOf({"phone", "email"}), F("value", value));
  }
};

struct Body {
  std::string title, note, checked;
  std::int64_t count = 0;
  std::optional<std::int64_t> quota;
  bool flag = false;
  std::vector<Contact> contacts;
  std::optional<std::string> closing;
  template <class A>
  void serialize(A& ar) {
    ar(F("title", title).required(), F("note", note).text(), F("checked", checked).requiredByCommand(),
       F("count", count).range(0, 10), F("quota", quota), F("flag", flag), F("contacts", contacts),
       F("closing", closing).nullable().formatted("date"));
  }
};

struct Listing : Paging {
  std::string title;
  template <class A>
  void serialize(A& ar) {
    ar(F("title", title));
    Paging::serialize(ar);
  }
};

TEST(WireTest, ABodyReadsIntoItsType) {
  auto b = ReadBody<Body>(R"({"title":"T","note":"a\nb","count":3,"quota":7,"flag":true,
                             "contacts":[{"type":"email","value":"x@y.tr"}],"unknown":1})");
  ASSERT_TRUE(b.ok()) << b.error().code;
  EXPECT_EQ(b->title, "T");
  EXPECT_EQ(b->note, "a\nb");
  EXPECT_EQ(b->count, 3);
  EXPECT_EQ(b->quota, 7);
  EXPECT_TRUE(b->flag);
  ASSERT_EQ(b->contacts.size(), 1u);
  EXPECT_EQ(b->contacts[0].value, "x@y.tr");
  EXPECT_FALSE(b->closing.has_value());
}

TEST(WireTest, EveryWrongTypeIsNamedInOne400) {
  auto b = ReadBody<Body>(R"({"count":"3","flag":1,"contacts":[{"type":5},"x"],"quota":1.5})");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, "invalid_type");
  const std::vector<FieldError> want = {
      {"count", "invalid_type"}, {"quota", "invalid_type"}, {"flag", "invalid_type"},
      {"contacts[0].type", "invalid_type"}, {"contacts[1]", "invalid_type"}};
  EXPECT_EQ(b.error().fields, want);  // and no "required" for title until the shape is right
}

TEST(WireTest, MissingRequiredFieldsAndBadTextAreOne422) {
  auto b = ReadBody<Body>(R"({"title":"  ","note":"ok\ttab","contacts":[{"value":"a\u0000b"}]})");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, "validation_failed");
  const std::vector<FieldError> want = {{"title", "required"}, {"contacts[0].value", "invalid_text"}};
  EXPECT_EQ(b.error().fields, want);  // "checked" is left to the command
}

TEST(WireTest, OnlyAnObjectIsABody) {
  EXPECT_EQ(ReadBody<Body>("[1]").error().code, "malformed_json");
  EXPECT_EQ(ReadBody<Body>("{\"title\":").error().code, "malformed_json");
}

TEST(WireTest, QueryParametersAreDigitsWithinTheirRange) {
  auto q = ReadQuery<Listing>({{"title", "Ada"}, {"pageSize", "100"}});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->title, "Ada");
  EXPECT_EQ(q->page, 1u);
  EXPECT_EQ(q->page_size, 100u);
  auto bad = ReadQuery<Listing>({{"page", "0"}, {"pageSize", "-1"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "invalid_parameter");
  const std::vector<FieldError> want = {{"page", "invalid_format"}, {"pageSize", "invalid_format"}};
  EXPECT_EQ(bad.error().fields, want);
  EXPECT_FALSE(ReadQuery<Listing>({{"page", "99999999999999999999999"}}).ok());
  EXPECT_FALSE(ReadQuery<Listing>({{"page", "+2"}}).ok());
}

TEST(WireTest, AnAnswerWritesItsDeclaredShape) {
  Body b;
  b.title = "T";
  b.contacts = {{"phone", "1"}};
  const auto v = ToJson(b).as_object();
  EXPECT_EQ(v.at("title"), "T");
  EXPECT_FALSE(v.contains("quota"));            // an empty optional is left out
  EXPECT_TRUE(v.at("closing").is_null());        // unless it is nullable
  EXPECT_EQ(v.at("contacts").as_array()[0].at("type"), "phone");
}

struct Nothing {
  template <class A>
  void serialize(A& ar) {
    ar();
  }
};

struct Everything {
  std::string text;
  std::uint64_t big = 0;
  std::int64_t negative = 0;
  double ratio = 0;
  std::optional<double> missing_ratio;
  std::vector<std::string> names;
  std::vector<Contact> empty;
  json::value free_form;
  Body nested;
  Nothing none;
  template <class A>
  void serialize(A& ar) {
    ar(F("text", text), F("big", big), F("negative", negative), F("ratio", ratio), F("missingRatio", missing_ratio),
       F("names", names), F("empty", empty), F("freeForm", free_form), F("nested", nested), F("none", none));
  }
};

TEST(WireTest, TheTextWriterWritesWhatTheDocumentSerializesTo) {
  Everything e;
  // Every byte below 0x20, the two that JSON escapes, DEL and multi-byte UTF-8.
  for (int c = 1; c < 0x20; ++c) e.text.push_back(static_cast<char>(c));
  e.text += "\"\\/\x7fÇığ€😀 end";
  e.big = 18'000'000'000'000'000'000ull;  // past INT64_MAX: written as ToJson writes it
  e.negative = -42;
  e.ratio = 0.1 + 0.2;
  e.names = {"a", "", "ş\n"};
  e.free_form = json::parse(R"({"k":[1,2.5,null,true,"x\u0001"]})");
  e.nested.title = "İç";
  e.nested.quota = 7;
  e.nested.contacts = {{"phone", "0532"}, {"email", "a@b.c"}};
  EXPECT_EQ(ToJsonText(e), json::serialize(ToJson(e)));
  const Everything blank;
  EXPECT_EQ(ToJsonText(blank), json::serialize(ToJson(blank)));
  EXPECT_EQ(ToJsonText(Nothing{}), "{}") << "an object with no field written";
}

TEST(WireTest, ADocumentIsAnsweredWhateverItHolds) {
  const auto doc = json::parse(R"({"title":5,"count":2,"extra":"dropped"})").as_object();
  const auto b = FromDocument<Body>(doc);
  EXPECT_EQ(b.title, "");  // the wrong type keeps the default
  EXPECT_EQ(b.count, 2);
  EXPECT_FALSE(ToJson(b).as_object().contains("extra"));
}

TEST(WireTest, TheSchemaSaysWhatTheFieldsSay) {
  ChoiceSource none;
  const auto s = SchemaOf<Body>(none);
  EXPECT_EQ(s.at("required"), json::parse(R"(["title","checked"])"));
  const auto& p = s.at("properties").as_object();
  EXPECT_EQ(p.at("count"), json::parse(R"({"type":"integer","minimum":0,"maximum":10})"));
  EXPECT_EQ(p.at("closing"), json::parse(R"({"type":"string","nullable":true,"format":"date"})"));
  EXPECT_EQ(p.at("contacts").at("items").at("properties").at("type"),
            json::parse(R"({"type":"string","enum":["phone","email"]})"));
  const auto params = QueryParameters<Listing>(none);
  ASSERT_EQ(params.size(), 3u);
  EXPECT_EQ(params[2].at("name"), "pageSize");
  EXPECT_EQ(params[2].at("schema"), json::parse(R"({"type":"integer","minimum":1,"maximum":100})"));
}

struct Absence {
  std::string type;
  template <class A>
  void serialize(A& ar) {
    ar(F("type", type).from(lists::kAttendanceTypes));
  }
};

TEST(WireTest, ReferenceListsComeFromTheLoadedData) {
  const std::vector<std::string> codes = {"sickLeave", "paidLeave"};
  ChoiceSource source{&codes, [](const void* src, std::string_view) {
                        return *static_cast<const std::vector<std::string>*>(src);
                      }};
  EXPECT_EQ(SchemaOf<Absence>(source).at("properties").at("type").at("enum"),
            json::parse(R"(["sickLeave","paidLeave"])"));
}

}  // namespace
}  // namespace istihdam::http::wire
