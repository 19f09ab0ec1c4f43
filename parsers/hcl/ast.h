// Syntax tree of an HCL2 native-syntax file (.tf, .tfvars), as built by
// parsers/hcl/parser.h and walked by the Terraform evaluator and hcl2json.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "analyzer/ir/source.h"
#include "analyzer/ir/span.h"
#include "parsers/hcl/arena.h"

namespace kclint::hcl {

// Half-open byte range [begin, end) in File::text (the source without its BOM).
struct ByteRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t size() const { return end - begin; }
};

struct Expr;
using ExprList = std::span<const Expr* const>;

// ---------------------------------------------------------------------------
// Expression payloads. Every pointer is non-null unless its comment says
// "may be null"; strings point into the File's arena.

enum class LiteralKind : std::uint8_t { Number, String, Bool, Null };

// Number: `text` is the source spelling ("1e3") and `number` its value.
// String: `text` is the decoded value (only template parts are Literal
// strings; a quoted string is a Template).
struct Literal {
  LiteralKind kind = LiteralKind::Null;
  std::string_view text;
  double number = 0;
  bool boolean = false;
};

// A quoted string or a heredoc. Parts are Literal strings (escapes decoded,
// strip markers and heredoc indentation already applied), interpolated
// expressions, TemplateIf and TemplateFor. `passthrough` is true for a
// template that is exactly one interpolation ("${x}"), whose value is the
// value of that expression, not a string.
struct Template {
  ExprList parts;
  bool passthrough = false;
  bool heredoc = false;
  bool flush = false;       // <<- heredoc: common indentation removed
  std::string_view marker;  // heredoc delimiter, e.g. "EOT"
};

// %{if cond}then%{else}else%{endif}; the branches are Template nodes.
struct TemplateIf {
  const Expr* condition = nullptr;
  const Expr* then_part = nullptr;
  const Expr* else_part = nullptr;  // may be null: no %{else}
};

// %{for key, value in collection}body%{endfor}; body is a Template node.
struct TemplateFor {
  std::string_view key_var;  // empty when only one name is declared
  std::string_view value_var;
  Span key_var_span, value_var_span;
  const Expr* collection = nullptr;
  const Expr* body = nullptr;
};

// One step of a traversal from a root variable.
enum class StepKind : std::uint8_t {
  Attr,         // .name
  Index,        // [key] with a literal key (number, string, bool, null)
  LegacyIndex,  // .0, inherited from Terraform 0.11
};
struct Step {
  StepKind kind = StepKind::Attr;
  std::string_view name;      // Attr
  const Expr* key = nullptr;  // Index, LegacyIndex: a Literal (or literal Template)
  Span span;
  ByteRange range;
};

// var.name.attr[0]: a root name followed by constant steps only. A dynamic
// index (x[var.i]) becomes an Index node over the traversal so far.
struct ScopeTraversal {
  std::string_view root;
  Span root_span;
  std::span<const Step> steps;
};

// expr.name on anything that is not a plain traversal (call, index, splat...).
struct GetAttr {
  const Expr* object = nullptr;
  std::string_view name;
  Span name_span;
};

// expr[key]; `legacy` marks expr.0.
struct Index {
  const Expr* collection = nullptr;
  const Expr* key = nullptr;
  Span bracket_span;
  bool legacy = false;
};

// The placeholder that stands for each element inside a splat's `each`.
struct SplatItem {};

// source[*].a.b (full) or source.*.a (attribute-only): `each` is evaluated
// once per element with `item` bound to that element. When no step follows
// the marker, each == item.
struct Splat {
  const Expr* source = nullptr;
  const Expr* each = nullptr;
  const Expr* item = nullptr;
  bool full = true;
  Span marker_span;
};

// name(args...); expand_final is set when the last argument ends with `...`.
// Provider functions keep their namespace in the name ("provider::aws::f").
struct Call {
  std::string_view name;
  Span name_span;
  ExprList args;
  bool expand_final = false;
  Span open_paren, close_paren;
};

struct Conditional {
  const Expr* condition = nullptr;
  const Expr* true_result = nullptr;
  const Expr* false_result = nullptr;
};

enum class BinaryOp : std::uint8_t {
  // clang-format off
  Or, And, Equal, NotEqual, Less, Greater, LessEqual, GreaterEqual,
  Add, Subtract, Multiply, Divide, Modulo,
  // clang-format on
};
struct Binary {
  BinaryOp op = BinaryOp::Or;
  Span op_span;
  const Expr* lhs = nullptr;
  const Expr* rhs = nullptr;
};

enum class UnaryOp : std::uint8_t { Negate, Not };
struct Unary {
  UnaryOp op = UnaryOp::Negate;
  const Expr* operand = nullptr;
};

struct Tuple {
  ExprList elements;
};

// A key is a full expression. A bare name (`name = 1`, a ScopeTraversal with
// no steps) means the string "name"; write `(name) = 1` to use the variable,
// which gives a Parens key. See bare_key_name().
struct ObjectItem {
  const Expr* key = nullptr;
  const Expr* value = nullptr;
  bool colon = false;  // written `key: value` instead of `key = value`
};
struct Object {
  std::span<const ObjectItem> items;
};

// [for k, v in coll : value if cond] or {for k, v in coll : key => value... if cond}.
struct For {
  std::string_view key_var;  // empty when only one name is declared
  std::string_view value_var;
  Span key_var_span, value_var_span;
  const Expr* collection = nullptr;
  const Expr* key_expr = nullptr;  // may be null: object form only
  const Expr* value_expr = nullptr;
  const Expr* condition = nullptr;  // may be null
  bool object = false;
  bool grouping = false;  // `...` after the value: group values by key
};

struct Parens {
  const Expr* inner = nullptr;
};

using ExprNode = std::variant<Literal, Template, TemplateIf, TemplateFor, ScopeTraversal, GetAttr, Index, Splat,
                              SplatItem, Call, Conditional, Binary, Unary, Tuple, Object, For, Parens>;

// In the order of ExprNode's alternatives, so kind() is the variant index.
enum class ExprKind : std::uint8_t {
  // clang-format off
  Literal, Template, TemplateIf, TemplateFor, ScopeTraversal, GetAttr,
  Index, Splat, SplatItem, Call, Conditional, Binary, Unary, Tuple,
  Object, For, Parens,
  // clang-format on
};
static_assert(std::variant_size_v<ExprNode> == static_cast<std::size_t>(ExprKind::Parens) + 1);
static_assert(std::is_same_v<std::variant_alternative_t<static_cast<std::size_t>(ExprKind::Splat), ExprNode>, Splat>);

// Deeper expression trees (long operator chains included) are a parse error,
// so that recursive walkers over the tree cannot exhaust the stack.
inline constexpr std::uint32_t kMaxExprHeight = 1024;

struct Expr {
  ExprNode node;
  Span span;
  ByteRange range;
  std::uint32_t height = 1;  // 1 + the height of the tallest child

  ExprKind kind() const { return static_cast<ExprKind>(node.index()); }
  template <class T>
  const T* as() const {
    return std::get_if<T>(&node);
  }
};

// Calls f(const Expr&) on each direct child of `e`, in source order. A
// splat's `each` is visited but not its `item` (a leaf inside `each`).
template <class F>
void for_each_child(const Expr& e, F&& f) {
  auto visit = [&](const Expr* c) {
    if (c) f(*c);
  };
  switch (e.kind()) {
    case ExprKind::Literal:
    case ExprKind::SplatItem:
      return;
    case ExprKind::Template:
      for (const Expr* p : e.as<Template>()->parts) visit(p);
      return;
    case ExprKind::TemplateIf: {
      const TemplateIf& t = *e.as<TemplateIf>();
      visit(t.condition);
      visit(t.then_part);
      visit(t.else_part);
      return;
    }
    case ExprKind::TemplateFor:
      visit(e.as<TemplateFor>()->collection);
      visit(e.as<TemplateFor>()->body);
      return;
    case ExprKind::ScopeTraversal:
      for (const Step& s : e.as<ScopeTraversal>()->steps) visit(s.key);
      return;
    case ExprKind::GetAttr:
      visit(e.as<GetAttr>()->object);
      return;
    case ExprKind::Index:
      visit(e.as<Index>()->collection);
      visit(e.as<Index>()->key);
      return;
    case ExprKind::Splat:
      visit(e.as<Splat>()->source);
      visit(e.as<Splat>()->each);
      return;
    case ExprKind::Call:
      for (const Expr* a : e.as<Call>()->args) visit(a);
      return;
    case ExprKind::Conditional: {
      const Conditional& c = *e.as<Conditional>();
      visit(c.condition);
      visit(c.true_result);
      visit(c.false_result);
      return;
    }
    case ExprKind::Binary:
      visit(e.as<Binary>()->lhs);
      visit(e.as<Binary>()->rhs);
      return;
    case ExprKind::Unary:
      visit(e.as<Unary>()->operand);
      return;
    case ExprKind::Tuple:
      for (const Expr* el : e.as<Tuple>()->elements) visit(el);
      return;
    case ExprKind::Object:
      for (const ObjectItem& item : e.as<Object>()->items) {
        visit(item.key);
        visit(item.value);
      }
      return;
    case ExprKind::For: {
      const For& fe = *e.as<For>();
      visit(fe.collection);
      visit(fe.key_expr);
      visit(fe.value_expr);
      visit(fe.condition);
      return;
    }
    case ExprKind::Parens:
      visit(e.as<Parens>()->inner);
      return;
  }
}

// The literal name of a bare-identifier object key, or empty when the key is
// an expression to evaluate.
std::string_view bare_key_name(const ObjectItem& item);

// ---------------------------------------------------------------------------
// Structure.

struct Attribute {
  std::string_view name;
  Span name_span;
  const Expr* expr = nullptr;
  Span span;  // from the name to the end of the expression
  ByteRange range;
};

struct Label {
  std::string_view value;  // decoded when quoted
  Span span;               // includes the quotes
  ByteRange range;
  bool quoted = false;
};

struct Block;

// Attributes and blocks, each list in source order.
struct Body {
  std::span<const Attribute> attributes;
  std::span<const Block> blocks;
  Span span;  // between the braces (the whole file for the top body)
  ByteRange range;

  const Attribute* attribute(std::string_view name) const;
};

struct Block {
  std::string_view type;
  Span type_span;
  std::span<const Label> labels;
  Body body;
  Span span;  // from the type to the closing brace
  ByteRange range;
  Span open_brace, close_brace;
};

enum class CommentStyle : std::uint8_t { Hash, DoubleSlash, Block };

// A comment, kept for suppression scanning. `text` is the whole comment
// including its markers ("# x", "/* x */"), without the line ending.
struct Comment {
  std::string_view text;
  CommentStyle style = CommentStyle::Hash;
  Span span;
  ByteRange range;
};

// One parsed file. Owns a copy of the source text and every node, so it can
// outlive the buffer it was parsed from; move-only.
struct File {
  FileId id = kNoFile;
  std::string_view text;  // the source without its UTF-8 BOM; ranges index into it
  Body body;
  std::vector<Comment> comments;
  LineIndex lines;
  Arena arena;
};

}  // namespace kclint::hcl
