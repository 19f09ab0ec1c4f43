// CloudFormation intrinsic functions, conditions and parameters, evaluated
// statically. Every function returns Unknown (with the source text) when an
// input is not concrete; nothing here throws or recurses without a bound.
#include "analyzer/lower/cfn/evaluate.h"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

namespace kclint::cfn {

namespace {

bool is_intrinsic(std::string_view key) { return key == "Ref" || key.starts_with("Fn::"); }

// The single member of a one-member map, or nullptr.
const Value::Member* only_member(const Value& v) {
  const Value::Map* m = v.map_value();
  return m && m->size() == 1 ? &m->front() : nullptr;
}

void respan(Value& v, const Span& span) {
  v.set_span(span);
  if (Value::List* list = v.list_value())
    for (Value& e : *list) respan(e, span);
  if (Value::Map* map = v.map_value())
    for (Value::Member& m : *map) respan(m.value, span);
}

void collect_references(const Value& v, const Span& span, std::vector<RefUse>& out) {
  if (const Value::Ref* r = v.reference_value()) out.push_back(RefUse{r->target, span});
  if (const Value::List* list = v.list_value())
    for (const Value& e : *list) collect_references(e, span, out);
  if (const Value::Map* map = v.map_value())
    for (const Value::Member& m : *map) collect_references(m.value, span, out);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A literal string, or Unknown when it is a dynamic reference resolved at
// deploy time ({{resolve:ssm:…}}, {{resolve:secretsmanager:…}}).
Value literal_string(std::string s, const Span& span) {
  if (s.find("{{resolve:") != std::string::npos) return Value::unknown(std::move(s), span);
  return Value::string(std::move(s), span);
}

std::optional<std::string> text_of(const std::optional<Value>& v) {
  return v ? v->as_text() : std::nullopt;
}

Truth from_bool(bool b) { return b ? Truth::True : Truth::False; }

// IPv4 "a.b.c.d/n" → (address, prefix length).
std::optional<std::pair<std::uint32_t, int>> parse_cidr(std::string_view s) {
  std::uint32_t addr = 0;
  int octets = 0;
  std::size_t i = 0;
  while (octets < 4) {
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
    unsigned value = 0;
    std::size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && i - start < 3) value = value * 10 + (s[i++] - '0');
    if (value > 255) return std::nullopt;
    addr = (addr << 8) | value;
    ++octets;
    char want = octets < 4 ? '.' : '/';
    if (i >= s.size() || s[i] != want) return std::nullopt;
    ++i;
  }
  int prefix = 0;
  std::size_t start = i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && i - start < 2) prefix = prefix * 10 + (s[i++] - '0');
  if (i != s.size() || i == start || prefix > 32) return std::nullopt;
  return std::pair{addr, prefix};
}

std::string format_cidr(std::uint32_t addr, int prefix) {
  return fmt::format("{}.{}.{}.{}/{}", addr >> 24, (addr >> 16) & 255, (addr >> 8) & 255, addr & 255, prefix);
}

bool is_list_type(std::string_view type) { return type == "CommaDelimitedList" || type.starts_with("List<"); }

}  // namespace

Bindings bind_parameters(const Template& t, const std::map<std::string, Value>& given) {
  Bindings out;
  if (!t.parameters) return out;
  for (const Value::Member& p : *t.parameters->map_value()) {
    const Value* type_value = p.value.get("Type");
    std::string_view type = type_value && type_value->string_value() ? std::string_view(*type_value->string_value()) : "";
    auto it = given.find(p.key);
    const Value* v = it != given.end() ? &it->second : p.value.get("Default");
    if (!v) continue;
    if (type.starts_with("AWS::SSM::Parameter::Value<")) {
      out[p.key] = Value::unknown(fmt::format("!Ref {} (SSM parameter {})", p.key, v->describe()), v->span());
    } else if (const std::string* s = v->string_value(); s && is_list_type(type)) {
      Value::List items;
      std::string_view rest = *s;
      while (true) {
        std::size_t comma = rest.find(',');
        items.push_back(Value::string(std::string(trim(rest.substr(0, comma))), v->span()));
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
      out[p.key] = Value::list(std::move(items), v->span());
    } else if (std::optional<double> d = v->as_number(); type == "Number" && v->is_string() && d) {
      out[p.key] = Value::number(*d, v->span());
    } else {
      out[p.key] = *v;
    }
  }
  return out;
}

bool Budget::spend(std::uint64_t n, const Span& at) {
  steps += n;
  if (!exhausted()) return true;
  if (!exhausted_at.valid()) exhausted_at = at;
  return false;
}

bool Budget::afford(const Value& v, const Span& at) {
  std::uint64_t weight = 0;
  std::vector<const Value*> todo{&v};
  while (!todo.empty() && steps + weight <= kSteps) {  // counted only as far as the budget goes
    const Value* x = todo.back();
    todo.pop_back();
    weight += 4;
    if (const std::string* s = x->string_value()) weight += s->size() / 16;
    if (const Value::List* list = x->list_value())
      for (const Value& e : *list) todo.push_back(&e);
    if (const Value::Map* map = x->map_value())
      for (const Value::Member& m : *map) todo.push_back(&m.value);
  }
  return spend(weight, at);
}

Evaluator::Evaluator(const Template& t, Bindings parameters, std::string address_suffix, NestedStacks* stacks,
                     Budget* budget)
    : t_(t),
      parameters_(std::move(parameters)),
      suffix_(std::move(address_suffix)),
      stacks_(stacks),
      budget_(budget ? budget : &own_budget_) {}

std::string Evaluator::address(std::string_view logical_id) const {
  return fmt::format("{}#{}{}", t_.file->rel_path, logical_id, suffix_);
}

std::vector<RefUse> Evaluator::take_references() { return std::exchange(references_, {}); }

void Evaluator::restore_references(std::vector<RefUse> earlier) {
  earlier.insert(earlier.end(), std::make_move_iterator(references_.begin()), std::make_move_iterator(references_.end()));
  references_ = std::move(earlier);
}

std::optional<Value> Evaluator::eval(const Value& node) { return eval_at(node, 0); }

Truth Evaluator::condition(std::string_view name) { return condition_at(name, 0); }

bool Evaluator::resource_exists(std::string_view logical_id) {
  const Value* r = t_.resource(logical_id);
  if (!r) return false;
  const Value* c = r->get("Condition");
  return !(c && c->string_value() && condition(*c->string_value()) == Truth::False);
}

Value Evaluator::unknown(const Value& node) const {
  std::string text = source_text(*t_.file, node.span());
  return Value::unknown(text.empty() ? node.describe() : std::move(text), node.span());
}

Value Evaluator::used_at(const Value& value, const Span& use) {
  if (!budget_->afford(value, use)) return Value::unknown("(CloudFormation evaluation budget exhausted)", use);
  Value v = value;
  respan(v, use);
  collect_references(v, use, references_);
  return v;
}

std::optional<Value> Evaluator::eval_at(const Value& node, int depth) {
  if (depth > kMaxDepth) return Value::unknown("expression nested too deeply", node.span());
  if (!budget_->spend(1, node.span())) return Value::unknown("(CloudFormation evaluation budget exhausted)", node.span());
  if (const Value::Member* m = only_member(node); m && is_intrinsic(m->key)) return call(m->key, m->value, node, depth + 1);
  if (const Value::Map* map = node.map_value()) {
    Value::Map out;
    out.reserve(map->size());
    for (const Value::Member& m : *map)
      if (std::optional<Value> v = eval_at(m.value, depth + 1)) out.push_back(Value::Member{m.key, m.key_span, std::move(*v)});
    return Value::map(std::move(out), node.span());
  }
  if (const Value::List* list = node.list_value()) {
    Value::List out;
    out.reserve(list->size());
    for (const Value& e : *list)
      if (std::optional<Value> v = eval_at(e, depth + 1)) out.push_back(std::move(*v));
    return Value::list(std::move(out), node.span());
  }
  if (const std::string* s = node.string_value()) return literal_string(*s, node.span());
  return node;
}

std::optional<Value> Evaluator::call(std::string_view fn, const Value& arg, const Value& node, int depth) {
  if (fn == "Ref") return ref(arg, node, depth);
  if (fn == "Fn::GetAtt") return get_att(arg, node, depth);
  if (fn == "Fn::Sub") return sub(arg, node, depth);
  if (fn == "Fn::Join") return join(arg, node, depth);
  if (fn == "Fn::Select") return select(arg, node, depth);
  if (fn == "Fn::Split") return split(arg, node, depth);
  if (fn == "Fn::FindInMap") return find_in_map(arg, node, depth);
  if (fn == "Fn::If") return if_(arg, node, depth);
  if (fn == "Fn::Cidr") return cidr(arg, node, depth);
  // Base64 is transparent: rules read what is encoded (user data, scripts).
  if (fn == "Fn::Base64") return eval_at(arg, depth);
  if (fn == "Fn::GetAZs") {
    // Each `!Select [i, !GetAZs …]` then gets its own Unknown: distinct AZs.
    std::optional<std::string> region = text_of(eval_at(arg, depth));
    return Value::unknown(fmt::format("!GetAZs {}", region && !region->empty() ? *region : "''"), node.span());
  }
  if (fn == "Fn::ImportValue") {
    std::optional<Value> name = eval_at(arg, depth);
    return Value::unknown(fmt::format("!ImportValue {}", name ? name->describe() : ""), node.span());
  }
  if (fn == "Fn::Equals" || fn == "Fn::And" || fn == "Fn::Or" || fn == "Fn::Not") {
    Truth t = truth(node, depth);
    return t == Truth::Unknown ? unknown(node) : Value::boolean(t == Truth::True, node.span());
  }
  if (fn == "Fn::Length") {
    std::optional<Value> v = eval_at(arg, depth);
    if (v && v->is_list()) return Value::number(static_cast<double>(v->list_value()->size()), node.span());
    return unknown(node);
  }
  return unknown(node);  // Fn::Transform, Fn::ToJsonString, Fn::ForEach, rule functions, typos
}

std::optional<Value> Evaluator::ref(const Value& arg, const Value& node, int depth) {
  if (const std::string* name = arg.string_value()) return ref_name(*name, node.span());
  std::optional<std::string> name = arg.is_map() ? text_of(eval_at(arg, depth)) : std::nullopt;
  return name ? ref_name(*name, node.span()) : unknown(node);
}

std::optional<Value> Evaluator::ref_name(std::string_view name, const Span& use) {
  if (name == "AWS::NoValue") return std::nullopt;
  // The standard partition: ARNs written with ${AWS::Partition} stay readable.
  if (name == "AWS::Partition") return Value::string("aws", use);
  if (name == "AWS::URLSuffix") return Value::string("amazonaws.com", use);
  if (name.starts_with("AWS::")) return Value::unknown(fmt::format("!Ref {}", name), use);
  if (t_.parameter(name)) {
    auto it = parameters_.find(name);
    if (it == parameters_.end()) return Value::unknown(fmt::format("!Ref {}", name), use);
    return used_at(it->second, use);
  }
  if (t_.resource(name) && !resource_exists(name)) return Value::unknown(fmt::format("!Ref {}", name), use);
  // A logical id that is not in the template stays a Reference: it is dangling.
  references_.push_back(RefUse{address(name), use});
  return Value::reference(address(name), "", use);
}

std::optional<Value> Evaluator::get_att(const Value& arg, const Value& node, int depth) {
  std::string id, attribute;
  if (const std::string* s = arg.string_value()) {
    std::size_t dot = s->find('.');
    if (dot == std::string::npos) return unknown(node);
    id = s->substr(0, dot);
    attribute = s->substr(dot + 1);
  } else if (const Value::List* list = arg.list_value(); list && list->size() == 2) {
    std::optional<std::string> first = text_of(eval_at((*list)[0], depth));
    std::optional<std::string> second = text_of(eval_at((*list)[1], depth));
    if (!first || !second) return unknown(node);
    id = std::move(*first);
    attribute = std::move(*second);
  } else {
    return unknown(node);
  }
  return get_att_of(id, attribute, node.span());
}

std::optional<Value> Evaluator::get_att_of(std::string_view id, std::string_view attribute, const Span& use) {
  if (t_.resource(id)) {
    if (!resource_exists(id)) return Value::unknown(fmt::format("!GetAtt {}.{}", id, attribute), use);
    if (t_.resource_type(id) == "AWS::CloudFormation::Stack" && attribute.starts_with("Outputs.")) {
      references_.push_back(RefUse{address(id), use});
      if (stacks_)
        if (std::optional<Value> v = stacks_->stack_output(id, attribute.substr(8))) return used_at(std::move(*v), use);
      return Value::unknown(fmt::format("!GetAtt {}.{}", id, attribute), use);
    }
  }
  references_.push_back(RefUse{address(id), use});
  return Value::reference(address(id), std::string(attribute), use);
}

std::optional<Value> Evaluator::sub(const Value& arg, const Value& node, int depth) {
  const Value* text = &arg;
  const Value* vars = nullptr;
  if (const Value::List* list = arg.list_value()) {
    if (list->empty() || list->size() > 2) return unknown(node);
    text = &(*list)[0];
    if (list->size() == 2) vars = &(*list)[1];
  }
  const std::string* s = text->string_value();
  if (!s) return unknown(node);
  std::map<std::string, std::optional<Value>, std::less<>> bound;
  if (vars) {
    std::optional<Value> v = eval_at(*vars, depth);
    if (!v || !v->is_map()) return unknown(node);
    for (const Value::Member& m : *v->map_value()) bound[m.key] = m.value;
    // Members that were AWS::NoValue are absent from the evaluated map but still shadow names.
    if (const Value::Map* raw = vars->map_value())
      for (const Value::Member& m : *raw) bound.try_emplace(m.key, std::nullopt);
  }

  std::string out;
  bool concrete = true;
  std::size_t placeholders = 0;
  std::optional<Value> last;
  bool only_placeholder = false;
  for (std::size_t i = 0; i < s->size();) {
    if (s->compare(i, 2, "${") != 0) {
      out += (*s)[i++];
      continue;
    }
    if (i + 2 < s->size() && (*s)[i + 2] == '!') {  // ${!Literal} is the text ${Literal}
      out += "${";
      i += 3;
      continue;
    }
    std::size_t close = s->find('}', i + 2);
    if (close == std::string::npos) {
      out += s->substr(i);
      break;
    }
    std::string_view name = trim(std::string_view(*s).substr(i + 2, close - i - 2));
    only_placeholder = i == 0 && close + 1 == s->size();
    i = close + 1;
    ++placeholders;
    if (auto it = bound.find(name); it != bound.end()) {
      last = it->second;
    } else if (std::size_t dot = name.find('.'); dot != std::string_view::npos) {
      last = get_att_of(name.substr(0, dot), name.substr(dot + 1), node.span());
    } else {
      last = ref_name(name, node.span());
    }
    if (!last) continue;  // AWS::NoValue substitutes as empty text
    if (std::optional<std::string> piece = last->as_text())
      out += *piece;
    else
      concrete = false;
  }
  // `!Sub ${Resource}` is the reference itself, not a string made from it.
  if (placeholders == 1 && only_placeholder && last) {
    Value v = std::move(*last);
    v.set_span(node.span());
    return v;
  }
  if (!concrete) return unknown(node);
  return literal_string(std::move(out), node.span());
}

std::optional<Value> Evaluator::find_in_map(const Value& arg, const Value& node, int depth) {
  const Value::List* list = arg.list_value();
  if (!list || list->size() < 3) return unknown(node);
  std::array<std::optional<std::string>, 3> keys;
  for (std::size_t i = 0; i < 3; ++i) keys[i] = text_of(eval_at((*list)[i], depth));
  const Value* found = nullptr;
  if (keys[0] && keys[1] && keys[2] && t_.mappings)
    if (const Value* map = t_.mapping(*keys[0]))
      if (const Value* top = map->get(*keys[1])) found = top->get(*keys[2]);
  if (found) {
    std::optional<Value> v = eval_at(*found, depth);
    if (!v) return std::nullopt;
    return used_at(std::move(*v), node.span());
  }
  // AWS::LanguageExtensions: a fourth argument {DefaultValue: …}.
  if (list->size() == 4 && keys[0] && keys[1] && keys[2])
    if (const Value* fallback = (*list)[3].get("DefaultValue")) return eval_at(*fallback, depth);
  return unknown(node);
}

std::optional<Value> Evaluator::join(const Value& arg, const Value& node, int depth) {
  const Value::List* list = arg.list_value();
  if (!list || list->size() != 2) return unknown(node);
  std::optional<std::string> delimiter = text_of(eval_at((*list)[0], depth));
  std::optional<Value> items = eval_at((*list)[1], depth);
  if (!delimiter) return unknown(node);
  if (!items) return Value::string("", node.span());
  const Value::List* values = items->list_value();
  if (!values) return unknown(node);
  std::string out;
  for (std::size_t i = 0; i < values->size(); ++i) {
    std::optional<std::string> piece = (*values)[i].as_text();
    if (!piece) return unknown(node);
    if (i) out += *delimiter;
    out += *piece;
  }
  return literal_string(std::move(out), node.span());
}

std::optional<Value> Evaluator::select(const Value& arg, const Value& node, int depth) {
  const Value::List* list = arg.list_value();
  if (!list || list->size() != 2) return unknown(node);
  std::optional<Value> index_value = eval_at((*list)[0], depth);
  // Plain doubles (-1: not a number): GCC warns falsely on optional<double> here.
  const double index = index_value ? index_value->as_number().value_or(-1.0) : -1.0;
  std::optional<Value> items = eval_at((*list)[1], depth);
  if (index < 0 || index != std::floor(index) || !items) return unknown(node);
  std::size_t i = static_cast<std::size_t>(index);
  if (const Value::List* values = items->list_value()) {
    if (i < values->size()) return (*values)[i];
    return unknown(node);
  }
  if (const std::string* source = items->unknown_source())
    return Value::unknown(fmt::format("!Select [{}, {}]", i, *source), node.span());
  return unknown(node);
}

std::optional<Value> Evaluator::split(const Value& arg, const Value& node, int depth) {
  const Value::List* list = arg.list_value();
  if (!list || list->size() != 2) return unknown(node);
  std::optional<std::string> delimiter = text_of(eval_at((*list)[0], depth));
  if (!delimiter || delimiter->empty()) return unknown(node);
  std::optional<Value> source = eval_at((*list)[1], depth);
  if (const std::string* s = source ? source->string_value() : nullptr) {
    Value::List parts;
    std::size_t start = 0;
    while (true) {
      std::size_t at = s->find(*delimiter, start);
      parts.push_back(Value::string(s->substr(start, at == std::string::npos ? std::string::npos : at - start), node.span()));
      if (at == std::string::npos) break;
      start = at + delimiter->size();
    }
    return Value::list(std::move(parts), node.span());
  }
  // !Split [",", !Join [",", [a, b]]] is [a, b] even when a and b are References.
  if (const Value::Member* m = only_member((*list)[1]); m && m->key == "Fn::Join")
    if (const Value::List* joined = m->value.list_value(); joined && joined->size() == 2)
      if (text_of(eval_at((*joined)[0], depth)) == delimiter)
        if (std::optional<Value> items = eval_at((*joined)[1], depth); items && items->is_list()) return items;
  return unknown(node);
}

std::optional<Value> Evaluator::if_(const Value& arg, const Value& node, int depth) {
  const Value::List* list = arg.list_value();
  if (!list || list->size() != 3 || !(*list)[0].string_value()) return unknown(node);
  switch (condition_at(*(*list)[0].string_value(), depth)) {
    case Truth::True: return eval_at((*list)[1], depth);
    case Truth::False: return eval_at((*list)[2], depth);
    case Truth::Unknown: break;
  }
  std::optional<Value> a = eval_at((*list)[1], depth);
  std::optional<Value> b = eval_at((*list)[2], depth);
  if (!a && !b) return std::nullopt;
  if (a && b && a->is_concrete() && b->is_concrete() && a->describe() == b->describe()) return a;
  return unknown(node);
}

std::optional<Value> Evaluator::cidr(const Value& arg, const Value& node, int depth) {
  const Value::List* list = arg.list_value();
  if (!list || list->size() != 3) return unknown(node);
  std::optional<std::string> block = text_of(eval_at((*list)[0], depth));
  std::optional<Value> count_value = eval_at((*list)[1], depth);
  std::optional<Value> bits_value = eval_at((*list)[2], depth);
  // 0 when not a number (then out of range below).
  const double count = count_value ? count_value->as_number().value_or(0.0) : 0.0;
  const double bits = bits_value ? bits_value->as_number().value_or(0.0) : 0.0;
  auto parsed = block ? parse_cidr(*block) : std::nullopt;
  if (!parsed || count < 1 || count > 256 || bits < 1 || bits > 32) return unknown(node);
  auto [addr, prefix] = *parsed;
  int subnet_prefix = 32 - static_cast<int>(bits);
  if (subnet_prefix < prefix) return unknown(node);
  std::uint64_t available = std::uint64_t{1} << (subnet_prefix - prefix);
  if (static_cast<std::uint64_t>(count) > available) return unknown(node);
  std::uint32_t mask = prefix == 0 ? 0u : ~std::uint32_t{0} << (32 - prefix);
  std::uint32_t base = addr & mask;
  Value::List out;
  for (std::uint64_t i = 0; i < static_cast<std::uint64_t>(count); ++i) {
    std::uint64_t a = base + (i << static_cast<int>(bits));
    out.push_back(Value::string(format_cidr(static_cast<std::uint32_t>(a), subnet_prefix), node.span()));
  }
  return Value::list(std::move(out), node.span());
}

Truth Evaluator::truth(const Value& node, int depth) {
  if (depth > kMaxDepth) return Truth::Unknown;
  if (const Value::Member* m = only_member(node)) {
    const Value::List* args = m->value.list_value();
    if (m->key == "Fn::Equals") {
      if (!args || args->size() != 2) return Truth::Unknown;
      std::optional<Value> a = eval_at((*args)[0], depth + 1);
      std::optional<Value> b = eval_at((*args)[1], depth + 1);
      if (!a || !b || !a->is_concrete() || !b->is_concrete()) return Truth::Unknown;
      std::optional<std::string> ta = a->as_text(), tb = b->as_text();
      if (ta && tb) return from_bool(*ta == *tb);
      return from_bool(a->describe() == b->describe());
    }
    if (m->key == "Fn::And" || m->key == "Fn::Or") {
      if (!args) return Truth::Unknown;
      bool is_and = m->key == "Fn::And";
      Truth result = from_bool(is_and);
      for (const Value& a : *args) {
        Truth t = truth(a, depth + 1);
        if (t == from_bool(!is_and)) return t;  // a false in And, a true in Or decides
        if (t == Truth::Unknown) result = Truth::Unknown;
      }
      return result;
    }
    if (m->key == "Fn::Not") {
      const Value* inner = args && args->size() == 1 ? &(*args)[0] : (args ? nullptr : &m->value);
      if (!inner) return Truth::Unknown;
      Truth t = truth(*inner, depth + 1);
      return t == Truth::Unknown ? t : from_bool(t == Truth::False);
    }
    if (m->key == "Condition") {
      const std::string* name = m->value.string_value();
      return name ? condition_at(*name, depth + 1) : Truth::Unknown;
    }
  }
  std::optional<Value> v = eval_at(node, depth + 1);
  std::optional<bool> b = v ? v->as_bool() : std::nullopt;
  return b ? from_bool(*b) : Truth::Unknown;
}

Truth Evaluator::condition_at(std::string_view name, int depth) {
  if (auto it = conditions_.find(name); it != conditions_.end())
    return it->second.first == State::Evaluating ? Truth::Unknown : it->second.second;  // a cycle is Unknown
  const Value* definition = t_.condition(name);
  if (!definition) return Truth::Unknown;
  auto [it, inserted] = conditions_.emplace(std::string(name), std::pair{State::Evaluating, Truth::Unknown});
  Truth t = truth(*definition, depth + 1);
  // `it` stays valid: std::map iterators survive the insertions made while evaluating.
  it->second = {State::Done, t};
  return t;
}

}  // namespace kclint::cfn
