// One kclint run: discover, group files into projects, load, lower, link,
// run the rules and collect the report.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/engine.h"
#include "analyzer/lower/lower.h"
#include "analyzer/report/report.h"

namespace kclint {

struct RunOptions {
  std::vector<std::string> paths;            // default: "."
  std::optional<std::string> project_root;   // load all of it, report on `paths` only
  std::optional<std::string> config_path;    // explicit --config
  std::vector<std::string> select, ignore;   // from the command line, added to the config's
  unsigned jobs = 1;
  std::optional<std::string> stdin_filename;  // lint `stdin_text` as if it were this file
  std::string stdin_text;
  std::optional<std::string> baseline;        // hide findings recorded in this file
  std::vector<std::string> var_files;         // Terraform --var-file
  std::vector<std::string> vars;              // Terraform --var K=V
  std::vector<std::string> cfn_params;        // CloudFormation --cfn-params
  bool keep_projects = false;                 // RunResult::projects (graph, cost); otherwise each
                                              // project is freed once its findings are taken
};

// A baseline: fingerprints of accepted findings (kclint --write-baseline).
std::string baseline_json(const Report& report);
// Marks the results whose fingerprint and rule are in `baseline_text` as
// suppressed (External). Returns an error message for an unreadable file.
std::string apply_baseline(Report& report, const std::string& baseline_text, const std::string& baseline_path);

struct RunResult {
  Report report;
  std::string error;  // a usage/config error: exit 2
  std::vector<std::unique_ptr<Project>> projects;  // with RunOptions::keep_projects
};

RunResult run(const RunOptions& options);

// Reads, classifies, parses and lowers `files` (absolute paths under `root`)
// into a finalized project. Exposed for tests.
std::unique_ptr<Project> load_project(const std::string& root, const std::vector<std::string>& files,
                                      const LoadOptions& options);

}  // namespace kclint
