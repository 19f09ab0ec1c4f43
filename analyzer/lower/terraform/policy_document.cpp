// data.aws_iam_policy_document → the IAM JSON shape (Version, Statement with
// Sid/Effect/Action/Resource/Principal/Condition), keeping the spans of the
// statement blocks, so policy_json reads it like any other policy.
#include "analyzer/lower/terraform/eval.h"
#include "parsers/json/json.h"

namespace kclint::tf {

namespace {

// {type, identifiers} blocks → {"AWS": [...], "Service": [...]} or "*".
Value principals(const Value& blocks, const Span& span) {
  Value out = Value::map({}, span);
  const Value::List* list = blocks.list_value();
  if (!list) return out;
  for (const Value& b : *list) {
    const Value* type = b.get("type");
    const Value* ids = b.get("identifiers");
    if (!type || !ids) continue;
    const std::string* t = type->string_value();
    if (!t) continue;
    if (*t == "*") return Value::string("*", b.span());
    Value merged = out.get(*t) ? *out.get(*t) : Value::list({}, ids->span());
    if (const Value::List* l = ids->list_value())
      for (const Value& id : *l) merged.list_value()->push_back(id);
    else
      merged.list_value()->push_back(*ids);
    out.set(*t, std::move(merged), type->span());
  }
  return out;
}

// {test, variable, values} blocks → {test: {variable: values}}.
Value conditions(const Value& blocks, const Span& span) {
  Value out = Value::map({}, span);
  const Value::List* list = blocks.list_value();
  if (!list) return out;
  for (const Value& b : *list) {
    const Value* test = b.get("test");
    const Value* var = b.get("variable");
    const Value* values = b.get("values");
    std::optional<std::string> t = test ? test->as_text() : std::nullopt;
    std::optional<std::string> v = var ? var->as_text() : std::nullopt;
    if (!t || !v || !values) continue;
    Value op = out.get(*t) ? *out.get(*t) : Value::map({}, b.span());
    op.set(*v, *values, var->span());
    out.set(*t, std::move(op), test->span());
  }
  return out;
}

Value statement(const Value& s) {
  Value out = Value::map({}, s.span());
  auto copy = [&](std::string_view from, std::string to) {
    if (const Value::Member* m = s.member(from); m && !m->value.is_null()) out.set(std::move(to), m->value, m->key_span);
  };
  copy("sid", "Sid");
  if (const Value::Member* m = s.member("effect"); m && !m->value.is_null())
    out.set("Effect", m->value, m->key_span);
  else
    out.set("Effect", Value::string("Allow", s.span()), s.span());
  copy("actions", "Action");
  copy("not_actions", "NotAction");
  copy("resources", "Resource");
  copy("not_resources", "NotResource");
  if (const Value* p = s.get("principals")) out.set("Principal", principals(*p, p->span()), p->span());
  if (const Value* p = s.get("not_principals")) out.set("NotPrincipal", principals(*p, p->span()), p->span());
  if (const Value* c = s.get("condition")) out.set("Condition", conditions(*c, c->span()), c->span());
  return out;
}

// The statements of another document given as source/override: a Map in IAM
// shape, or JSON text.
Value::List statements_of(const Value& doc) {
  Value parsed = doc;
  if (const std::string* s = doc.string_value()) {
    LoadResult r = json::load(kNoFile, *s);
    if (!r.diagnostics.empty()) return {};
    parsed = std::move(r.value);
    respan(parsed, doc.span());
  }
  const Value* st = parsed.get("Statement");
  if (!st) return {};
  if (const Value::List* l = st->list_value()) return *l;
  return {*st};
}

}  // namespace

Value Engine::policy_document(ModuleInstance& m, const hcl::Block& block, Ctx& ctx) {
  (void)m;
  Value body = eval_body(block.body, ctx);
  Value::List out;
  auto add_docs = [&](std::string_view attr, bool override) {
    const Value* docs = body.get(attr);
    if (!docs) return true;
    if (!docs->is_list()) return false;
    for (const Value& d : *docs->list_value()) {
      if (d.is_unknown() || d.is_reference()) return false;
      for (Value& st : statements_of(d)) {
        const Value* sid = st.get("Sid");
        bool replaced = false;
        if (override && sid && sid->string_value())
          for (Value& existing : out)
            if (const Value* esid = existing.get("Sid"); esid && esid->string_value() && *esid->string_value() == *sid->string_value()) {
              existing = st;
              replaced = true;
            }
        if (!replaced) out.push_back(std::move(st));
      }
    }
    return true;
  };
  if (!add_docs("source_policy_documents", false)) return Value::unknown("data.aws_iam_policy_document", block.span);
  if (const Value* src = body.get("source_json"); src && !src->is_null()) {
    if (src->is_unknown() || src->is_reference()) return Value::unknown("data.aws_iam_policy_document", block.span);
    for (Value& st : statements_of(*src)) out.push_back(std::move(st));
  }
  if (const Value* sts = body.get("statement"); sts && sts->is_list())
    for (const Value& s : *sts->list_value()) {
      Value st = statement(s);
      bool replaced = false;
      if (const Value* sid = st.get("Sid"); sid && sid->string_value())
        for (Value& existing : out)
          if (const Value* esid = existing.get("Sid"); esid && esid->string_value() && *esid->string_value() == *sid->string_value()) {
            existing = st;
            replaced = true;
          }
      if (!replaced) out.push_back(std::move(st));
    }
  if (!add_docs("override_policy_documents", true)) return Value::unknown("data.aws_iam_policy_document", block.span);
  Value doc = Value::map({}, block.span);
  const Value* version = body.get("version");
  doc.set("Version", version ? *version : Value::string("2012-10-17", block.span));
  doc.set("Statement", Value::list(std::move(out), block.span));
  return doc;
}

}  // namespace kclint::tf
