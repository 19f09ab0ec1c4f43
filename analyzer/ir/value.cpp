// Value helpers: lenient readings, lookups, rendering.
#include "analyzer/ir/value.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace kclint {

bool Value::is_concrete() const {
  switch (type_) {
    case Type::Unknown:
    case Type::Reference:
      return false;
    case Type::List:
      return std::all_of(list_value()->begin(), list_value()->end(), [](const Value& v) { return v.is_concrete(); });
    case Type::Map:
      return std::all_of(map_value()->begin(), map_value()->end(), [](const Member& m) { return m.value.is_concrete(); });
    default:
      return true;
  }
}

std::optional<bool> Value::as_bool() const {
  if (type_ == Type::Bool) return std::get<bool>(data_);
  if (type_ == Type::String) {
    std::string s = std::get<std::string>(data_);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    if (s == "true") return true;
    if (s == "false") return false;
  }
  return std::nullopt;
}

std::optional<double> Value::as_number() const {
  if (type_ == Type::Number) return std::get<double>(data_);
  if (type_ == Type::String) {
    const std::string& s = std::get<std::string>(data_);
    if (s.empty()) return std::nullopt;
    double d = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec == std::errc() && ptr == s.data() + s.size()) return d;
  }
  return std::nullopt;
}

static std::string number_text(double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) return fmt::format("{}", static_cast<long long>(d));
  return fmt::format("{}", d);
}

std::optional<std::string> Value::as_text() const {
  switch (type_) {
    case Type::String: return std::get<std::string>(data_);
    case Type::Number: return number_text(std::get<double>(data_));
    case Type::Bool: return std::string(std::get<bool>(data_) ? "true" : "false");
    default: return std::nullopt;
  }
}

const Value::Member* Value::member(std::string_view key) const {
  const Map* m = map_value();
  if (!m) return nullptr;
  for (const Member& mem : *m)
    if (mem.key == key) return &mem;
  return nullptr;
}

const Value* Value::get(std::string_view key) const {
  const Member* m = member(key);
  return m ? &m->value : nullptr;
}

const Value* Value::path(std::initializer_list<std::string_view> keys) const {
  const Value* v = this;
  for (std::string_view k : keys) {
    v = v->get(k);
    if (!v) return nullptr;
  }
  return v;
}

void Value::set(std::string key, Value v, Span key_span) {
  if (type_ != Type::Map) {
    type_ = Type::Map;
    data_ = detail::Box<Map>(Map{});
  }
  Map& m = std::get<detail::Box<Map>>(data_).get();
  for (Member& mem : m)
    if (mem.key == key) {
      mem.value = std::move(v);
      mem.key_span = key_span;
      return;
    }
  m.push_back(Member{std::move(key), key_span, std::move(v)});
}

std::string Value::describe() const {
  switch (type_) {
    case Type::Null: return "null";
    case Type::Bool:
    case Type::Number:
    case Type::String: return *as_text();
    case Type::Unknown: return std::get<std::string>(data_);
    case Type::Reference: {
      const Ref& r = std::get<Ref>(data_);
      return r.attribute.empty() ? r.target : r.target + "." + r.attribute;
    }
    case Type::List: {
      std::string out = "[";
      for (const Value& v : *list_value()) out += (out.size() > 1 ? ", " : "") + v.describe();
      return out + "]";
    }
    case Type::Map: {
      std::string out = "{";
      for (const Member& m : *map_value()) out += (out.size() > 1 ? ", " : "") + m.key + ": " + m.value.describe();
      return out + "}";
    }
  }
  return {};
}

}  // namespace kclint
