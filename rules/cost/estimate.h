// Offline monthly cost estimate of a project's resources (`kclint cost`,
// COST006), from the price table in prices.h. Sizes that are not known
// statically are reported as unknown, never guessed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzer/ir/project.h"

namespace kclint::cost {

struct Item {
  const Resource* resource = nullptr;
  std::string what;               // "NAT gateway", "RDS db.r6g.large, Multi-AZ", ...
  std::optional<double> monthly;  // USD; nullopt when a size is unknown or not in the table
  std::string unknown;            // why there is no price ("instance class var.db_class is not known")
  Span span;                      // where the deciding value is written (the resource otherwise)
};

struct EnvironmentEstimate {
  std::string environment;  // "" when unknown
  std::vector<Item> items;  // in resource order
  double total = 0;         // of the priced items
  std::size_t unpriced = 0;
  const CostPolicy* policy = nullptr;  // the environment's cost policy, if configured
};

// One estimate per environment (sorted by name, unknown first), each with
// the resources that cost money by the hour.
std::vector<EnvironmentEstimate> estimate(const Project& project);

// Task-level CPU in units (1024 = 1 vCPU) or memory in MiB, as written:
// numbers, or CloudFormation's "1 vCPU" / "2 GB" (`big_unit` "vcpu" / "gb").
std::optional<double> task_size(const Value* v, std::string_view big_unit);

// "$1,234.56"
std::string money(double usd);

}  // namespace kclint::cost
