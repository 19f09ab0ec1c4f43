// Terraform front end: the per-file parse (KC000 for what the HCL parser
// cannot read) and the project-wide pass that finds root modules, binds their
// variables and lowers every module instance's resources into the IR.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "analyzer/lower/lower.h"
#include "analyzer/lower/terraform/eval.h"
#include "analyzer/lower/terraform/resources.h"
#include "parsers/hcl/parser.h"

namespace kclint {

namespace fs = std::filesystem;

FileUnit lower_terraform_file(SourceFile& file) {
  hcl::ParseMode mode = file.format == Format::TerraformVars ? hcl::ParseMode::Tfvars : hcl::ParseMode::Config;
  hcl::ParseResult r = hcl::parse(file.id, file.text, mode);
  for (Diagnostic& d : r.diagnostics) file.diagnostics.push_back(std::move(d));
  // A file that does not parse is reported and left out of evaluation, so a
  // half-read block cannot produce misleading resources.
  if (r.ok()) file.syntax = std::make_shared<hcl::File>(std::move(r.file));
  return {};
}

namespace tf {

class ModuleLoader {
 public:
  ModuleLoader(Engine& e) : e_(e) {}

  void collect() {
    Project& p = e_.project_;
    for (SourceFile& f : p.files()) {
      if (f.format != Format::Terraform && f.format != Format::TerraformVars) continue;
      auto* ptr = std::any_cast<std::shared_ptr<hcl::File>>(&f.syntax);
      if (!ptr || !*ptr) continue;
      if (f.id < e_.by_file_.size()) e_.by_file_[f.id] = ptr->get();
      if (f.format != Format::Terraform) continue;
      std::string dir = fs::path(f.rel_path).parent_path().generic_string();
      ModuleDecl& d = e_.modules_[dir];
      d.dir = dir;
      d.files.push_back(ptr->get());
      declare(d, **ptr);
    }
  }

  static void declare(ModuleDecl& d, const hcl::File& f) {
    for (const hcl::Block& b : f.body.blocks) {
      auto label = [&](std::size_t i) { return i < b.labels.size() ? std::string(b.labels[i].value) : std::string(); };
      if (b.type == "variable" && b.labels.size() == 1) d.variables.emplace(label(0), &b);
      else if (b.type == "output" && b.labels.size() == 1) d.outputs.emplace(label(0), &b);
      else if (b.type == "module" && b.labels.size() == 1) {
        if (d.modules.emplace(label(0), &b).second) d.module_order.push_back(&b);
      } else if (b.type == "locals") {
        for (const hcl::Attribute& a : b.body.attributes) d.locals.emplace(std::string(a.name), &a);
      } else if (b.type == "resource" && b.labels.size() == 2) {
        if (d.resources.emplace(label(0) + "." + label(1), &b).second) d.resource_order.push_back(&b);
      } else if (b.type == "data" && b.labels.size() == 2) {
        if (d.data.emplace(label(0) + "." + label(1), &b).second) d.data_order.push_back(&b);
      }
    }
  }

  // Directories that some local module block calls: not roots.
  std::set<std::string> called() {
    std::set<std::string> out;
    for (auto& [dir, d] : e_.modules_)
      for (const hcl::Block* b : d.module_order) {
        const hcl::Attribute* source = b->body.attribute("source");
        const hcl::Template* t = source ? source->expr->as<hcl::Template>() : nullptr;
        if (!t || t->parts.size() != 1 || !t->parts[0]->as<hcl::Literal>()) continue;
        std::string src(t->parts[0]->as<hcl::Literal>()->text);
        if (src.rfind("./", 0) != 0 && src.rfind("../", 0) != 0) continue;
        std::string target = (fs::path(dir) / src).lexically_normal().generic_string();
        while (!target.empty() && target.back() == '/') target.pop_back();
        if (target == ".") target.clear();
        if (target != dir) out.insert(target);
      }
    return out;
  }

  // Values of a tfvars body, in a constant context.
  void bind_tfvars(ModuleInstance& m, const hcl::File& f) {
    for (const hcl::Attribute& a : f.body.attributes) {
      Ctx c;
      m.inputs[std::string(a.name)] = e_.eval(*a.expr, c);
    }
  }

  void bind_root_inputs(ModuleInstance& m) {
    Project& p = e_.project_;
    std::vector<const SourceFile*> auto_files;
    const SourceFile* main_vars = nullptr;
    for (const SourceFile& f : p.files()) {
      if (f.format != Format::TerraformVars) continue;
      fs::path rel(f.rel_path);
      if (rel.parent_path().generic_string() != m.decl->dir) continue;
      std::string name = rel.filename().string();
      if (name == "terraform.tfvars") main_vars = &f;
      else if (name.size() > 12 && name.ends_with(".auto.tfvars")) auto_files.push_back(&f);
    }
    std::sort(auto_files.begin(), auto_files.end(), [](auto* a, auto* b) { return a->rel_path < b->rel_path; });
    auto bind_file = [&](const SourceFile* f) {
      if (f && f->id < e_.by_file_.size() && e_.by_file_[f->id]) bind_tfvars(m, *e_.by_file_[f->id]);
    };
    bind_file(main_vars);
    for (const SourceFile* f : auto_files) bind_file(f);
    for (const std::string& path : e_.options_.var_files) {
      fs::path abs = fs::absolute(path).lexically_normal();
      std::string rel = abs.lexically_relative(fs::path(p.root).lexically_normal()).generic_string();
      if (const SourceFile* f = p.file_by_rel_path(rel); f && f->id < e_.by_file_.size() && e_.by_file_[f->id]) {
        bind_file(f);
        continue;
      }
      // A var file outside the project: read and evaluated with no position.
      std::optional<std::string> text;
      if (auto it = e_.options_.overrides.find(abs.string()); it != e_.options_.overrides.end()) text = it->second;
      else if (std::ifstream in(abs, std::ios::binary); in) {
        std::ostringstream out;
        out << in.rdbuf();
        text = out.str();
      }
      if (!text) continue;
      hcl::ParseResult r = hcl::parse(kNoFile, *text, hcl::ParseMode::Tfvars);
      if (!r.ok()) continue;
      for (const hcl::Attribute& a : r.file.body.attributes) {
        Ctx c;
        Value v = e_.eval(*a.expr, c);
        respan(v, Span{});
        m.inputs[std::string(a.name)] = std::move(v);
      }
    }
    for (const std::string& kv : e_.options_.vars) {
      std::size_t eq = kv.find('=');
      if (eq == std::string::npos) continue;
      std::string name = kv.substr(0, eq), raw = kv.substr(eq + 1);
      Value v = Value::string(raw);
      hcl::ParseResult r = hcl::parse(kNoFile, "v = " + raw + "\n", hcl::ParseMode::Tfvars);
      if (r.ok())
        if (const hcl::Attribute* a = r.file.body.attribute("v"); a && !a->expr->as<hcl::ScopeTraversal>()) {
          Ctx c;
          v = e_.eval(*a->expr, c);
          respan(v, Span{});
          if (v.is_unknown()) v = Value::string(raw);
        }
      m.inputs[name] = std::move(v);
    }
  }

  void lower_module(ModuleInstance& m, int depth) {
    if (depth > Engine::kMaxModuleDepth + 1) return;
    for (const hcl::Block* b : m.decl->resource_order) {
      std::string type(b->labels[0].value), name(b->labels[1].value);
      const Instances& inst = e_.instances(m, type + "." + name, *b);
      for (const Instances::Key& k : inst.keys) {
        Ctx c = make_instance_ctx(m, inst, k);
        tf::ResourceInput in;
        in.type = type;
        in.name = name;
        in.address = m.prefix + type + "." + name + k.suffix;
        in.block = b;
        in.body = e_.eval_body(b->body, c);
        for (Resource& r : lower_resource(e_, in)) add(std::move(r));
      }
    }
    for (const hcl::Block* b : m.decl->data_order) {
      if (b->labels[0].value != "aws_iam_policy_document") continue;
      std::string name(b->labels[1].value);
      Value docs = e_.data_value(m, "aws_iam_policy_document", name, b->span);
      auto one = [&](const Value& obj, const std::string& suffix) {
        const Value* json = obj.get("json");
        if (!json) return;
        Resource r;
        r.kind = Kind::IamPolicyDocument;
        r.native_type = "data.aws_iam_policy_document";
        r.address = m.prefix + "data.aws_iam_policy_document." + name + suffix;
        r.name = name;
        r.file = b->span.file;
        r.span = b->span;
        PolicyDocument p = policy(e_, *json, PolicyRole::Identity, "json", b->span);
        bool has_principal = false, assume = false;
        for (const PolicyStatement& s : p.statements) {
          has_principal = has_principal || s.has_principal;
          for (const Value& a : s.actions)
            if (const std::string* t = a.string_value(); t && t->rfind("sts:AssumeRole", 0) == 0) assume = true;
        }
        if (has_principal) p.role = assume ? PolicyRole::Trust : PolicyRole::Resource;
        r.policies.push_back(std::move(p));
        r.attrs = Value::map({}, b->span);
        add(std::move(r));
      };
      if (docs.is_map() && docs.get("json")) one(docs, "");
      else if (const Value::List* l = docs.list_value())
        for (std::size_t i = 0; i < l->size(); ++i) one((*l)[i], fmt::format("[{}]", i));
      else if (docs.is_map())
        for (const Value::Member& mem : *docs.map_value()) one(mem.value, quote_key(mem.key));
    }
    for (const hcl::Block* b : m.decl->module_order)
      for (ModuleInstance* child : e_.module_children(m, b->labels[0].value)) lower_module(*child, depth + 1);
  }

  void add(Resource r) {
    if (seen_.count(r.address)) return;  // a second root module with the same address: the first one wins
    seen_.insert(r.address);
    added_.push_back(e_.project_.add(std::move(r)));
  }

  void add_edges() {
    Project& p = e_.project_;
    std::unordered_map<std::string, ResourceId> by_address;
    for (ResourceId id : added_) by_address.emplace(p.resource(id).address, id);
    for (ResourceId id : added_) {
      std::set<ResourceId> linked;
      auto walk = [&](auto& self, const Value& v, int depth) -> void {
        if (depth > 64) return;
        if (const Value::Ref* ref = v.reference_value()) {
          auto it = by_address.find(ref->target);
          if (it != by_address.end() && it->second != id && linked.insert(it->second).second)
            p.add_edge(EdgeKind::References, id, it->second, v.span());
        } else if (const Value::List* l = v.list_value()) {
          for (const Value& e : *l) self(self, e, depth + 1);
        } else if (const Value::Map* m = v.map_value()) {
          for (const Value::Member& e : *m) self(self, e.value, depth + 1);
        }
      };
      const Resource& r = p.resource(id);
      walk(walk, r.attrs, 0);
      for (const SecurityGroupRule& rule : r.sg_rules) {
        walk(walk, rule.group, 0);
        walk(walk, rule.peer_group, 0);
      }
      for (const PolicyDocument& doc : r.policies)
        for (const PolicyStatement& s : doc.statements)
          for (const Value& v : s.resources) walk(walk, v, 0);
      for (const ContainerSpec& c : r.containers) walk(walk, c.image, 0);
    }
  }

  void run() {
    collect();
    std::set<std::string> calls = called();
    std::vector<std::string> roots;
    for (auto& [dir, d] : e_.modules_)
      if (!calls.count(dir)) roots.push_back(dir);
    for (const std::string& dir : roots) {
      ModuleInstance root;
      root.decl = &e_.modules_[dir];
      root.root_dir = dir;
      root.chain = {dir};
      bind_root_inputs(root);
      lower_module(root, 0);
    }
    add_edges();
  }

 private:
  Engine& e_;
  std::set<std::string> seen_;
  std::vector<ResourceId> added_;
};

}  // namespace tf

void lower_terraform(Project& project, const LoadOptions& options) {
  tf::Engine engine(project, options);
  tf::ModuleLoader loader(engine);
  loader.run();
}

}  // namespace kclint
