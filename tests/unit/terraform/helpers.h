// Helpers for the Terraform tests: load a folder under tests/data/terraform
// (or inline files written to a temporary folder) as one project.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include "analyzer/discover.h"
#include "analyzer/run.h"

namespace kclint::tf::testing {

inline std::filesystem::path data_dir(std::string_view name) {
  return std::filesystem::path(KCLINT_SOURCE_ROOT) / "tests" / "data" / "terraform" / name;
}

inline std::unique_ptr<Project> load_dir(const std::filesystem::path& root, LoadOptions options = {}) {
  Discovered found = discover(root, {root}, {});
  std::vector<std::string> files;
  for (const auto& f : found.files) files.push_back(f.string());
  return load_project(root.string(), files, options);
}

inline std::unique_ptr<Project> load(std::string_view name, LoadOptions options = {}) {
  return load_dir(data_dir(name), std::move(options));
}

// Writes `files` (relative path → text) under a fresh temporary folder and loads it.
inline std::unique_ptr<Project> load_inline(const std::map<std::string, std::string>& files, LoadOptions options = {}) {
  static int counter = 0;
  std::filesystem::path root = std::filesystem::temp_directory_path() /
                               ("kclint-tf-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(root);
  for (const auto& [rel, text] : files) {
    std::filesystem::create_directories((root / rel).parent_path());
    std::ofstream(root / rel, std::ios::binary) << text;
  }
  auto p = load_dir(root, std::move(options));
  std::filesystem::remove_all(root);
  return p;
}

inline std::vector<std::string> diagnostics(const Project& project) {
  std::vector<std::string> out;
  for (const SourceFile& f : project.files())
    for (const Diagnostic& d : f.diagnostics)
      out.push_back(f.rel_path + ":" + std::to_string(d.span.line) + ":" + std::to_string(d.span.column) + ": " + d.message);
  return out;
}

inline const Value* attr(const Project& p, std::string_view address, std::string_view key) {
  const Resource* r = p.find(address);
  return r ? r->attr(key) : nullptr;
}

inline std::string text(const Value* v) { return v ? v->describe() : std::string("<missing>"); }

}  // namespace kclint::tf::testing
