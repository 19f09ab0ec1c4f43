// IAM008: a role that trusts GitHub's OIDC provider without pinning the `sub`
// claim to its repository can be assumed by a workflow in any repository.
#include <algorithm>

#include "analyzer/ir/rule.h"
#include "rules/iam/policy.h"

namespace kclint {

namespace {
constexpr std::string_view kHost = "token.actions.githubusercontent.com";

// The Federated principal names GitHub's provider: its ARN (the host is literal
// text, also inside a !Sub whose account id is unknown) or a provider resource.
bool github_provider(const Project& project, const Principal& p) {
  if (p.type != "Federated") return false;
  if (const std::string* t = p.id.string_value()) return t->find(kHost) != std::string::npos;
  if (const std::string* src = p.id.unknown_source()) return src->find(kHost) != std::string::npos;
  const Value::Ref* ref = p.id.reference_value();
  const Resource* provider = ref ? project.find(ref->target) : nullptr;
  const Value* url = provider ? provider->attr("url") : nullptr;
  if (!url && provider) url = provider->attrs.path({"properties", "Url"});
  return url && url->string_value() && url->string_value()->find(kHost) != std::string::npos;
}

// How far a StringLike `sub` pattern reaches: 2 any repository, 1 any repository of an owner, 0 narrower.
int reach(std::string_view op, std::string_view sub) {
  std::string o(op);
  std::transform(o.begin(), o.end(), o.begin(), [](unsigned char c) { return std::tolower(c); });
  if (o.find("like") == std::string::npos) return 0;  // StringEquals: '*' is a literal character
  if (sub.starts_with("*")) return 2;
  if (!sub.starts_with("repo:")) return 0;
  sub.remove_prefix(5);
  std::string_view path = sub.substr(0, sub.find(':'));
  std::string_view owner = path.substr(0, path.find('/'));
  if (owner.find_first_of("*?") != std::string_view::npos) return 2;
  return path.size() > owner.size() && path.substr(owner.size() + 1) == "*" ? 1 : 0;
}

void check(const Project& project, Findings& out) {
  iam::for_each_allow(project, [&](const Resource& r, const PolicyDocument& d, const PolicyStatement& s, std::size_t i) {
    auto principal = std::find_if(s.principals.begin(), s.principals.end(),
                                  [&](const Principal& p) { return github_provider(project, p); });
    bool web_identity = std::any_of(s.actions.begin(), s.actions.end(), [](const Value& a) {
      return a.string_value() && iam::matches(*a.string_value(), "sts:AssumeRoleWithWebIdentity");
    });
    std::optional<std::vector<iam::ConditionEntry>> entries = iam::conditions(s);
    if (principal == s.principals.end() || !web_identity || !entries) return;
    std::string key = iam::statement_key(r, d, i);
    bool sub = false, aud = false;
    for (const iam::ConditionEntry& e : *entries) {
      if (!iam::positive_operator(e.op)) continue;
      aud = aud || iam::equals_ci(e.key, std::string(kHost) + ":aud");
      if (!iam::equals_ci(e.key, std::string(kHost) + ":sub")) continue;
      sub = true;
      std::vector<const Value*> values = {e.values};
      if (const Value::List* list = e.values->list_value()) {
        values.clear();
        for (const Value& v : *list) values.push_back(&v);
      }
      for (const Value* v : values) {
        const std::string* t = v->string_value();
        int how = t ? reach(e.op, *t) : 0;
        if (how == 2)
          out.report(v->span(), "role '{}' trusts GitHub OIDC for sub \"{}\", which matches any repository; pin it "
                     "to repo:OWNER/REPO:…", r.name, *t).key = key + "/sub/" + *t;
        else if (how == 1)
          out.report_at(Level::Warning, v->span(), "role '{}' trusts GitHub OIDC for sub \"{}\", every repository of "
                        "the owner; pin it to the repositories (and branches or environments) that deploy", r.name, *t)
              .key = key + "/sub/" + *t;
      }
    }
    if (!sub)
      out.report(principal->id.span(), "role '{}' trusts GitHub OIDC with no {}:sub condition: a workflow in any "
                 "repository can assume it", r.name, kHost).key = key + "/no-sub";
    if (!aud)
      out.report_at(Level::Warning, principal->id.span(), "role '{}' trusts GitHub OIDC with no {}:aud condition; "
                    "require \"sts.amazonaws.com\"", r.name, kHost).key = key + "/no-aud";
  });
}
}  // namespace

extern const Rule kIamOidcTrustUnrestricted{
    .id = "IAM008",
    .name = "iam-oidc-trust-unrestricted",
    .summary = "Roles trusting GitHub OIDC must pin the sub claim to specific repositories",
    .level = Level::Error,
    .family = Family::Iam,
    .tags = {"security", "iam", "ci", "oidc"},
    .security_severity = 9.0,
    .check = check};

}  // namespace kclint
