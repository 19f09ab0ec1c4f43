// File discovery and classification.
#include "analyzer/discover.h"

#include <algorithm>
#include <system_error>

#include <re2/re2.h>

namespace kclint {

namespace fs = std::filesystem;

namespace {

std::string_view base_name(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), s.end() - suffix.size(),
                    [](char a, char b) { return std::tolower(a) == std::tolower(b); });
}

bool is_dockerfile_name(std::string_view name) {
  if (name == "Dockerfile" || name == "Containerfile" || name == "dockerfile") return true;
  if (ends_with_ci(name, ".dockerignore")) return false;
  if (name.starts_with("Dockerfile.") || name.starts_with("Containerfile.")) return true;
  return ends_with_ci(name, ".dockerfile");
}

bool is_workflow_path(std::string_view path) {
  static const RE2 re(R"((^|/)\.github/workflows/[^/]+\.ya?ml$)");
  return RE2::PartialMatch(path, re);
}

bool is_yaml(std::string_view name) { return ends_with_ci(name, ".yml") || ends_with_ci(name, ".yaml"); }

std::string_view skip_space(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  return s;
}

// Content sniffing: cheap patterns, compiled once.
bool looks_like_cfn(std::string_view text, bool json) {
  if (json) {
    static const RE2 version(R"("AWSTemplateFormatVersion"\s*:)");
    static const RE2 resources(R"("Resources"\s*:\s*\{)");
    static const RE2 type(R"("Type"\s*:\s*"(AWS|Custom|Alexa)::)");
    return RE2::PartialMatch(text, version) || (RE2::PartialMatch(text, resources) && RE2::PartialMatch(text, type));
  }
  static const RE2 version(R"((?m)^["']?AWSTemplateFormatVersion["']?\s*:)");
  static const RE2 resources(R"((?m)^["']?Resources["']?\s*:\s*(#.*)?$)");
  static const RE2 type(R"((?m)^\s+["']?Type["']?\s*:\s*["']?(AWS|Custom|Alexa)::)");
  return RE2::PartialMatch(text, version) || (RE2::PartialMatch(text, resources) && RE2::PartialMatch(text, type));
}

}  // namespace

bool is_candidate(std::string_view path) {
  std::string_view name = base_name(path);
  return ends_with_ci(name, ".tf") || ends_with_ci(name, ".tfvars") || ends_with_ci(name, ".tf.json") ||
         ends_with_ci(name, ".tfvars.json") || is_dockerfile_name(name) || is_yaml(name) ||
         ends_with_ci(name, ".json") || ends_with_ci(name, ".template");
}

Format classify(std::string_view path, std::string_view content) {
  std::string_view name = base_name(path);
  if (ends_with_ci(name, ".tf")) return Format::Terraform;
  if (ends_with_ci(name, ".tfvars")) return Format::TerraformVars;
  if (ends_with_ci(name, ".tf.json") || ends_with_ci(name, ".tfvars.json")) return Format::TerraformJson;
  if (is_dockerfile_name(name)) return Format::Dockerfile;
  if (is_workflow_path(path) && is_yaml(name)) return Format::Workflow;
  if (name == "action.yml" || name == "action.yaml") return Format::Action;

  std::string_view body = skip_space(content);
  bool json = ends_with_ci(name, ".json") || (ends_with_ci(name, ".template") && (body.starts_with("{") || body.starts_with("[")));
  if (!json && !is_yaml(name) && !ends_with_ci(name, ".template")) return Format::Unknown;
  if (looks_like_cfn(content, json)) return Format::CloudFormation;
  if (!json) return Format::Unknown;

  static const RE2 container_defs(R"("containerDefinitions"\s*:\s*\[)");
  static const RE2 statement(R"("Statement"\s*:)");
  static const RE2 version(R"("Version"\s*:\s*"20(08|12)-10-17")");
  static const RE2 param_key(R"("ParameterKey"\s*:)");
  if (RE2::PartialMatch(content, container_defs)) return Format::TaskDefinition;
  if (RE2::PartialMatch(content, statement) && RE2::PartialMatch(content, version)) return Format::IamPolicy;
  if (RE2::PartialMatch(content, param_key)) return Format::CfnParameters;
  // A flat {"Key": "Value"} parameter file is told apart by its name.
  static const RE2 param_name(R"((?i)(^|[-_./])param(eter)?s?([-_.]|$))");
  if (body.starts_with("{") && RE2::PartialMatch(path, param_name)) return Format::CfnParameters;
  return Format::Unknown;
}

namespace {
bool glob_match_at(std::string_view p, std::string_view s) {
  while (!p.empty()) {
    if (p.starts_with("**")) {
      p.remove_prefix(2);
      if (p.starts_with("/")) p.remove_prefix(1);
      for (std::size_t i = 0; i <= s.size(); ++i)
        if ((i == 0 || s[i - 1] == '/') && glob_match_at(p, s.substr(i))) return true;
      return false;
    }
    if (p.front() == '*') {
      p.remove_prefix(1);
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (glob_match_at(p, s.substr(i))) return true;
        if (i < s.size() && s[i] == '/') return false;
      }
      return false;
    }
    if (s.empty()) return false;
    if (p.front() != '?' && p.front() != s.front()) return false;
    if (p.front() == '?' && s.front() == '/') return false;
    p.remove_prefix(1);
    s.remove_prefix(1);
  }
  return s.empty();
}
}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  while (pattern.starts_with("./")) pattern.remove_prefix(2);
  if (pattern.ends_with("/")) pattern.remove_suffix(1);
  if (pattern.find('/') == std::string_view::npos) {
    // Match any segment (and so everything below a matching directory).
    std::size_t start = 0;
    while (start <= path.size()) {
      std::size_t end = path.find('/', start);
      std::string_view seg = path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
      if (glob_match_at(pattern, seg)) return true;
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    return false;
  }
  // Anchored at the root; a match of a directory prefix covers what is below it.
  if (glob_match_at(pattern, path)) return true;
  for (std::size_t i = 0; i < path.size(); ++i)
    if (path[i] == '/' && glob_match_at(pattern, path.substr(0, i))) return true;
  return false;
}

namespace {

bool inside(const fs::path& root, const fs::path& p) {
  auto r = root.begin(), q = p.begin();
  for (; r != root.end(); ++r, ++q)
    if (q == p.end() || *r != *q) return false;
  return true;
}

bool excluded(const fs::path& root, const fs::path& p, const DiscoverOptions& options) {
  if (options.excludes.empty()) return false;
  std::string rel = p.lexically_relative(root).generic_string();
  return std::any_of(options.excludes.begin(), options.excludes.end(),
                     [&](const std::string& g) { return glob_match(g, rel); });
}

bool skipped_dir(const fs::path& name) {
  return name == ".git" || name == ".terraform" || name == "node_modules";
}

}  // namespace

Discovered discover(const fs::path& root, const std::vector<fs::path>& paths, const DiscoverOptions& options) {
  Discovered out;
  std::error_code ec;
  fs::path canonical_root = fs::weakly_canonical(root, ec);
  auto accept = [&](const fs::path& p, bool explicit_file) {
    std::error_code ec2;
    if (fs::is_symlink(p, ec2)) {
      fs::path target = fs::weakly_canonical(p, ec2);
      if (ec2 || !inside(canonical_root, target) || !fs::is_regular_file(target, ec2)) return;
    } else if (!fs::is_regular_file(p, ec2)) {
      return;
    }
    if (!explicit_file && (!is_candidate(p.generic_string()) || excluded(root, p, options))) return;
    out.files.push_back(p);
  };
  for (const fs::path& given : paths) {
    fs::path p = fs::absolute(given, ec).lexically_normal();
    if (!fs::exists(fs::symlink_status(p, ec))) {
      out.errors.push_back(given.string());
      continue;
    }
    if (!fs::is_directory(fs::symlink_status(p, ec))) {
      accept(p, /*explicit_file=*/true);
      continue;
    }
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    for (; it != end; it.increment(ec)) {
      if (ec) break;
      const fs::directory_entry& entry = *it;
      if (entry.is_directory(ec) && !entry.is_symlink(ec)) {
        if (skipped_dir(entry.path().filename()) || excluded(root, entry.path(), options)) it.disable_recursion_pending();
        continue;
      }
      accept(entry.path(), false);
    }
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  return out;
}

}  // namespace kclint
