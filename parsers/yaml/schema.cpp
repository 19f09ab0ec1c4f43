// Core-schema scalar resolution for the YAML loader.
#include "parsers/yaml/schema.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

namespace kclint::yaml {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<bool> parse_bool(std::string_view s) {
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

bool is_null(std::string_view s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

// Digits in `base`; accumulates in a double so long account ids stay exact up to 2^53.
std::optional<double> parse_digits(std::string_view s, int base) {
  if (s.empty()) return std::nullopt;
  double value = 0;
  for (char c : s) {
    int d = is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : 99;
    if (d >= base) return std::nullopt;
    value = value * base + d;
  }
  return value;
}

// [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+
std::optional<double> parse_int(std::string_view s) {
  if (s.starts_with("0x")) return parse_digits(s.substr(2), 16);
  if (s.starts_with("0o")) return parse_digits(s.substr(2), 8);
  bool negative = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  for (char c : s)
    if (!is_digit(c)) return std::nullopt;
  double d = 0;  // from_chars rounds long digit strings exactly
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  (void)end;
  if (ec == std::errc::result_out_of_range) d = std::numeric_limits<double>::infinity();
  return negative ? -d : d;
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)
std::optional<double> parse_float(std::string_view s) {
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return std::numeric_limits<double>::quiet_NaN();
  bool negative = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s == ".inf" || s == ".Inf" || s == ".INF")
    return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  std::size_t i = 0, int_digits = 0, frac_digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t exp_digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  // from_chars wants a digit before the point.
  std::string digits;
  if (int_digits == 0) digits = "0";
  digits += s;
  double d = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), d);
  if (ptr != digits.data() + digits.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    std::size_t e = digits.find_first_of("eE");
    bool underflow = e != std::string::npos && e + 1 < digits.size() && digits[e + 1] == '-';
    d = underflow ? 0.0 : std::numeric_limits<double>::infinity();
  }
  return negative ? -d : d;
}

}  // namespace

Value resolve_plain(std::string_view text) {
  if (is_null(text)) return Value::null();
  if (auto b = parse_bool(text)) return Value::boolean(*b);
  if (!text.empty() && (is_digit(text[0]) || text[0] == '-' || text[0] == '+' || text[0] == '.')) {
    if (auto n = parse_int(text)) return Value::number(*n);
    if (auto n = parse_float(text)) return Value::number(*n);
  }
  return Value::string(std::string(text));
}

Value resolve_standard(std::string_view tag, std::string_view text) {
  if (tag == "null" && is_null(text)) return Value::null();
  if (tag == "bool")
    if (auto b = parse_bool(text)) return Value::boolean(*b);
  if (tag == "int")
    if (auto n = parse_int(text)) return Value::number(*n);
  if (tag == "float") {
    if (auto n = parse_float(text)) return Value::number(*n);
    if (auto n = parse_int(text)) return Value::number(*n);
  }
  return Value::string(std::string(text));
}

}  // namespace kclint::yaml
