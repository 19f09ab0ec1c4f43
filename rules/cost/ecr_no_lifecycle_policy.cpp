// COST001: without a lifecycle policy every pushed image is kept (and billed)
// forever; CI pipelines push one per commit.
#include "analyzer/ir/rule.h"

namespace kclint {

namespace {
// Whether a standalone lifecycle policy's `repository` names this repository;
// nullopt when it cannot be told (Unknown).
std::optional<bool> names(const Project& project, const Value& repo_ref, const Resource& repo) {
  if (const Value::Ref* ref = repo_ref.reference_value()) return project.find(ref->target) == &repo;
  if (const std::string* s = repo_ref.string_value()) {
    const Value* name = repo.attr("name");
    if (name && name->string_value()) return *name->string_value() == *s;
    return name && !name->is_null() ? std::nullopt : std::optional<bool>(false);
  }
  return std::nullopt;
}

void check(const Project& project, Findings& out) {
  for (const Resource* repo : project.of_kind(Kind::EcrRepository)) {
    const Value* inline_policy = repo->attr("lifecycle_policy");
    if (inline_policy && !inline_policy->is_null()) continue;  // set (or Unknown)
    bool covered = false, unknown = false;
    for (const Resource* p : project.of_kind(Kind::EcrLifecyclePolicy)) {
      const Value* r = p->attr("repository");
      std::optional<bool> match = r ? names(project, *r, *repo) : std::nullopt;
      if (!match) unknown = true;
      else if (*match) covered = true;
    }
    if (covered || unknown) continue;
    out.report(repo->span, "ECR repository '{}' has no lifecycle policy; old images are kept and billed forever",
               repo->name);
  }
}
}  // namespace

extern const Rule kEcrNoLifecyclePolicy{
    .id = "COST001",
    .name = "ecr-no-lifecycle-policy",
    .summary = "ECR repositories should expire old images",
    .level = Level::Warning,
    .family = Family::Cost,
    .tags = {"cost", "ecr"},
    .check = check};

}  // namespace kclint
