// Cost estimate: one priced item per resource that bills by the hour.
#include "rules/cost/estimate.h"

#include <cmath>
#include <map>

#include <fmt/format.h>

#include "rules/cost/prices.h"

namespace kclint::cost {

namespace {

const std::string* text(const Resource& r, std::string_view key) {
  const Value* v = r.attr(key);
  return v ? v->string_value() : nullptr;
}

// The value's source text for messages about an unknown size.
std::string shown(const Value* v, std::string_view fallback) {
  if (!v || v->is_null()) return fmt::format("{} is not set", fallback);
  return fmt::format("{} {} is not known", fallback, v->describe());
}

Item hourly(const Resource& r, std::string what, double per_hour, double count = 1) {
  return Item{&r, std::move(what), per_hour * count * kHoursPerMonth, {}, r.span};
}

Item unpriced(const Resource& r, std::string what, std::string why, const Value* at = nullptr) {
  return Item{&r, std::move(what), std::nullopt, std::move(why), at && at->span().valid() ? at->span() : r.span};
}

bool is_aurora(const Resource& r) {
  const std::string* engine = text(r, "engine");
  const Value* cluster = r.attr("cluster");
  return r.kind == Kind::RdsClusterInstance || (engine && engine->starts_with("aurora")) ||
         (cluster && !cluster->is_null());
}

// The cluster an Aurora member belongs to, when it resolves.
const Resource* cluster_of(const Project& project, const Resource& member) {
  const Value* c = member.attr("cluster");
  const Value::Ref* ref = c ? c->reference_value() : nullptr;
  return ref ? project.find(ref->target) : nullptr;
}

std::optional<Item> database(const Project& project, const Resource& r) {
  const Value* cls = r.attr("instance_class");
  const std::string* name = cls ? cls->string_value() : nullptr;
  bool aurora = is_aurora(r);
  if (name && *name == "db.serverless") {
    // Serverless v2: each instance bills its ACUs; at rest, the cluster's minimum.
    const Resource* cluster = cluster_of(project, r);
    const Value* min = cluster ? cluster->attr("serverlessv2_min_capacity") : nullptr;
    std::optional<double> acu = min ? min->as_number() : std::nullopt;
    if (!acu) return unpriced(r, "Aurora Serverless v2 instance", shown(min, "minimum ACU"), min);
    return hourly(r, fmt::format("Aurora Serverless v2 instance at its minimum {} ACU", *acu), kAuroraAcuHour, *acu);
  }
  std::string kind = aurora ? "Aurora instance" : "RDS instance";
  if (!name) return unpriced(r, kind, shown(cls, "instance class"), cls);
  std::optional<double> per_hour = rds_hour(*name, aurora);
  if (!per_hour) return unpriced(r, fmt::format("{} {}", kind, *name), fmt::format("{} is not in the price table", *name), cls);
  const Value* multi_az = r.attr("multi_az");
  bool multi = !aurora && multi_az && multi_az->as_bool() == true;
  return hourly(r, fmt::format("{} {}{}", kind, *name, multi ? ", Multi-AZ" : ""), *per_hour, multi ? 2 : 1);
}

std::optional<Item> cache(const Resource& r) {
  const Value* type = r.attr("node_type");
  const std::string* name = type ? type->string_value() : nullptr;
  const char* what = r.kind == Kind::CacheCluster ? "ElastiCache cluster" : "ElastiCache replication group";
  if (!name) return unpriced(r, what, shown(type, "node type"), type);
  const Value* count = r.attr(r.kind == Kind::CacheCluster ? "num_cache_nodes" : "num_cache_clusters");
  std::optional<double> n = count && !count->is_null() ? count->as_number() : std::optional<double>(1);
  if (!n) return unpriced(r, fmt::format("{} of {}", what, *name), shown(count, "node count"), count);
  std::optional<double> per_hour = cache_node_hour(*name);
  if (!per_hour) return unpriced(r, fmt::format("{} of {}", what, *name), fmt::format("{} is not in the price table", *name), type);
  return hourly(r, fmt::format("{}, {} × {}", what, *n, *name), *per_hour, *n);
}

// Share of a service's tasks on Fargate Spot: the configured one, else the
// weights of its capacity provider strategy.
double spot_share(const Resource& svc, const CostPolicy* policy) {
  if (policy && policy->spot_share) return *policy->spot_share;
  const Value* strategy = svc.attr("capacity_provider_strategy");
  const Value::List* list = strategy ? strategy->list_value() : nullptr;
  if (!list) return 0;
  double spot = 0, all = 0;
  for (const Value& s : *list) {
    const Value* p = s.get("capacity_provider");
    const Value* w = s.get("weight");
    double weight = w && w->as_number() ? *w->as_number() : 0;
    all += weight;
    if (p && p->string_value() && *p->string_value() == "FARGATE_SPOT") spot += weight;
  }
  return all > 0 ? spot / all : 0;
}

bool on_fargate(const Resource& svc) {
  const std::string* launch = text(svc, "launch_type");
  if (launch && *launch == "FARGATE") return true;
  const Value* strategy = svc.attr("capacity_provider_strategy");
  if (const Value::List* list = strategy ? strategy->list_value() : nullptr)
    for (const Value& s : *list)
      if (const Value* p = s.get("capacity_provider"); p && p->string_value() && p->string_value()->starts_with("FARGATE"))
        return true;
  return false;
}

std::optional<Item> fargate(const Project& project, const Resource& svc, const Settings& settings) {
  if (!on_fargate(svc)) return std::nullopt;
  const Value* td_ref = svc.attr("task_definition");
  const Value::Ref* ref = td_ref ? td_ref->reference_value() : nullptr;
  const Resource* td = ref ? project.find(ref->target) : nullptr;
  if (!td) return unpriced(svc, "Fargate service", "its task definition is not in the project", td_ref);
  const Value* cpu_v = td->attr("cpu");
  const Value* mem_v = td->attr("memory");
  std::optional<double> cpu = task_size(cpu_v, "vcpu"), mem = task_size(mem_v, "gb");
  if (!cpu) return unpriced(svc, "Fargate service", shown(cpu_v, "task CPU"), cpu_v);
  if (!mem) return unpriced(svc, "Fargate service", shown(mem_v, "task memory"), mem_v);
  const Value* desired = svc.attr("desired_count");
  // CloudFormation starts one task when DesiredCount is not given; Terraform's default is 0.
  double fallback = svc.native_type == "aws_ecs_service" ? 0 : 1;
  std::optional<double> n = desired && !desired->is_null() ? desired->as_number() : std::optional<double>(fallback);
  if (!n) return unpriced(svc, "Fargate service", shown(desired, "desired count"), desired);
  const std::string* arch = text(*td, "cpu_architecture");
  bool arm = arch && *arch == "ARM64";
  double vcpu = *cpu / 1024, gb = *mem / 1024;
  double per_task = vcpu * (arm ? kFargateArmVcpuHour : kFargateVcpuHour) + gb * (arm ? kFargateArmGbHour : kFargateGbHour);
  double share = spot_share(svc, settings.cost_policy(svc.environment));
  double factor = (1 - share) + share * kFargateSpotFactor;
  std::string what = fmt::format("Fargate service, {} × {:g} vCPU / {:g} GB{}", *n, vcpu, gb, arm ? " ARM" : "");
  if (share > 0) what += fmt::format(", {:g}% on Spot", std::round(share * 100));
  return hourly(svc, std::move(what), per_task * factor, *n);
}

std::optional<Item> load_balancer(const Resource& r) {
  const std::string* type = text(r, "load_balancer_type");
  std::string t = type ? *type : "application";  // the default of both aws_lb and CloudFormation
  if (t == "application") return hourly(r, "Application Load Balancer", kAlbHour);
  if (t == "network") return hourly(r, "Network Load Balancer", kNlbHour);
  if (t == "gateway") return hourly(r, "Gateway Load Balancer", kGwlbHour);
  return unpriced(r, "Load balancer", shown(r.attr("load_balancer_type"), "load balancer type"), r.attr("load_balancer_type"));
}

std::optional<Item> item_for(const Project& project, const Resource& r) {
  switch (r.kind) {
    case Kind::NatGateway: {
      const std::string* type = text(r, "connectivity_type");
      if (type && *type == "private") return hourly(r, "NAT gateway (private)", kNatGatewayHour);
      return hourly(r, "NAT gateway", kNatGatewayHour);
    }
    case Kind::ElasticIp: return hourly(r, "Elastic IP (public IPv4)", kPublicIpv4Hour);
    case Kind::LoadBalancer: return load_balancer(r);
    case Kind::RdsInstance:
    case Kind::RdsClusterInstance: return database(project, r);
    case Kind::CacheCluster: {
      // A member of a replication group is priced with its group.
      const Value* group = r.attr("replication_group_id");
      if (group && !group->is_null()) return std::nullopt;
      return cache(r);
    }
    case Kind::CacheReplicationGroup: return cache(r);
    case Kind::EcsService: return fargate(project, r, project.settings);
    default: return std::nullopt;
  }
}

}  // namespace

std::vector<EnvironmentEstimate> estimate(const Project& project) {
  std::map<std::string, EnvironmentEstimate> by_env;
  for (std::size_t i = 0; i < project.resource_count(); ++i) {
    const Resource& r = project.resource(static_cast<ResourceId>(i));
    std::optional<Item> item = item_for(project, r);
    if (!item) continue;
    EnvironmentEstimate& e = by_env[r.environment];
    e.environment = r.environment;
    if (item->monthly) e.total += *item->monthly;
    else ++e.unpriced;
    e.items.push_back(std::move(*item));
  }
  std::vector<EnvironmentEstimate> out;
  for (auto& [name, e] : by_env) {
    e.policy = project.settings.cost_policy(name);
    out.push_back(std::move(e));
  }
  return out;
}

std::optional<double> task_size(const Value* v, std::string_view big_unit) {
  if (!v) return std::nullopt;
  if (std::optional<double> n = v->as_number()) return n;
  const std::string* s = v->string_value();
  if (!s) return std::nullopt;
  double amount = 0;
  std::string unit;
  std::size_t used = 0;
  try {
    amount = std::stod(*s, &used);
  } catch (...) {
    return std::nullopt;
  }
  unit = s->substr(used);
  unit.erase(0, unit.find_first_not_of(' '));
  for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (unit == big_unit) return amount * 1024;
  return std::nullopt;
}

std::string money(double usd) {
  long long cents = std::llround(usd * 100);
  const std::string digits = std::to_string(cents / 100);
  std::string whole;  // with thousands separators, built forwards
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) whole += ',';
    whole += digits[i];
  }
  return fmt::format("${}.{:02d}", whole, cents % 100);
}

}  // namespace kclint::cost
