// The one list of rules kclint knows. Adding a rule: its .cpp file, its
// fixture folder, its docs/rules/ID.md, and one line in registry.cpp.
#pragma once

#include <span>
#include <string_view>

#include "analyzer/ir/rule.h"

namespace kclint {

// Every rule, sorted by id.
std::span<const Rule* const> all_rules();
const Rule* find_rule(std::string_view id);

}  // namespace kclint
