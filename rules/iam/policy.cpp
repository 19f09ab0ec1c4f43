// IAM action classification and matching, shared by the IAM rules.
#include "rules/iam/policy.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

namespace kclint::iam {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Verbs whose actions only read, in every service.
constexpr std::array<std::string_view, 8> kReadVerbs = {"list", "get", "describe", "head", "batchget", "search", "lookup", "view"};

// Read-only action prefixes of common services beyond the verbs above.
struct ServiceReads {
  std::string_view service;
  std::array<std::string_view, 3> prefixes;
};
constexpr std::array<ServiceReads, 3> kServiceReads = {{
    {"dynamodb", {"query", "scan", "conditioncheckitem"}},
    {"ecr", {"batchcheck", "", ""}},
    {"logs", {"filterlogevents", "startquery", "starttail"}},
}};

// Actions AWS authorizes only on Resource "*" (no resource-level permissions).
constexpr std::array<std::string_view, 30> kStarOnly = {
    "ecr:getauthorizationtoken", "ecr-public:getauthorizationtoken", "sts:getcalleridentity",
    "sts:getservicebearertoken", "logs:describeloggroups", "logs:describequerydefinitions",
    "ec2:describe*", "autoscaling:describe*", "elasticloadbalancing:describe*",
    "cloudwatch:putmetricdata", "cloudwatch:getmetricdata", "cloudwatch:getmetricstatistics",
    "cloudwatch:listmetrics", "xray:puttracesegments", "xray:puttelemetryrecords",
    "xray:getsamplingrules", "xray:getsamplingtargets", "xray:getsamplingstatisticsummaries",
    "ecs:registertaskdefinition", "ecs:deregistertaskdefinition", "ecs:describetaskdefinition",
    "ecs:listclusters", "ecs:listtaskdefinitions", "ecs:createcluster", "ssm:describeparameters",
    "secretsmanager:getrandompassword", "secretsmanager:listsecrets", "kms:createkey", "kms:listkeys",
    "s3:listallmybuckets"};

bool starts_with_read(std::string_view service, std::string_view name) {
  for (std::string_view v : kReadVerbs)
    if (name.starts_with(v)) return true;
  for (const ServiceReads& s : kServiceReads)
    if (s.service == service)
      for (std::string_view p : s.prefixes)
        if (!p.empty() && name.starts_with(p)) return true;
  return false;
}

}  // namespace

bool has_wildcard(std::string_view pattern) { return pattern.find_first_of("*?") != std::string_view::npos; }

bool matches(std::string_view pattern, std::string_view action) {
  std::string p = lower(pattern), a = lower(action);
  std::size_t pi = 0, ai = 0, star = std::string::npos, mark = 0;
  while (ai < a.size()) {
    if (pi < p.size() && (p[pi] == '?' || p[pi] == a[ai])) {
      ++pi, ++ai;
    } else if (pi < p.size() && p[pi] == '*') {
      star = pi++, mark = ai;
    } else if (star != std::string::npos) {
      pi = star + 1, ai = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

Access classify(std::string_view action) {
  std::string a = lower(action);
  std::size_t colon = a.find(':');
  std::string_view service = std::string_view(a).substr(0, colon);
  std::string_view name = colon == std::string::npos ? std::string_view() : std::string_view(a).substr(colon + 1);
  if (starts_with_read(service, name)) return Access::Read;
  if (service == "iam" || (service == "sts" && name.starts_with("assumerole"))) return Access::Permissions;
  for (std::string_view word : {"policy", "permission", "acl", "grant"})
    if (name.find(word) != std::string_view::npos) return Access::Permissions;
  return Access::Write;
}

bool covers_write(std::string_view pattern) {
  if (!has_wildcard(pattern)) return classify(pattern) != Access::Read;
  std::string p = lower(pattern);
  std::size_t colon = p.find(':');
  if (colon == std::string::npos || has_wildcard(std::string_view(p).substr(0, colon))) return true;
  std::string_view name = std::string_view(p).substr(colon + 1);
  std::string_view prefix = name.substr(0, name.find_first_of("*?"));
  return !starts_with_read(std::string_view(p).substr(0, colon), prefix);
}

bool star_resource_only(std::string_view action) {
  return std::any_of(kStarOnly.begin(), kStarOnly.end(), [&](std::string_view e) { return matches(e, action); });
}

std::optional<Level> managed_policy_level(std::string_view arn) {
  // arn:<partition>:iam::aws:policy/[path/]Name
  if (!arn.starts_with("arn:aws")) return std::nullopt;
  std::size_t at = arn.find(":iam::aws:policy/");
  if (at == std::string_view::npos || arn.substr(0, at).find(':', 4) != std::string_view::npos) return std::nullopt;
  std::string_view name = arn.substr(arn.rfind('/') + 1);
  if (name == "AdministratorAccess" || name == "IAMFullAccess" || name == "PowerUserAccess") return Level::Error;
  if (name.ends_with("FullAccess")) return Level::Warning;
  return std::nullopt;
}

bool equals_ci(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

std::optional<std::vector<ConditionEntry>> conditions(const PolicyStatement& s) {
  std::vector<ConditionEntry> out;
  if (s.conditions.is_null()) return out;
  const Value::Map* ops = s.conditions.map_value();
  if (!ops) return std::nullopt;
  for (const Value::Member& op : *ops) {
    const Value::Map* keys = op.value.map_value();
    if (!keys) return std::nullopt;
    for (const Value::Member& k : *keys) out.push_back(ConditionEntry{op.key, k.key, &k.value});
  }
  return out;
}

bool positive_operator(std::string_view op) {
  std::string o = lower(op);
  return o.find("not") == std::string::npos && o != "null" && !o.starts_with("null");
}

const Value* star_resource(const PolicyStatement& s) {
  for (const Value& r : s.resources)
    if (const std::string* t = text(r); t && *t == "*") return &r;
  return nullptr;
}

Span anchor(const PolicyStatement& s) {
  for (const std::vector<Value>* list : {&s.actions, &s.not_actions, &s.resources, &s.not_resources})
    if (!list->empty() && list->front().span().valid()) return list->front().span();
  return s.span;
}

std::string statement_key(const Resource& r, const PolicyDocument& d, std::size_t index) {
  return fmt::format("{}/{}/Statement[{}]", r.address, d.attribute, index);
}

}  // namespace kclint::iam
