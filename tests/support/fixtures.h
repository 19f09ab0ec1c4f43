// Rule fixtures: plain files in the real format with inline expectations
// (`# expect: ID "substring"`, `//` in HCL) on the line before the finding, or
// a JSON sidecar `FILE.expect` of `/json/pointer  ID  "substring"` lines.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kclint::testing {

struct Expectation {
  std::string file;     // path relative to the project root (display path)
  std::uint32_t line = 0;
  std::uint32_t column = 0;  // 0: any column
  std::string rule;
  std::string substring;
  std::string origin;   // where the expectation was written, for messages
};

// A fixture case: one file, or one folder loaded as one project.
struct FixtureCase {
  std::string name;     // test name: RULEID_path_with_underscores
  std::string rule_id;
  std::filesystem::path path;
};

std::filesystem::path source_root();
std::vector<FixtureCase> discover_fixtures();

// Reads the expectations of one fixture file (inline comments or sidecar).
std::vector<Expectation> read_expectations(const std::filesystem::path& file, const std::string& display_path,
                                           std::string* error);

}  // namespace kclint::testing
