// AZ counting (see zones.h).
#include "rules/az/zones.h"

#include <algorithm>
#include <optional>

namespace kclint::az {

namespace {
bool indexed(const std::string& source) {
  return source.find("GetAZs") != std::string::npos || source.find("aws_availability_zones") != std::string::npos;
}

void add(Zones& z, const Resource& subnet) {
  z.subnets.push_back(&subnet);
  const Value* az = subnet.attr("availability_zone");
  std::string key;
  if (const std::string* s = az ? az->string_value() : nullptr) key = *s;
  else if (const std::string* u = az ? az->unknown_source() : nullptr) {
    key = *u;
    z.exact = z.exact && indexed(*u);
  } else {
    z.exact = false;  // no AZ given: AWS picks one
    return;
  }
  if (std::find(z.zones.begin(), z.zones.end(), key) == z.zones.end()) z.zones.push_back(key);
}
}  // namespace

std::optional<Zones> zones_of(const Project& project, const Value& subnet_list) {
  const Value::List* list = subnet_list.list_value();
  if (!list) return std::nullopt;
  Zones z;
  for (const Value& e : *list) {
    const Value::Ref* ref = e.reference_value();
    const Resource* subnet = ref ? project.find(ref->target) : nullptr;
    if (subnet && subnet->kind == Kind::Subnet) add(z, *subnet);
    else z.exact = false;
  }
  // One subnet (a reference or literal id, not an Unknown that may be a list) is one AZ.
  if (list->size() == 1 && !(*list)[0].is_unknown() && z.zones.size() <= 1) {
    z.exact = true;
    if (z.zones.empty()) z.zones.push_back((*list)[0].describe());
  }
  return z;
}

Zones zones_of(const std::vector<const Resource*>& subnets) {
  Zones z;
  for (const Resource* s : subnets) add(z, *s);
  return z;
}

std::string describe(const Zones& z) {
  std::string out;
  for (const std::string& s : z.zones) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace kclint::az
