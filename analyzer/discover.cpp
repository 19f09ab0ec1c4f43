// File discovery and classification.
#include "analyzer/discover.h"

#include <algorithm>
#include <system_error>

#include <re2/re2.h>

#include "parsers/json/json.h"
#include "parsers/yaml/yaml.h"

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

// A document that does not load: what its text says it was meant to be, so
// a broken or refused template, task definition or policy still gets KC000.
Format sniff_unreadable(std::string_view text, bool json) {
  if (looks_like_cfn(text, json)) return Format::CloudFormation;
  if (!json) return Format::Unknown;
  static const RE2 task(R"("containerDefinitions"\s*:\s*\[)");
  static const RE2 statement(R"("Statement"\s*:)");
  static const RE2 version(R"("Version"\s*:)");
  if (RE2::PartialMatch(text, task)) return Format::TaskDefinition;
  if (RE2::PartialMatch(text, statement) && RE2::PartialMatch(text, version)) return Format::IamPolicy;
  return Format::Unknown;
}

bool is_parameter_file_name(std::string_view path) {
  static const RE2 param_name(R"((?i)(^|[-_./])param(eter)?s?([-_.]|$))");
  return RE2::PartialMatch(path, param_name);
}

bool is_scalar(const Value& v) { return v.is_string() || v.is_number() || v.is_bool() || v.is_null(); }

// What a loaded YAML/JSON document is, by its top-level shape.
Format classify_document(const Value& doc, std::string_view path, bool json) {
  if (const Value::Map* top = doc.map_value()) {
    if (doc.get("AWSTemplateFormatVersion") || doc.get("Resources")) return Format::CloudFormation;
    if (!json) return Format::Unknown;
    const Value* task = doc.get("taskDefinition") ? doc.get("taskDefinition") : &doc;
    if (task->get("containerDefinitions") && task->get("containerDefinitions")->is_list()) return Format::TaskDefinition;
    if (doc.get("Statement") && doc.get("Version")) return Format::IamPolicy;
    // A flat {"Key": "Value"} parameter file is told apart by its name.
    if (!top->empty() && is_parameter_file_name(path) &&
        std::all_of(top->begin(), top->end(), [](const Value::Member& m) { return is_scalar(m.value); }))
      return Format::CfnParameters;
    if (const Value* params = doc.get("Parameters"); params && params->is_list() && doc.get("Tags") == nullptr &&
                                                      top->size() == 1)
      return Format::CfnParameters;
    return Format::Unknown;
  }
  if (const Value::List* list = doc.list_value(); json && list && !list->empty()) {
    bool all_params = std::all_of(list->begin(), list->end(),
                                  [](const Value& v) { return v.get("ParameterKey") && v.get("ParameterValue"); });
    if (all_params) return Format::CfnParameters;
  }
  return Format::Unknown;
}

}  // namespace

bool is_candidate(std::string_view path) {
  std::string_view name = base_name(path);
  return ends_with_ci(name, ".tf") || ends_with_ci(name, ".tfvars") || ends_with_ci(name, ".tf.json") ||
         ends_with_ci(name, ".tfvars.json") || is_dockerfile_name(name) || is_yaml(name) ||
         ends_with_ci(name, ".json") || ends_with_ci(name, ".template");
}

LoadResult load_structured(FileId file, std::string_view content) {
  std::string_view body = skip_space(content);
  if (body.starts_with("{") || body.starts_with("[")) return json::load(file, content);
  return yaml::load(file, content, yaml::Options{.cfn_tags = true});
}

Format classify(std::string_view path, std::string_view content, LoadResult* document) {
  std::string_view name = base_name(path);
  if (ends_with_ci(name, ".tf")) return Format::Terraform;
  if (ends_with_ci(name, ".tfvars")) return Format::TerraformVars;
  if (ends_with_ci(name, ".tf.json") || ends_with_ci(name, ".tfvars.json")) return Format::TerraformJson;
  if (is_dockerfile_name(name)) return Format::Dockerfile;
  if (is_workflow_path(path) && is_yaml(name)) return Format::Workflow;
  if (name == "action.yml" || name == "action.yaml") return Format::Action;
  // CodeDeploy and CodeBuild specs have a `Resources:` key of their own.
  if (name.starts_with("appspec.") || name.starts_with("buildspec")) return Format::Unknown;

  std::string_view body = skip_space(content);
  bool json = ends_with_ci(name, ".json") || (ends_with_ci(name, ".template") && (body.starts_with("{") || body.starts_with("[")));
  if (!json && !is_yaml(name) && !ends_with_ci(name, ".template")) return Format::Unknown;

  // Only documents that mention one of our markers are worth loading.
  constexpr std::string_view kMarkers[] = {"AWSTemplateFormatVersion", "Resources", "containerDefinitions",
                                           "Statement", "ParameterKey", "{"};
  bool maybe = false;
  for (std::size_t i = 0; i + 1 < std::size(kMarkers); ++i) maybe = maybe || content.find(kMarkers[i]) != std::string_view::npos;
  bool flat_params = json && body.starts_with("{") && is_parameter_file_name(path);
  if (!maybe && !flat_params) return Format::Unknown;

  LoadResult doc = load_structured(0, content);
  if (doc.value.is_null() && !doc.diagnostics.empty()) {
    return sniff_unreadable(content, json);
  }
  Format format = classify_document(doc.value, path, json);
  if (document && format != Format::Unknown) *document = std::move(doc);
  return format;
}

namespace {

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
  auto accept = [&](const fs::path& p, bool explicit_file) {
    std::error_code ec2;
    if (fs::is_symlink(p, ec2)) {
      fs::file_status target = fs::status(p, ec2);
      if (fs::exists(target) && !fs::is_regular_file(target)) return;  // a directory, a device, a pipe
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
