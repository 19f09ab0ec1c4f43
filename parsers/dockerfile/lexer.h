// Internal to the Dockerfile parser: word splitting, quote removal and
// variable substitution as Docker's shell lexer does them, JSON string
// arrays, and heredoc markers. Offsets are bytes into the string given.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kclint::dockerfile::detail {

inline constexpr std::size_t kNpos = static_cast<std::size_t>(-1);

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == '\n'; }

// A whitespace-delimited token, quotes honoured and kept ([begin, end)).
struct RawWord {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t unterminated_quote = kNpos;  // offset of a quote left open
};

// The token starting at s[begin] (not whitespace), ending before s[end] at the latest.
RawWord next_word(std::string_view s, std::size_t begin, std::size_t end, char escape);

// Splits s[begin, end) at unquoted whitespace (Docker's parseWords).
std::vector<RawWord> split_words(std::string_view s, std::size_t begin, std::size_t end, char escape);

// What a variable lookup knows about a name.
enum class VarState {
  Value,    // has the value given
  Unknown,  // declared or possibly set elsewhere, value not known statically
  Unset,    // certainly not set (Docker substitutes the empty string)
};
struct VarResult {
  VarState state = VarState::Unknown;
  std::string_view value;
};
using Lookup = std::function<VarResult(std::string_view name)>;

struct Expanded {
  std::string text;
  bool unresolved = false;
  std::size_t unterminated_quote = kNpos;  // offset in the input
};

// Quote removal and escapes of one word; with `lookup`, also `$VAR`,
// `${VAR}`, `${VAR:-x}`, `${VAR-x}`, `${VAR:+x}`, `${VAR+x}` substitution.
// Expressions that cannot be resolved are copied as written.
Expanded expand(std::string_view word, char escape, const Lookup* lookup);

// One element of a JSON string array; [begin, end) covers the quotes.
struct JsonElement {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
};
enum class JsonForm { NotJson, StringArray, NotStringArray };

// Reads `s` as a JSON array of strings (what Docker calls exec form).
JsonForm parse_json_array(std::string_view s, std::vector<JsonElement>& out);

// A `<<EOF` / `<<-"EOF"` / `2<<EOF` token of an instruction line.
struct HeredocMarker {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string name;
  bool strip_tabs = false;
  bool quoted = false;
};
std::vector<HeredocMarker> find_heredocs(std::string_view line);

}  // namespace kclint::dockerfile::detail
