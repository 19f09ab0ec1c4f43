// CTR family helpers.
#include "rules/ctr/containers.h"

#include <re2/re2.h>

namespace kclint::ctr {

std::vector<ShippedStage> shipped_stages(const Project& project) {
  std::vector<ShippedStage> out;
  std::vector<bool> file_built(project.files().size(), false);
  for (const Edge& e : project.edges())
    if (e.kind == EdgeKind::Builds) file_built[project.resource(e.to).file] = true;
  for (const Resource* stage : project.of_kind(Kind::ContainerImage)) {
    ShippedStage s{stage, project.edges_to(project.id_of(*stage), EdgeKind::Builds)};
    bool last = stage->attr("is_last") && stage->attr("is_last")->as_bool() == true;
    if (!s.built_by.empty() || (!file_built[stage->file] && last)) out.push_back(std::move(s));
  }
  return out;
}

bool is_root_user(std::string_view user) {
  std::string_view name = user.substr(0, user.find(':'));
  return name == "root" || name == "0";
}

std::string_view mutable_tag_reason(std::string_view image) {
  if (image.find('@') != std::string_view::npos) return "";  // digest
  std::size_t slash = image.rfind('/');
  std::size_t colon = image.rfind(':');
  if (colon == std::string_view::npos || (slash != std::string_view::npos && colon < slash)) return "has no tag";
  return image.substr(colon + 1) == "latest" ? "uses the ':latest' tag" : "";
}

bool is_secret_name(std::string_view name) {
  // Long words match anywhere (DBPASSWORD); short ones only as a word (not BYPASS).
  static const RE2 secret(R"((?i)(PASSWORD|PASSWD|SECRET|TOKEN|APIKEY|API_KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL)|(^|_|-)(PASS|PWD|AUTH_?KEY)(_|-|$))");
  static const RE2 pointer(R"((?i)(_|-)(ARN|FILE|PATH|URL|URI|NAME|ID|ENDPOINT|HEADER|TYPE|LENGTH|EXPIRY|TTL|DIR|KEY_ID|PARAM|PARAMETER|REF|VERSION)$)");
  return RE2::PartialMatch(name, secret) && !RE2::PartialMatch(name, pointer);
}

bool has_url_credentials(std::string_view value) {
  static const RE2 re(R"([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]+:([^@/\s]+)@)");
  std::string password;
  return RE2::PartialMatch(value, re, &password) && !is_placeholder(password);
}

bool is_placeholder(std::string_view value) {
  // A reference is a value that starts with one ($X, ${X}) or holds ${{ … }}.
  static const RE2 re(R"((?i)^\s*$|^\$\{?[A-Za-z_]|\$\{\{|^<.*>$|^(changeme|change-me|placeholder|todo|xxx+|\*+|dummy|none|null|example|secret|password)$)");
  return RE2::PartialMatch(value, re);
}

}  // namespace kclint::ctr
