// Same input, byte-identical report, whatever --jobs: on samples/ with the rule
// fixtures, and on a repository made by bench/generate.sh from the real-world
// corpus.
#include <gtest/gtest.h>

#include <cstdlib>

#include "e2e.h"

namespace {

using e2e::Outcome;
using e2e::run_kclint;
namespace fs = std::filesystem;

void expect_identical_reports(const std::vector<std::string>& paths, const fs::path& cwd) {
  auto sarif = [&](const std::string& jobs) {
    std::vector<std::string> args = paths;
    for (const char* a : {"--format", "sarif", "--fail-on", "never", "--jobs"}) args.emplace_back(a);
    args.push_back(jobs);
    return run_kclint(args, cwd);
  };
  Outcome first = sarif("1");
  ASSERT_EQ(first.code, 0) << first.err;
  ASSERT_NE(first.out.find("\"results\""), std::string::npos);
  Outcome four = sarif("4");
  Outcome again = sarif("1");
  Outcome four_again = sarif("4");
  // EXPECT_TRUE, not EXPECT_EQ: a diff of two multi-megabyte reports is no help.
  EXPECT_TRUE(four.out == first.out) << "--jobs 4 differs from --jobs 1";
  EXPECT_TRUE(again.out == first.out) << "a second --jobs 1 run differs from the first";
  EXPECT_TRUE(four_again.out == four.out) << "a second --jobs 4 run differs from the first";
}

TEST(Determinism, SamplesGiveTheSameReportAtAnyJobCount) {
  expect_identical_reports({"samples", "tests/fixtures"}, KCLINT_SOURCE_ROOT);
}

TEST(Determinism, GeneratedRepositoryGivesTheSameReportAtAnyJobCount) {
  fs::path root = KCLINT_SOURCE_ROOT;
  if (!fs::exists(root / "../shared/corpus/manifest.json"))
    GTEST_SKIP() << "../shared/corpus is absent beside the project root: no repository to generate";
  e2e::TempDir dir;
  fs::path repo = dir.path() / "repo";
  std::string cmd = "bash " + e2e::quote((root / "bench/generate.sh").string()) + " " + e2e::quote(repo.string()) +
                    " 2 >/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  ASSERT_TRUE(fs::exists(repo / "repo-1/samples"));
  expect_identical_reports({"repo"}, dir.path());
}

}  // namespace
