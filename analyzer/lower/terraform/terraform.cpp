// Terraform front end: the per-file parse (KC000 for what the HCL parser
// cannot read) and the project-wide pass that finds root modules, binds their
// variables and lowers every module instance's resources into the IR.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "analyzer/ir/glob.h"
#include "analyzer/lower/lower.h"
#include "analyzer/lower/terraform/eval.h"
#include "analyzer/lower/terraform/resources.h"
#include "parsers/hcl/json_syntax.h"
#include "parsers/hcl/parser.h"

namespace kclint {

namespace fs = std::filesystem;

namespace {

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), s.end() - suffix.size(),
                    [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

// Variable definitions (.tfvars, .tfvars.json) rather than configuration (.tf, .tf.json).
bool is_tfvars(const SourceFile& f) {
  return f.format == Format::TerraformVars ||
         (f.format == Format::TerraformJson && ends_with_ci(f.rel_path, ".tfvars.json"));
}

bool is_terraform(const SourceFile& f) {
  return f.format == Format::Terraform || f.format == Format::TerraformVars || f.format == Format::TerraformJson;
}

}  // namespace

FileUnit lower_terraform_file(SourceFile& file) {
  hcl::ParseMode mode = is_tfvars(file) ? hcl::ParseMode::Tfvars : hcl::ParseMode::Config;
  hcl::ParseResult r = file.format == Format::TerraformJson ? hcl::parse_json(file.id, file.text, mode)
                                                            : hcl::parse(file.id, file.text, mode);
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
      if (!is_terraform(f)) continue;
      auto* ptr = std::any_cast<std::shared_ptr<hcl::File>>(&f.syntax);
      if (!ptr || !*ptr) continue;
      if (f.id < e_.by_file_.size()) e_.by_file_[f.id] = ptr->get();
      if (is_tfvars(f)) {
        tfvars_by_dir_[fs::path(f.rel_path).parent_path().generic_string()].push_back(&f);
        continue;
      }
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

  // Directories that some local module block calls: not roots. With `graph`,
  // also which directories each directory calls.
  std::set<std::string> called(std::map<std::string, std::set<std::string>>* graph = nullptr) {
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
        if (graph) (*graph)[dir].insert(target);
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
    const SourceFile* main_json = nullptr;
    auto here = tfvars_by_dir_.find(m.decl->dir);
    for (const SourceFile* file : here == tfvars_by_dir_.end() ? std::vector<const SourceFile*>() : here->second) {
      const SourceFile& f = *file;
      std::string name = fs::path(f.rel_path).filename().string();
      if (name == "terraform.tfvars")
        main_vars = &f;
      else if (name == "terraform.tfvars.json")
        main_json = &f;
      else if ((name.size() > 12 && name.ends_with(".auto.tfvars")) ||
               (name.size() > 17 && name.ends_with(".auto.tfvars.json")))
        auto_files.push_back(&f);
    }
    std::sort(auto_files.begin(), auto_files.end(), [](auto* a, auto* b) { return a->rel_path < b->rel_path; });
    auto bind_file = [&](const SourceFile* f) {
      if (f && f->id < e_.by_file_.size() && e_.by_file_[f->id]) bind_tfvars(m, *e_.by_file_[f->id]);
    };
    bind_file(main_vars);
    bind_file(main_json);
    for (const SourceFile* f : auto_files) bind_file(f);
    var_files_.clear();
    if (main_vars) var_files_.push_back(main_vars->rel_path);
    if (main_json) var_files_.push_back(main_json->rel_path);
    for (const SourceFile* f : auto_files) var_files_.push_back(f->rel_path);
    for (const std::string& path : e_.options_.var_files) {
      fs::path abs = fs::absolute(path).lexically_normal();
      std::string rel = abs.lexically_relative(fs::path(p.root).lexically_normal()).generic_string();
      var_files_.push_back(rel);
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
      hcl::ParseResult r = ends_with_ci(path, ".json") ? hcl::parse_json(kNoFile, *text, hcl::ParseMode::Tfvars)
                                                       : hcl::parse(kNoFile, *text, hcl::ParseMode::Tfvars);
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

  // The environment a root module is evaluated for: the configured mapping of
  // the var files it was given (the last one that maps wins), else what a var
  // file's name says ("prod.tfvars"), else the value of an environment
  // variable (`var.environment`, names from the configuration). Every
  // resource of the root and its modules gets it.
  std::string root_environment(ModuleInstance& root) {
    const Settings& settings = e_.project_.settings;
    std::string from_files;
    for (const std::string& rel : var_files_)
      for (const auto& [glob, env] : settings.file_environments)
        if (glob_match(glob, rel)) from_files = env;
    if (!from_files.empty()) return from_files;
    for (auto it = var_files_.rbegin(); it != var_files_.rend(); ++it)
      if (std::string env = environment_in_name(fs::path(*it).filename().string()); !env.empty()) return env;
    for (const std::string& name : settings.variables) {
      if (!root.decl->variables.count(name)) continue;
      const hcl::Block* decl = root.decl->variables.find(name)->second;
      Value v = e_.variable(root, name, decl->span, decl->range);
      if (const std::string* s = v.string_value(); s && !s->empty()) return *s;
    }
    return {};
  }

  void lower_module(ModuleInstance& m, int depth) {
    if (depth > Engine::kMaxModuleDepth + 1) return;
    for (const hcl::Block* b : m.decl->resource_order) {
      std::string type(b->labels[0].value), name(b->labels[1].value);
      const Instances& inst = e_.instances(m, type + "." + name, *b);
      for (const Instances::Key& k : inst.keys) {
        // Every resource block is lowered once; its further instances cost steps.
        if (&k != &inst.keys.front() && !e_.spend(b->span, Engine::kResourceInstanceSteps)) break;
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

  // When a project has several root modules (examples, environments), the
  // addresses of each root outside the project directory are qualified with
  // its directory ("examples/a:aws_subnet.x"), so that every root keeps all
  // its resources. A single root keeps plain addresses ("infra/" holding the
  // only root reads as `aws_subnet.x`), as messages show them.
  static std::string root_prefix(const std::string& dir) { return dir.empty() ? std::string() : dir + ":"; }

  void add(Resource r) {
    if (seen_.count(r.address)) return;  // cannot happen across roots (qualified); kept as a guard
    seen_.insert(r.address);
    if (r.environment.empty()) r.environment = environment_;
    added_.push_back(e_.project_.add(std::move(r)));
  }

  // aws_ecs_cluster_capacity_providers sets the capacity providers and the
  // default strategy of a cluster (the form the AWS provider recommends since
  // v4): its values become the cluster's `capacity_providers` and
  // `default_capacity_provider_strategy`, so a rule reads them on the cluster
  // whichever way they were written. The cluster is found by the Reference in
  // `cluster_name` or, for a literal name, by the name in the same module.
  void merge_cluster_capacity_providers() {
    Project& p = e_.project_;
    auto module_of = [](const Resource& r) {
      return r.address.substr(0, r.address.rfind(r.native_type + "." + r.name));
    };
    for (ResourceId id : added_) {
      const Resource& assoc = p.resource(id);
      if (assoc.native_type != "aws_ecs_cluster_capacity_providers") continue;
      const Value* cluster_name = assoc.attr("cluster_name");
      if (!cluster_name) continue;
      Resource* cluster = nullptr;
      for (ResourceId cid : added_) {
        Resource& c = p.resource(cid);
        if (c.kind != Kind::EcsCluster) continue;
        const Value::Ref* ref = cluster_name->reference_value();
        const std::string* name = cluster_name->string_value();
        const Value* cname = c.attr("name");
        if ((ref && ref->target == c.address) ||
            (name && cname && cname->string_value() && *cname->string_value() == *name &&
             module_of(c) == module_of(assoc))) {
          cluster = &c;
          break;
        }
      }
      if (!cluster) continue;
      // Copies: set() may reallocate the map these point into.
      for (const char* key : {"capacity_providers", "default_capacity_provider_strategy"})
        if (const Value* v = assoc.attr(key); v && !v->is_null()) {
          const Value* own = cluster->attr(key);
          if (!own || own->is_null()) cluster->attrs.set(key, Value(*v));
        }
    }
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
    std::map<std::string, std::set<std::string>> graph;
    std::set<std::string> calls = called(&graph);
    std::vector<std::string> roots;
    for (auto& [dir, d] : e_.modules_)
      if (!calls.count(dir)) roots.push_back(dir);
    // Then modules that only call one another (a cycle no root calls into),
    // from the first one no root reaches: the cycle is reported, not skipped.
    std::set<std::string> reachable;
    auto reach = [&](const std::string& from) {
      std::vector<std::string> todo{from};
      while (!todo.empty()) {
        std::string dir = std::move(todo.back());
        todo.pop_back();
        if (reachable.insert(dir).second) todo.insert(todo.end(), graph[dir].begin(), graph[dir].end());
      }
    };
    for (const std::string& dir : roots) reach(dir);
    for (auto& [dir, d] : e_.modules_)
      if (!reachable.count(dir)) {
        roots.push_back(dir);
        reach(dir);
      }
    for (const std::string& dir : roots) {
      ModuleInstance root;
      root.decl = &e_.modules_[dir];
      root.root_dir = dir;
      root.prefix = roots.size() > 1 ? root_prefix(dir) : std::string();
      root.chain = {dir};
      bind_root_inputs(root);
      environment_ = root_environment(root);
      lower_module(root, 0);
    }
    merge_cluster_capacity_providers();
    add_edges();
  }

 private:
  Engine& e_;
  std::set<std::string> seen_;
  std::vector<ResourceId> added_;
  std::vector<std::string> var_files_;  // of the root being lowered, project-relative
  std::map<std::string, std::vector<const SourceFile*>> tfvars_by_dir_;  // directory → its tfvars files, in file order
  std::string environment_;             // of the root being lowered
};

}  // namespace tf

void lower_terraform(Project& project, const LoadOptions& options) {
  tf::Engine engine(project, options);
  tf::ModuleLoader loader(engine);
  loader.run();
}

}  // namespace kclint
