// Lowering: each format's syntax tree becomes resources of the unified IR.
// Per-file lowerings run in parallel and return their resources; the loader
// adds them to the project in file order, so ids never depend on scheduling.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "analyzer/ir/project.h"
#include "parsers/common/limits.h"

namespace kclint {

// An edge between two resources of the same file, by their index in
// FileUnit::resources.
struct LocalEdge {
  EdgeKind kind;
  std::size_t from;
  std::size_t to;
  Span span;
};

struct FileUnit {
  std::vector<Resource> resources;
  std::vector<LocalEdge> edges;
};

// Parses and lowers one file. Problems go to file.diagnostics (KC000).
FileUnit lower_file(SourceFile& file);

// The file's YAML/JSON document: the one discovery already loaded (kept in
// file.syntax), or a fresh load_structured() of its text.
LoadResult take_document(SourceFile& file);

FileUnit lower_dockerfile(SourceFile& file);
FileUnit lower_workflow(SourceFile& file);          // .github/workflows/*.yml
FileUnit lower_action(SourceFile& file);            // action.yml of a local action
FileUnit lower_task_definition(SourceFile& file);   // ECS task definition JSON
// One container definition in ECS JSON shape (camelCase keys) → ContainerSpec;
// shared with Terraform's container_definitions.
ContainerSpec container_spec_from_json(const Value& definition);
FileUnit lower_iam_policy(SourceFile& file);        // standalone IAM policy JSON

// Values from the command line that lowerings need.
struct LoadOptions {
  unsigned jobs = 1;
  std::vector<std::string> var_files;   // --var-file (Terraform)
  std::vector<std::string> vars;        // --var K=V (Terraform)
  std::vector<std::string> cfn_params;  // --cfn-params FILE (CloudFormation)
  // Contents to use instead of what is on disk, by absolute path (--stdin).
  std::map<std::string, std::string> overrides;
  // From `.kclint.yaml`; load_project copies it into Project::settings.
  Settings settings;
};

// The environment a file or value name suggests: "prod" for "prod.tfvars" or
// "Production", "staging", "dev", "test", "qa"; empty when none.
std::string environment_in_name(std::string_view name);

// After the project-wide lowerings: every resource's environment from the
// configured path globs, then what its lowering found (var / parameter file,
// environment variable), then its environment tag; and whether it is a
// production one.
void assign_environments(Project& project);

// Project-wide passes, run in this order after every file's own lowering:
// formats whose meaning spans files (Terraform modules and tfvars,
// CloudFormation nested stacks and parameter files) add their resources, then
// link_project adds the cross-file edges (workflow → task definition →
// Dockerfile, references → resources). The project is finalized (indexes
// built) before each pass, and again after the last.
void lower_project_formats(Project& project, const LoadOptions& options);

// CloudFormation: the per-file phase loads a template / parameter file into
// SourceFile::syntax; the project-wide pass (analyzer/lower/cfn/) evaluates
// templates with their parameters and nested stacks into resources.
FileUnit lower_cloudformation_file(SourceFile& file);
FileUnit lower_cfn_parameters_file(SourceFile& file);
void lower_cloudformation(Project& project, const LoadOptions& options);
void link_project(Project& project, const LoadOptions& options);

// Terraform: the per-file phase parses .tf / .tfvars and their JSON forms into
// SourceFile::syntax (a std::shared_ptr<hcl::File>); the project-wide pass
// (analyzer/lower/terraform/) evaluates root modules with their variables and
// local module calls into resources.
FileUnit lower_terraform_file(SourceFile& file);
void lower_terraform(Project& project, const LoadOptions& options);

}  // namespace kclint
