// CloudFormation per-file phase: load templates and parameter files, keep the
// tree for the project-wide pass, report what cannot be read as KC000.
#include "analyzer/lower/cfn/template.h"

#include <algorithm>

#include <fmt/format.h>

#include "analyzer/lower/lower.h"
#include "parsers/json/json.h"
#include "parsers/yaml/yaml.h"

namespace kclint::cfn {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

LoadResult load_document(FileId file, std::string_view text) {
  std::string_view body = text;
  if (body.starts_with(kBom)) body.remove_prefix(kBom.size());
  std::size_t first = 0;
  while (first < body.size() && is_space(body[first])) ++first;
  if (first < body.size() && (body[first] == '{' || body[first] == '[')) return json::load(file, text);
  return yaml::load(file, text, yaml::Options{.cfn_tags = true});
}

Diagnostics structural_duplicates(const Value& root, const Diagnostics& warnings) {
  Diagnostics out;
  if (warnings.empty() || !root.is_map()) return out;
  auto key_in = [](const Value* map, const Span& span) {
    if (!map || !map->is_map()) return false;
    for (const Value::Member& m : *map->map_value())
      if (m.key_span == span) return true;
    return false;
  };
  for (const Diagnostic& w : warnings) {
    if (key_in(&root, w.span)) {
      out.push_back({w.span, fmt::format("{} at the top level of the template: the earlier section is lost", w.message)});
      continue;
    }
    for (std::string_view section : {"Parameters", "Mappings", "Conditions", "Resources"})
      if (key_in(root.get(section), w.span)) {
        out.push_back({w.span, fmt::format("{} in {}: the earlier definition is lost", w.message, section)});
        break;
      }
  }
  return out;
}

std::optional<Template> Template::of(const SourceFile& file) {
  const Value* root = std::any_cast<Value>(&file.syntax);
  if (!root || !root->is_map()) return std::nullopt;
  Template t;
  t.file = &file;
  t.root = root;
  auto section = [&](std::string_view name) -> const Value* {
    const Value* v = root->get(name);
    return v && v->is_map() ? v : nullptr;
  };
  t.parameters = section("Parameters");
  t.mappings = section("Mappings");
  t.conditions = section("Conditions");
  t.resources = section("Resources");
  t.outputs = section("Outputs");
  auto index = std::make_shared<std::array<Index, 4>>();
  const Value* sections[] = {t.resources, t.parameters, t.mappings, t.conditions};
  for (std::size_t i = 0; i < 4; ++i)
    if (sections[i])
      for (const Value::Member& m : *sections[i]->map_value()) (*index)[i].emplace(m.key, &m.value);
  t.index_ = std::move(index);
  return t;
}

const Value* Template::find(std::size_t section, std::string_view name) const {
  if (!index_) return nullptr;
  auto it = (*index_)[section].find(name);
  return it == (*index_)[section].end() ? nullptr : it->second;
}

std::string_view Template::resource_type(std::string_view logical_id) const {
  const Value* r = resource(logical_id);
  const Value* type = r ? r->get("Type") : nullptr;
  const std::string* s = type ? type->string_value() : nullptr;
  return s ? std::string_view(*s) : std::string_view();
}

std::optional<std::map<std::string, Value>> parameter_values(const Value& document) {
  std::map<std::string, Value> out;
  const Value* doc = &document;
  if (const Value* nested = document.get("Parameters"); nested && (nested->is_map() || nested->is_list()))
    doc = nested;
  if (const Value::Map* map = doc->map_value()) {
    for (const Value::Member& m : *map) out[m.key] = m.value;
    return out;
  }
  if (const Value::List* list = doc->list_value()) {
    for (const Value& e : *list) {
      const Value* key = e.get("ParameterKey");
      if (!key || !key->string_value()) return std::nullopt;
      if (const Value* value = e.get("ParameterValue")) out[*key->string_value()] = *value;
    }
    return out;
  }
  return std::nullopt;
}

std::string source_text(const SourceFile& file, const Span& span, std::size_t max) {
  if (!span.valid() || span.line > file.lines.line_count()) return {};
  // Byte offset of a 1-based (line, column); columns count UTF-8 code points.
  auto offset = [&](std::uint32_t line, std::uint32_t column) {
    std::size_t at = file.lines.line_start(std::min<std::uint32_t>(line, file.lines.line_count()));
    if (line == 1 && std::string_view(file.text).starts_with(kBom)) at += kBom.size();
    for (std::uint32_t c = 1; c < column && at < file.text.size() && file.text[at] != '\n'; ++c) {
      ++at;
      while (at < file.text.size() && (static_cast<unsigned char>(file.text[at]) & 0xC0) == 0x80) ++at;
    }
    return at;
  };
  std::size_t begin = offset(span.line, span.column);
  std::size_t end = std::max(begin, offset(span.end_line, span.end_column));
  std::string out;
  bool space = false;
  for (std::size_t i = begin; i < end && i < file.text.size(); ++i) {
    if (is_space(file.text[i])) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (out.size() >= max) {
      while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
      if (!out.empty()) out.pop_back();
      return out + "…";
    }
    out += file.text[i];
  }
  return out;
}

}  // namespace kclint::cfn

namespace kclint {

FileUnit lower_cloudformation_file(SourceFile& file) {
  LoadResult r = take_document(file);
  for (Diagnostic& d : r.diagnostics) file.diagnostics.push_back(std::move(d));
  for (Diagnostic& d : cfn::structural_duplicates(r.value, r.warnings)) file.diagnostics.push_back(std::move(d));
  if (!r.value.is_map() && r.diagnostics.empty()) {
    Span at = r.value.span().valid() ? r.value.span() : Span{file.id, 1, 1, 1, 1};
    file.diagnostics.push_back({at, "a CloudFormation template must be a mapping of sections"});
  }
  file.syntax = std::move(r.value);
  return {};  // resources come from the project-wide pass, which knows parameters and nested stacks
}

FileUnit lower_cfn_parameters_file(SourceFile& file) {
  LoadResult r = take_document(file);
  for (Diagnostic& d : r.diagnostics) file.diagnostics.push_back(std::move(d));
  file.syntax = std::move(r.value);
  return {};
}

}  // namespace kclint
