// Test helpers for the workflow / task definition lowerings and links: a
// throw-away project directory loaded through the real project loader.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analyzer/run.h"

namespace kclint::testing {

class TempProject {
 public:
  TempProject() {
    static int counter = 0;
    root_ = std::filesystem::temp_directory_path() /
            ("kclint-wf-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
  ~TempProject() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  TempProject(const TempProject&) = delete;
  TempProject& operator=(const TempProject&) = delete;

  TempProject& add(const std::string& rel, const std::string& text) {
    std::filesystem::path p = root_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    files_.push_back(p.string());
    return *this;
  }
  // A directory that is not a lowered file (e.g. a migrations folder).
  TempProject& dir(const std::string& rel) {
    std::filesystem::create_directories(root_ / rel);
    return *this;
  }
  std::unique_ptr<Project> load() const { return load_project(root_.string(), files_, LoadOptions{}); }
  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
  std::vector<std::string> files_;
};

// The resource whose address ends with `suffix` (addresses start with the display path).
inline const Resource* find_suffix(const Project& p, std::string_view suffix) {
  for (std::size_t i = 0; i < p.resource_count(); ++i)
    if (p.resource(static_cast<ResourceId>(i)).address.ends_with(suffix)) return &p.resource(static_cast<ResourceId>(i));
  return nullptr;
}

inline std::vector<const Edge*> edges(const Project& p, EdgeKind kind) {
  std::vector<const Edge*> out;
  for (const Edge& e : p.edges())
    if (e.kind == kind) out.push_back(&e);
  return out;
}

inline std::size_t diagnostics(const Project& p) {
  std::size_t n = 0;
  for (const SourceFile& f : p.files()) n += f.diagnostics.size();
  return n;
}

}  // namespace kclint::testing
