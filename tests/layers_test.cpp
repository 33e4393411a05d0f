// Layers point down only. From the bottom: infra, events, aggregates, projections, commands,
// http. A file may include its own layer and the layers below it, never one above; only http/
// sees Boost.Beast. Every offending file:line is listed.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/server_sources.h"

namespace istihdam {
namespace {

const std::map<std::string, int> kRank = {{"infra", 0},    {"events", 1},   {"aggregates", 2},
                                          {"projections", 3}, {"commands", 4}, {"http", 5}};

// The layer of a path or an include ("commands/login.h" -> "commands"); "" for anything else.
std::string LayerOf(const std::string& path) {
  const auto layer = path.substr(0, path.find('/'));
  return kRank.count(layer) ? layer : "";
}

// "file:line: includes X (why)" for every include of `text` that points up or reaches Beast
// outside http/.
std::vector<std::string> Offenses(const std::string& file, const std::string& text) {
  static const std::regex include(R"re(^\s*#\s*include\s*([<"])([^>"]+)[>"])re");
  std::vector<std::string> out;
  const std::string from = LayerOf(file);
  if (from.empty()) return out;
  std::istringstream lines(text);
  std::string line;
  for (int n = 1; std::getline(lines, line); ++n) {
    std::smatch m;
    if (!std::regex_search(line, m, include)) continue;
    const std::string target = m[2].str();
    const std::string where = file + ":" + std::to_string(n) + ": includes " + target;
    if (m[1].str() == "<") {
      if (target.starts_with("boost/beast") && from != "http") {
        out.push_back(where + " (only http/ sees Beast)");
      }
      continue;
    }
    const std::string to = LayerOf(target);
    if (!to.empty() && kRank.at(to) > kRank.at(from)) {
      out.push_back(where + " (" + from + "/ is below " + to + "/)");
    }
  }
  return out;
}

TEST(LayersTest, TheCheckSeesUpwardIncludes) {
  EXPECT_EQ(Offenses("infra/a.cpp", R"(#include "infra/b.h"
#include "events/c.h")").size(), 1u);
  EXPECT_EQ(Offenses("projections/a.cpp", R"(#include "commands/session.h")").size(), 1u);
  EXPECT_EQ(Offenses("commands/a.cpp", R"(#include <boost/beast/http.hpp>
  #  include "http/app.h")").size(), 2u);
  EXPECT_EQ(Offenses("aggregates/a.h", R"(#include "events/x.h"
#include "infra/y.h"
#include <vector>)").size(), 0u);
  EXPECT_EQ(Offenses("http/a.cpp", R"(#include <boost/beast/core.hpp>
#include "commands/x.h")").size(), 0u);
  EXPECT_EQ(Offenses("infra/a.cpp", R"(// #include "http/app.h" in a comment)").size(), 0u);
}

TEST(LayersTest, NoLayerIncludesOneAboveIt) {
  std::vector<std::string> offenses;
  int files = 0;
  testing::ForEachServerSource([&](const std::string& file, const std::string& text) {
    ++files;
    for (auto& o : Offenses(file, text)) offenses.push_back(std::move(o));
  });
  ASSERT_GT(files, 100);  // the walk found the sources
  std::string list;
  for (const auto& o : offenses) list += "\n  " + o;
  EXPECT_TRUE(offenses.empty())
      << offenses.size() << " include(s) point up the layers (infra < events < aggregates < "
      << "projections < commands < http; Beast only in http/):" << list;
}

}  // namespace
}  // namespace istihdam
