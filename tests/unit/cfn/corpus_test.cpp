// CloudFormation front end over the real-world corpus: every template the
// manifest lists loads, evaluates and lowers with no KC000, and files that are
// not templates are not classified as CloudFormation.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "analyzer/discover.h"
#include "analyzer/run.h"

namespace kclint {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Corpus files the manifest calls templates that are not deployable templates
// on their own, with the reason. Empty: every one of them loads cleanly.
const std::map<std::string, std::string> kNotTemplates = {};

struct Corpus {
  fs::path root;
  nlohmann::json manifest;
};

std::optional<Corpus> corpus() {
  fs::path root = fs::path(KCLINT_SOURCE_ROOT) / ".." / "shared" / "corpus";
  if (!fs::exists(root / "manifest.json")) return std::nullopt;
  nlohmann::json m = nlohmann::json::parse(read_file(root / "manifest.json"), nullptr, false);
  if (m.is_discarded()) return std::nullopt;
  return Corpus{root.lexically_normal(), std::move(m)};
}

bool is_template_format(const std::string& f) { return f == "cloudformation-yaml" || f == "cloudformation-json"; }

TEST(CfnCorpus, EveryTemplateLoadsAndLowersWithoutKC000) {
  std::optional<Corpus> c = corpus();
  if (!c) GTEST_SKIP() << "shared corpus not found at " << KCLINT_SOURCE_ROOT << "/../shared/corpus";
  std::vector<std::string> files;
  std::set<std::string> templates;
  for (const nlohmann::json& entry : c->manifest.at("files")) {
    std::string format = entry.value("format", "");
    std::string rel = entry.at("path").get<std::string>();
    if (kNotTemplates.count(rel)) continue;
    if (is_template_format(format) || format == "cloudformation-parameters-json") files.push_back((c->root / rel).string());
    if (is_template_format(format)) templates.insert(rel);
  }
  ASSERT_GT(templates.size(), 300u);
  LoadOptions options;
  options.jobs = 2;
  std::unique_ptr<Project> project = load_project(c->root.string(), files, options);
  std::size_t loaded = 0;
  for (const SourceFile& f : project->files()) {
    for (const Diagnostic& d : f.diagnostics)
      ADD_FAILURE() << f.rel_path << ":" << d.span.line << ":" << d.span.column << ": KC000 " << d.message;
    if (templates.count(f.rel_path)) {
      EXPECT_EQ(f.format, Format::CloudFormation) << f.rel_path;
      ++loaded;
    }
  }
  EXPECT_EQ(loaded, templates.size());
  // Templates that lower to no resource are listed: empty Resources, a
  // macro's own syntax (Transform: ShortHand), Fn::ForEach only, or stacks
  // whose Condition is false with the default parameters.
  std::set<FileId> with_resources;
  for (std::size_t i = 0; i < project->resource_count(); ++i) with_resources.insert(project->resource(i).file);
  std::size_t empty = 0;
  for (const SourceFile& f : project->files())
    if (f.format == Format::CloudFormation && !with_resources.count(f.id)) {
      ++empty;
      std::cout << "[ no res.  ] " << f.rel_path << "\n";
    }
  EXPECT_LE(empty, 13u) << "more templates than before lowered to no resource";
  EXPECT_GT(project->resource_count(), 1800u);
  std::cout << "[ corpus   ] " << loaded << " templates, " << project->resource_count() << " resources, "
            << project->edges().size() << " edges\n";
}

TEST(CfnCorpus, OtherYamlAndJsonIsNotCloudFormation) {
  std::optional<Corpus> c = corpus();
  if (!c) GTEST_SKIP() << "shared corpus not found at " << KCLINT_SOURCE_ROOT << "/../shared/corpus";
  std::size_t checked = 0;
  for (const nlohmann::json& entry : c->manifest.at("files")) {
    std::string format = entry.value("format", "");
    std::string rel = entry.at("path").get<std::string>();
    if (format != "yaml-other" && format != "json-other" && !is_template_format(format)) continue;
    Format got = classify(rel, read_file(c->root / rel));
    if (is_template_format(format))
      EXPECT_EQ(got, Format::CloudFormation) << rel;
    else
      EXPECT_NE(got, Format::CloudFormation) << rel;
    ++checked;
  }
  EXPECT_GT(checked, 300u);
}

}  // namespace
}  // namespace kclint
