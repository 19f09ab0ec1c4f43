// Terraform modules: variables (defaults, tfvars, --var-file, --var), locals
// in any order with cycle detection, count/for_each instances, local module
// calls with bound inputs and readable outputs, and resource references.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "analyzer/lower/terraform/eval.h"

namespace kclint::tf {

namespace fs = std::filesystem;

struct Nest {
  Engine& e;
  explicit Nest(Engine& engine) : e(engine) { ++e.nesting_; }
  ~Nest() { --e.nesting_; }
  bool too_deep() const { return e.nesting_ > Engine::kMaxDepth; }
};

namespace {

Ctx instance_ctx(ModuleInstance& m, const Instances::Key& k, Instances::Mode mode) {
  Ctx c;
  c.mod = &m;
  if (mode == Instances::Mode::Count || (mode == Instances::Mode::Unknown && k.value.is_null())) {
    Value count = Value::map({});
    count.set("index", k.key);
    c.names.emplace_back("count", std::move(count));
  }
  if (mode == Instances::Mode::ForEach || mode == Instances::Mode::Unknown) {
    Value each = Value::map({});
    each.set("key", k.key);
    each.set("value", k.value);
    c.names.emplace_back("each", std::move(each));
  }
  return c;
}

}  // namespace

Ctx make_instance_ctx(ModuleInstance& m, const Instances& inst, const Instances::Key& k) {
  return instance_ctx(m, k, inst.mode);
}

const ModuleDecl* Engine::module_at(std::string_view dir) const {
  auto it = modules_.find(dir);
  return it == modules_.end() ? nullptr : &it->second;
}

std::optional<std::string> Engine::resolve_path(ModuleInstance* m, std::string_view path) const {
  fs::path p(path);
  std::vector<fs::path> candidates;
  if (p.is_absolute()) {
    fs::path rel = p.lexically_normal().lexically_relative(fs::path(project_.root).lexically_normal());
    candidates.push_back(rel);
  } else {
    if (m) candidates.push_back((fs::path(m->root_dir) / p).lexically_normal());
    if (m) candidates.push_back((fs::path(m->decl->dir) / p).lexically_normal());
    candidates.push_back(p.lexically_normal());
  }
  for (const fs::path& c : candidates) {
    std::string s = c.generic_string();
    if (s.empty() || s == "." || s.rfind("..", 0) == 0 || c.is_absolute()) continue;
    if (s.rfind("./", 0) == 0) s = s.substr(2);
    if (project_.file_by_rel_path(s) || options_.overrides.count((fs::path(project_.root) / s).string()) ||
        fs::is_regular_file(fs::path(project_.root) / s))
      return s;
  }
  return std::nullopt;
}

std::optional<std::string> Engine::read_project_file(const std::string& rel_path, const Span& use) {
  if (const SourceFile* f = project_.file_by_rel_path(rel_path)) return f->text;
  fs::path full = fs::path(project_.root) / rel_path;
  if (auto it = options_.overrides.find(full.string()); it != options_.overrides.end()) return it->second;
  std::error_code ec;
  fs::path canon = fs::weakly_canonical(full, ec);
  fs::path root = fs::weakly_canonical(fs::path(project_.root), ec);
  if (ec) return std::nullopt;
  std::string c = canon.generic_string(), r = root.generic_string();
  if (c.rfind(r + "/", 0) != 0) return std::nullopt;  // a symlink out of the root
  if (!fs::is_regular_file(canon, ec)) return std::nullopt;
  if (fs::file_size(canon, ec) > kMaxReadBytes) {
    diagnose(use, fmt::format("\"{}\" is larger than {} MiB: not read", rel_path, kMaxReadBytes >> 20));
    return std::nullopt;
  }
  std::ifstream in(canon, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Value Engine::variable(ModuleInstance& m, std::string_view name, const Span& use, const hcl::ByteRange& range) {
  (void)range;
  std::string key(name);
  auto decl = m.decl->variables.find(name);
  const hcl::Attribute* type = decl != m.decl->variables.end() ? decl->second->body.attribute("type") : nullptr;
  if (auto it = m.inputs.find(name); it != m.inputs.end()) {
    if (!type) return it->second;
    // With an input the default is never read: its slot keeps the typed input.
    auto& typed = m.vars[key];
    if (typed.first != ModuleInstance::State::Done)
      typed = {ModuleInstance::State::Done, with_type_defaults(*type->expr, it->second)};
    return typed.second;
  }
  auto& slot = m.vars[key];
  if (slot.first == ModuleInstance::State::Done) {
    if (slot.second.is_unknown() && !slot.second.span().valid()) return Value::unknown("var." + key, use);
    return slot.second;
  }
  if (slot.first == ModuleInstance::State::Busy) return Value::unknown("var." + key, use);
  Value v = Value::unknown("var." + key);
  if (decl != m.decl->variables.end())
    if (const hcl::Attribute* def = decl->second->body.attribute("default")) {
      slot.first = ModuleInstance::State::Busy;
      Ctx c;
      c.mod = &m;
      v = eval(*def->expr, c);
      if (type) v = with_type_defaults(*type->expr, v);
    }
  m.vars[key] = {ModuleInstance::State::Done, v};
  if (v.is_unknown() && !v.span().valid()) return Value::unknown("var." + key, use);
  return v;
}

Value Engine::local(ModuleInstance& m, std::string_view name, const Span& use) {
  std::string key(name);
  auto& slot = m.locals[key];
  if (slot.first == ModuleInstance::State::Done) return slot.second;
  auto decl = m.decl->locals.find(name);
  if (decl == m.decl->locals.end()) return Value::unknown("local." + key, use);
  if (slot.first == ModuleInstance::State::Busy) {
    diagnose(decl->second->span, fmt::format("cycle in Terraform local values: local.{} depends on itself", key));
    return Value::unknown("local." + key, use);
  }
  Nest nest(*this);
  if (nest.too_deep()) return Value::unknown("local." + key, use);
  slot.first = ModuleInstance::State::Busy;
  Ctx c;
  c.mod = &m;
  Value v = eval(*decl->second->expr, c);
  m.locals[key] = {ModuleInstance::State::Done, v};
  return v;
}

const Instances& Engine::instances(ModuleInstance& m, const std::string& key, const hcl::Block& block) {
  auto& slot = m.instances[key];
  if (slot.first == ModuleInstance::State::Done) return slot.second;
  Instances out;
  if (slot.first == ModuleInstance::State::Busy) {
    out.mode = Instances::Mode::Unknown;
    out.keys.push_back({"", Value::unknown("count.index"), Value::null()});
    m.instances[key] = {ModuleInstance::State::Done, out};
    return m.instances[key].second;
  }
  slot.first = ModuleInstance::State::Busy;
  Ctx c;
  c.mod = &m;
  Nest nest(*this);
  if (const hcl::Attribute* count = block.body.attribute("count")) {
    Value v = nest.too_deep() ? Value::unknown("count") : eval(*count->expr, c);
    std::optional<double> n = v.as_number();
    if (n && *n >= 0 && *n <= 4096) {
      out.mode = Instances::Mode::Count;
      for (int i = 0; i < int(*n); ++i) out.keys.push_back({fmt::format("[{}]", i), Value::number(i, count->span), Value::null()});
    } else {
      if (n) diagnose(count->span, "count larger than 4096: the instances are not expanded");
      out.mode = Instances::Mode::Unknown;
      out.unknown_source = v;
      out.keys.push_back({"", Value::unknown("count.index", count->expr->span), Value::null()});
    }
  } else if (const hcl::Attribute* fe = block.body.attribute("for_each")) {
    Value v = nest.too_deep() ? Value::unknown("for_each") : sanitize(eval(*fe->expr, c));
    bool ok = true;
    if (v.is_map()) {
      out.mode = Instances::Mode::ForEach;
      for (const Value::Member* mem : sorted_members(v))
        out.keys.push_back({quote_key(mem->key), Value::string(mem->key, mem->key_span), mem->value});
    } else if (const Value::List* l = v.list_value()) {
      out.mode = Instances::Mode::ForEach;
      std::vector<std::string> keys;
      std::map<std::string, Value> firsts;
      for (const Value& e : *l) {
        const std::string* s = e.string_value();
        if (!s) {
          ok = false;
          break;
        }
        if (firsts.emplace(*s, e).second) keys.push_back(*s);
      }
      std::sort(keys.begin(), keys.end());
      for (const std::string& k : keys) out.keys.push_back({quote_key(k), firsts[k], firsts[k]});
    } else {
      ok = false;
    }
    if (!ok) {
      out.keys.clear();
      out.mode = Instances::Mode::Unknown;
      out.unknown_source = v;
      std::string src = v.describe();
      out.keys.push_back({"", Value::unknown("each.key", fe->expr->span), Value::unknown("each.value", fe->expr->span)});
    }
  } else {
    out.keys.push_back({"", Value::null(), Value::null()});
  }
  m.instances[key] = {ModuleInstance::State::Done, std::move(out)};
  return m.instances[key].second;
}

Value Engine::resource_value(ModuleInstance& m, std::string_view type, std::string_view name, const Span& use) {
  std::string key = std::string(type) + "." + std::string(name);
  std::string addr = m.prefix + key;
  auto it = m.decl->resources.find(key);
  if (it == m.decl->resources.end()) return Value::reference(addr, "", use);  // dangling: rules must see it
  const Instances& inst = instances(m, key, *it->second);
  switch (inst.mode) {
    case Instances::Mode::Single: return Value::reference(addr, "", use);
    case Instances::Mode::Unknown: return Value::unknown(key, use);
    case Instances::Mode::Count: {
      Value::List out;
      for (const Instances::Key& k : inst.keys) out.push_back(Value::reference(addr + k.suffix, "", use));
      return Value::list(std::move(out), use);
    }
    case Instances::Mode::ForEach: {
      Value out = Value::map({}, use);
      for (const Instances::Key& k : inst.keys) out.set(*k.key.string_value(), Value::reference(addr + k.suffix, "", use), use);
      return out;
    }
  }
  return Value::unknown(key, use);
}

Value Engine::data_value(ModuleInstance& m, std::string_view type, std::string_view name, const Span& use) {
  std::string key = std::string(type) + "." + std::string(name);
  std::string src = "data." + key;
  auto it = m.decl->data.find(key);
  if (type != "aws_iam_policy_document" || it == m.decl->data.end()) return Value::unknown(src, use);
  const Instances& inst = instances(m, "data." + key, *it->second);
  if (inst.mode == Instances::Mode::Unknown) return Value::unknown(src, use);
  auto one = [&](const Instances::Key& k) {
    std::string slot_key = key + k.suffix;
    auto& slot = m.data_docs[slot_key];
    if (slot.first == ModuleInstance::State::Busy) {
      diagnose(it->second->span, fmt::format("cycle in Terraform policy document data.{}", key));
      return Value::unknown(src, use);
    }
    if (slot.first == ModuleInstance::State::None) {
      slot.first = ModuleInstance::State::Busy;
      Nest nest(*this);
      Ctx c = make_instance_ctx(m, inst, k);
      Value doc = nest.too_deep() ? Value::unknown(src, use) : policy_document(m, *it->second, c);
      m.data_docs[slot_key] = {ModuleInstance::State::Done, doc};
    }
    Value doc = m.data_docs[slot_key].second;
    Value obj = Value::map({}, it->second->span);
    obj.set("json", doc);
    obj.set("minified_json", doc);
    obj.set("id", Value::unknown(src + k.suffix + ".id", use));
    return obj;
  };
  if (inst.mode == Instances::Mode::Single) return one(inst.keys[0]);
  if (inst.mode == Instances::Mode::Count) {
    Value::List out;
    for (const Instances::Key& k : inst.keys) out.push_back(one(k));
    return Value::list(std::move(out), use);
  }
  Value out = Value::map({}, use);
  for (const Instances::Key& k : inst.keys) out.set(*k.key.string_value(), one(k), use);
  return out;
}

std::vector<ModuleInstance*> Engine::module_children(ModuleInstance& m, std::string_view name) {
  std::string key(name);
  std::vector<ModuleInstance*> out;
  auto state = m.child_state[key];
  if (state == ModuleInstance::State::Done) {
    for (auto& c : m.children[key]) out.push_back(c.get());
    return out;
  }
  auto blk = m.decl->modules.find(name);
  if (blk == m.decl->modules.end()) {
    m.child_unknown[key] = true;
    m.child_state[key] = ModuleInstance::State::Done;
    return out;
  }
  const hcl::Block& block = *blk->second;
  if (state == ModuleInstance::State::Busy) {
    diagnose(block.span, fmt::format("module.{}: its inputs depend on its own outputs", key));
    return out;
  }
  m.child_state[key] = ModuleInstance::State::Busy;
  auto give_up = [&]() {
    m.child_unknown[key] = true;
    m.child_state[key] = ModuleInstance::State::Done;
    return out;
  };
  const hcl::Attribute* source = block.body.attribute("source");
  const hcl::Template* t = source ? source->expr->as<hcl::Template>() : nullptr;
  if (!t || t->parts.size() != 1 || !t->parts[0]->as<hcl::Literal>()) return give_up();
  std::string src(t->parts[0]->as<hcl::Literal>()->text);
  if (src.rfind("./", 0) != 0 && src.rfind("../", 0) != 0) return give_up();  // registry, git, http: not followed
  std::string dir = (fs::path(m.decl->dir) / src).lexically_normal().generic_string();
  while (!dir.empty() && dir.back() == '/') dir.pop_back();
  if (dir == ".") dir.clear();
  if (dir.rfind("..", 0) == 0) {
    diagnose(source->expr->span, fmt::format("module source \"{}\" is outside the project root: not followed", src));
    return give_up();
  }
  const ModuleDecl* decl = module_at(dir);
  if (!decl) return give_up();
  if (std::find(m.chain.begin(), m.chain.end(), dir) != m.chain.end()) {
    diagnose(block.span, fmt::format("module.{}: module source \"{}\" calls itself (a cycle of module calls)", key, src));
    return give_up();
  }
  if (m.depth + 1 > kMaxModuleDepth) {
    diagnose(block.span, fmt::format("module.{}: modules nested deeper than {} are not evaluated", key, kMaxModuleDepth));
    return give_up();
  }
  const Instances& inst = instances(m, "module." + key, block);
  std::vector<std::unique_ptr<ModuleInstance>> made;
  for (const Instances::Key& k : inst.keys) {
    if (!spend(block.span, kModuleInstanceSteps)) break;
    auto child = std::make_unique<ModuleInstance>();
    child->decl = decl;
    child->prefix = m.prefix + "module." + key + k.suffix + ".";
    child->root_dir = m.root_dir;
    child->depth = m.depth + 1;
    child->chain = m.chain;
    child->chain.push_back(dir);
    Nest nest(*this);
    Ctx c = make_instance_ctx(m, inst, k);
    for (const hcl::Attribute& a : block.body.attributes) {
      if (a.name == "source" || a.name == "version" || a.name == "count" || a.name == "for_each" ||
          a.name == "providers" || a.name == "depends_on")
        continue;
      child->inputs[std::string(a.name)] = nest.too_deep() ? Value::unknown(source_text(*a.expr), a.expr->span) : eval(*a.expr, c);
    }
    made.push_back(std::move(child));
  }
  m.children[key] = std::move(made);
  m.child_state[key] = ModuleInstance::State::Done;
  if (inst.mode == Instances::Mode::Unknown) m.child_unknown[key] = true;
  for (auto& c : m.children[key]) out.push_back(c.get());
  return out;
}

Value Engine::output(ModuleInstance& m, std::string_view name, const Span& use) {
  std::string key(name);
  auto& slot = m.outputs[key];
  if (slot.first == ModuleInstance::State::Done) return slot.second;
  if (slot.first == ModuleInstance::State::Busy) return Value::unknown(m.prefix + "output." + key, use);
  auto decl = m.decl->outputs.find(name);
  const hcl::Attribute* value = decl == m.decl->outputs.end() ? nullptr : decl->second->body.attribute("value");
  if (!value) return Value::unknown(m.prefix + key, use);
  Nest nest(*this);
  if (nest.too_deep()) return Value::unknown(m.prefix + key, use);
  slot.first = ModuleInstance::State::Busy;
  Ctx c;
  c.mod = &m;
  Value v = eval(*value->expr, c);
  m.outputs[key] = {ModuleInstance::State::Done, v};
  return v;
}

Value Engine::module_value(ModuleInstance& m, std::string_view name, const Span& use) {
  std::vector<ModuleInstance*> children = module_children(m, name);
  std::string key(name);
  auto blk = m.decl->modules.find(name);
  if (m.child_unknown[key] || blk == m.decl->modules.end()) return Value::unknown("module." + key, use);
  auto outputs = [&](ModuleInstance& child) {
    Value out = Value::map({}, use);
    for (const auto& [oname, block] : child.decl->outputs) out.set(oname, output(child, oname, use), block->span);
    return out;
  };
  const Instances& inst = instances(m, "module." + key, *blk->second);
  if (inst.mode == Instances::Mode::Single) return children.empty() ? Value::unknown("module." + key, use) : outputs(*children[0]);
  if (inst.mode == Instances::Mode::Count) {
    Value::List out;
    for (ModuleInstance* c : children) out.push_back(outputs(*c));
    return Value::list(std::move(out), use);
  }
  Value out = Value::map({}, use);
  for (std::size_t i = 0; i < children.size() && i < inst.keys.size(); ++i)
    if (const std::string* k = inst.keys[i].key.string_value()) out.set(*k, outputs(*children[i]), use);
  return out;
}

}  // namespace kclint::tf
