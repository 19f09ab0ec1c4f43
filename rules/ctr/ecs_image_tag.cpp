// CTR004, ECS part: a task definition that runs ':latest' (or an untagged
// image) starts whatever was pushed last, on every task restart.
#include <algorithm>

#include "rules/ctr/containers.h"

namespace kclint::ctr {

namespace {
// Containers whose image a workflow fills in (amazon-ecs-render-task-definition):
// the file's image is a placeholder. Returns "*" when the container name is not known.
std::vector<std::string> rendered_containers(const Project& project, const Resource& td) {
  std::vector<std::string> out;
  for (const Edge* e : project.edges_to(project.id_of(td), EdgeKind::References)) {
    const Resource& step = project.resource(e->from);
    const Value* with = step.kind == Kind::Step ? step.attr("with") : nullptr;
    const Value* name = with ? with->get("container-name") : nullptr;
    if (!name || !with->get("image")) continue;
    out.push_back(name->string_value() ? *name->string_value() : "*");
  }
  return out;
}

// An Unknown image whose written text ends in ':latest', e.g. Terraform
// "${aws_ecr_repository.app.repository_url}:latest".
bool unknown_latest(const Value& image) {
  const std::string* src = image.unknown_source();
  if (!src) return false;
  std::size_t close = src->rfind('}');
  std::string_view tail = close == std::string::npos ? std::string_view() : std::string_view(*src).substr(close + 1);
  while (!tail.empty() && (tail.back() == '"' || tail.back() == '\'')) tail.remove_suffix(1);
  return tail == ":latest";
}
}  // namespace

void check_ecs_image_tags(const Project& project, Findings& out) {
  for (const Resource* td : project.of_kind(Kind::EcsTaskDefinition)) {
    std::vector<std::string> rendered = rendered_containers(project, *td);
    for (const ContainerSpec& c : td->containers) {
      if (std::find(rendered.begin(), rendered.end(), c.name) != rendered.end() ||
          std::find(rendered.begin(), rendered.end(), "*") != rendered.end())
        continue;
      if (unknown_latest(c.image)) {
        out.report(c.image.span(), "container '{}' runs image '{}' with the ':latest' tag; pin a version tag or a digest",
                   c.name, c.image.describe());
        continue;
      }
      const std::string* image = c.image.string_value();
      if (!image || image->empty() || is_placeholder(*image) || image->find('{') != std::string::npos) continue;
      if (std::string_view why = mutable_tag_reason(*image); !why.empty())
        out.report(c.image.span(), "container '{}' runs image '{}', which {}; pin a version tag or a digest", c.name,
                   *image, why);
    }
  }
}

}  // namespace kclint::ctr
