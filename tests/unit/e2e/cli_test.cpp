// End-to-end tests of the kclint binary: exit codes, bad input, fingerprints,
// determinism, the rules listing and SARIF validity.
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "rules/registry.h"
#include "tests/unit/e2e/e2e.h"

namespace {

namespace fs = std::filesystem;
using namespace e2e;

const char* kRootDockerfile = "FROM alpine:3.20\nRUN apk add curl\nHEALTHCHECK NONE\nCMD [\"sh\"]\n";
const char* kCleanDockerfile = "FROM alpine:3.20\nUSER app\nHEALTHCHECK NONE\nCMD [\"sh\"]\n";

TEST(Cli, ReportsRootStageAtItsFromLine) {
  TempDir dir;
  dir.write("Dockerfile", kRootDockerfile);
  Outcome r = run_kclint({"."}, dir.path());
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("Dockerfile:1:1: error CTR001 stage '0' has no USER instruction"), std::string::npos) << r.out;
}

TEST(Cli, NonRootStageIsClean) {
  TempDir dir;
  dir.write("Dockerfile", kCleanDockerfile);
  Outcome r = run_kclint({"."}, dir.path());
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("0 findings"), std::string::npos) << r.out;
}

TEST(Cli, FailOnSetsTheThreshold) {
  TempDir dir;
  dir.write("Dockerfile", "FROM alpine:3.20\nUSER app\nCMD [\"sh\"]\n");  // only CTR005, a note
  EXPECT_EQ(run_kclint({"."}, dir.path()).code, 0);
  EXPECT_EQ(run_kclint({".", "--fail-on", "warning"}, dir.path()).code, 0);
  EXPECT_EQ(run_kclint({".", "--fail-on", "note"}, dir.path()).code, 1);
  dir.write("Dockerfile", kRootDockerfile);
  EXPECT_EQ(run_kclint({".", "--fail-on", "never"}, dir.path()).code, 0);
  EXPECT_EQ(run_kclint({".", "--ignore", "CTR"}, dir.path()).code, 0);
  EXPECT_EQ(run_kclint({".", "--select", "CTR001"}, dir.path()).code, 1);
}

TEST(Cli, UsageErrorsExitTwoWithAHint) {
  Outcome unknown_flag = run_kclint({"--no-such-flag"});
  EXPECT_EQ(unknown_flag.code, 2);
  EXPECT_NE(unknown_flag.err.find("kclint --help"), std::string::npos) << unknown_flag.err;
  EXPECT_EQ(run_kclint({"does/not/exist"}).code, 2);
  EXPECT_EQ(run_kclint({"--format", "xml"}).code, 2);
  EXPECT_EQ(run_kclint({"--select", "NOPE999"}).code, 2);
  EXPECT_EQ(run_kclint({"explain", "NOPE999"}).code, 2);
}

TEST(Cli, InvalidConfigIsAnErrorWithItsPosition) {
  TempDir dir;
  dir.write("Dockerfile", kCleanDockerfile);
  dir.write(".kclint.yaml", "rules:\n  ignore: [CTR001]\n  levls: {}\n");
  Outcome r = run_kclint({"."}, dir.path());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(".kclint.yaml:3:3: unknown key 'rules.levls'"), std::string::npos) << r.err;
}

TEST(Cli, ConfigSelectsAndRelevelsRules) {
  TempDir dir;
  dir.write("Dockerfile", kRootDockerfile);
  dir.write(".kclint.yaml", "rules:\n  levels: {CTR001: warning}\n");
  Outcome r = run_kclint({"."}, dir.path());
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("warning CTR001"), std::string::npos) << r.out;
}

TEST(Cli, BadFilesBecomeKC000AndTheRunGoesOn) {
  TempDir dir;
  dir.write("app/Dockerfile", kRootDockerfile);
  dir.write("bin/Dockerfile", std::string("FROM alpine\0\x01\x02\xff", 16));
  dir.write("broken/Dockerfile", "FROM alpine:3.20\nRUN <<EOT\necho never closed\n");
  dir.write("latin1/Dockerfile", "FROM alpine:3.20\nLABEL who=\"Jos\xe9\"\n");
  Outcome r = run_kclint({".", "--format", "json"}, dir.path());
  EXPECT_EQ(r.code, 1) << r.err;
  auto report = nlohmann::json::parse(r.out);
  std::multiset<std::string> seen;
  for (const auto& f : report["findings"])
    seen.insert(f["rule"].get<std::string>() + " " + f["location"]["path"].get<std::string>());
  EXPECT_EQ(seen.count("CTR001 app/Dockerfile"), 1u) << r.out;
  EXPECT_EQ(seen.count("KC000 bin/Dockerfile"), 1u) << r.out;
  EXPECT_EQ(seen.count("KC000 broken/Dockerfile"), 1u) << r.out;
  EXPECT_EQ(seen.count("KC000 latin1/Dockerfile"), 1u) << r.out;
}

std::map<std::string, int> fingerprints(const std::string& json_report) {
  std::map<std::string, int> out;
  const nlohmann::json report = nlohmann::json::parse(json_report);
  for (const auto& f : report["findings"])
    out[f["fingerprint"].get<std::string>()] = f["location"]["line"].get<int>();
  return out;
}

TEST(Cli, FingerprintsSurviveInsertedLines) {
  TempDir dir;
  std::string text = "FROM node AS build\nRUN npm ci\n\nFROM node:20\nENV API_TOKEN=abc123\nCMD [\"node\"]\n";
  dir.write("Dockerfile", text);
  auto before = fingerprints(run_kclint({".", "--format", "json"}, dir.path()).out);
  dir.write("Dockerfile", "\n# a comment\n" + text);
  auto after = fingerprints(run_kclint({".", "--format", "json"}, dir.path()).out);
  ASSERT_GE(before.size(), 3u);
  ASSERT_EQ(before.size(), after.size());
  for (const auto& [fp, line] : before) {
    ASSERT_TRUE(after.count(fp)) << "fingerprint " << fp << " changed";
    EXPECT_EQ(after[fp], line + 2);
  }
}

std::string only_fingerprint(const std::string& json_report, const std::string& rule) {
  const nlohmann::json report = nlohmann::json::parse(json_report);
  for (const auto& f : report["findings"])
    if (f["rule"] == rule) return f["fingerprint"];
  return "";
}

TEST(Cli, FingerprintsFollowTheResourceAndValueNotTheFormatting) {
  TempDir dir;
  auto fp = [&](const std::string& text) {
    dir.write("Dockerfile", text);
    return only_fingerprint(run_kclint({".", "--format", "json", "--select", "CTR006"}, dir.path()).out, "CTR006");
  };
  std::string base = fp("FROM node:20 AS web\nENV API_TOKEN=abc123\nUSER node\n");
  ASSERT_FALSE(base.empty());
  EXPECT_EQ(base, fp("FROM   node:20   AS web\n\n\nENV    API_TOKEN=abc123\nUSER node\n"));  // reformatted
  EXPECT_NE(base, fp("FROM node:20 AS web\nENV DB_TOKEN=abc123\nUSER node\n"));              // offending value
  EXPECT_NE(base, fp("FROM node:20 AS api\nENV API_TOKEN=abc123\nUSER node\n"));             // resource
}

TEST(Cli, RulesJsonListsEveryRule) {
  Outcome r = run_kclint({"rules", "--format", "json"});
  ASSERT_EQ(r.code, 0);
  auto rules = nlohmann::json::parse(r.out);
  ASSERT_EQ(rules.size(), kclint::all_rules().size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const kclint::Rule& rule = *kclint::all_rules()[i];
    EXPECT_EQ(rules[i]["id"], std::string(rule.id));
    EXPECT_EQ(rules[i]["name"], std::string(rule.name));
    EXPECT_EQ(rules[i]["level"], std::string(kclint::to_string(rule.level)));
    EXPECT_EQ(rules[i]["family"], std::string(kclint::to_string(rule.family)));
    EXPECT_EQ(rules[i]["summary"], std::string(rule.summary));
  }
}

TEST(Cli, ExplainPrintsTheRuleDoc) {
  Outcome r = run_kclint({"explain", "CTR001"});
  EXPECT_EQ(r.code, 0);
  EXPECT_TRUE(r.out.starts_with("# CTR001 dockerfile-runs-as-root")) << r.out;
  EXPECT_EQ(run_kclint({"explain", "dockerfile-runs-as-root"}).out, r.out);
}

TEST(Cli, SymlinksOutOfTheRootAreNotFollowed) {
  TempDir outside, dir;
  outside.write("Dockerfile", kRootDockerfile);
  dir.write("Dockerfile", kCleanDockerfile);
  fs::create_symlink(outside.path() / "Dockerfile", dir.path() / "Dockerfile.linked");
  fs::create_directory_symlink(outside.path(), dir.path() / "linked-dir");
  Outcome r = run_kclint({"."}, dir.path());
  // The file link is reported (KC000), never read: no CTR001 from the outside file.
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("Dockerfile.linked:1:1: error KC000 symbolic link to a file outside the project root"),
            std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("CTR001"), std::string::npos) << r.out;
}

TEST(Cli, ProjectRootReportsOnlyTheGivenPaths) {
  TempDir dir;
  dir.write("a/Dockerfile", kRootDockerfile);
  dir.write("b/Dockerfile", kRootDockerfile);
  Outcome r = run_kclint({"--project-root", ".", "b/Dockerfile", "--format", "json"}, dir.path());
  EXPECT_EQ(r.code, 1);
  auto findings = nlohmann::json::parse(r.out)["findings"];
  ASSERT_EQ(findings.size(), 1u) << r.out;
  EXPECT_EQ(findings[0]["location"]["path"], "b/Dockerfile");
}

TEST(Cli, SiblingPathsWithoutMarkersAreSeparateProjects) {
  TempDir a, b;
  fs::remove(a.path() / ".kclint.yaml");
  fs::remove(b.path() / ".kclint.yaml");
  a.write("Dockerfile", kRootDockerfile);
  b.write("Dockerfile", kRootDockerfile);
  // Two findings with distinct fingerprints: each file is at the root of its own project.
  Outcome r = run_kclint({a.path().string(), b.path().string(), "--format", "json"});
  auto findings = nlohmann::json::parse(r.out)["findings"];
  ASSERT_EQ(findings.size(), 2u) << r.out;
  EXPECT_EQ(findings[0]["fingerprint"], findings[1]["fingerprint"]) << "same rel_path and resource in both projects";
}

TEST(Cli, WorkflowFilesGivenOneByOneAreStillWorkflows) {
  TempDir dir;
  fs::remove(dir.path() / ".kclint.yaml");
  dir.write(".github/workflows/ci.yml",
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: some/action@v1\n");
  Outcome r = run_kclint({(dir.path() / ".github/workflows/ci.yml").string(), "--format", "json"});
  auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["summary"]["files"], 1) << r.out;
  ASSERT_EQ(report["findings"].size(), 1u) << r.out;
  EXPECT_EQ(report["findings"][0]["rule"], "CI003");
}

TEST(Cli, GithubFormatWritesWorkflowCommands) {
  TempDir dir;
  dir.write("Dockerfile", kRootDockerfile);
  Outcome r = run_kclint({".", "--format", "github"}, dir.path());
  EXPECT_NE(r.out.find("::error file=Dockerfile,line=1,col=1,endLine=1,endColumn="), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(",title=CTR001 dockerfile-runs-as-root::stage '0' has no USER"), std::string::npos) << r.out;
}

TEST(Baseline, InsertedLinesAddNoNewFindings) {
  TempDir dir;
  dir.write("api/Dockerfile", "FROM node AS build\nRUN npm ci\nFROM node:20\nENV API_TOKEN=abc123\n");
  dir.write("worker/Dockerfile", kRootDockerfile);
  Outcome write = run_kclint({".", "--write-baseline", "baseline.json"}, dir.path());
  ASSERT_EQ(write.code, 0) << write.err;
  EXPECT_NE(write.err.find("recorded 5 findings"), std::string::npos) << write.err;
  for (const char* f : {"api/Dockerfile", "worker/Dockerfile"})
    dir.write(f, "\n" + slurp(dir.path() / f));
  Outcome after = run_kclint({".", "--baseline", "baseline.json"}, dir.path());
  EXPECT_EQ(after.code, 0) << after.out;
  EXPECT_NE(after.out.find("0 findings (0 errors, 0 warnings, 0 notes), 5 suppressed"), std::string::npos) << after.out;
  // A new finding is reported.
  dir.write("worker/Dockerfile", std::string(kRootDockerfile) + "ENV DB_PASSWORD=hunter2\n");
  Outcome changed = run_kclint({".", "--baseline", "baseline.json", "--format", "json"}, dir.path());
  EXPECT_EQ(changed.code, 1);
  auto report = nlohmann::json::parse(changed.out);
  EXPECT_EQ(report["summary"]["errors"], 1) << changed.out;
  EXPECT_EQ(run_kclint({".", "--baseline", "missing.json"}, dir.path()).code, 2);
}

// The pre-commit hook's invocation: the whole project is loaded, findings are
// reported only for the changed file — including the cross-file DEP001 that
// needs prisma/migrations and the task definition to be seen.
TEST(PreCommit, OneChangedWorkflowSeesTheWholeProject) {
  const std::string changed = "samples/knowledge-card/.github/workflows/deploy.yml";
  Outcome r = run_kclint({"--project-root", "samples/knowledge-card", changed, "--format", "json"});
  EXPECT_EQ(r.code, 1) << r.err;
  auto findings = nlohmann::json::parse(r.out)["findings"];
  bool dep001 = false;
  for (const auto& f : findings) {
    EXPECT_EQ(f["location"]["path"], changed) << f.dump();
    dep001 = dep001 || f["rule"] == "DEP001";
  }
  EXPECT_TRUE(dep001) << r.out;
  // The whole project has findings in other files, which the hook leaves out.
  Outcome all = run_kclint({"samples/knowledge-card", "--format", "json"});
  auto everything = nlohmann::json::parse(all.out)["findings"];
  EXPECT_GT(everything.size(), findings.size() + 5) << all.out;
}

TEST(Baseline, SampleWithABlankLineOnTopOfEveryFileHasNoNewFindings) {
  TempDir dir;
  fs::copy(fs::path(KCLINT_SOURCE_ROOT) / "samples" / "knowledge-card", dir.path() / "kc", fs::copy_options::recursive);
  Outcome write = run_kclint({"kc", "--write-baseline", "baseline.json"}, dir.path());
  ASSERT_EQ(write.code, 0) << write.err;
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir.path() / "kc"))
    if (e.is_regular_file()) {
      dir.write(fs::relative(e.path(), dir.path()).string(), "\n" + slurp(e.path()));
      ++files;
    }
  ASSERT_GT(files, 10);
  Outcome after = run_kclint({"kc", "--baseline", "baseline.json", "--format", "json"}, dir.path());
  auto report = nlohmann::json::parse(after.out);
  EXPECT_EQ(after.code, 0) << after.out;
  EXPECT_EQ(report["summary"]["errors"].get<int>() + report["summary"]["warnings"].get<int>() +
                report["summary"]["notes"].get<int>(), 0) << after.out;
  EXPECT_GT(report["summary"]["suppressed"].get<int>(), 10);
}

TEST(Stdin, LintsTheBufferAsTheNamedFile) {
  TempDir dir;
  dir.write("Dockerfile", kCleanDockerfile);
  std::string cmd_env = "NO_COLOR=1";
  fs::path input = dir.path() / "buffer.txt";
  std::ofstream(input) << kRootDockerfile;
  Outcome r = run_kclint({"--stdin", "--stdin-filename", "Dockerfile", "--format", "json"}, dir.path(),
                     "NO_COLOR=1 exec <" + quote(input.string()) + ";");
  EXPECT_EQ(r.code, 1) << r.err;
  auto findings = nlohmann::json::parse(r.out)["findings"];
  ASSERT_EQ(findings.size(), 1u) << r.out;
  EXPECT_EQ(findings[0]["rule"], "CTR001");
  EXPECT_EQ(findings[0]["location"]["path"], "Dockerfile");
  EXPECT_EQ(run_kclint({"--stdin"}, dir.path()).code, 2);
}

TEST(SuppressionPolicy, ForbidReportsInlineIgnoresAndKeepsTheFinding) {
  TempDir dir;
  dir.write(".kclint.yaml", "suppressions: forbid\n");
  dir.write("Dockerfile", std::string("# kclint:ignore CTR001 -- trust me\n") + kRootDockerfile);
  Outcome r = run_kclint({"."}, dir.path());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("error CTR001"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("error KC001 inline suppressions are forbidden"), std::string::npos) << r.out;
}

TEST(SuppressionPolicy, ConfigSuppressesByRuleAndPath) {
  TempDir dir;
  dir.write(".kclint.yaml",
            "suppress:\n  - rule: CTR001\n    path: \"tools/**\"\n    reason: build-only image, never deployed\n");
  dir.write("tools/Dockerfile", kRootDockerfile);
  dir.write("app/Dockerfile", kRootDockerfile);
  Outcome r = run_kclint({".", "--format", "sarif"}, dir.path());
  EXPECT_EQ(r.code, 1);
  auto results = nlohmann::json::parse(r.out)["runs"][0]["results"];
  ASSERT_EQ(results.size(), 2u);
  for (const auto& res : results) {
    bool tools = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "tools/Dockerfile";
    EXPECT_EQ(res.contains("suppressions"), tools) << res.dump();
    if (tools) {
      EXPECT_EQ(res["suppressions"][0]["kind"], "external");
    }
  }
}

TEST(Graph, DotRendersWithGraphvizAndShowsTheLinks) {
  Outcome r = run_kclint({"graph", "samples/startupwebapp"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("[label=\"builds\"]"), std::string::npos) << r.out;     // workflow → Dockerfile stage
  EXPECT_NE(r.out.find("[label=\"runs task\"]"), std::string::npos) << r.out;  // workflow → task definition
  EXPECT_NE(r.out.find("[label=\"runs image\"]"), std::string::npos) << r.out; // task definition → stage
  EXPECT_NE(r.out.find("CTR001\", color=red"), std::string::npos) << r.out;
  // Security-group peers with their ports, and the deploy job → task definition link.
  Outcome kc = run_kclint({"graph", "samples/knowledge-card"});
  EXPECT_NE(kc.out.find("[label=\"tcp 5432\"]"), std::string::npos) << kc.out;
  EXPECT_NE(kc.out.find("[label=\"tcp 6379\"]"), std::string::npos) << kc.out;
  EXPECT_NE(kc.out.find("[label=\"deploys\"]"), std::string::npos) << kc.out;
  Outcome mermaid = run_kclint({"graph", "samples/startupwebapp", "--format", "mermaid"});
  EXPECT_TRUE(mermaid.out.starts_with("flowchart LR\n")) << mermaid.out;
  if (std::system("command -v dot >/dev/null 2>&1") != 0) GTEST_SKIP() << "Graphviz is not installed: rendering skipped";
  fs::path dot = fs::temp_directory_path() / ("kclint-graph-" + std::to_string(::getpid()) + ".dot");
  std::ofstream(dot) << r.out;
  int status = std::system(("dot -Tsvg " + quote(dot.string()) + " -o /dev/null").c_str());
  fs::remove(dot);
  EXPECT_EQ(status, 0);
}

// SARIF from the samples validates against the official 2.1.0 schema.
TEST(Sarif, SamplesValidateAgainstTheSchema) {
  fs::path validator = fs::path(KCLINT_SOURCE_ROOT) / ".." / "shared" / "sarif" / "validate-sarif.mjs";
  if (!fs::exists(validator)) GTEST_SKIP() << "../shared/sarif is absent: SARIF schema validation skipped";
  if (std::system("command -v node >/dev/null 2>&1") != 0) GTEST_SKIP() << "node is not installed: SARIF schema validation skipped";
  fs::path modules = fs::path(KCLINT_BUILD_DIR) / ".." / "tools" / "node_modules";
  if (!fs::exists(modules / "ajv-formats"))
    GTEST_SKIP() << "ajv is not installed under build/tools (scripts/test.sh installs it): SARIF schema validation skipped";
  fs::path out = fs::temp_directory_path() / ("kclint-e2e-" + std::to_string(::getpid()) + ".sarif");
  Outcome r = run_kclint({"samples", "tests/fixtures", "--format", "sarif", "--output", out.string()});
  ASSERT_EQ(r.code, 1) << r.err;
  std::string cmd = "NODE_PATH=" + quote(fs::weakly_canonical(modules).string()) + " node " + quote(validator.string()) +
                    " " + quote(out.string()) + " 2>&1";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  std::string output;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) output.append(buf, n);
  int status = ::pclose(pipe);
  fs::remove(out);
  EXPECT_EQ(WEXITSTATUS(status), 0) << output;
}

}  // namespace
