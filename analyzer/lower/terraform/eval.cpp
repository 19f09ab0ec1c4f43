// Static evaluation of HCL expressions into IR Values: literals, templates,
// traversals (var/local/module/data/resources), operators, for and splat
// expressions, and resource bodies with their dynamic blocks expanded.
#include "analyzer/lower/terraform/eval.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace kclint::tf {

namespace {

constexpr std::string_view kOpen = "\xEF\xA3\xB0";   // U+F8F0: placeholder start
constexpr std::string_view kClose = "\xEF\xA3\xB1";  // U+F8F1: placeholder end
constexpr FileId kSyntheticBase = 0x40000000u;

bool truthy(const Value& v, bool& known) {
  std::optional<bool> b = v.as_bool();
  known = b.has_value();
  return b.value_or(false);
}

}  // namespace

std::string number_text(double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) return fmt::format("{}", static_cast<long long>(d));
  return fmt::format("{}", d);
}

std::string quote_key(std::string_view key) {
  std::string out = "[\"";
  for (char c : key) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"]";
}

bool values_equal(const Value& a, const Value& b) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Value::Type::Null: return true;
    case Value::Type::Bool:
    case Value::Type::Number:
    case Value::Type::String: return a.as_text() == b.as_text();
    case Value::Type::List: {
      const auto& x = *a.list_value();
      const auto& y = *b.list_value();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i)
        if (!values_equal(x[i], y[i])) return false;
      return true;
    }
    case Value::Type::Map: {
      const auto& x = *a.map_value();
      if (x.size() != b.map_value()->size()) return false;
      for (const auto& m : x) {
        const Value* o = b.get(m.key);
        if (!o || !values_equal(m.value, *o)) return false;
      }
      return true;
    }
    case Value::Type::Unknown: return *a.unknown_source() == *b.unknown_source();
    case Value::Type::Reference:
      return a.reference_value()->target == b.reference_value()->target &&
             a.reference_value()->attribute == b.reference_value()->attribute;
  }
  return false;
}

void respan(Value& v, const Span& s) {
  v.set_span(s);
  if (Value::List* l = v.list_value())
    for (Value& e : *l) respan(e, s);
  if (Value::Map* m = v.map_value())
    for (Value::Member& e : *m) {
      e.key_span = s;
      respan(e.value, s);
    }
}

std::vector<const Value::Member*> sorted_members(const Value& map) {
  std::vector<const Value::Member*> out;
  if (const Value::Map* m = map.map_value())
    for (const Value::Member& e : *m) out.push_back(&e);
  std::stable_sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->key < b->key; });
  return out;
}

// --- Engine basics ------------------------------------------------------------

Engine::Engine(Project& project, const LoadOptions& options) : project_(project), options_(options) {
  by_file_.assign(project.files().size(), nullptr);
}

std::string Engine::source_text(const Span& s, const hcl::ByteRange& r) const {
  const hcl::File* f = nullptr;
  if (s.file != kNoFile && s.file >= kSyntheticBase && s.file - kSyntheticBase < synthetic_.size())
    f = synthetic_[s.file - kSyntheticBase].get();
  else if (s.file < by_file_.size())
    f = by_file_[s.file];
  if (!f || r.end > f->text.size() || r.begin > r.end) return {};
  std::string out(f->text.substr(r.begin, std::min<std::uint32_t>(r.size(), 4096)));
  return out;
}

void Engine::report_budget(const Span& at) {
  if (budget_reported_) return;
  budget_reported_ = true;
  diagnose(at, fmt::format("Terraform evaluation stopped: more than {} evaluation steps in this project; "
                           "the remaining values are Unknown",
                           kStepBudget));
}

bool Engine::spend(const Span& at, std::uint64_t n) {
  steps_ += n;
  if (!budget_exhausted()) return true;
  report_budget(at);
  return false;
}

bool Engine::afford(const Value& v, const Span& at) {
  // One step per value and per 64 bytes of text, counted only as far as the budget goes.
  std::uint64_t weight = 0;
  std::vector<const Value*> todo{&v};
  while (!todo.empty() && steps_ + weight <= kStepBudget) {
    const Value* x = todo.back();
    todo.pop_back();
    weight += 1;
    if (const std::string* s = x->string_value()) weight += s->size() / 64;
    if (const Value::List* l = x->list_value())
      for (const Value& item : *l) todo.push_back(&item);
    if (const Value::Map* m = x->map_value())
      for (const Value::Member& member : *m) todo.push_back(&member.value);
  }
  return spend(at, weight);
}

void Engine::diagnose(const Span& s, std::string message) {
  FileId id = s.file;
  if (id == kNoFile || id >= project_.files().size()) return;
  for (const Diagnostic& d : project_.file(id).diagnostics)
    if (d.span == s && d.message == message) return;
  project_.file(id).diagnostics.push_back(Diagnostic{s, std::move(message)});
}

std::string Engine::placeholder(const Value& v) {
  std::string out(kOpen);
  out += std::to_string(placeholders_.size());
  out += kClose;
  placeholders_.push_back(v);
  return out;
}

bool Engine::has_placeholder(std::string_view s) const { return s.find(kOpen) != std::string_view::npos; }

std::vector<Value> Engine::placeholder_values(std::string_view s) const {
  std::vector<Value> out;
  for (std::size_t at = s.find(kOpen); at != std::string_view::npos; at = s.find(kOpen, at + 1)) {
    std::size_t idx = std::strtoul(std::string(s.substr(at + kOpen.size(), 12)).c_str(), nullptr, 10);
    if (idx < placeholders_.size()) out.push_back(placeholders_[idx]);
  }
  return out;
}

Value Engine::sanitize(const Value& v) const {
  if (const std::string* s = v.string_value()) {
    if (!has_placeholder(*s)) return v;
    std::string text;
    std::size_t pos = 0;
    std::optional<Value> single;
    int count = 0;
    while (pos < s->size()) {
      std::size_t open = s->find(kOpen, pos);
      if (open == std::string::npos) {
        text.append(*s, pos, std::string::npos);
        break;
      }
      text.append(*s, pos, open - pos);
      std::size_t close = s->find(kClose, open);
      if (close == std::string::npos) break;
      std::size_t idx = std::strtoul(s->c_str() + open + kOpen.size(), nullptr, 10);
      const Value& p = idx < placeholders_.size() ? placeholders_[idx] : v;
      ++count;
      if (open == 0 && close + kClose.size() == s->size()) single = p;
      text += "${" + p.describe() + "}";
      pos = close + kClose.size();
    }
    if (single && count == 1) {
      Value out = sanitize(*single);
      if (!out.span().valid()) out.set_span(v.span());
      return out;
    }
    return Value::unknown(text, v.span());
  }
  if (const Value::List* l = v.list_value()) {
    Value::List out;
    out.reserve(l->size());
    for (const Value& e : *l) out.push_back(sanitize(e));
    return Value::list(std::move(out), v.span());
  }
  if (const Value::Map* m = v.map_value()) {
    Value::Map out;
    out.reserve(m->size());
    for (const Value::Member& e : *m) out.push_back(Value::Member{e.key, e.key_span, sanitize(e.value)});
    return Value::map(std::move(out), v.span());
  }
  return v;
}

std::string Engine::render_json(const Value& v) {
  auto quote = [](std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          if (static_cast<unsigned char>(c) < 0x20)
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
          else
            out += c;
      }
    }
    return out + "\"";
  };
  switch (v.type()) {
    case Value::Type::Null: return "null";
    case Value::Type::Bool: return *v.as_text();
    case Value::Type::Number: return number_text(*v.as_number());
    case Value::Type::String: return quote(*v.string_value());
    case Value::Type::List: {
      std::string out = "[";
      for (const Value& e : *v.list_value()) {
        if (out.size() > 1) out += ',';
        out += render_json(e);
      }
      return out + "]";
    }
    case Value::Type::Map: {
      std::string out = "{";
      for (const Value::Member* m : sorted_members(v)) {
        if (out.size() > 1) out += ',';
        out += quote(m->key);
        out += ':';
        out += render_json(m->value);
      }
      return out + "}";
    }
    default: return quote(placeholder(v));
  }
}

// --- Expressions --------------------------------------------------------------

Value Engine::eval(const hcl::Expr& e, Ctx& ctx, int depth) {
  if (depth > kMaxDepth || over_budget()) {
    if (budget_exhausted()) report_budget(e.span);
    return Value::unknown(source_text(e), e.span);
  }
  using K = hcl::ExprKind;
  switch (e.kind()) {
    case K::Literal: {
      const hcl::Literal& l = *e.as<hcl::Literal>();
      switch (l.kind) {
        case hcl::LiteralKind::Number: return Value::number(l.number, e.span);
        case hcl::LiteralKind::String: return Value::string(std::string(l.text), e.span);
        case hcl::LiteralKind::Bool: return Value::boolean(l.boolean, e.span);
        case hcl::LiteralKind::Null: return Value::null(e.span);
      }
      return Value::null(e.span);
    }
    case K::Template: return template_value(e, *e.as<hcl::Template>(), ctx, depth);
    case K::TemplateIf:
    case K::TemplateFor: {
      std::string out;
      bool unknown = false;
      template_append(e, ctx, depth, out, unknown);
      return unknown ? Value::unknown(source_text(e), e.span) : Value::string(std::move(out), e.span);
    }
    case K::ScopeTraversal: return traversal(e, *e.as<hcl::ScopeTraversal>(), ctx, depth);
    case K::GetAttr: {
      const hcl::GetAttr& g = *e.as<hcl::GetAttr>();
      return get_attr(eval(*g.object, ctx, depth + 1), g.name, e.span, ctx);
    }
    case K::Index: {
      const hcl::Index& ix = *e.as<hcl::Index>();
      Value coll = eval(*ix.collection, ctx, depth + 1);
      Value key = eval(*ix.key, ctx, depth + 1);
      return index(coll, key, e.span, ctx);
    }
    case K::Splat: {
      const hcl::Splat& sp = *e.as<hcl::Splat>();
      Value src = eval(*sp.source, ctx, depth + 1);
      if (src.is_unknown()) return Value::unknown(source_text(e), e.span);
      if (src.is_null()) return Value::list({}, e.span);
      Value::List out;
      const Value* saved = ctx.splat_item;
      auto each = [&](const Value& item) {
        ctx.splat_item = &item;
        out.push_back(eval(*sp.each, ctx, depth + 1));
      };
      if (const Value::List* l = src.list_value())
        for (const Value& item : *l) each(item);
      else
        each(src);
      ctx.splat_item = saved;
      return Value::list(std::move(out), e.span);
    }
    case K::SplatItem: return ctx.splat_item ? *ctx.splat_item : Value::unknown(source_text(e), e.span);
    case K::Call: return call(e, *e.as<hcl::Call>(), ctx, depth);
    case K::Conditional: {
      const hcl::Conditional& c = *e.as<hcl::Conditional>();
      Value cond = eval(*c.condition, ctx, depth + 1);
      bool known = false;
      bool b = truthy(cond, known);
      if (!known) {
        Value t = eval(*c.true_result, ctx, depth + 1);
        Value f = eval(*c.false_result, ctx, depth + 1);
        if (t.is_concrete() && values_equal(t, f)) return t;
        return Value::unknown(source_text(e), e.span);
      }
      return eval(b ? *c.true_result : *c.false_result, ctx, depth + 1);
    }
    case K::Binary: return binary(e, *e.as<hcl::Binary>(), ctx, depth);
    case K::Unary: {
      const hcl::Unary& u = *e.as<hcl::Unary>();
      Value v = eval(*u.operand, ctx, depth + 1);
      if (u.op == hcl::UnaryOp::Negate) {
        if (std::optional<double> d = v.as_number()) return Value::number(-*d, e.span);
      } else if (std::optional<bool> b = v.as_bool()) {
        return Value::boolean(!*b, e.span);
      }
      return Value::unknown(source_text(e), e.span);
    }
    case K::Tuple: {
      Value::List out;
      for (const hcl::Expr* el : e.as<hcl::Tuple>()->elements) out.push_back(eval(*el, ctx, depth + 1));
      return Value::list(std::move(out), e.span);
    }
    case K::Object: {
      Value out = Value::map({}, e.span);
      for (const hcl::ObjectItem& item : e.as<hcl::Object>()->items) {
        std::string key(hcl::bare_key_name(item));
        if (key.empty()) {
          Value k = eval(*item.key, ctx, depth + 1);
          std::optional<std::string> text = k.as_text();
          if (!text) {
            if (k.is_unknown() || k.is_reference()) return Value::unknown(source_text(e), e.span);
            continue;
          }
          key = std::move(*text);
        }
        out.set(std::move(key), eval(*item.value, ctx, depth + 1), item.key->span);
      }
      return out;
    }
    case K::For: return for_expr(e, *e.as<hcl::For>(), ctx, depth);
    case K::Parens: return eval(*e.as<hcl::Parens>()->inner, ctx, depth + 1);
  }
  return Value::unknown(source_text(e), e.span);
}

Value Engine::template_value(const hcl::Expr& e, const hcl::Template& t, Ctx& ctx, int depth) {
  if (t.passthrough && t.parts.size() == 1) {
    Value v = eval(*t.parts[0], ctx, depth + 1);
    if (!v.span().valid()) v.set_span(e.span);
    return v;
  }
  std::string out;
  bool unknown = false;
  for (const hcl::Expr* p : t.parts) template_append(*p, ctx, depth + 1, out, unknown);
  if (unknown) return Value::unknown(source_text(e), e.span);
  if (out.size() > (16u << 20)) {
    diagnose(e.span, "template result larger than 16 MiB; kept as Unknown");
    return Value::unknown(source_text(e), e.span);
  }
  return Value::string(std::move(out), e.span);
}

void Engine::template_append(const hcl::Expr& part, Ctx& ctx, int depth, std::string& out, bool& unknown) {
  if (depth > kMaxDepth || unknown) {
    unknown = true;
    return;
  }
  if (const hcl::Literal* l = part.as<hcl::Literal>(); l && l->kind == hcl::LiteralKind::String) {
    out += l->text;
    return;
  }
  if (const hcl::Template* t = part.as<hcl::Template>()) {
    for (const hcl::Expr* p : t->parts) template_append(*p, ctx, depth + 1, out, unknown);
    return;
  }
  if (const hcl::TemplateIf* ti = part.as<hcl::TemplateIf>()) {
    Value cond = eval(*ti->condition, ctx, depth + 1);
    std::optional<bool> b = cond.as_bool();
    if (!b) {
      unknown = true;
      return;
    }
    if (*b) template_append(*ti->then_part, ctx, depth + 1, out, unknown);
    else if (ti->else_part) template_append(*ti->else_part, ctx, depth + 1, out, unknown);
    return;
  }
  if (const hcl::TemplateFor* tf = part.as<hcl::TemplateFor>()) {
    Value coll = eval(*tf->collection, ctx, depth + 1);
    auto body = [&](Value k, const Value& v) {
      std::size_t mark = ctx.names.size();
      if (!tf->key_var.empty()) ctx.names.emplace_back(std::string(tf->key_var), std::move(k));
      ctx.names.emplace_back(std::string(tf->value_var), v);
      template_append(*tf->body, ctx, depth + 1, out, unknown);
      ctx.names.resize(mark);
    };
    if (const Value::List* l = coll.list_value()) {
      for (std::size_t i = 0; i < l->size() && !unknown; ++i) body(Value::number(double(i)), (*l)[i]);
    } else if (coll.is_map()) {
      for (const Value::Member* m : sorted_members(coll)) body(Value::string(m->key, m->key_span), m->value);
    } else {
      unknown = true;
    }
    return;
  }
  Value v = eval(part, ctx, depth + 1);
  switch (v.type()) {
    case Value::Type::String:
    case Value::Type::Number:
    case Value::Type::Bool: out += *v.as_text(); break;
    case Value::Type::Null: break;
    case Value::Type::List:
    case Value::Type::Map: out += render_json(v); break;  // a jsonencode() result
    default: out += placeholder(v); break;
  }
}

Value Engine::for_expr(const hcl::Expr& e, const hcl::For& f, Ctx& ctx, int depth) {
  Value coll = eval(*f.collection, ctx, depth + 1);
  std::vector<std::pair<Value, const Value*>> items;
  if (const Value::List* l = coll.list_value()) {
    for (std::size_t i = 0; i < l->size(); ++i) items.emplace_back(Value::number(double(i), (*l)[i].span()), &(*l)[i]);
  } else if (coll.is_map()) {
    for (const Value::Member* m : sorted_members(coll)) items.emplace_back(Value::string(m->key, m->key_span), &m->value);
  } else if (!coll.is_null()) {
    return Value::unknown(source_text(e), e.span);
  }
  Value::List list_out;
  Value map_out = Value::map({}, e.span);
  for (auto& [k, v] : items) {
    std::size_t mark = ctx.names.size();
    if (!f.key_var.empty()) ctx.names.emplace_back(std::string(f.key_var), k);
    ctx.names.emplace_back(std::string(f.value_var), *v);
    bool keep = true;
    if (f.condition) {
      std::optional<bool> b = eval(*f.condition, ctx, depth + 1).as_bool();
      if (!b) {
        ctx.names.resize(mark);
        return Value::unknown(source_text(e), e.span);
      }
      keep = *b;
    }
    if (keep) {
      if (f.object && f.key_expr) {
        std::optional<std::string> key = eval(*f.key_expr, ctx, depth + 1).as_text();
        if (!key) {
          ctx.names.resize(mark);
          return Value::unknown(source_text(e), e.span);
        }
        Value val = eval(*f.value_expr, ctx, depth + 1);
        if (f.grouping) {
          Value group = map_out.get(*key) ? *map_out.get(*key) : Value::list({}, e.span);
          group.list_value()->push_back(std::move(val));
          map_out.set(*key, std::move(group), e.span);
        } else {
          map_out.set(*key, std::move(val), e.span);
        }
      } else {
        list_out.push_back(eval(*f.value_expr, ctx, depth + 1));
      }
    }
    ctx.names.resize(mark);
  }
  if (f.object) return map_out;
  return Value::list(std::move(list_out), e.span);
}

Value Engine::binary(const hcl::Expr& e, const hcl::Binary& b, Ctx& ctx, int depth) {
  using Op = hcl::BinaryOp;
  Value l = eval(*b.lhs, ctx, depth + 1);
  if (b.op == Op::And || b.op == Op::Or) {
    std::optional<bool> x = l.as_bool();
    if (x && b.op == Op::And && !*x) return Value::boolean(false, e.span);
    if (x && b.op == Op::Or && *x) return Value::boolean(true, e.span);
    std::optional<bool> y = eval(*b.rhs, ctx, depth + 1).as_bool();
    if (x && y) return Value::boolean(b.op == Op::And ? (*x && *y) : (*x || *y), e.span);
    if (y && b.op == Op::And && !*y) return Value::boolean(false, e.span);
    if (y && b.op == Op::Or && *y) return Value::boolean(true, e.span);
    return Value::unknown(source_text(e), e.span);
  }
  Value r = eval(*b.rhs, ctx, depth + 1);
  auto placeholder_free = [&](const Value& v) { return !v.string_value() || !has_placeholder(*v.string_value()); };
  if (b.op == Op::Equal || b.op == Op::NotEqual) {
    if (!l.is_concrete() || !r.is_concrete() || !placeholder_free(l) || !placeholder_free(r))
      return Value::unknown(source_text(e), e.span);
    bool eq = values_equal(l, r);
    return Value::boolean(b.op == Op::Equal ? eq : !eq, e.span);
  }
  std::optional<double> x = l.as_number(), y = r.as_number();
  if (!x || !y) return Value::unknown(source_text(e), e.span);
  switch (b.op) {
    case Op::Less: return Value::boolean(*x < *y, e.span);
    case Op::Greater: return Value::boolean(*x > *y, e.span);
    case Op::LessEqual: return Value::boolean(*x <= *y, e.span);
    case Op::GreaterEqual: return Value::boolean(*x >= *y, e.span);
    case Op::Add: return Value::number(*x + *y, e.span);
    case Op::Subtract: return Value::number(*x - *y, e.span);
    case Op::Multiply: return Value::number(*x * *y, e.span);
    case Op::Divide:
      if (*y == 0) break;
      return Value::number(*x / *y, e.span);
    case Op::Modulo:
      if (*y == 0) break;
      return Value::number(std::fmod(*x, *y), e.span);
    default: break;
  }
  ctx.error = true;
  return Value::unknown(source_text(e), e.span);
}

Value Engine::get_attr(const Value& v, std::string_view name, const Span& s, Ctx& ctx) {
  switch (v.type()) {
    case Value::Type::Map: {
      if (const Value* m = v.get(name)) return *m;
      ctx.error = true;
      return Value::unknown(v.describe() + "." + std::string(name), s);
    }
    case Value::Type::Reference: {
      const Value::Ref& r = *v.reference_value();
      if (r.attribute.empty()) return Value::reference(r.target, std::string(name), s);
      return Value::unknown(v.describe() + "." + std::string(name), s);
    }
    case Value::Type::Unknown: return Value::unknown(*v.unknown_source() + "." + std::string(name), s);
    default: ctx.error = true; return Value::unknown(v.describe() + "." + std::string(name), s);
  }
}

Value Engine::index(const Value& v, const Value& key, const Span& s, Ctx& ctx) {
  // Appends rather than "literal" + string: GCC 12 warns falsely (-Wrestrict) on the latter at -O3.
  auto key_text = [&]() -> std::string {
    if (key.is_string()) return quote_key(*key.string_value());
    std::string out = "[";
    out += key.is_number() ? *key.as_text() : key.describe();
    out += ']';
    return out;
  };
  if (v.is_unknown()) return Value::unknown(*v.unknown_source() + key_text(), s);
  if (!key.is_concrete()) return Value::unknown(v.describe() + key_text(), s);
  if (const Value::Ref* r = v.reference_value(); r && r->attribute.empty())
    return Value::reference(r->target + key_text(), "", s);
  if (const Value::List* l = v.list_value()) {
    std::optional<double> i = key.as_number();
    if (i && *i >= 0 && *i < double(l->size()) && *i == std::floor(*i)) return (*l)[std::size_t(*i)];
    ctx.error = true;
    return Value::unknown(v.describe() + key_text(), s);
  }
  if (v.is_map()) {
    std::optional<std::string> k = key.as_text();
    if (k)
      if (const Value* m = v.get(*k)) return *m;
    ctx.error = true;
    return Value::unknown(v.describe() + key_text(), s);
  }
  ctx.error = true;
  return Value::unknown(v.describe() + key_text(), s);
}

Value Engine::traversal(const hcl::Expr& e, const hcl::ScopeTraversal& t, Ctx& ctx, int depth) {
  std::size_t used = 0;
  Value v = root_value(e, t, used, ctx, depth);
  for (std::size_t i = used; i < t.steps.size(); ++i) {
    const hcl::Step& st = t.steps[i];
    Span s = join(e.span, st.span);
    s.line = e.span.line;
    s.column = e.span.column;
    if (st.kind == hcl::StepKind::Attr) {
      v = get_attr(v, st.name, s, ctx);
    } else {
      Value key = st.key ? eval(*st.key, ctx, depth + 1) : Value::null();
      v = index(v, key, s, ctx);
    }
  }
  return v;
}

Value Engine::root_value(const hcl::Expr& e, const hcl::ScopeTraversal& t, std::size_t& used, Ctx& ctx, int depth) {
  (void)depth;
  std::string_view root = t.root;
  auto step_name = [&](std::size_t i) -> std::string_view {
    return i < t.steps.size() && t.steps[i].kind == hcl::StepKind::Attr ? t.steps[i].name : std::string_view();
  };
  auto afforded = [&](Value v) { return afford(v, e.span) ? std::move(v) : Value::unknown(source_text(e), e.span); };
  if (const Value* bound = ctx.lookup(root)) return afforded(*bound);
  ModuleInstance* m = ctx.mod;
  std::string whole = source_text(e);
  if (root == "path") {
    std::string dir = m ? m->decl->dir : std::string();
    std::string rootdir = m ? m->root_dir : std::string();
    Value p = Value::map({}, e.span);
    p.set("module", Value::string(dir.empty() ? "." : dir, e.span));
    p.set("root", Value::string(rootdir.empty() ? "." : rootdir, e.span));
    p.set("cwd", Value::string(rootdir.empty() ? "." : rootdir, e.span));
    return p;
  }
  if (root == "terraform") {
    Value p = Value::map({}, e.span);
    p.set("workspace", Value::string("default", e.span));
    return p;
  }
  if (!m) return Value::unknown(whole, e.span);
  std::string_view first = step_name(0);
  if (root == "var" && !first.empty()) {
    used = 1;
    return afforded(variable(*m, first, e.span, e.range));
  }
  if (root == "local" && !first.empty()) {
    used = 1;
    auto done = m->locals.find(first);
    if (done == m->locals.end() || done->second.first != ModuleInstance::State::Done)
      return afforded(local(*m, first, e.span));
    // Evaluated before: follow the attribute steps inside it rather than copy
    // the whole value for each use (`local.config.name`), as get_attr would.
    const Value* at = &done->second.second;
    for (std::string_view step = step_name(used); !step.empty() && at->is_map(); step = step_name(used)) {
      const Value* member = at->get(step);
      if (!member) break;
      at = member;
      ++used;
    }
    return afforded(*at);
  }
  if (root == "module" && !first.empty()) {
    used = 1;
    // `module.x.out` of a single module instance: that one output, not a copy
    // of every output of the module (the value module_value then get_attr give).
    std::string_view out = step_name(1);
    auto blk = m->decl->modules.find(first);
    if (!out.empty() && blk != m->decl->modules.end()) {
      std::vector<ModuleInstance*> children = module_children(*m, first);  // in module_value's order
      if (!m->child_unknown[std::string(first)] &&
          instances(*m, "module." + std::string(first), *blk->second).mode == Instances::Mode::Single &&
          !children.empty() && children[0]->decl->outputs.count(out)) {
        used = 2;
        return afforded(output(*children[0], out, e.span));
      }
    }
    return afforded(module_value(*m, first, e.span));
  }
  if (root == "data" && !first.empty() && !step_name(1).empty()) {
    used = 2;
    return data_value(*m, first, step_name(1), e.span);
  }
  if (root == "count" || root == "each" || root == "self" || root == "provider") return Value::unknown(whole, e.span);
  if (!first.empty()) {
    used = 1;
    return resource_value(*m, root, first, e.span);
  }
  return Value::unknown(whole, e.span);
}

// --- Bodies ---------------------------------------------------------------------

void Engine::add_block(Value& out, std::string_view type, Value block) {
  const Value* existing = out.get(type);
  Value list = existing && existing->is_list() ? *existing : Value::list({}, block.span());
  list.list_value()->push_back(std::move(block));
  out.set(std::string(type), std::move(list), block.span());
}

Value Engine::eval_body(const hcl::Body& body, Ctx& ctx, int depth) {
  Value out = Value::map({}, body.span);
  if (depth > 64) return out;
  for (const hcl::Attribute& a : body.attributes) {
    if (a.name == "count" || a.name == "for_each" || a.name == "depends_on" || a.name == "provider") continue;
    // The attribute's value points at the attribute (its use site), as in the
    // CloudFormation lowering; values inside it keep the spans where they
    // were written (a variable default, a caller's argument).
    Value v = eval(*a.expr, ctx);
    v.set_span(a.expr->span);
    out.set(std::string(a.name), std::move(v), a.name_span);
  }
  for (const hcl::Block& b : body.blocks) {
    if (b.type == "lifecycle" || b.type == "provisioner" || b.type == "connection") continue;
    if (b.type == "dynamic") {
      dynamic_block(out, b, ctx, depth + 1);
      continue;
    }
    Value v = eval_body(b.body, ctx, depth + 1);
    v.set_span(b.span);
    add_block(out, b.type, std::move(v));
  }
  return out;
}

void Engine::dynamic_block(Value& out, const hcl::Block& b, Ctx& ctx, int depth) {
  if (b.labels.empty()) return;
  std::string type(b.labels[0].value);
  const hcl::Attribute* for_each = b.body.attribute("for_each");
  const hcl::Block* content = nullptr;
  for (const hcl::Block& c : b.body.blocks)
    if (c.type == "content") content = &c;
  if (!for_each || !content) return;
  std::string iterator = type;
  if (const hcl::Attribute* it = b.body.attribute("iterator"))
    if (const hcl::ScopeTraversal* st = it->expr->as<hcl::ScopeTraversal>()) iterator = std::string(st->root);
  Value coll = eval(*for_each->expr, ctx);
  auto one = [&](Value key, Value value) {
    Value it = Value::map({}, b.span);
    it.set("key", std::move(key));
    it.set("value", std::move(value));
    ctx.names.emplace_back(iterator, std::move(it));
    Value v = eval_body(content->body, ctx, depth + 1);
    v.set_span(b.span);
    ctx.names.pop_back();
    add_block(out, type, std::move(v));
  };
  if (const Value::List* l = coll.list_value()) {
    for (std::size_t i = 0; i < l->size(); ++i) one(Value::number(double(i), (*l)[i].span()), (*l)[i]);
  } else if (coll.is_map()) {
    for (const Value::Member* m : sorted_members(coll)) one(Value::string(m->key, m->key_span), m->value);
  } else if (!coll.is_null()) {
    // An unknown collection: one block whose values are all Unknown, so that
    // rules see "something is here" rather than "nothing".
    std::string src = coll.describe();
    one(Value::unknown(src + "[*].key", coll.span()), Value::unknown(src + "[*]", coll.span()));
  }
}

}  // namespace kclint::tf
