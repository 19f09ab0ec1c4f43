// Runs every rule fixture under tests/fixtures/<family>/<rule-name>/: a file is
// a one-file project, a folder is a project of all its files. Matching is
// exhaustive for the rule under test (and KC000 and any rule an expectation
// names): every finding needs an expectation, every expectation a finding.
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "analyzer/config.h"
#include "analyzer/engine.h"
#include "analyzer/run.h"
#include "tests/support/fixtures.h"

namespace kclint::testing {
namespace {

namespace fs = std::filesystem;

class FixtureTest : public ::testing::TestWithParam<FixtureCase> {};

}  // namespace
void PrintTo(const FixtureCase& c, std::ostream* os) { *os << c.path.lexically_relative(source_root()).generic_string(); }
namespace {

std::string describe(const Expectation& e) {
  return fmt::format("{}:{}{}: {} \"{}\" (from {})", e.file, e.line, e.column ? fmt::format(":{}", e.column) : "",
                     e.rule, e.substring, e.origin);
}

TEST_P(FixtureTest, FindingsMatchExpectations) {
  const FixtureCase& c = GetParam();
  fs::current_path(source_root());
  std::vector<std::string> files;
  if (fs::is_directory(c.path)) {
    for (const auto& e : fs::recursive_directory_iterator(c.path))
      if (e.is_regular_file() && e.path().extension() != ".expect" && e.path().filename() != ".kclint.yaml")
        files.push_back(e.path().string());
  } else {
    files.push_back(c.path.string());
  }
  std::sort(files.begin(), files.end());
  fs::path root = fs::is_directory(c.path) ? c.path : c.path.parent_path();

  std::vector<Expectation> expected;
  std::set<std::string> selected = {c.rule_id, "KC000"};
  for (const std::string& f : files) {
    std::string error;
    std::string display = fs::path(f).lexically_relative(source_root()).generic_string();
    for (Expectation& e : read_expectations(f, display, &error)) {
      selected.insert(e.rule);
      expected.push_back(std::move(e));
    }
    ASSERT_TRUE(error.empty()) << error;
  }

  // A folder fixture may carry a `.kclint.yaml` (environments, cost policy, patterns).
  LoadOptions options;
  if (fs::is_directory(c.path) && fs::exists(root / ".kclint.yaml")) {
    ConfigResult config = load_config((root / ".kclint.yaml").string(), true);
    ASSERT_TRUE(config.error.empty()) << config.error;
    options.settings = config.config.settings;
    options.settings.config_file = ".kclint.yaml";
  }
  std::unique_ptr<Project> project = load_project(root.string(), files, options);
  Selection selection;
  // KC001/KC002 are about other rules' findings: their fixtures run every rule.
  if (c.rule_id != "KC001" && c.rule_id != "KC002") selection.select.assign(selected.begin(), selected.end());
  std::vector<Finding> findings = run_engine(*project, selection, 1);

  std::vector<bool> matched(expected.size(), false);
  std::vector<std::string> unexpected;
  for (const Finding& f : findings) {
    if (f.suppression != SuppressionKind::None) continue;
    std::string path = f.span.valid() ? project->file(f.span.file).path : "";
    bool ok = false;
    for (std::size_t i = 0; i < expected.size() && !ok; ++i) {
      const Expectation& e = expected[i];
      if (matched[i] || e.rule != f.rule->id || e.file != path || e.line != f.span.line) continue;
      if (e.column && e.column != f.span.column) continue;
      if (f.message.find(e.substring) == std::string::npos) continue;
      matched[i] = ok = true;
    }
    if (!ok)
      unexpected.push_back(fmt::format("{}:{}:{}: {} {}", path, f.span.line, f.span.column, f.rule->id, f.message));
  }
  std::string report;
  for (const std::string& u : unexpected) report += "  unexpected finding: " + u + "\n";
  for (std::size_t i = 0; i < expected.size(); ++i)
    if (!matched[i]) report += "  missing finding:    " + describe(expected[i]) + "\n";
  if (!report.empty()) {
    report += "  all findings:\n";
    for (const Finding& f : findings)
      report += fmt::format("    {}:{}:{}: {} {}{}\n", f.span.valid() ? project->file(f.span.file).path : "",
                            f.span.line, f.span.column, f.rule->id, f.message,
                            f.suppression != SuppressionKind::None ? " (suppressed)" : "");
  }
  EXPECT_TRUE(report.empty()) << "fixture " << c.path.lexically_relative(source_root()).generic_string() << ":\n"
                              << report;
}

INSTANTIATE_TEST_SUITE_P(Rules, FixtureTest, ::testing::ValuesIn(discover_fixtures()),
                         [](const ::testing::TestParamInfo<FixtureCase>& info) { return info.param.name; });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FixtureTest);

}  // namespace
}  // namespace kclint::testing
