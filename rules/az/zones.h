// Availability-zone counting shared by the AZ rules: the AZs of a list of
// subnet references, where Unknown AZs count as distinct by source text
// (docs/ir.md: `!Select [i, !GetAZs '']` differs per index).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/ir/project.h"

namespace kclint::az {

struct Zones {
  std::vector<std::string> zones;      // distinct: AZ names, or Unknown source texts
  std::vector<const Resource*> subnets;  // the subnets resolved in the project
  // True when the count is exact: every subnet resolved and every AZ is a
  // string or an indexed Unknown (`!Select [i, !GetAZs]`,
  // `data.aws_availability_zones….names[i]`), or the list has a single subnet.
  bool exact = true;
  std::size_t count() const { return zones.size(); }
};

// The zones of a subnet list (`subnet_ids`, `subnets`); nullopt when the
// list itself is not a concrete List.
std::optional<Zones> zones_of(const Project& project, const Value& subnet_list);
// The zones of some subnet resources (exact unless an AZ is a plain Unknown or missing).
Zones zones_of(const std::vector<const Resource*>& subnets);

// "us-east-1a, us-east-1b" for messages.
std::string describe(const Zones& z);

}  // namespace kclint::az
