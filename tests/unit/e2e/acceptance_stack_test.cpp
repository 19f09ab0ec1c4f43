// Acceptance stacks (seed 000, Knowledge Card): a Terraform stack and an
// equivalent CloudFormation stack as the tickets ask for them, under
// tests/data/acceptance/<stack>/{good,bad}/.
//
// - good: security groups referencing each other by id (ALB -> ECS -> RDS /
//   Redis), RDS Multi-AZ, Redis with failover, two tasks on ARM64 Fargate, the
//   task role scoped to the secret ARNs... kclint reports nothing in the IAM,
//   SG, AZ, COST and SEC families.
// - bad: the same stack with `multi_az = false`, a 0.0.0.0/0 ingress on 5432,
//   a rule pointing at a security group that does not exist,
//   AdministratorAccess attached and iam:PassRole on "*": kclint reports
//   exactly AZ001, SG001, SG004, IAM005 and IAM006, each on the line that
//   carries a trailing `# RULEID` marker comment in the data files (the line
//   numbers are read from the markers, not written here).
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/unit/e2e/e2e.h"

namespace {

namespace fs = std::filesystem;
using namespace e2e;

const char* const kFamilies = "IAM,SG,AZ,COST,SEC";
const std::multiset<std::string> kBadRules = {"AZ001", "IAM005", "IAM006", "SG001", "SG004"};

// Runs `kclint . --format json --select IAM,SG,AZ,COST,SEC` inside `dir`.
Outcome lint(const fs::path& dir) {
  return run_kclint({".", "--format", "json", "--select", kFamilies, "--jobs", "2"}, dir);
}

// A finding or an expectation: rule id, path relative to the stack folder, line.
using Site = std::tuple<std::string, std::string, int>;

std::string describe(const Site& s) {
  return std::get<0>(s) + " at " + std::get<1>(s) + ":" + std::to_string(std::get<2>(s));
}

std::string describe(const std::multiset<Site>& sites) {
  std::string out;
  for (const Site& s : sites) out += "\n  " + describe(s);
  return out.empty() ? "\n  (none)" : out;
}

// The `# RULEID` markers that end lines of the stack's files.
std::multiset<Site> markers(const fs::path& dir) {
  static const std::regex marker(R"(#\s*([A-Z]+[0-9]{3})\s*$)");
  std::multiset<Site> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().filename() == ".kclint.yaml") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::smatch m;
      if (std::regex_search(line, m, marker))
        out.insert({m[1].str(), e.path().lexically_relative(dir).generic_string(), n});
    }
  }
  return out;
}

std::multiset<Site> findings(const nlohmann::json& report) {
  std::multiset<Site> out;
  for (const auto& f : report.at("findings"))
    out.insert({f.at("rule").get<std::string>(), f.at("location").at("path").get<std::string>(),
                f.at("location").at("line").get<int>()});
  return out;
}

fs::path stack_dir(const std::string& stack, const std::string& variant) {
  return fs::path(KCLINT_SOURCE_ROOT) / "tests" / "data" / "acceptance" / stack / variant;
}

class AcceptanceStack : public ::testing::TestWithParam<std::string> {};

TEST_P(AcceptanceStack, GoodStackHasNoFindings) {
  fs::path dir = stack_dir(GetParam(), "good");
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  EXPECT_TRUE(markers(dir).empty()) << "the good stack carries no markers:" << describe(markers(dir));
  Outcome r = lint(dir);
  ASSERT_EQ(r.code, 0) << r.out;
  nlohmann::json report = nlohmann::json::parse(r.out);
  EXPECT_GT(report.at("summary").at("files").get<int>(), 0) << r.out;
  EXPECT_TRUE(report.at("findings").empty()) << "unexpected findings:" << describe(findings(report));
}

TEST_P(AcceptanceStack, BadStackReportsExactlyTheFiveFlawsAtTheirLines) {
  fs::path dir = stack_dir(GetParam(), "bad");
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  std::multiset<Site> expected = markers(dir);
  // The data must mark each of the five flaws once, and nothing else.
  std::multiset<std::string> marked;
  for (const Site& s : expected) marked.insert(std::get<0>(s));
  ASSERT_EQ(marked, kBadRules) << "markers in " << dir.generic_string() << ":" << describe(expected);

  Outcome r = lint(dir);
  ASSERT_EQ(r.code, 1) << r.out;
  nlohmann::json report = nlohmann::json::parse(r.out);
  std::multiset<Site> actual = findings(report);
  EXPECT_EQ(actual, expected) << "expected (from the markers):" << describe(expected)
                              << "\nreported:" << describe(actual);
  std::multiset<std::string> rules;
  for (const auto& f : report.at("findings")) rules.insert(f.at("rule").get<std::string>());
  EXPECT_EQ(rules, kBadRules);
}

INSTANTIATE_TEST_SUITE_P(Seed000, AcceptanceStack, ::testing::Values("seed000-tf", "seed000-cfn"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param == "seed000-tf" ? std::string("Terraform") : std::string("CloudFormation");
                         });

}  // namespace
