// Terraform evaluation: modules as directories of parsed .tf files, module
// instances with bound variables, and the static evaluator of HCL expressions
// into IR Values (Unknown where a value cannot be known without a plan).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ir/project.h"
#include "analyzer/lower/lower.h"
#include "parsers/hcl/ast.h"

namespace kclint::tf {

// The declarations of one directory of .tf files (a Terraform module).
struct ModuleDecl {
  std::string dir;  // project-relative, "" for the project root
  std::vector<const hcl::File*> files;
  std::map<std::string, const hcl::Block*, std::less<>> variables, outputs, modules;
  std::map<std::string, const hcl::Attribute*, std::less<>> locals;
  std::map<std::string, const hcl::Block*, std::less<>> resources;  // "type.name"
  std::map<std::string, const hcl::Block*, std::less<>> data;       // "type.name"
  std::vector<const hcl::Block*> resource_order, data_order, module_order;
};

// How many instances a resource / module call has.
struct Instances {
  enum class Mode { Single, Count, ForEach, Unknown } mode = Mode::Single;
  struct Key {
    std::string suffix;  // "", "[0]", "[\"ci\"]"
    Value key;           // count.index or each.key
    Value value;         // each.value (Null for count)
  };
  std::vector<Key> keys;
  Value unknown_source;  // the count / for_each value when Unknown
};

class Engine;
struct ModuleInstance;

// Local names bound while evaluating: count, each, for-expression variables,
// dynamic-block iterators, template variables.
struct Ctx {
  ModuleInstance* mod = nullptr;  // null: constant context (tfvars, templatefile)
  std::vector<std::pair<std::string, Value>> names;
  const Value* splat_item = nullptr;
  bool error = false;  // set by failing operations (out-of-range index, bad argument): try()/can() read it
  const Value* lookup(std::string_view name) const {
    for (auto it = names.rbegin(); it != names.rend(); ++it)
      if (it->first == name) return &it->second;
    return nullptr;
  }
};

struct ModuleInstance {
  const ModuleDecl* decl = nullptr;
  std::string prefix;    // "" or "module.a." / "module.a[0]."
  std::string root_dir;  // the root module's directory (Terraform's working directory)
  int depth = 0;
  std::vector<std::string> chain;  // module directories from the root to here (cycle check)
  std::map<std::string, Value, std::less<>> inputs;  // variables given by the caller / tfvars
  enum class State { None, Busy, Done };
  std::map<std::string, std::pair<State, Value>, std::less<>> locals, vars, outputs;
  std::map<std::string, std::pair<State, Instances>, std::less<>> instances;  // resources, data, module calls
  std::map<std::string, std::vector<std::unique_ptr<ModuleInstance>>, std::less<>> children;
  std::map<std::string, State, std::less<>> child_state;
  std::map<std::string, bool, std::less<>> child_unknown;  // module call whose outputs are Unknown
  std::map<std::string, std::pair<State, Value>, std::less<>> data_docs;  // evaluated policy documents
};

// Project-wide evaluation state: the parsed files, the step budget, the
// placeholders of interpolated unknowns, and diagnostics.
class Engine {
 public:
  Engine(Project& project, const LoadOptions& options);

  Project& project() { return project_; }
  const LoadOptions& options() const { return options_; }

  // Expressions.
  Value eval(const hcl::Expr& e, Ctx& ctx, int depth = 0);
  // Attributes and nested blocks (dynamic blocks expanded) of a body into a Map.
  Value eval_body(const hcl::Body& body, Ctx& ctx, int depth = 0);
  std::string source_text(const Span& s, const hcl::ByteRange& r) const;
  std::string source_text(const hcl::Expr& e) const { return source_text(e.span, e.range); }

  // Resolves string placeholders left by templates that interpolated an
  // Unknown or a Reference: a string that is one placeholder becomes that value,
  // a string that mixes placeholders with text becomes Unknown with the text.
  Value sanitize(const Value& v) const;
  bool has_placeholder(std::string_view s) const;
  // The values interpolated into a template result, in order.
  std::vector<Value> placeholder_values(std::string_view s) const;

  // Module-level lookups.
  Value variable(ModuleInstance& m, std::string_view name, const Span& use, const hcl::ByteRange& range);
  // `v` with the optional(type, default) attribute defaults of the type
  // constraint `type` filled in (analyzer/lower/terraform/types.cpp).
  Value with_type_defaults(const hcl::Expr& type, const Value& v, int depth = 0);
  Value local(ModuleInstance& m, std::string_view name, const Span& use);
  Value module_value(ModuleInstance& m, std::string_view name, const Span& use);
  Value resource_value(ModuleInstance& m, std::string_view type, std::string_view name, const Span& use);
  Value data_value(ModuleInstance& m, std::string_view type, std::string_view name, const Span& use);
  const Instances& instances(ModuleInstance& m, const std::string& key, const hcl::Block& block);
  std::vector<ModuleInstance*> module_children(ModuleInstance& m, std::string_view name);
  Value output(ModuleInstance& m, std::string_view name, const Span& use);
  // The evaluated data.aws_iam_policy_document (IAM JSON shape, spans kept).
  Value policy_document(ModuleInstance& m, const hcl::Block& block, Ctx& ctx);

  const ModuleDecl* module_at(std::string_view dir) const;
  std::map<std::string, ModuleDecl, std::less<>>& modules() { return modules_; }

  // Files (reads for file()/templatefile(): inside the project root only, at
  // most kMaxReadBytes; a larger file is reported at `use`).
  std::optional<std::string> read_project_file(const std::string& rel_path, const Span& use = {});
  static constexpr std::uintmax_t kMaxReadBytes = 4u << 20;
  std::optional<std::string> resolve_path(ModuleInstance* m, std::string_view path) const;

  void diagnose(const Span& s, std::string message);
  bool over_budget() { return ++steps_ > kStepBudget; }
  bool budget_exhausted() const { return steps_ > kStepBudget; }
  // Spends `n` steps of work (an instance made); false once the budget is
  // exhausted, which is reported at `at` the first time.
  bool spend(const Span& at, std::uint64_t n);
  // Spends steps in proportion to the size of `v`, a copy of a value already
  // made (a local, a variable, an iteration name): memoized values would
  // otherwise let a few lines of locals double a list into billions of values.
  bool afford(const Value& v, const Span& at);

  static constexpr std::uint64_t kStepBudget = 1'000'000;
  static constexpr int kMaxDepth = 200;  // nested evaluation (locals through locals, calls)
  static constexpr int kMaxModuleDepth = 16;
  // What making one module instance, or one more instance of a resource, costs.
  static constexpr std::uint64_t kModuleInstanceSteps = 64;
  static constexpr std::uint64_t kResourceInstanceSteps = 16;

  Value call(const hcl::Expr& e, const hcl::Call& c, Ctx& ctx, int depth);
  std::string placeholder(const Value& v);
  std::string render_json(const Value& v);

 private:
  void report_budget(const Span& at);
  Value traversal(const hcl::Expr& e, const hcl::ScopeTraversal& t, Ctx& ctx, int depth);
  Value root_value(const hcl::Expr& e, const hcl::ScopeTraversal& t, std::size_t& used, Ctx& ctx, int depth);
  Value get_attr(const Value& v, std::string_view name, const Span& s, Ctx& ctx);
  Value index(const Value& v, const Value& key, const Span& s, Ctx& ctx);
  Value template_value(const hcl::Expr& e, const hcl::Template& t, Ctx& ctx, int depth);
  void template_append(const hcl::Expr& part, Ctx& ctx, int depth, std::string& out, bool& unknown);
  Value for_expr(const hcl::Expr& e, const hcl::For& f, Ctx& ctx, int depth);
  Value binary(const hcl::Expr& e, const hcl::Binary& b, Ctx& ctx, int depth);
  void add_block(Value& out, std::string_view type, Value block);
  void dynamic_block(Value& out, const hcl::Block& b, Ctx& ctx, int depth);
  Value templatefile(const hcl::Expr& e, const std::string& text, const Value& vars, Ctx& ctx, int depth);

  Project& project_;
  const LoadOptions& options_;
  std::map<std::string, ModuleDecl, std::less<>> modules_;
  std::vector<const hcl::File*> by_file_;  // FileId → parsed file (null for other formats)
  std::vector<std::unique_ptr<hcl::File>> synthetic_;  // templatefile() sources
  std::vector<Value> placeholders_;
  std::uint64_t steps_ = 0;
  int nesting_ = 0;  // evaluations of locals / variables / outputs / module inputs in progress
  friend struct Nest;
  bool budget_reported_ = false;
  friend class ModuleLoader;
};

// The evaluation context of one count/for_each instance (count.index, each.key, each.value).
Ctx make_instance_ctx(ModuleInstance& m, const Instances& inst, const Instances::Key& k);

// Helpers shared by the evaluator files.
bool values_equal(const Value& a, const Value& b);
std::string number_text(double d);
std::string quote_key(std::string_view key);  // ["key"]
// Sets the span of `v` and everything inside it.
void respan(Value& v, const Span& s);
// A map's members sorted by key (Terraform iterates maps in key order).
std::vector<const Value::Member*> sorted_members(const Value& map);

}  // namespace kclint::tf
