// Helpers for the CloudFormation tests: load a folder under tests/data/cfn as
// a project, and find where a piece of text is in one of its files, so tests
// assert spans without hand-typed position tables.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/discover.h"
#include "analyzer/run.h"

namespace kclint {
inline void PrintTo(const Span& s, std::ostream* os) {
  *os << "file " << s.file << " " << s.line << ":" << s.column << "-" << s.end_line << ":" << s.end_column;
}
}  // namespace kclint

namespace kclint::cfn::testing {

inline std::filesystem::path data_dir(std::string_view name) {
  return std::filesystem::path(KCLINT_SOURCE_ROOT) / "tests" / "data" / "cfn" / name;
}

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Loads every file under tests/data/cfn/<name> as one project rooted there.
inline std::unique_ptr<Project> load(std::string_view name, std::vector<std::string> cfn_params = {}) {
  std::filesystem::path root = data_dir(name);
  Discovered found = discover(root, {root}, {});
  std::vector<std::string> files;
  for (const auto& f : found.files) files.push_back(f.string());
  LoadOptions options;
  for (std::string& p : cfn_params) options.cfn_params.push_back((root / p).string());
  return load_project(root.string(), files, options);
}

// Span of the `nth` occurrence of `needle` in the file at project-relative
// `rel_path` (1-based lines, columns in code points, exclusive end).
inline Span span_of(const Project& project, std::string_view rel_path, std::string_view needle, int nth = 0) {
  const SourceFile* f = project.file_by_rel_path(rel_path);
  if (!f) {
    ADD_FAILURE() << "no file " << rel_path;
    return {};
  }
  std::size_t at = f->text.find(needle);
  for (int i = 0; i < nth && at != std::string::npos; ++i) at = f->text.find(needle, at + 1);
  if (at == std::string::npos) {
    ADD_FAILURE() << "'" << needle << "' not in " << rel_path;
    return {};
  }
  return f->lines.span(f->id, at, at + needle.size());
}

inline std::string file_of(const Project& project, const Span& s) {
  return s.valid() ? project.file(s.file).rel_path : std::string("<no span>");
}

inline std::vector<std::string> diagnostics(const Project& project) {
  std::vector<std::string> out;
  for (const SourceFile& f : project.files())
    for (const Diagnostic& d : f.diagnostics)
      out.push_back(f.rel_path + ":" + std::to_string(d.span.line) + ":" + std::to_string(d.span.column) + ": " + d.message);
  return out;
}

inline const Value* attr(const Resource* r, std::string_view key) { return r ? r->attr(key) : nullptr; }

}  // namespace kclint::cfn::testing
