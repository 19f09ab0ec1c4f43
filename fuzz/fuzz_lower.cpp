// libFuzzer target: parse and lower one file of each format (workflow, task
// definition, CloudFormation, Dockerfile, Terraform), then run every rule on
// it. The first input byte picks the format.
#include <cstddef>
#include <cstdint>
#include <string>

#include "analyzer/engine.h"
#include "analyzer/lower/lower.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kclint;
  if (size == 0) return 0;
  static constexpr Format kFormats[] = {Format::Workflow, Format::TaskDefinition, Format::CloudFormation,
                                        Format::Dockerfile, Format::Terraform, Format::Action, Format::IamPolicy};
  static constexpr const char* kNames[] = {".github/workflows/ci.yml", "task.json", "template.yaml", "Dockerfile",
                                           "main.tf", "action.yml", "policy.json"};
  std::size_t pick = data[0] % std::size(kFormats);
  Project project;
  project.root = "/nonexistent-fuzz-root";
  SourceFile& f = project.add_file(kNames[pick], kFormats[pick], std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
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
