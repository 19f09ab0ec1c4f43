// The registry's invariants: ids unique and well formed, every rule
// documented and covered by positive and negative fixtures.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <re2/re2.h>

#include "analyzer/report/report.h"
#include "rules/registry.h"
#include "tests/support/fixtures.h"

namespace kclint::testing {
namespace {

namespace fs = std::filesystem;

TEST(Registry, IdsAndNamesAreUniqueAndWellFormed) {
  std::set<std::string_view> ids, names;
  std::string_view previous;
  for (const Rule* r : all_rules()) {
    EXPECT_TRUE(RE2::FullMatch(std::string(r->id), "[A-Z]+[0-9]{3}")) << r->id;
    EXPECT_TRUE(std::string_view(r->id).starts_with(to_string(r->family))) << r->id << " is not in its family";
    EXPECT_TRUE(RE2::FullMatch(std::string(r->name), "[a-z0-9]+(-[a-z0-9]+)*")) << r->name;
    EXPECT_TRUE(ids.insert(r->id).second) << "duplicate id " << r->id;
    EXPECT_TRUE(names.insert(r->name).second) << "duplicate name " << r->name;
    EXPECT_LT(previous, r->id) << "registry not sorted at " << r->id;
    EXPECT_FALSE(r->summary.empty()) << r->id;
    EXPECT_NE(r->level, Level::None) << r->id;
    previous = r->id;
  }
}

TEST(Registry, EveryRuleHasADocPage) {
  for (const Rule* r : all_rules()) {
    fs::path doc = source_root() / "docs" / "rules" / (std::string(r->id) + ".md");
    EXPECT_TRUE(fs::exists(doc)) << doc;
    std::string_view embedded = rule_doc(r->id);
    EXPECT_FALSE(embedded.empty()) << r->id << " doc is not embedded";
    EXPECT_TRUE(embedded.starts_with(fmt::format("# {} {}", r->id, r->name)))
        << r->id << " doc must start with '# " << r->id << ' ' << r->name << "'";
  }
}

// A rule is covered when some fixture expects it (positive) and some fixture
// file of its folder has no expectation of it (negative).
TEST(Registry, EveryRuleHasPositiveAndNegativeFixtures) {
  std::map<std::string, std::pair<int, int>> cover;  // id → (positive files, negative files)
  for (const FixtureCase& c : discover_fixtures()) {
    std::vector<fs::path> files;
    if (fs::is_directory(c.path)) {
      for (const auto& e : fs::recursive_directory_iterator(c.path))
        if (e.is_regular_file() && e.path().extension() != ".expect") files.push_back(e.path());
    } else {
      files.push_back(c.path);
    }
    for (const fs::path& f : files) {
      std::string error;
      auto expectations = read_expectations(f, f.string(), &error);
      bool positive = std::any_of(expectations.begin(), expectations.end(),
                                  [&](const Expectation& e) { return e.rule == c.rule_id; });
      (positive ? cover[c.rule_id].first : cover[c.rule_id].second)++;
    }
  }
  for (const Rule* r : all_rules()) {
    auto [pos, neg] = cover[std::string(r->id)];
    EXPECT_GT(pos, 0) << r->id << " (" << r->name << ") has no positive fixture";
    EXPECT_GT(neg, 0) << r->id << " (" << r->name << ") has no negative fixture";
  }
}

}  // namespace
}  // namespace kclint::testing
