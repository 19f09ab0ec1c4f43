// CTR004: an image without a tag or digest, or with ':latest', changes under
// you: builds and deployments stop being reproducible and reviewable.
#include "analyzer/ir/rule.h"
#include "rules/ctr/containers.h"

namespace kclint {

namespace {
// "" when the reference is pinned; otherwise why it is not.
std::string_view mutable_reason(std::string_view image) {
  if (image.find('@') != std::string_view::npos) return "";  // digest
  std::size_t slash = image.rfind('/');
  std::size_t colon = image.rfind(':');
  if (colon == std::string_view::npos || (slash != std::string_view::npos && colon < slash)) return "has no tag";
  return image.substr(colon + 1) == "latest" ? "uses the ':latest' tag" : "";
}

void check(const Project& project, Findings& out) {
  for (const Resource* stage : project.of_kind(Kind::ContainerImage)) {
    if (!stage->attr("base_stage")->is_null()) continue;  // FROM an earlier stage
    const Value* image = stage->attr("base_image");
    const std::string* name = image->string_value();  // Unknown (unresolved ARG) is not judged
    if (!name || *name == "scratch") continue;
    if (std::string_view why = mutable_reason(*name); !why.empty())
      out.report(image->span(), "base image '{}' {}; pin a version tag or a digest", *name, why);
  }
  ctr::check_ecs_image_tags(project, out);  // ECS task definition images (rules/ctr/ecs_image_tag.cpp)
}
}  // namespace

extern const Rule kMutableImageTag{
    .id = "CTR004",
    .name = "mutable-image-tag",
    .summary = "Images must be pinned to a version tag or digest, not ':latest' or no tag",
    .level = Level::Warning,
    .family = Family::Ctr,
    .tags = {"containers", "reproducibility", "dockerfile"},
    .check = check};

}  // namespace kclint
