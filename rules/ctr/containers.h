// Helpers shared by the CTR rules: which Dockerfile stages are shipped, what
// counts as root, what names look like secrets.
#pragma once

#include <string_view>
#include <vector>

#include "analyzer/ir/project.h"
#include "analyzer/ir/rule.h"

namespace kclint::ctr {

struct ShippedStage {
  const Resource* stage;
  std::vector<const Edge*> built_by;  // workflow steps that build it (may be empty)
};

// The stages that end up in an image: each stage a workflow step builds, and
// for a Dockerfile that no step builds, its last stage.
std::vector<ShippedStage> shipped_stages(const Project& project);

// root, 0, root:root, 0:0, root:<group>, 0:<group>.
bool is_root_user(std::string_view user);

// Why an image reference is mutable ("has no tag", "uses the ':latest' tag"),
// or "" when it is pinned to a version tag or digest.
std::string_view mutable_tag_reason(std::string_view image);

// The ECS part of CTR004 (task definition images), called by its check.
void check_ecs_image_tags(const Project& project, Findings& out);

// PASSWORD, DB_SECRET, API_KEY, GITHUB_TOKEN, PRIVATE_KEY, ... but not
// SECRET_ARN, TOKEN_URL, PASSWORD_FILE and other names of where a secret is.
bool is_secret_name(std::string_view name);

// A URL with an inline password: scheme://user:password@host.
bool has_url_credentials(std::string_view value);

// True for values that are not a literal secret: empty, a variable reference
// ($X, ${X}, ${{ secrets.X }}), or an obvious placeholder.
bool is_placeholder(std::string_view value);

}  // namespace kclint::ctr
