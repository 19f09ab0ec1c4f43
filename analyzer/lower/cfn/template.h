// A loaded CloudFormation template and its sections, parameter files, and the
// helpers the evaluator and the driver share (source text of a span).
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "analyzer/ir/project.h"
#include "parsers/common/limits.h"

namespace kclint::cfn {

// Loads template or parameter-file text: JSON when the first non-space byte
// (after a BOM) is '{' or '[', else YAML with CloudFormation short-form tags
// read as their long form. Loader diagnostics are returned as they are.
LoadResult load_document(FileId file, std::string_view text);

// Structural problems a loaded template has that lose information silently:
// a top-level section or a Parameters/Mappings/Conditions/Resources logical id
// written twice (the later one wins). Other duplicate keys (inside
// properties, Outputs) stay loader warnings: real, deployed templates have them.
Diagnostics structural_duplicates(const Value& root, const Diagnostics& warnings);

// The sections of a template as written; pointers into the file's syntax tree.
struct Template {
  const SourceFile* file = nullptr;
  const Value* root = nullptr;
  const Value* parameters = nullptr;
  const Value* mappings = nullptr;
  const Value* conditions = nullptr;
  const Value* resources = nullptr;
  const Value* outputs = nullptr;

  // The template a file's per-file phase stored, when it is a template (a Map).
  static std::optional<Template> of(const SourceFile& file);
  // Entries of the sections by name, through an index: a template may have
  // tens of thousands of resources, each looked up again and again.
  const Value* resource(std::string_view logical_id) const { return find(0, logical_id); }
  const Value* parameter(std::string_view name) const { return find(1, name); }
  const Value* mapping(std::string_view name) const { return find(2, name); }
  const Value* condition(std::string_view name) const { return find(3, name); }
  // The Type of a resource, empty when absent or not a string.
  std::string_view resource_type(std::string_view logical_id) const;

 private:
  using Index = std::unordered_map<std::string_view, const Value*>;
  // Resources, Parameters, Mappings, Conditions; shared by copies.
  std::shared_ptr<const std::array<Index, 4>> index_;
  const Value* find(std::size_t section, std::string_view name) const;
};

// Parameter values of a parameter file in any of the shapes CloudFormation
// tools write: {"Key": "Value"} (as `aws cloudformation deploy
// --parameter-overrides file://…` reads it), [{"ParameterKey": K,
// "ParameterValue": V}] (`create-stack --parameters file://…`), or
// {"Parameters": {…}} (CodePipeline template configuration). nullopt when the
// document has none of these shapes.
std::optional<std::map<std::string, Value>> parameter_values(const Value& document);

// The text a span covers in `file`, whitespace runs collapsed to one space and
// cut at `max` bytes (with "…"): the source of an Unknown value.
std::string source_text(const SourceFile& file, const Span& span, std::size_t max = 160);

}  // namespace kclint::cfn
