// Terraform front end over the real-world corpus: each top-level folder with
// Terraform files loads as one project with no KC000 and no crash (timed).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analyzer/run.h"

namespace kclint {
namespace {

namespace fs = std::filesystem;

TEST(TfCorpus, EveryTerraformFolderLoadsWithoutKC000) {
  fs::path root = fs::path(KCLINT_SOURCE_ROOT) / ".." / "shared" / "corpus";
  if (!fs::exists(root / "manifest.json")) GTEST_SKIP() << "shared corpus not found at " << KCLINT_SOURCE_ROOT << "/../shared/corpus";
  std::ifstream in(root / "manifest.json");
  std::ostringstream text;
  text << in.rdbuf();
  nlohmann::json m = nlohmann::json::parse(text.str(), nullptr, false);
  ASSERT_FALSE(m.is_discarded());
  std::map<std::string, std::vector<std::string>> folders;
  for (const nlohmann::json& e : m.at("files")) {
    std::string format = e.value("format", "");
    if (format != "terraform-hcl" && format != "terraform-tfvars") continue;
    std::string rel = e.at("path").get<std::string>();
    folders[rel.substr(0, rel.find('/'))].push_back((root / rel).lexically_normal().string());
  }
  ASSERT_FALSE(folders.empty());
  for (const auto& [folder, files] : folders) {
    auto start = std::chrono::steady_clock::now();
    std::unique_ptr<Project> p = load_project((root / folder).lexically_normal().string(), files, LoadOptions{});
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::size_t diags = 0;
    for (const SourceFile& f : p->files())
      for (const Diagnostic& d : f.diagnostics) {
        ++diags;
        ADD_FAILURE() << folder << "/" << f.rel_path << ":" << d.span.line << ":" << d.span.column << ": KC000 " << d.message;
      }
    std::cout << "[ tf corpus ] " << folder << ": " << files.size() << " files, " << p->resource_count() << " resources, "
              << p->edges().size() << " edges, " << diags << " KC000, " << ms << " ms\n";
  }
}

}  // namespace
}  // namespace kclint
