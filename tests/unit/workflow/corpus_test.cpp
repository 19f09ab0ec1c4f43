// Every workflow and ECS task definition of the shared corpus loads through
// the project loader without a parse error, lowers to resources, and survives
// every rule.
#include <map>
#include <set>

#include "analyzer/engine.h"
#include "parsers/json/json.h"
#include "tests/unit/workflow/helpers.h"

namespace kclint::testing {
namespace {

namespace fs = std::filesystem;

TEST(Corpus, WorkflowsAndTaskDefinitionsLoadCleanly) {
  fs::path corpus = fs::path(KCLINT_SOURCE_ROOT) / ".." / "shared" / "corpus";
  if (!fs::exists(corpus / "manifest.json")) GTEST_SKIP() << "../shared/corpus is not present; corpus test skipped";
  std::ifstream in(corpus / "manifest.json", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LoadResult manifest = json::load(0, text);
  ASSERT_TRUE(manifest.diagnostics.empty());
  const Value* files = manifest.value.get("files");
  ASSERT_TRUE(files && files->list_value());

  // One project per source repository, holding its workflows and task definitions.
  std::map<std::string, std::vector<std::string>> by_source;
  std::map<std::string, Format> expected;
  for (const Value& f : *files->list_value()) {
    const std::string* format = f.get("format")->string_value();
    const std::string* path = f.get("path")->string_value();
    if (!format || !path || (*format != "github-workflow" && *format != "ecs-task-definition")) continue;
    std::string source = path->substr(0, path->find('/'));
    std::string abs = (corpus / *path).lexically_normal().string();
    by_source[source].push_back(abs);
    expected[abs] = *format == "github-workflow" ? Format::Workflow : Format::TaskDefinition;
  }
  ASSERT_FALSE(by_source.empty());
  std::size_t checked = 0;
  for (auto& [source, list] : by_source) {
    fs::path root = (corpus / source).lexically_normal();
    auto project = load_project(root.string(), list, LoadOptions{});
    ASSERT_EQ(project->files().size(), list.size()) << source;
    for (const SourceFile& f : project->files()) {
      ++checked;
      for (const Diagnostic& d : f.diagnostics)
        ADD_FAILURE() << f.path << ":" << d.span.line << ":" << d.span.column << ": KC000 " << d.message;
      std::string abs = (root / f.rel_path).lexically_normal().string();
      EXPECT_EQ(f.format, expected[abs]) << f.path;
      Kind kind = f.format == Format::Workflow ? Kind::Workflow : Kind::EcsTaskDefinition;
      auto of_kind = project->of_kind(kind);
      EXPECT_TRUE(std::any_of(of_kind.begin(), of_kind.end(), [&](const Resource* r) { return r->file == f.id; }))
          << f.path << " lowered to no " << to_string(kind);
    }
    std::vector<Finding> findings = run_engine(*project, Selection{}, 1);  // every rule, no crash
    for (const Finding& finding : findings) EXPECT_NE(finding.rule->id, "KC000") << finding.message;
  }
  EXPECT_GE(checked, 200u);
}

}  // namespace
}  // namespace kclint::testing
