// IAM policy JSON (as a Value tree or a JSON string) → PolicyDocument.
#include "analyzer/lower/policy_json.h"

#include "parsers/json/json.h"

namespace kclint {

namespace {

void respan(Value& v, const Span& span) {
  v.set_span(span);
  if (Value::List* list = v.list_value())
    for (Value& e : *list) respan(e, span);
  if (Value::Map* map = v.map_value())
    for (Value::Member& m : *map) {
      m.key_span = span;
      respan(m.value, span);
    }
}

// "a" or ["a", "b"] → one Value per element; anything else (Unknown,
// Reference) is kept as a single element the rules will not judge.
std::vector<Value> elements(const Value& v) {
  if (const Value::List* list = v.list_value()) return *list;
  return {v};
}

std::vector<Principal> principals(const Value& v) {
  std::vector<Principal> out;
  if (const std::string* s = v.string_value(); s && *s == "*") {
    out.push_back(Principal{"*", v});
    return out;
  }
  if (const Value::Map* map = v.map_value()) {
    for (const Value::Member& m : *map)
      for (Value& id : elements(m.value)) out.push_back(Principal{m.key, std::move(id)});
    return out;
  }
  out.push_back(Principal{"", v});  // not an IAM principal shape: kept, type unknown
  return out;
}

PolicyStatement statement(const Value& s) {
  PolicyStatement st;
  st.span = s.span();
  if (const Value* v = s.get("Sid")) st.sid = *v;
  if (const Value* v = s.get("Effect")) st.effect = *v;
  if (const Value* v = s.get("Action")) st.actions = elements(*v);
  if (const Value* v = s.get("NotAction")) st.not_actions = elements(*v);
  if (const Value* v = s.get("Resource")) st.resources = elements(*v);
  if (const Value* v = s.get("NotResource")) st.not_resources = elements(*v);
  if (const Value* v = s.get("Principal")) {
    st.has_principal = true;
    st.principals = principals(*v);
  }
  if (const Value* v = s.get("NotPrincipal")) {
    st.has_principal = true;
    st.not_principals = principals(*v);
  }
  if (const Value* v = s.get("Condition")) st.conditions = *v;
  return st;
}

}  // namespace

PolicyDocument policy_from_json(const Value& document, PolicyRole role, std::string attribute) {
  PolicyDocument doc;
  doc.span = document.span();
  doc.role = role;
  doc.attribute = std::move(attribute);

  const Value* tree = &document;
  Value parsed;
  if (const std::string* text = document.string_value()) {
    LoadResult r = json::load(document.span().file, *text);
    if (!r.diagnostics.empty() || !r.value.is_map()) {
      doc.unknown = true;
      return doc;
    }
    parsed = std::move(r.value);
    respan(parsed, document.span());
    tree = &parsed;
  }
  if (!tree->is_map()) {
    doc.unknown = true;
    return doc;
  }
  const Value* statements = tree->get("Statement");
  if (!statements) return doc;
  if (statements->is_map()) {
    doc.statements.push_back(statement(*statements));
  } else if (const Value::List* list = statements->list_value()) {
    for (const Value& s : *list)
      if (s.is_map()) doc.statements.push_back(statement(s));
  } else {
    doc.unknown = true;
  }
  return doc;
}

}  // namespace kclint
