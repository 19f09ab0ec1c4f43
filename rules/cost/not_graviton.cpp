// COST004: Graviton (ARM64) Fargate tasks and Lambda functions cost about 20%
// less than x86 for the same size, and most container images build for both.
#include "analyzer/ir/rule.h"

namespace kclint {

namespace {
void task_definitions(const Project& project, Findings& out) {
  for (const Resource* td : project.of_kind(Kind::EcsTaskDefinition)) {
    const Value* arch = td->attr("cpu_architecture");
    if (arch && !arch->is_null() && !arch->is_string()) continue;  // Unknown
    const std::string* a = arch ? arch->string_value() : nullptr;
    if (a && *a == "ARM64") continue;
    out.report(a ? arch->span() : td->span, "ECS task definition '{}' runs on {}; ARM64 (Graviton) is cheaper", td->name,
               a ? *a : "X86_64 (the default)");
  }
}

void functions(const Project& project, Findings& out) {
  for (const Resource* fn : project.of_kind(Kind::LambdaFunction)) {
    const Value* archs = fn->attr("architectures");
    const Value::List* list = archs ? archs->list_value() : nullptr;
    if (archs && !archs->is_null() && !list) continue;  // Unknown
    bool arm = false, known = true;
    if (list)
      for (const Value& a : *list) {
        if (!a.is_string()) known = false;
        else if (*a.string_value() == "arm64") arm = true;
      }
    if (arm || !known) continue;
    out.report(list ? archs->span() : fn->span, "Lambda function '{}' runs on x86_64; arm64 (Graviton) is cheaper",
               fn->name);
  }
}

void check(const Project& project, Findings& out) {
  task_definitions(project, out);
  functions(project, out);
}
}  // namespace

extern const Rule kNotGraviton{
    .id = "COST004",
    .name = "not-graviton",
    .summary = "Tasks and functions should run on ARM64 (Graviton)",
    .level = Level::Note,
    .family = Family::Cost,
    .tags = {"cost"},
    .check = check};

}  // namespace kclint
