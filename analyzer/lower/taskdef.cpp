// ECS task definition JSON files → IR: one aws.ecs.task_definition with a
// ContainerSpec per container definition. Reads both the
// register-task-definition input and the describe-task-definition output
// ({"taskDefinition": {...}}).
#include <fmt/format.h>

#include "analyzer/lower/lower.h"
#include "parsers/json/json.h"

namespace kclint {

namespace {

Value field(const Value& map, std::string_view key) {
  const Value* v = map.get(key);
  return v ? *v : Value::null();
}

// [{"name": N, "value": V}] (or "valueFrom" for secrets) → entries.
std::vector<EnvEntry> entries(const Value& container, std::string_view key, std::string_view value_key) {
  std::vector<EnvEntry> out;
  const Value* list = container.get(key);
  if (!list || !list->list_value()) return out;
  for (const Value& e : *list->list_value()) {
    const Value* name = e.get("name");
    if (!name || !name->string_value()) continue;
    out.push_back(EnvEntry{*name->string_value(), name->span(), field(e, value_key)});
  }
  return out;
}

ContainerSpec container(const Value& c) {
  ContainerSpec spec;
  if (const Value* name = c.get("name"); name && name->string_value()) spec.name = *name->string_value();
  spec.image = field(c, "image");
  spec.user = field(c, "user");
  spec.privileged = field(c, "privileged");
  if (const Value* ports = c.get("portMappings"); ports && ports->list_value())
    for (const Value& p : *ports->list_value())
      if (const Value* port = p.get("containerPort")) spec.ports.push_back(*port);
  spec.environment = entries(c, "environment", "value");
  spec.secrets = entries(c, "secrets", "valueFrom");
  spec.health_check = field(c, "healthCheck");
  spec.log_configuration = field(c, "logConfiguration");
  spec.command = field(c, "command");
  spec.entry_point = field(c, "entryPoint");
  spec.essential = field(c, "essential");
  return spec;
}

}  // namespace

ContainerSpec container_spec_from_json(const Value& definition) { return container(definition); }

FileUnit lower_task_definition(SourceFile& file) {
  FileUnit unit;
  LoadResult doc = take_document(file);
  for (Diagnostic& d : doc.diagnostics) file.diagnostics.push_back(std::move(d));
  const Value* td = &doc.value;
  if (const Value* inner = td->get("taskDefinition"); inner && inner->is_map()) td = inner;
  const Value* defs = td->get("containerDefinitions");
  if (!defs || !defs->list_value()) return unit;  // JSON that only mentions containerDefinitions deeper down

  Resource r;
  r.kind = Kind::EcsTaskDefinition;
  r.native_type = "ECS task definition (JSON)";
  r.address = file.rel_path;
  r.file = file.id;
  r.span = td->span();
  const Value* family = td->get("family");
  r.name = family && family->string_value() ? *family->string_value() : file.rel_path;
  auto set = [&](std::string name, std::string_view key) {
    const Value::Member* m = td->member(key);
    r.attrs.set(std::move(name), m ? m->value : Value::null(), m ? m->key_span : Span{});
  };
  set("family", "family");
  set("cpu", "cpu");
  set("memory", "memory");
  set("network_mode", "networkMode");
  set("requires_compatibilities", "requiresCompatibilities");
  set("task_role", "taskRoleArn");
  set("execution_role", "executionRoleArn");
  set("pid_mode", "pidMode");
  set("ipc_mode", "ipcMode");
  const Value* arch = td->path({"runtimePlatform", "cpuArchitecture"});
  r.attrs.set("cpu_architecture", arch ? *arch : Value::null());
  for (const Value& c : *defs->list_value())
    if (c.is_map()) r.containers.push_back(container(c));
  unit.resources.push_back(std::move(r));
  return unit;
}

}  // namespace kclint
