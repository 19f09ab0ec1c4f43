// libFuzzer target: parse and lower one file of each format (workflow, task
// definition, CloudFormation, Dockerfile, Terraform, action, IAM policy,
// Terraform variables, Terraform JSON, CloudFormation parameters), then run
// every rule on it. The first input byte picks the format. Like the loader,
// it leaves out binary text and invalid UTF-8, which never reach a lowering.
#include <cstddef>
#include <cstdint>
#include <string>

#include "analyzer/engine.h"
#include "analyzer/lower/lower.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kclint;
  if (size == 0) return 0;
  static constexpr Format kFormats[] = {Format::Workflow,       Format::TaskDefinition, Format::CloudFormation,
                                        Format::Dockerfile,     Format::Terraform,      Format::Action,
                                        Format::IamPolicy,      Format::TerraformVars,  Format::TerraformJson,
                                        Format::CfnParameters};
  static constexpr const char* kNames[] = {".github/workflows/ci.yml", "task.json",        "template.yaml",
                                           "Dockerfile",               "main.tf",          "action.yml",
                                           "policy.json",              "terraform.tfvars", "main.tf.json",
                                           "params.json"};
  std::size_t pick = data[0] % std::size(kFormats);
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (looks_binary(text) || valid_utf8_prefix(text) != text.size()) return 0;
  Project project;
  project.root = "/nonexistent-fuzz-root";
  SourceFile& f = project.add_file(kNames[pick], kFormats[pick], std::move(text));
  f.rel_path = f.path;
  FileUnit unit = lower_file(f);
  std::vector<ResourceId> ids;
  for (Resource& r : unit.resources) {
    r.file = f.id;
    ids.push_back(project.add(std::move(r)));
  }
  for (const LocalEdge& e : unit.edges) project.add_edge(e.kind, ids[e.from], ids[e.to], e.span);
  project.finalize();
  LoadOptions options;
  lower_project_formats(project, options);
  project.finalize();
  link_project(project, options);
  project.finalize();
  (void)run_engine(project, Selection{}, 1);
  return 0;
}
