// Terraform type constraints, as far as they change a value: the defaults of
// optional(type, default) object attributes (Terraform 1.3), filled in where
// a variable's value leaves them out, at any depth of lists, maps and objects.
#include "analyzer/lower/terraform/eval.h"

namespace kclint::tf {

namespace {

// The attribute name an object type's item declares (`a = …` or `"a" = …`).
std::string item_name(const hcl::ObjectItem& item) {
  if (std::string_view bare = hcl::bare_key_name(item); !bare.empty()) return std::string(bare);
  if (const hcl::Template* t = item.key->as<hcl::Template>(); t && t->parts.size() == 1)
    if (const hcl::Literal* l = t->parts[0]->as<hcl::Literal>()) return std::string(l->text);
  return {};
}

}  // namespace

Value Engine::with_type_defaults(const hcl::Expr& type, const Value& v, int depth) {
  const hcl::Call* c = type.as<hcl::Call>();
  if (!c || c->args.empty() || depth > 32 || v.is_unknown() || v.is_reference()) return v;
  std::string_view fn = c->name;
  const hcl::Expr& arg = *c->args[0];
  if (fn == "list" || fn == "set" || fn == "map") {
    Value out = v;
    if (Value::List* l = out.list_value())
      for (Value& e : *l) e = with_type_defaults(arg, e, depth + 1);
    else if (Value::Map* m = out.map_value())
      for (Value::Member& e : *m) e.value = with_type_defaults(arg, e.value, depth + 1);
    return out;
  }
  if (fn == "tuple") {
    const hcl::Tuple* types = arg.as<hcl::Tuple>();
    Value out = v;
    if (Value::List* l = out.list_value(); l && types)
      for (std::size_t i = 0; i < l->size() && i < types->elements.size(); ++i)
        (*l)[i] = with_type_defaults(*types->elements[i], (*l)[i], depth + 1);
    return out;
  }
  const hcl::Object* attrs = arg.as<hcl::Object>();
  if (fn != "object" || !attrs || !v.is_map()) return v;
  Value out = v;
  for (const hcl::ObjectItem& item : attrs->items) {
    std::string name = item_name(item);
    if (name.empty()) continue;
    const hcl::Call* opt = item.value->as<hcl::Call>();
    const bool optional = opt && opt->name == "optional" && !opt->args.empty();
    const hcl::Expr& attr_type = optional ? *opt->args[0] : *item.value;
    const Value::Member* have = out.member(name);
    if (have && !have->value.is_null()) {
      Value typed = with_type_defaults(attr_type, have->value, depth + 1);
      Span key_span = have->key_span;
      out.set(name, std::move(typed), key_span);
    } else if (optional && opt->args.size() >= 2) {
      // The default is a constant; it keeps the span where the type writes it.
      Ctx constant;
      Value d = eval(*opt->args[1], constant);
      out.set(name, with_type_defaults(attr_type, d, depth + 1), item.key->span);
    } else if (optional && !have) {
      out.set(name, Value::null(item.key->span), item.key->span);
    }
  }
  return out;
}

}  // namespace kclint::tf
