// CloudFormation project-wide pass: finds the root templates, evaluates each
// with its parameters, loads local nested stacks with the parameters their
// parent binds, and adds the resources and their edges to the project.
#include <algorithm>
#include <cctype>
#include <deque>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "analyzer/discover.h"
#include "analyzer/ir/glob.h"
#include "analyzer/lower/cfn/evaluate.h"
#include "analyzer/lower/cfn/template.h"
#include "analyzer/lower/cfn/types.h"
#include "analyzer/lower/lower.h"

namespace kclint::cfn {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxStackDepth = 8;
constexpr std::string_view kStackType = "AWS::CloudFormation::Stack";

std::string lower_case(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// A parameter name that names the environment: one of the configured
// variables (case, '_' and '-' ignored) or a common spelling.
bool names_environment(std::string_view key, const Settings& settings) {
  auto squash = [](std::string_view s) {
    std::string out;
    for (char c : s)
      if (c != '_' && c != '-') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  std::string k = squash(key);
  for (const std::string& v : settings.variables)
    if (squash(v) == k) return true;
  for (std::string_view name : {"environmentname", "envname", "environmenttype", "envtype", "stage"})
    if (k == name) return true;
  return false;
}

// The environment an instance's Environment-like parameter names.
std::string environment_from(const Bindings& parameters, const Settings& settings) {
  for (const auto& [key, value] : parameters)
    if (names_environment(key, settings))
      if (const std::string* s = value.string_value(); s && !s->empty()) {
        std::string env = environment_in_name(*s);
        return env.empty() ? lower_case(*s) : env;
      }
  return {};
}

// A TemplateURL that names a file rather than a URL: its text, "file://" removed.
std::optional<std::string> local_path(const std::string& url) {
  if (url.starts_with("file://")) return url.substr(7);
  if (url.find("://") != std::string::npos || url.starts_with("{{")) return std::nullopt;
  if (url.empty()) return std::nullopt;
  return url;
}

// How many leading ".." components a normalized relative path has.
std::size_t levels_up(std::string_view rel) {
  std::size_t n = 0;
  while (rel == ".." || rel.starts_with("../")) {
    ++n;
    rel.remove_prefix(std::min<std::size_t>(3, rel.size()));
  }
  return n;
}

// A NoEcho parameter's Default is a secret written into the template: kept as
// a resource of its own (Kind::Other, "AWS::CloudFormation::Parameter", attrs
// `no_echo`, `default` as written) so SEC001 can report it.
void add_no_echo_parameters(Project& project, const Template& t) {
  const Value::Map* params = t.parameters ? t.parameters->map_value() : nullptr;
  if (!params) return;
  for (const Value::Member& p : *params) {
    const Value* no_echo = p.value.get("NoEcho");
    const Value* def = p.value.get("Default");
    if (!no_echo || no_echo->as_bool() != true || !def) continue;
    Resource r;
    r.native_type = "AWS::CloudFormation::Parameter";
    r.address = t.file->rel_path + "#" + p.key;
    r.name = p.key;
    r.file = t.file->id;
    r.span = join(p.key_span, p.value.span());
    r.attrs.set("no_echo", Value::boolean(true, no_echo->span()));
    r.attrs.set("default", *def);
    project.add(std::move(r));
  }
}

struct Edge {
  EdgeKind kind;
  ResourceId from;
  std::string to;  // address
  Span span;
};

class Driver {
 public:
  Driver(Project& project, const LoadOptions& options) : project_(project), options_(options) {}
  void run();

 private:
  struct Instance;
  struct Child {
    bool loading = true;
    Instance* instance = nullptr;
    std::map<std::string, Value, std::less<>> outputs;
  };
  struct Instance : NestedStacks {
    Driver* driver = nullptr;
    Template tmpl;
    std::unique_ptr<Evaluator> eval;
    std::vector<std::string> chain;  // template paths from the root down to this one
    std::string environment;
    std::map<std::string, Child, std::less<>> stacks;
    std::vector<ResourceId> resources;
    std::optional<Value> stack_output(std::string_view id, std::string_view output) override {
      return driver->stack_output(*this, id, output);
    }
  };

  Instance& instantiate(const Template& t, Bindings parameters, std::string suffix, std::vector<std::string> chain,
                        std::string environment);
  void lower_resources(Instance& inst);
  Child& ensure_stack(Instance& inst, std::string_view id);
  void load_child(Instance& inst, std::string_view id, Child& child);
  std::optional<Value> stack_output(Instance& inst, std::string_view id, std::string_view output);
  std::map<std::string, Value> stack_parameters(Instance& inst, const Value& raw, const Template& child);
  std::string suffix_for(const std::string& rel_path, std::string_view stack_id);
  std::set<std::string> nested_paths(const std::vector<Template>& templates) const;
  void read_parameter_files(const std::vector<std::string>& paths);
  void diagnose(const Template& t, const Span& span, std::string message);
  void finish();

  Project& project_;
  const LoadOptions& options_;
  std::map<std::string, Value> given_;  // from --cfn-params
  std::string given_environment_;
  std::string env_tag_;  // "@ENV" while evaluating for one of several configured environments
  std::deque<std::unique_ptr<Instance>> instances_;
  std::map<std::string, int> instance_count_;
  std::set<std::string> used_suffixes_;
  std::unordered_map<std::string, ResourceId> by_address_;
  std::vector<ResourceId> added_;  // in the order they were added
  std::vector<Edge> edges_;
  Budget budget_;
};

void Driver::run() {
  std::vector<Template> templates;
  for (const SourceFile& f : project_.files())
    if (f.format == Format::CloudFormation)
      if (std::optional<Template> t = Template::of(f)) templates.push_back(*t);
  if (templates.empty()) return;
  // Roots: templates no other template names as a local nested stack. Then
  // any template no root reached (its parent's stack is switched off by a
  // condition, or the templates form a cycle) on its own, with its defaults.
  std::set<std::string> nested = nested_paths(templates);
  auto instantiate_roots = [&] {
    for (int pass = 0; pass < 2; ++pass)
      for (const Template& t : templates) {
        if (instance_count_.count(env_tag_ + t.file->rel_path) || (pass == 0 && nested.count(t.file->rel_path))) continue;
        Bindings bound = bind_parameters(t, given_);
        std::string env = given_environment_.empty() ? environment_from(bound, project_.settings) : given_environment_;
        instantiate(t, std::move(bound), suffix_for(t.file->rel_path, ""), {}, env);
      }
  };
  const auto& per_environment = project_.settings.parameter_files;
  if (!options_.cfn_params.empty() || per_environment.empty()) {
    read_parameter_files(options_.cfn_params);
    instantiate_roots();
  } else {
    // The configuration maps environments to parameter files: every template
    // is evaluated once per environment. With several environments, each
    // one's addresses end in "@ENV".
    for (const auto& [env, files] : per_environment) {
      given_.clear();
      std::vector<std::string> in_root;
      for (const std::string& f : files) in_root.push_back((fs::path(project_.root) / f).lexically_normal().string());
      read_parameter_files(in_root);
      given_environment_ = env;
      env_tag_ = per_environment.size() > 1 ? "@" + env : "";
      instantiate_roots();
    }
  }
  for (const Template& t : templates) add_no_echo_parameters(project_, t);
  finish();
}

std::set<std::string> Driver::nested_paths(const std::vector<Template>& templates) const {
  std::set<std::string> out;
  for (const Template& t : templates) {
    if (!t.resources) continue;
    for (const Value::Member& r : *t.resources->map_value()) {
      if (t.resource_type(r.key) != kStackType) continue;
      const Value* url = r.value.path({"Properties", "TemplateURL"});
      const std::string* s = url ? url->string_value() : nullptr;
      if (!s) continue;
      if (std::optional<std::string> local = local_path(*s)) {
        fs::path p = (fs::path(t.file->rel_path).parent_path() / *local).lexically_normal();
        out.insert(p.generic_string());
      }
    }
  }
  return out;
}

void Driver::read_parameter_files(const std::vector<std::string>& paths) {
  const fs::path root = fs::path(project_.root);
  for (const std::string& given : paths) {
    fs::path p = fs::path(given);
    std::error_code ec;
    if (p.is_relative() && !fs::exists(p, ec) && fs::exists(root / p, ec)) p = root / p;
    p = fs::absolute(p, ec).lexically_normal();
    std::string rel = p.lexically_relative(root).generic_string();
    const SourceFile* file = project_.file_by_rel_path(rel);
    if (!file || file->format != Format::CfnParameters) {
      std::ifstream in(p, std::ios::binary);
      std::ostringstream text;
      if (in) text << in.rdbuf();
      std::string body = text.str();
      if (body.size() > kMaxFileBytes) body.clear();
      SourceFile& added = project_.add_file(given, Format::CfnParameters, std::move(body));
      added.rel_path = rel;
      if (!in) added.diagnostics.push_back({Span{added.id, 1, 1, 1, 1}, "cannot read CloudFormation parameter file"});
      else lower_cfn_parameters_file(added);
      file = &added;
    }
    const Value* doc = std::any_cast<Value>(&file->syntax);
    std::optional<std::map<std::string, Value>> values = doc ? parameter_values(*doc) : std::nullopt;
    if (!values) {
      if (file->diagnostics.empty())
        project_.file(file->id).diagnostics.push_back(
            {Span{file->id, 1, 1, 1, 1},
             "not a CloudFormation parameter file: expected {\"Key\": \"Value\"} or [{\"ParameterKey\": …, \"ParameterValue\": …}]"});
      continue;
    }
    for (auto& [k, v] : *values) given_[k] = std::move(v);
    std::string env;
    for (const auto& [glob, mapped] : project_.settings.file_environments)
      if (env.empty() && glob_match(glob, rel)) env = mapped;
    if (env.empty()) env = environment_in_name(p.filename().string());
    if (!env.empty()) given_environment_ = env;
  }
}

std::string Driver::suffix_for(const std::string& rel_path, std::string_view stack_id) {
  // The first instance of a template owns the plain addresses; each further
  // one is told apart by the logical id of the stack resource that loads it.
  if (instance_count_[env_tag_ + rel_path]++ == 0) return env_tag_;
  std::string suffix = fmt::format("{}@{}", env_tag_, stack_id);
  for (int n = 2; used_suffixes_.count(rel_path + suffix); ++n) suffix = fmt::format("{}@{}#{}", env_tag_, stack_id, n);
  used_suffixes_.insert(rel_path + suffix);
  return suffix;
}

void Driver::diagnose(const Template& t, const Span& span, std::string message) {
  project_.file(t.file->id).diagnostics.push_back({span, std::move(message)});
}

Driver::Instance& Driver::instantiate(const Template& t, Bindings parameters, std::string suffix,
                                      std::vector<std::string> chain, std::string environment) {
  auto owned = std::make_unique<Instance>();
  Instance& inst = *owned;
  instances_.push_back(std::move(owned));
  inst.driver = this;
  inst.tmpl = t;
  inst.eval = std::make_unique<Evaluator>(inst.tmpl, std::move(parameters), std::move(suffix), &inst, &budget_);
  inst.chain = std::move(chain);
  inst.chain.push_back(t.file->rel_path);
  inst.environment = std::move(environment);
  lower_resources(inst);
  return inst;
}

void Driver::lower_resources(Instance& inst) {
  const Template& t = inst.tmpl;
  if (!t.resources) return;
  Evaluator& eval = *inst.eval;
  for (const Value::Member& entry : *t.resources->map_value()) {
    const std::string& id = entry.key;
    const Value& raw = entry.value;
    const Value* type = raw.get("Type");
    // Fn::ForEach::… (AWS::LanguageExtensions) expands at deploy time; untyped entries are not resources.
    if (id.starts_with("Fn::") || !raw.is_map() || !type || !type->string_value()) continue;
    if (!eval.resource_exists(id)) continue;  // its Condition is false in this instance

    ResourceInput in;
    in.file = t.file;
    in.logical_id = id;
    in.type = *type->string_value();
    in.address = eval.address(id);
    in.span = join(entry.key_span, raw.span());
    in.metadata = raw.get("Metadata");
    if (const Value* c = raw.get("Condition"); c && c->string_value()) in.condition = *c->string_value();
    eval.take_references();
    if (in.type == kStackType) ensure_stack(inst, id);
    if (const Value* props = raw.get("Properties")) {
      in.raw_properties = props;
      std::optional<Value> v = eval.eval(*props);
      if (v && v->is_map()) in.properties = std::move(*v);
    }
    std::vector<RefUse> refs = eval.take_references();

    std::vector<Resource> lowered = lower_resource(in);
    if (lowered.front().kind == Kind::AutoScalingTarget) {
      // The service a scalable target scales, from the references in its ResourceId.
      for (const RefUse& r : refs) {
        std::string_view target = r.target;
        std::string prefix = t.file->rel_path + "#";
        if (!target.starts_with(prefix)) continue;
        std::string_view rest = target.substr(prefix.size());
        std::string_view logical = rest.substr(0, rest.find('@'));
        if (t.resource_type(logical) == "AWS::ECS::Service" && raw.path({"Properties", "ResourceId"})) {
          lowered.front().attrs.set("service", Value::reference(r.target, "", r.span));
          break;
        }
      }
    }
    ResourceId main = kNoResource;
    for (Resource& r : lowered) {
      r.environment = inst.environment;
      std::string address = r.address;
      ResourceId rid = project_.add(std::move(r));
      by_address_.emplace(std::move(address), rid);
      added_.push_back(rid);
      inst.resources.push_back(rid);
      if (main == kNoResource) main = rid;
      else edges_.push_back(Edge{EdgeKind::References, rid, in.address, in.span});
    }
    for (RefUse& r : refs) edges_.push_back(Edge{EdgeKind::References, main, std::move(r.target), r.span});
    if (in.type == kStackType)
      if (Instance* child = inst.stacks[id].instance)
        for (ResourceId c : child->resources) edges_.push_back(Edge{EdgeKind::LoadsStack, main, project_.resource(c).address, in.span});
  }
}

Driver::Child& Driver::ensure_stack(Instance& inst, std::string_view id) {
  auto [it, inserted] = inst.stacks.try_emplace(std::string(id));
  if (!inserted) return it->second;  // loaded, or being loaded (a cycle between siblings: outputs stay Unknown)
  std::vector<RefUse> earlier = inst.eval->take_references();
  load_child(inst, id, it->second);
  it->second.loading = false;
  inst.eval->take_references();  // what loading the child referenced belongs to the stack resource, not to whoever asked
  inst.eval->restore_references(std::move(earlier));
  return it->second;
}

void Driver::load_child(Instance& inst, std::string_view id, Child& child) {
  const Template& t = inst.tmpl;
  Evaluator& eval = *inst.eval;
  const Value* raw = t.resource(id);
  const Value* props = raw ? raw->get("Properties") : nullptr;
  const Value* url_node = props ? props->get("TemplateURL") : nullptr;
  if (!url_node) return;
  std::optional<Value> url = eval.eval(*url_node);
  const std::string* url_text = url ? url->string_value() : nullptr;
  std::optional<std::string> local = url_text ? local_path(*url_text) : std::nullopt;
  if (!local) return;  // remote (https://, s3://) or not known statically: nothing is fetched
  const Span& at = url_node->span();
  fs::path path = fs::path(*local);
  std::string rel = (fs::path(t.file->rel_path).parent_path() / path).lexically_normal().generic_string();
  const SourceFile* file = path.is_absolute() ? nullptr : project_.file_by_rel_path(rel);
  // Only files the project loaded are ever read. A path that climbs above the
  // root (above the parent's own level, should the parent lie outside it) is refused.
  std::string parent_dir = fs::path(t.file->rel_path).parent_path().generic_string();
  bool escapes = path.is_absolute() || rel.empty() || levels_up(rel) > levels_up(parent_dir);
  if (!file && escapes) {
    diagnose(t, at, fmt::format("nested stack TemplateURL \"{}\" points outside the project root; not loaded", *local));
    return;
  }
  std::optional<Template> child_t = file && file->format == Format::CloudFormation ? Template::of(*file) : std::nullopt;
  if (!child_t) return;  // not in the project (or not a readable template): its outputs stay Unknown
  if (std::find(inst.chain.begin(), inst.chain.end(), rel) != inst.chain.end()) {
    std::string cycle;
    for (const std::string& p : inst.chain) cycle += p + " → ";
    diagnose(t, at, fmt::format("nested stack cycle: {}{}; not loaded again", cycle, rel));
    return;
  }
  if (inst.chain.size() >= kMaxStackDepth) {
    diagnose(t, at, fmt::format("nested stacks deeper than {} levels; \"{}\" not loaded", kMaxStackDepth, rel));
    return;
  }
  std::map<std::string, Value> given;
  if (const Value* p = props->get("Parameters")) given = stack_parameters(inst, *p, *child_t);
  Bindings bound = bind_parameters(*child_t, given);
  // Each stack loaded costs evaluation steps, its parameter values too.
  if (!budget_.spend(Budget::kStackSteps, at)) return;
  for (const auto& [name, value] : bound)
    if (!budget_.afford(value, at)) return;
  Instance& c = instantiate(*child_t, std::move(bound), suffix_for(rel, id), inst.chain, inst.environment);
  child.instance = &c;
  if (c.tmpl.outputs)
    for (const Value::Member& o : *c.tmpl.outputs->map_value()) {
      const Value* cond = o.value.get("Condition");
      if (cond && cond->string_value() && c.eval->condition(*cond->string_value()) == Truth::False) continue;
      if (const Value* v = o.value.get("Value"))
        if (std::optional<Value> out = c.eval->eval(*v)) child.outputs[o.key] = std::move(*out);
    }
  c.eval->take_references();
}

std::map<std::string, Value> Driver::stack_parameters(Instance& inst, const Value& raw, const Template& child) {
  std::map<std::string, Value> out;
  Evaluator& eval = *inst.eval;
  const Value::Map* members = raw.map_value();
  bool intrinsic = members && members->size() == 1 && (members->front().key == "Ref" || members->front().key.starts_with("Fn::"));
  if (!members || intrinsic) {  // the whole map from an expression (Fn::If): evaluate it at once
    std::optional<Value> v = eval.eval(raw);
    if (v && v->is_map())
      for (const Value::Member& m : *v->map_value()) out[m.key] = m.value;
    return out;
  }
  for (const Value::Member& m : *members) {
    // A list parameter passed as !Join [",", [a, b]] keeps a and b (References
    // included) instead of becoming one Unknown string.
    const Value* type = child.parameters ? child.parameters->path({m.key, "Type"}) : nullptr;
    const std::string* type_name = type ? type->string_value() : nullptr;
    bool list_type = type_name && (*type_name == "CommaDelimitedList" || type_name->starts_with("List<"));
    const Value* join_args = m.value.get("Fn::Join");
    if (list_type && join_args && m.value.map_value()->size() == 1 && join_args->list_value() &&
        join_args->list_value()->size() == 2) {
      std::optional<Value> delimiter = eval.eval((*join_args->list_value())[0]);
      std::optional<Value> items = eval.eval((*join_args->list_value())[1]);
      if (delimiter && delimiter->as_text() == "," && items && items->is_list()) {
        out[m.key] = std::move(*items);
        continue;
      }
    }
    if (std::optional<Value> v = eval.eval(m.value)) out[m.key] = std::move(*v);
  }
  return out;
}

std::optional<Value> Driver::stack_output(Instance& inst, std::string_view id, std::string_view output) {
  Child& child = ensure_stack(inst, id);
  if (child.loading) return std::nullopt;
  auto it = child.outputs.find(output);
  if (it == child.outputs.end()) return std::nullopt;
  return it->second;
}

void Driver::finish() {
  if (const Span& at = budget_.exhausted_at; at.valid() && at.file < project_.files().size())
    project_.file(at.file).diagnostics.push_back(
        {at, fmt::format("CloudFormation evaluation stopped: more than {} evaluation steps in this project; the "
                         "remaining values are Unknown and no more nested stacks are loaded",
                         Budget::kSteps)});
  // Routes are resources of their own in CloudFormation: fold each into its table's `routes`.
  auto routes_of = [&](Resource& table) -> Value::List& {
    for (Value::Member& m : *table.attrs.map_value())
      if (m.key == "routes" && m.value.is_list()) return *m.value.list_value();
    table.attrs.set("routes", Value::list({}, table.span));
    return *table.attrs.map_value()->back().value.list_value();
  };
  for (ResourceId id : added_)
    if (project_.resource(id).kind == Kind::RouteTable) routes_of(project_.resource(id));
  for (ResourceId id : added_) {
    const Resource& route = project_.resource(id);
    if (route.kind != Kind::Route) continue;
    const Value* table = route.attr("route_table_id");
    const Value::Ref* ref = table ? table->reference_value() : nullptr;
    auto it = ref ? by_address_.find(ref->target) : by_address_.end();
    if (it == by_address_.end() || project_.resource(it->second).kind != Kind::RouteTable) continue;
    Value entry = Value::map({}, route.span);
    for (auto [from, to] : {std::pair{"destination_cidr_block", "cidr_block"}, std::pair{"nat_gateway_id", "nat_gateway_id"},
                            std::pair{"gateway_id", "gateway_id"}})
      if (const Value* v = route.attr(from)) entry.set(to, *v);
    routes_of(project_.resource(it->second)).push_back(std::move(entry));
  }
  std::set<std::tuple<EdgeKind, ResourceId, ResourceId>> seen;
  for (const Edge& e : edges_) {
    auto it = by_address_.find(e.to);
    if (it == by_address_.end() || it->second == e.from) continue;
    if (seen.emplace(e.kind, e.from, it->second).second) project_.add_edge(e.kind, e.from, it->second, e.span);
  }
}

}  // namespace

}  // namespace kclint::cfn

namespace kclint {

void lower_cloudformation(Project& project, const LoadOptions& options) {
  cfn::Driver(project, options).run();
}

}  // namespace kclint
