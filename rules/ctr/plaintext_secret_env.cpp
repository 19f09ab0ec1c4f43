// CTR006: a secret written into ENV/ARG ends up in the image layers, the
// registry, `docker history` and every log that prints the environment.
#include "analyzer/ir/rule.h"
#include "rules/ctr/containers.h"

#include <re2/re2.h>

namespace kclint {

namespace {
void judge(Findings& out, std::string_view where, const std::string& name, const Span& name_span, const Value& value) {
  const std::string* text = value.string_value();  // Unknown and Null are not literals
  if (!text || ctr::is_placeholder(*text)) return;
  if (ctr::is_secret_name(name))
    out.report(name_span, "{} '{}' is given a literal value; pass it at run time as a secret", where, name);
  else if (ctr::has_url_credentials(*text))
    out.report(name_span, "{} '{}' holds a URL with an inline password; pass it at run time as a secret", where, name);
}

void check(const Project& project, Findings& out) {
  for (const Resource* stage : project.of_kind(Kind::ContainerImage)) {
    for (const ContainerSpec& c : stage->containers)
      for (const EnvEntry& e : c.environment) judge(out, "ENV", e.name, e.name_span, e.value);
    if (const Value* args = stage->attr("build_args"))
      for (const Value::Member& m : *args->map_value()) judge(out, "ARG", m.key, m.key_span, m.value);
  }
  // ECS container environment (task definition files, Terraform, CloudFormation).
  for (const Resource* td : project.of_kind(Kind::EcsTaskDefinition))
    for (const ContainerSpec& c : td->containers)
      for (const EnvEntry& e : c.environment) judge(out, "container environment variable", e.name, e.name_span, e.value);
  // Workflow, job and step `env:`; `${{ secrets.X }}` values are Unknown, not literals. A URL
  // with a password for a database on the runner itself (service containers) is test data.
  static const RE2 local_url(R"(@(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])([:/]|$))");
  for (Kind kind : {Kind::Workflow, Kind::Job, Kind::Step})
    for (const Resource* r : project.of_kind(kind))
      if (const Value* env = r->attr("env"); env && env->map_value())
        for (const Value::Member& m : *env->map_value()) {
          const std::string* text = m.value.string_value();
          if (text && !ctr::is_secret_name(m.key) && RE2::PartialMatch(*text, local_url)) continue;
          judge(out, "workflow env", m.key, m.key_span, m.value);
        }
}
}  // namespace

extern const Rule kPlaintextSecretEnv{
    .id = "CTR006",
    .name = "plaintext-secret-env",
    .summary = "Secrets must not be literal values in ENV/ARG, container environment or workflow env",
    .level = Level::Error,
    .family = Family::Ctr,
    .tags = {"security", "secrets", "containers"},
    .security_severity = 8.0,
    .check = check};

}  // namespace kclint
