// CloudFormation expression evaluation: parameters (Default, parameter files,
// values a parent stack passes), pseudo parameters, Mappings, Conditions and
// the intrinsic functions. What cannot be known statically is Unknown with its
// source text; Ref/GetAtt between resources become IR References.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/lower/cfn/template.h"

namespace kclint::cfn {

enum class Truth : std::uint8_t { False, True, Unknown };

// Parameter name → value, for the parameters that have one.
using Bindings = std::map<std::string, Value, std::less<>>;

// The value of every declared parameter from `given` (a parameter file, or
// what a parent stack passes) or its Default, converted by its Type: a list
// type (CommaDelimitedList, List<…>) splits a string at commas, Number reads
// a numeric string, an AWS::SSM::Parameter::Value<…> parameter is Unknown (it
// is read from SSM at deploy time). Names `given` has but the template does
// not declare are ignored; a parameter with neither value is left out.
Bindings bind_parameters(const Template& t, const std::map<std::string, Value>& given);

// The evaluation work of one project, shared by its evaluators. Each
// expression evaluated costs a step, each value copied from a parameter, a
// mapping or a stack output costs steps by its size, and so does each nested
// stack loaded: a long list parameter referenced thousands of times, or stacks
// that each load many more, stop here instead of exhausting memory. Once it
// is spent, every expression evaluates to Unknown.
struct Budget {
  static constexpr std::uint64_t kSteps = 4'000'000;
  static constexpr std::uint64_t kStackSteps = 10'000;  // loading one nested stack: at most 400
  std::uint64_t steps = 0;
  Span exhausted_at;  // where it ran out; invalid until then

  // Spends `n` steps; false once the budget is exhausted.
  bool spend(std::uint64_t n, const Span& at);
  // Spends four steps per value in `v` and one per 16 bytes of its text.
  bool afford(const Value& v, const Span& at);
  bool exhausted() const { return steps > kSteps; }
};

// A Ref/GetAtt that became a Reference, and where it is written.
struct RefUse {
  std::string target;  // resource address
  Span span;
};

// How an evaluator reaches its template's nested stacks.
class NestedStacks {
 public:
  virtual ~NestedStacks() = default;
  // Output `output` of nested stack `logical_id` (an AWS::CloudFormation::Stack
  // of this template), evaluated in the child; nullopt when it cannot be known.
  virtual std::optional<Value> stack_output(std::string_view logical_id, std::string_view output) = 0;
};

// Evaluates expressions of one template instance: one template with one set of
// parameter values. Resource addresses are `<rel_path>#<LogicalId><suffix>`.
class Evaluator {
 public:
  // Nested intrinsic functions deeper than this evaluate to Unknown.
  static constexpr int kMaxDepth = 512;

  // Without a `budget`, the evaluator has one of its own.
  Evaluator(const Template& t, Bindings parameters, std::string address_suffix, NestedStacks* stacks = nullptr,
            Budget* budget = nullptr);
  Evaluator(const Evaluator&) = delete;  // it may point at its own budget
  Evaluator& operator=(const Evaluator&) = delete;

  // The value of `node` with intrinsic functions applied. nullopt means
  // AWS::NoValue: the property is absent (list elements and map members that
  // evaluate to it are dropped). A value resolved through a parameter, a
  // mapping or a nested stack's output takes the span of the expression that
  // uses it; everything else keeps the span where it is written.
  std::optional<Value> eval(const Value& node);
  // A condition of the Conditions section: False/True when its inputs are
  // concrete, Unknown otherwise (and for a missing or cyclic condition).
  Truth condition(std::string_view name);
  // A resource of the template that exists in this instance (its Condition is not false).
  bool resource_exists(std::string_view logical_id);
  std::string address(std::string_view logical_id) const;
  const Template& tmpl() const { return t_; }
  const Bindings& parameters() const { return parameters_; }
  // The References made since the last call, in the order they were made.
  std::vector<RefUse> take_references();
  // Puts back references taken before a nested piece of work (a nested stack
  // loaded in the middle of a resource), ahead of any made since.
  void restore_references(std::vector<RefUse> earlier);

 private:
  std::optional<Value> eval_at(const Value& node, int depth);
  std::optional<Value> call(std::string_view fn, const Value& arg, const Value& node, int depth);
  std::optional<Value> ref(const Value& arg, const Value& node, int depth);
  std::optional<Value> ref_name(std::string_view name, const Span& use);
  std::optional<Value> get_att(const Value& arg, const Value& node, int depth);
  std::optional<Value> get_att_of(std::string_view logical_id, std::string_view attribute, const Span& use);
  std::optional<Value> sub(const Value& arg, const Value& node, int depth);
  std::optional<Value> find_in_map(const Value& arg, const Value& node, int depth);
  std::optional<Value> join(const Value& arg, const Value& node, int depth);
  std::optional<Value> select(const Value& arg, const Value& node, int depth);
  std::optional<Value> split(const Value& arg, const Value& node, int depth);
  std::optional<Value> if_(const Value& arg, const Value& node, int depth);
  std::optional<Value> cidr(const Value& arg, const Value& node, int depth);
  Truth truth(const Value& node, int depth);
  Truth condition_at(std::string_view name, int depth);
  Value unknown(const Value& node) const;
  // A value from elsewhere (parameter, mapping, child output) placed at its use.
  Value used_at(const Value& v, const Span& use);

  const Template& t_;
  Bindings parameters_;
  std::string suffix_;
  NestedStacks* stacks_;
  Budget own_budget_;
  Budget* budget_;
  enum class State : std::uint8_t { Evaluating, Done };
  std::map<std::string, std::pair<State, Truth>, std::less<>> conditions_;
  std::vector<RefUse> references_;
};

}  // namespace kclint::cfn
