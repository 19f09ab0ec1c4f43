// Small lookups on the HCL syntax tree.
#include "parsers/hcl/ast.h"

namespace kclint::hcl {

std::string_view bare_key_name(const ObjectItem& item) {
  const ScopeTraversal* t = item.key->as<ScopeTraversal>();
  return t && t->steps.empty() ? t->root : std::string_view{};
}

const Attribute* Body::attribute(std::string_view name) const {
  for (const Attribute& a : attributes)
    if (a.name == name) return &a;
  return nullptr;
}

}  // namespace kclint::hcl
