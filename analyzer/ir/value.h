// The IR's value model: what an attribute evaluates to, with its span.
// Unknown (could not be evaluated statically) and Reference (names another
// resource) are values in their own right: rules decide on concrete values only.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "analyzer/ir/span.h"

namespace kclint {

namespace detail {
// Owns a T on the heap with value semantics (deep copy). It lets Value hold
// its own List/Map types in a std::variant while they are still incomplete.
template <class T>
class Box {
 public:
  Box(T value) : p_(std::make_unique<T>(std::move(value))) {}
  Box(const Box& other) : p_(std::make_unique<T>(*other.p_)) {}
  Box(Box&&) noexcept = default;
  Box& operator=(const Box& other) {
    p_ = std::make_unique<T>(*other.p_);
    return *this;
  }
  Box& operator=(Box&&) noexcept = default;
  ~Box() = default;
  T& get() { return *p_; }
  const T& get() const { return *p_; }

 private:
  std::unique_ptr<T> p_;
};
}  // namespace detail

class Value {
 public:
  enum class Type : std::uint8_t { Null, Bool, Number, String, List, Map, Unknown, Reference };
  struct Member;
  using List = std::vector<Value>;
  using Map = std::vector<Member>;  // insertion order kept; keys unique by construction
  // A reference to another resource (or one of its attributes): `target` is the
  // resource address as the user wrote it (`aws_security_group.db`, CFN logical
  // id `DbSecurityGroup`), `attribute` the part after it (`id`, `Arn`, may be empty).
  struct Ref {
    std::string target;
    std::string attribute;
  };

  Value() = default;
  static Value null(Span s = {}) { return Value(Type::Null, std::monostate{}, s); }
  static Value boolean(bool b, Span s = {}) { return Value(Type::Bool, b, s); }
  static Value number(double d, Span s = {}) { return Value(Type::Number, d, s); }
  static Value string(std::string v, Span s = {}) { return Value(Type::String, std::move(v), s); }
  static Value list(List v, Span s = {});
  static Value map(Map v, Span s = {});
  // `source` is the expression's text as written, kept for messages.
  static Value unknown(std::string source, Span s = {}) { return Value(Type::Unknown, std::move(source), s); }
  static Value reference(std::string target, std::string attribute, Span s = {}) {
    return Value(Type::Reference, Ref{std::move(target), std::move(attribute)}, s);
  }

  Type type() const { return type_; }
  const Span& span() const { return span_; }
  void set_span(const Span& s) { span_ = s; }

  bool is_null() const { return type_ == Type::Null; }
  bool is_bool() const { return type_ == Type::Bool; }
  bool is_number() const { return type_ == Type::Number; }
  bool is_string() const { return type_ == Type::String; }
  bool is_list() const { return type_ == Type::List; }
  bool is_map() const { return type_ == Type::Map; }
  bool is_unknown() const { return type_ == Type::Unknown; }
  bool is_reference() const { return type_ == Type::Reference; }
  // True when this value and everything inside it is concrete data.
  bool is_concrete() const;

  // Typed views; nullptr / nullopt when the value is not of that shape.
  const std::string* string_value() const { return type_ == Type::String ? &std::get<std::string>(data_) : nullptr; }
  const List* list_value() const { return type_ == Type::List ? &std::get<detail::Box<List>>(data_).get() : nullptr; }
  const Map* map_value() const { return type_ == Type::Map ? &std::get<detail::Box<Map>>(data_).get() : nullptr; }
  List* list_value() { return type_ == Type::List ? &std::get<detail::Box<List>>(data_).get() : nullptr; }
  Map* map_value() { return type_ == Type::Map ? &std::get<detail::Box<Map>>(data_).get() : nullptr; }
  const Ref* reference_value() const { return type_ == Type::Reference ? &std::get<Ref>(data_) : nullptr; }
  // Source text of an Unknown.
  const std::string* unknown_source() const { return type_ == Type::Unknown ? &std::get<std::string>(data_) : nullptr; }

  // Lenient readings, for formats that write booleans and numbers as strings
  // (CloudFormation `"true"`, `"5432"`): a Bool or a string "true"/"false"
  // (any case); a Number or a string holding a decimal number.
  std::optional<bool> as_bool() const;
  std::optional<double> as_number() const;
  // A String's text, or a Number/Bool rendered as text; nullopt otherwise.
  std::optional<std::string> as_text() const;

  // Map lookup by key (nullptr when absent or not a map).
  const Value* get(std::string_view key) const;
  const Member* member(std::string_view key) const;
  // Walk a path of map keys: get({"a", "b"}) == get("a")->get("b").
  const Value* path(std::initializer_list<std::string_view> keys) const;
  // Adds or replaces a member of a map value.
  void set(std::string key, Value v, Span key_span = {});

  // A short human rendering for messages: strings unquoted, Unknown as its source.
  std::string describe() const;

 private:
  using Data = std::variant<std::monostate, bool, double, std::string, detail::Box<List>, detail::Box<Map>, Ref>;
  template <class T>
  Value(Type t, T&& d, Span s) : type_(t), span_(s), data_(std::forward<T>(d)) {}

  Type type_ = Type::Null;
  Span span_;
  Data data_;
};

struct Value::Member {
  std::string key;
  Span key_span;
  Value value;
};

inline Value Value::list(List v, Span s) { return Value(Type::List, detail::Box<List>(std::move(v)), s); }
inline Value Value::map(Map v, Span s) { return Value(Type::Map, detail::Box<Map>(std::move(v)), s); }

}  // namespace kclint
