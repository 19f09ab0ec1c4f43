// Dockerfile parser over the real-world corpus: every file the manifest
// lists as "dockerfile" parses with no diagnostics and at least one stage.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "parsers/dockerfile/dockerfile.h"

namespace kclint::dockerfile {
namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(DockerfileCorpus, EveryDockerfileParsesCleanly) {
  const std::filesystem::path corpus = std::filesystem::path(KCLINT_SOURCE_ROOT) / ".." / "shared" / "corpus";
  const std::filesystem::path manifest_path = corpus / "manifest.json";
  if (!std::filesystem::exists(manifest_path))
    GTEST_SKIP() << "shared corpus not found at " << manifest_path << " (expected ../shared beside the project)";

  nlohmann::json manifest = nlohmann::json::parse(read_file(manifest_path), nullptr, false);
  ASSERT_FALSE(manifest.is_discarded()) << "cannot read " << manifest_path;
  std::size_t parsed = 0;
  FileId id = 0;
  for (const nlohmann::json& entry : manifest.at("files")) {
    if (entry.value("format", "") != "dockerfile") continue;
    const std::string rel = entry.at("path").get<std::string>();
    const std::filesystem::path path = corpus / rel;
    ASSERT_TRUE(std::filesystem::exists(path)) << rel;
    ParseResult r = parse(id++, read_file(path));
    for (const Diagnostic& d : r.diagnostics)
      ADD_FAILURE() << rel << ":" << d.span.line << ":" << d.span.column << ": " << d.message;
    EXPECT_FALSE(r.file.stages.empty()) << rel;
    ++parsed;
  }
  EXPECT_GT(parsed, 0u);
}

}  // namespace
}  // namespace kclint::dockerfile
