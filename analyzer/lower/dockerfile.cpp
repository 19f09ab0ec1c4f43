// Dockerfile → IR: one container.image resource per build stage, with the
// effective user and health check (inherited through `FROM <earlier stage>`),
// exposed ports, ENV and ARG entries, and InheritsFrom edges between stages.
#include "analyzer/lower/lower.h"
#include "parsers/dockerfile/dockerfile.h"

#include <fmt/format.h>

namespace kclint {

namespace {

Value word_value(const dockerfile::Word& w) {
  return w.unresolved ? Value::unknown(w.raw, w.span) : Value::string(w.text, w.span);
}

EnvEntry entry(const dockerfile::KeyValue& kv) {
  return EnvEntry{kv.key.text, kv.key.span, kv.has_value ? word_value(kv.value) : Value::null(kv.key.span)};
}

}  // namespace

FileUnit lower_dockerfile(SourceFile& file) {
  dockerfile::ParseResult parsed = dockerfile::parse(file.id, file.text);
  for (Diagnostic& d : parsed.diagnostics) file.diagnostics.push_back(std::move(d));

  FileUnit unit;
  const auto& stages = parsed.file.stages;
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const dockerfile::Stage& stage = stages[i];
    Resource r;
    r.kind = Kind::ContainerImage;
    r.native_type = "Dockerfile stage";
    r.name = stage.name.empty() ? std::to_string(i) : stage.name;  // Docker names unnamed stages by index
    r.address = fmt::format("{}:{}", file.rel_path, stage.name.empty() ? std::to_string(i) : stage.name);
    r.file = file.id;
    r.span = join(stage.instructions.front().span, stage.instructions.back().span);

    ContainerSpec spec;
    spec.name = r.name;
    spec.image = word_value(stage.base_image);
    Value build_args = Value::map({});
    if (i == 0) {
      for (const dockerfile::Instruction& arg : parsed.file.global_args)
        if (const auto* pairs = arg.pairs())
          for (const auto& kv : *pairs) build_args.set(kv.key.text, entry(kv).value, kv.key.span);
    }
    for (const dockerfile::Instruction& ins : stage.instructions) {
      if (const dockerfile::User* user = ins.user()) {
        spec.user = word_value(user->user);
        if (user->group) spec.user = user->user.unresolved || user->group->unresolved
                                         ? Value::unknown(user->user.raw + ":" + user->group->raw, join(user->user.span, user->group->span))
                                         : Value::string(user->user.text + ":" + user->group->text, join(user->user.span, user->group->span));
      } else if (const dockerfile::HealthCheck* hc = ins.healthcheck()) {
        spec.health_check = Value::string(hc->none ? "NONE" : hc->command_raw, ins.span);
      } else if (const auto* ports = ins.ports()) {
        for (const dockerfile::Port& p : *ports) spec.ports.push_back(word_value(p.word));
      } else if (ins.keyword == "ENV") {
        for (const auto& kv : *ins.pairs()) spec.environment.push_back(entry(kv));
      } else if (ins.keyword == "ARG") {
        for (const auto& kv : *ins.pairs()) build_args.set(kv.key.text, entry(kv).value, kv.key.span);
      } else if (ins.keyword == "CMD") {
        spec.command = Value::string(ins.raw, ins.raw_span);
      } else if (ins.keyword == "ENTRYPOINT") {
        spec.entry_point = Value::string(ins.raw, ins.raw_span);
      }
    }
    // What the stage does not set itself it inherits from the stage it is built FROM.
    if (stage.base_stage >= 0 && static_cast<std::size_t>(stage.base_stage) < unit.resources.size()) {
      const ContainerSpec& base = unit.resources[stage.base_stage].containers.front();
      if (spec.user.is_null()) spec.user = base.user;
      if (spec.health_check.is_null()) spec.health_check = base.health_check;
      unit.edges.push_back({EdgeKind::InheritsFrom, i, static_cast<std::size_t>(stage.base_stage), stage.base_image.span});
    }

    r.attrs.set("from", Value::string(stage.base_image.raw, stage.from().span));
    r.attrs.set("base_image", spec.image);
    r.attrs.set("base_stage", stage.base_stage >= 0 ? Value::number(stage.base_stage) : Value::null());
    r.attrs.set("stage_index", Value::number(static_cast<double>(i)));
    r.attrs.set("is_last", Value::boolean(i + 1 == stages.size()));
    r.attrs.set("build_args", std::move(build_args));
    r.attrs.set("user", spec.user);
    r.attrs.set("health_check", spec.health_check);
    r.containers.push_back(std::move(spec));
    unit.resources.push_back(std::move(r));
  }
  return unit;
}

}  // namespace kclint
