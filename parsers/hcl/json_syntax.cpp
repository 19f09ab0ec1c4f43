// Terraform JSON syntax → HCL syntax tree. The JSON loader (parsers/json)
// checks the document and words its errors; a small reader then walks the
// checked text again keeping byte offsets, duplicate keys and escaped
// strings, and the converter maps objects to blocks and attributes as
// Terraform's JSON mapping does, parsing string values with the HCL parser.
#include "parsers/hcl/json_syntax.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <climits>
#include <cmath>
#include <exception>
#include <iterator>
#include <string>
#include <vector>

#include "analyzer/ir/source.h"
#include "parsers/json/json.h"

namespace kclint::hcl {
namespace {

// ---------------------------------------------------------------------------
// Reader: a JSON document that the loader accepted, as a flat tree.

struct JValue {
  enum class Type : std::uint8_t { Null, Bool, Number, String, Array, Object };
  Type type = Type::Null;
  bool boolean = false;
  double number = 0;
  std::uint32_t begin = 0, end = 0;    // the token (a string with its quotes), or bracket to bracket
  ByteRange content;                   // String: its decoded value in the final text
  std::uint32_t first = 0, count = 0;  // Array: indexes in elements; Object: in members
};

struct JMember {
  std::uint32_t key = 0;  // a String value
  std::uint32_t value = 0;
};

struct JDocument {
  std::vector<JValue> values;
  std::vector<std::uint32_t> elements;
  std::vector<JMember> members;
  std::string copies_text;       // decoded copies of escaped strings, appended to the text
  std::vector<TextCopy> copies;  // where each copy's bytes were written
  std::uint32_t root = 0;
};

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class Reader {
 public:
  Reader(std::string_view text, JDocument& doc) : t_(text), doc_(doc) {}

  // False when the text is not JSON after all (the loader accepted it, so
  // this is a safety net, not an error path users meet).
  bool read() {
    skip_space();
    if (!value(0, doc_.root)) return false;
    skip_space();
    return pos_ == t_.size();
  }

 private:
  static constexpr int kMaxDepth = 512;

  void skip_space() {
    while (pos_ < t_.size() && (t_[pos_] == ' ' || t_[pos_] == '\t' || t_[pos_] == '\n' || t_[pos_] == '\r')) ++pos_;
  }

  bool literal(std::string_view word) {
    if (t_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  bool value(int depth, std::uint32_t& out) {
    if (depth > kMaxDepth || pos_ >= t_.size()) return false;
    JValue v;
    v.begin = static_cast<std::uint32_t>(pos_);
    char c = t_[pos_];
    if (c == '{' || c == '[') return container(c == '{', depth, out);
    if (c == '"') {
      if (!string(v)) return false;
    } else if (literal("true") || literal("false")) {
      v.type = JValue::Type::Bool;
      v.boolean = c == 't';
    } else if (literal("null")) {
      v.type = JValue::Type::Null;
    } else {
      std::size_t e = pos_;
      while (e < t_.size() && (std::isdigit(static_cast<unsigned char>(t_[e])) || t_[e] == '-' || t_[e] == '+' ||
                               t_[e] == '.' || t_[e] == 'e' || t_[e] == 'E'))
        ++e;
      if (e == pos_) return false;
      v.type = JValue::Type::Number;
      auto [ptr, ec] = std::from_chars(t_.data() + pos_, t_.data() + e, v.number);
      if (ec == std::errc::result_out_of_range)
        v.number = t_[pos_] == '-' ? -HUGE_VAL : HUGE_VAL;
      else if (ec != std::errc())
        return false;
      (void)ptr;
      pos_ = e;
    }
    v.end = static_cast<std::uint32_t>(pos_);
    out = static_cast<std::uint32_t>(doc_.values.size());
    doc_.values.push_back(v);
    return true;
  }

  bool container(bool object, int depth, std::uint32_t& out) {
    std::uint32_t begin = static_cast<std::uint32_t>(pos_);
    ++pos_;
    std::vector<std::uint32_t> elements;
    std::vector<JMember> members;
    char close = object ? '}' : ']';
    skip_space();
    if (pos_ < t_.size() && t_[pos_] == close) {
      ++pos_;
    } else {
      for (;;) {
        skip_space();
        if (object) {
          JMember m;
          if (!value(depth + 1, m.key) || doc_.values[m.key].type != JValue::Type::String) return false;
          skip_space();
          if (pos_ >= t_.size() || t_[pos_] != ':') return false;
          ++pos_;
          skip_space();
          if (!value(depth + 1, m.value)) return false;
          members.push_back(m);
        } else {
          std::uint32_t e = 0;
          if (!value(depth + 1, e)) return false;
          elements.push_back(e);
        }
        skip_space();
        if (pos_ >= t_.size()) return false;
        if (t_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (t_[pos_] != close) return false;
        ++pos_;
        break;
      }
    }
    JValue v;
    v.type = object ? JValue::Type::Object : JValue::Type::Array;
    v.begin = begin;
    v.end = static_cast<std::uint32_t>(pos_);
    if (object) {
      v.first = static_cast<std::uint32_t>(doc_.members.size());
      v.count = static_cast<std::uint32_t>(members.size());
      doc_.members.insert(doc_.members.end(), members.begin(), members.end());
    } else {
      v.first = static_cast<std::uint32_t>(doc_.elements.size());
      v.count = static_cast<std::uint32_t>(elements.size());
      doc_.elements.insert(doc_.elements.end(), elements.begin(), elements.end());
    }
    out = static_cast<std::uint32_t>(doc_.values.size());
    doc_.values.push_back(v);
    return true;
  }

  // A string token. Without escapes its value is the text between the
  // quotes; otherwise the decoded value is appended to the copies, with the
  // offset each byte was written at.
  bool string(JValue& v) {
    v.type = JValue::Type::String;
    std::size_t i = pos_ + 1;
    bool escaped = false;
    while (i < t_.size() && t_[i] != '"') {
      if (t_[i] == '\\') {
        escaped = true;
        ++i;
      }
      ++i;
    }
    if (i >= t_.size()) return false;
    std::uint32_t content_begin = static_cast<std::uint32_t>(pos_ + 1);
    std::uint32_t content_end = static_cast<std::uint32_t>(i);
    pos_ = i + 1;
    if (!escaped) {
      v.content = ByteRange{content_begin, content_end};
      return true;
    }
    TextCopy copy;
    copy.begin = static_cast<std::uint32_t>(t_.size() + doc_.copies_text.size());  // in the final text
    std::string& out = doc_.copies_text;
    std::size_t start = out.size();
    auto emit = [&](std::string_view bytes, std::size_t at) {
      out += bytes;
      copy.original.insert(copy.original.end(), bytes.size(), static_cast<std::uint32_t>(at));
    };
    for (std::size_t k = content_begin; k < content_end;) {
      if (t_[k] != '\\') {
        emit(t_.substr(k, 1), k);
        ++k;
        continue;
      }
      char e = k + 1 < content_end ? t_[k + 1] : '\0';
      std::size_t at = k;
      switch (e) {
        case 'n':
          emit("\n", at);
          k += 2;
          continue;
        case 't':
          emit("\t", at);
          k += 2;
          continue;
        case 'r':
          emit("\r", at);
          k += 2;
          continue;
        case 'b':
          emit("\b", at);
          k += 2;
          continue;
        case 'f':
          emit("\f", at);
          k += 2;
          continue;
        case 'u': {
          char32_t cp = unicode_escape(k + 2);
          k += 6;
          if (cp >= 0xD800 && cp <= 0xDBFF && k + 6 <= content_end && t_[k] == '\\' && t_[k + 1] == 'u') {
            char32_t low = unicode_escape(k + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
              k += 6;
            }
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
          std::string bytes;
          append_utf8(bytes, cp);
          emit(bytes, at);
          continue;
        }
        default:  // \" \\ \/
          emit(t_.substr(k + 1, 1), at);
          k += 2;
      }
    }
    copy.original.push_back(content_end);
    v.content = ByteRange{copy.begin, copy.begin + static_cast<std::uint32_t>(out.size() - start)};
    doc_.copies.push_back(std::move(copy));
    return true;
  }

  char32_t unicode_escape(std::size_t at) const {
    char32_t cp = 0;
    for (std::size_t k = at; k < at + 4; ++k) {
      int h = k < t_.size() ? hex_digit(t_[k]) : -1;
      if (h < 0) return 0xFFFD;
      cp = cp * 16 + static_cast<char32_t>(h);
    }
    return cp;
  }

  std::string_view t_;
  JDocument& doc_;
  std::size_t pos_ = 0;
};

// ---------------------------------------------------------------------------
// Converter: JSON values → blocks, attributes and expressions.

// How a string is read.
enum class Strings : std::uint8_t {
  Template,    // "${var.x}-a": a template (the default)
  Literal,     // taken as written (variable defaults, descriptions, module sources)
  Expression,  // "aws_sg.a": an expression (depends_on, provider, type)
};

// Which arguments of a body are blocks, and how its strings are read.
enum class Schema : std::uint8_t {
  Resource,   // resource, data: meta-arguments, lifecycle, provisioner, dynamic, nested blocks
  Nested,     // a nested block of a resource or provider
  Dynamic,    // dynamic "name": for_each, iterator, labels, content
  Lifecycle,  // ignore_changes and replace_triggered_by are references
  Variable,
  Output,
  Module,
  Provider,
  Terraform,  // settings: literal values; backend "name", required_providers, cloud
  Literal,    // every argument a literal attribute (inside terraform settings)
  Locals,     // every property an attribute
};

// Nested block types of the AWS provider (and Terraform) that the lowering
// and the rules read. Without the provider's schema, a JSON object could be
// a map argument (tags) or one nested block; these names are blocks. A
// non-empty array of objects is read as blocks under any name.
bool known_block(std::string_view name) {
  // clang-format off
  static constexpr std::string_view kNames[] = {
      "access_logs", "action", "apply_server_side_encryption_by_default", "assume_role",
      "assume_role_with_web_identity", "authenticate_cognito", "authenticate_oidc", "capacity_provider_strategy",
      "condition", "configuration", "connection", "cors_rule", "credit_specification", "dead_letter_config",
      "default_action", "default_capacity_provider_strategy", "default_tags", "deployment_circuit_breaker",
      "deployment_controller", "ebs_block_device", "egress", "encryption_configuration", "endpoints", "environment",
      "ephemeral_block_device", "ephemeral_storage", "execute_command_configuration", "expiration", "filter",
      "fixed_response", "forward", "health_check", "ignore_tags", "image_config", "image_scanning_configuration",
      "ingress", "inline_policy", "launch_template", "lifecycle_rule", "load_balancer", "log_configuration",
      "log_delivery_configuration", "logging", "logging_config", "metadata_options", "network_configuration",
      "network_interface", "noncurrent_version_expiration", "noncurrent_version_transition", "not_principals",
      "ordered_placement_strategy", "placement_constraints", "postcondition", "precondition", "principals",
      "redirect", "restore_to_point_in_time", "root_block_device", "route", "rule", "runtime_platform",
      "scaling_configuration", "server_side_encryption_configuration", "serverlessv2_scaling_configuration",
      "service_connect_configuration", "service_registries", "setting", "statement", "stickiness", "subnet_mapping",
      "target_group", "tracing_config", "transition", "versioning", "versioning_configuration", "vpc_config"};
  // clang-format on
  static_assert(std::is_sorted(std::begin(kNames), std::end(kNames)));
  return std::binary_search(std::begin(kNames), std::end(kNames), name);
}

class Converter {
 public:
  Converter(File& file, const JDocument& doc, FragmentParser& fragments, Diagnostics& diagnostics)
      : file_(file), doc_(doc), frag_(fragments), diags_(diagnostics) {}

  Body file_body(ParseMode mode, std::uint32_t text_size) {
    const JValue& root = doc_.values[doc_.root];
    Body body;
    if (root.type != JValue::Type::Object) {
      error(root, mode == ParseMode::Tfvars ? "a variable definitions file in JSON must hold one JSON object"
                                            : "a Terraform JSON configuration must hold one JSON object");
      return body;
    }
    std::vector<Attribute> attrs;
    std::vector<Block> blocks;
    for (const JMember& m : members(root)) {
      std::string_view key = text(m.key);
      if (mode == ParseMode::Tfvars) {
        attrs.push_back(attribute(m, Strings::Template));
        continue;
      }
      if (key == "//") continue;
      if (key == "resource" || key == "data")
        add_blocks(m, 2, Schema::Resource, blocks);
      else if (key == "variable")
        add_blocks(m, 1, Schema::Variable, blocks);
      else if (key == "output")
        add_blocks(m, 1, Schema::Output, blocks);
      else if (key == "module")
        add_blocks(m, 1, Schema::Module, blocks);
      else if (key == "provider")
        add_blocks(m, 1, Schema::Provider, blocks);
      else if (key == "locals")
        add_blocks(m, 0, Schema::Locals, blocks);
      else if (key == "terraform")
        add_blocks(m, 0, Schema::Terraform, blocks);
      // moved, import, removed, check and unknown types play no part in evaluation.
    }
    check_duplicates(attrs);
    body.attributes = file_.arena.copy(std::span<const Attribute>(attrs));
    body.blocks = file_.arena.copy(std::span<const Block>(blocks));
    body.range = ByteRange{0, text_size};
    body.span = frag_.span(0, text_size);
    return body;
  }

 private:
  std::span<const JMember> members(const JValue& v) const { return {doc_.members.data() + v.first, v.count}; }
  std::span<const std::uint32_t> elements(const JValue& v) const { return {doc_.elements.data() + v.first, v.count}; }
  std::string_view text(std::uint32_t string_value) const {
    const ByteRange& c = doc_.values[string_value].content;
    return file_.text.substr(c.begin, c.size());
  }
  Span span(const JValue& v) const { return frag_.span(v.begin, v.end); }

  void error(const JValue& at, std::string message) { diags_.push_back(Diagnostic{span(at), std::move(message)}); }

  // --- Expressions ---------------------------------------------------------

  template <class T>
  const Expr* make(T payload, std::uint32_t begin, std::uint32_t end) {
    Expr* n = file_.arena.make<Expr>(Expr{ExprNode(std::move(payload)), frag_.span(begin, end), ByteRange{begin, end}});
    for_each_child(*n, [n](const Expr& c) { n->height = std::max(n->height, c.height + 1); });
    return n;
  }

  const Expr* null_literal(const JValue& v) { return make(Literal{}, v.begin, v.end); }

  const Expr* literal_string(const JValue& v) {
    Template tpl;
    if (v.content.size() > 0) {
      Literal lit{LiteralKind::String, file_.text.substr(v.content.begin, v.content.size())};
      const Expr* part = make(lit, v.content.begin, v.content.end);
      tpl.parts = file_.arena.copy(std::span<const Expr* const>(&part, 1));
    }
    return make(tpl, v.begin, v.end);
  }

  const Expr* string(const JValue& v, Strings mode) {
    std::string_view s = file_.text.substr(v.content.begin, v.content.size());
    if (mode == Strings::Literal ||
        (mode == Strings::Template && s.find("${") == std::string_view::npos && s.find("%{") == std::string_view::npos))
      return literal_string(v);
    if (mode == Strings::Expression) {
      // "${aws_vpc.a}" for "aws_vpc.a": Terraform 0.11 wrote references so,
      // and converters (hcl2json) still do. The interpolated expression is meant.
      if (s.starts_with("${") && s.ends_with("}")) {
        const Expr* t = frag_.template_at(v.content, ByteRange{v.begin, v.end}, diags_);
        if (!t) return nullptr;
        if (const Template* tpl = t->as<Template>(); tpl->passthrough && tpl->parts.size() == 1) return tpl->parts[0];
      }
      return frag_.expression_at(v.content, diags_);
    }
    return frag_.template_at(v.content, ByteRange{v.begin, v.end}, diags_);
  }

  // A JSON value as an expression: strings per `mode`, arrays as tuples,
  // objects as object constructors whose keys are read like the strings.
  const Expr* expr(std::uint32_t index, Strings mode) {
    const JValue& v = doc_.values[index];
    switch (v.type) {
      case JValue::Type::Null:
        return null_literal(v);
      case JValue::Type::Bool: {
        Literal lit;
        lit.kind = LiteralKind::Bool;
        lit.boolean = v.boolean;
        lit.text = file_.text.substr(v.begin, v.end - v.begin);
        return make(lit, v.begin, v.end);
      }
      case JValue::Type::Number: {
        Literal lit{LiteralKind::Number, file_.text.substr(v.begin, v.end - v.begin), v.number};
        return make(lit, v.begin, v.end);
      }
      case JValue::Type::String:
        return string(v, mode);
      case JValue::Type::Array: {
        std::vector<const Expr*> out;
        for (std::uint32_t e : elements(v)) {
          const Expr* x = expr(e, mode);
          if (!x) return nullptr;
          out.push_back(x);
        }
        return checked(make(Tuple{file_.arena.copy(std::span<const Expr* const>(out))}, v.begin, v.end));
      }
      case JValue::Type::Object: {
        std::vector<ObjectItem> items;
        for (const JMember& m : members(v)) {
          ObjectItem item;
          item.key = string(doc_.values[m.key], mode);
          item.value = expr(m.value, mode);
          if (!item.key || !item.value) return nullptr;
          item.colon = true;
          items.push_back(item);
        }
        return checked(make(Object{file_.arena.copy(std::span<const ObjectItem>(items))}, v.begin, v.end));
      }
    }
    return nullptr;
  }

  const Expr* checked(const Expr* e) {
    if (e->height <= kMaxExprHeight) return e;
    diags_.push_back(
        Diagnostic{e->span, fmt::format("expression nested too deep: more than {} levels", kMaxExprHeight)});
    return nullptr;
  }

  // --- Structure -------------------------------------------------------------

  Attribute attribute(const JMember& m, Strings mode) {
    const JValue& key = doc_.values[m.key];
    const JValue& value = doc_.values[m.value];
    Attribute a;
    a.name = text(m.key);
    a.name_span = span(key);
    a.expr = expr(m.value, mode);
    if (!a.expr) a.expr = null_literal(value);  // after a diagnostic
    a.range = ByteRange{key.begin, value.end};
    a.span = frag_.span(key.begin, value.end);
    return a;
  }

  // How a property of a body is read: an attribute with strings read per the
  // result, or (nullopt) one or more nested blocks.
  struct Property {
    bool block = false;
    int labels = 0;
    Schema schema = Schema::Nested;
    Strings strings = Strings::Template;
  };

  static bool objects_only(const JValue& v, const JDocument& doc) {
    if (v.type == JValue::Type::Object) return true;
    if (v.type != JValue::Type::Array || v.count == 0) return false;
    for (std::uint32_t i = 0; i < v.count; ++i)
      if (doc.values[doc.elements[v.first + i]].type != JValue::Type::Object) return false;
    return true;
  }

  Property classify(Schema schema, std::string_view name, const JValue& v) const {
    auto block = [](Schema s, int labels = 0) { return Property{true, labels, s, Strings::Template}; };
    auto attr = [](Strings s) { return Property{false, 0, Schema::Nested, s}; };
    const bool objects = objects_only(v, doc_);
    const bool object_list = objects && v.type == JValue::Type::Array;
    switch (schema) {
      case Schema::Resource:
        if (name == "count" || name == "for_each") return attr(Strings::Template);
        if (name == "provider" || name == "depends_on") return attr(Strings::Expression);
        if (name == "lifecycle") return block(Schema::Lifecycle);
        if (name == "provisioner") return block(Schema::Nested, 1);
        [[fallthrough]];
      case Schema::Nested:
      case Schema::Provider:
        if (schema == Schema::Provider && (name == "alias" || name == "version")) return attr(Strings::Literal);
        if (name == "dynamic" && objects) return block(Schema::Dynamic, 1);
        if (objects && (object_list || known_block(name))) return block(Schema::Nested);
        return attr(Strings::Template);
      case Schema::Dynamic:
        if (name == "iterator") return attr(Strings::Expression);
        if (name == "content" && objects) return block(Schema::Nested);
        return attr(Strings::Template);
      case Schema::Lifecycle:
        if (name == "ignore_changes" || name == "replace_triggered_by") return attr(Strings::Expression);
        if ((name == "precondition" || name == "postcondition") && objects) return block(Schema::Nested);
        return attr(Strings::Literal);
      case Schema::Variable:
        if (name == "type") return attr(Strings::Expression);
        if (name == "validation" && objects) return block(Schema::Nested);
        return attr(Strings::Literal);  // default, description, sensitive, nullable
      case Schema::Output:
        if (name == "depends_on") return attr(Strings::Expression);
        if ((name == "precondition" || name == "postcondition") && objects) return block(Schema::Nested);
        if (name == "description" || name == "sensitive" || name == "ephemeral") return attr(Strings::Literal);
        return attr(Strings::Template);
      case Schema::Module:
        if (name == "source" || name == "version") return attr(Strings::Literal);
        if (name == "depends_on" || name == "providers") return attr(Strings::Expression);
        return attr(Strings::Template);  // inputs: objects and arrays are values, never blocks
      case Schema::Terraform:
        if (name == "backend" || name == "provider_meta") return block(Schema::Literal, 1);
        if ((name == "required_providers" || name == "cloud") && objects) return block(Schema::Literal);
        return attr(Strings::Literal);
      case Schema::Literal:
        if (name == "workspaces" && objects) return block(Schema::Literal);
        return attr(Strings::Literal);
      case Schema::Locals:
        return attr(Strings::Template);
    }
    return attr(Strings::Template);
  }

  Body body(const JValue& obj, Schema schema) {
    std::vector<Attribute> attrs;
    std::vector<Block> blocks;
    for (const JMember& m : members(obj)) {
      std::string_view name = text(m.key);
      if (name == "//") continue;  // a comment property
      const JValue& v = doc_.values[m.value];
      Property p = classify(schema, name, v);
      if (p.block)
        add_blocks(m, p.labels, p.schema, blocks);
      else
        attrs.push_back(attribute(m, p.strings));
    }
    check_duplicates(attrs);
    Body b;
    b.attributes = file_.arena.copy(std::span<const Attribute>(attrs));
    b.blocks = file_.arena.copy(std::span<const Block>(blocks));
    b.range = ByteRange{obj.begin + 1, obj.end - 1};
    b.span = frag_.span(obj.begin + 1, obj.end - 1);
    return b;
  }

  // The blocks a property holds: `labels` levels of objects keyed by label,
  // then a body object, or an array of them at any level.
  void add_blocks(const JMember& m, int labels, Schema schema, std::vector<Block>& out) {
    std::vector<Label> stack;
    const JValue& key = doc_.values[m.key];
    blocks_at(text(m.key), span(key), m.value, key, labels, schema, stack, out);
  }

  void blocks_at(std::string_view type, const Span& type_span, std::uint32_t index, const JValue& start, int labels,
                 Schema schema, std::vector<Label>& stack, std::vector<Block>& out) {
    const JValue& v = doc_.values[index];
    if (v.type == JValue::Type::Array) {
      for (std::uint32_t e : elements(v)) blocks_at(type, type_span, e, doc_.values[e], labels, schema, stack, out);
      return;
    }
    if (v.type != JValue::Type::Object) {
      error(v, static_cast<int>(stack.size()) < labels
                   ? fmt::format("expected a JSON object whose keys are the labels of the \"{}\" block", type)
                   : fmt::format("expected a JSON object for the body of the \"{}\" block", type));
      return;
    }
    if (static_cast<int>(stack.size()) < labels) {
      for (const JMember& m : members(v)) {
        const JValue& key = doc_.values[m.key];
        stack.push_back(Label{text(m.key), span(key), ByteRange{key.begin, key.end}, true});
        blocks_at(type, type_span, m.value, key, labels, schema, stack, out);
        stack.pop_back();
      }
      return;
    }
    Block b;
    b.type = type;
    b.type_span = type_span;
    b.labels = file_.arena.copy(std::span<const Label>(stack));
    b.body = body(v, schema);
    // From the key that opens it (the last label, or the type) to the closing
    // brace; a block in an array starts at its own brace.
    std::uint32_t begin = start.type == JValue::Type::String ? start.begin : v.begin;
    b.range = ByteRange{begin, v.end};
    b.span = frag_.span(begin, v.end);
    b.open_brace = frag_.span(v.begin, v.begin + 1);
    b.close_brace = frag_.span(v.end - 1, v.end);
    out.push_back(b);
  }

  void check_duplicates(const std::vector<Attribute>& attrs) {
    if (attrs.size() < 2) return;
    std::vector<const Attribute*> sorted;
    for (const Attribute& a : attrs) sorted.push_back(&a);
    std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->name < b->name; });
    for (std::size_t i = 1; i < sorted.size(); ++i)
      if (sorted[i]->name == sorted[i - 1]->name)
        diags_.push_back(
            Diagnostic{sorted[i]->name_span,
                       fmt::format("attribute \"{}\" is defined twice; the first definition is at {}:{}",
                                   sorted[i]->name, sorted[i - 1]->name_span.line, sorted[i - 1]->name_span.column)});
  }

  File& file_;
  const JDocument& doc_;
  FragmentParser& frag_;
  Diagnostics& diags_;
};

}  // namespace

ParseResult parse_json(FileId id, std::string_view text, ParseMode mode) {
  ParseResult result;
  File& file = result.file;
  file.id = id;
  try {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    LoadResult checked = json::load(id, text);
    if (!checked.diagnostics.empty()) {
      result.diagnostics = std::move(checked.diagnostics);
      return result;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {  // empty: no declarations
      file.text = file.arena.copy(text);
      file.lines = LineIndex(file.text);
      return result;
    }
    JDocument doc;
    Reader reader(text, doc);
    if (!reader.read()) {
      result.diagnostics.push_back(Diagnostic{Span{id, 1, 1, 1, 1}, "invalid JSON"});
      return result;
    }
    if (text.size() + doc.copies_text.size() >= UINT32_MAX) {
      result.diagnostics.push_back(Diagnostic{Span{id, 1, 1, 1, 1}, "file too large to parse (4 GiB or more)"});
      return result;
    }
    std::string full(text);
    full += doc.copies_text;
    file.text = file.arena.copy(full);
    file.lines = LineIndex(file.text);
    FragmentParser fragments(file, std::move(doc.copies));
    Converter converter(file, doc, fragments, result.diagnostics);
    Body body = converter.file_body(mode, static_cast<std::uint32_t>(text.size()));
    if (result.diagnostics.empty()) file.body = body;
  } catch (const std::exception& e) {
    result.diagnostics.push_back(Diagnostic{Span{id, 1, 1, 1, 1}, fmt::format("internal parser error: {}", e.what())});
  }
  return result;
}

}  // namespace kclint::hcl
