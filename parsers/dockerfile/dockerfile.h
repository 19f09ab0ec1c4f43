// Dockerfile syntax tree and parser: instructions with exact spans, build
// stages, parser directives, heredocs, and the variable substitution Docker
// applies to FROM, USER and EXPOSE. Syntax only; lowering to the IR is done
// in analyzer/.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "analyzer/ir/diagnostic.h"
#include "analyzer/ir/span.h"

namespace kclint::dockerfile {

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

// One token of an instruction's arguments. `text` has quotes removed and
// escapes applied (as Docker's shell lexer does); it is also substituted
// where a field says so. `raw` is the token as written, continuation lines
// joined, and `span` covers it in the source (quotes included).
struct Word {
  std::string text;
  std::string raw;
  Span span;
  // A variable could not be substituted (no known value): its `$NAME` or
  // `${...}` stays in `text` as written. Rules should treat the text as Unknown.
  bool unresolved = false;
};

// `--name=value` or a bare `--name` before an instruction's arguments
// (`COPY --from=build`, `FROM --platform=...`, `RUN --mount=...`).
struct Flag {
  std::string name;   // without the leading "--"
  std::string value;  // quotes removed, not substituted
  bool has_value = false;
  Span span;        // the whole flag
  Span value_span;  // the value as written; invalid when !has_value
};

// name[=value] of ENV, LABEL and ARG. Values are quote-removed, not
// substituted (Docker substitutes them at build time).
struct KeyValue {
  Word key;
  Word value;
  bool has_value = false;  // false only for an ARG without a default
};

// A here-document of RUN, COPY or ADD (`<<EOF`, `<<-EOF`, `<<"EOF"`).
struct Heredoc {
  std::string name;         // delimiter, quotes removed
  bool strip_tabs = false;  // `<<-`: leading tabs removed from body lines and terminator
  bool quoted = false;      // delimiter was quoted: the body is not expanded
  Span marker_span;         // the `<<EOF` token on the instruction line
  std::string body;         // content lines, each ending in '\n' (tabs stripped with `<<-`)
  // From column 1 of the first body line to column 1 of the terminator line
  // (end of file when unterminated); empty body → empty span.
  Span body_span;
  Span terminator_span;  // the terminator line; invalid when unterminated
};

// ---------------------------------------------------------------------------
// Parsed forms of the instructions rules look into
// ---------------------------------------------------------------------------

// FROM [--platform=p] image [AS name]
struct From {
  Word image;                    // substituted with the global ARGs
  std::optional<Word> name;      // as written (Stage::name is lower-cased)
  std::optional<Word> platform;  // substituted with the global ARGs
};

// USER user[:group], substituted with the ARG/ENV values known in the stage.
struct User {
  Word user;
  std::optional<Word> group;
};

// One EXPOSE entry: `80`, `53/udp`, `8000-8010/tcp`. Substituted like USER.
struct Port {
  Word word;
  std::uint32_t first = 0;  // 0 when not a number (e.g. unresolved variable)
  std::uint32_t last = 0;   // == first unless a range
  std::string protocol;     // lower-case; "tcp" when not given
};

// HEALTHCHECK NONE | HEALTHCHECK [--interval=...] CMD command. Options are the
// instruction's flags.
struct HealthCheck {
  bool none = false;
  Word type;  // NONE or CMD as written
  bool json_form = false;
  std::vector<Word> command;  // exec-form elements, or shell words
  std::string command_raw;    // the command text after CMD
  Span command_span;
};

// ---------------------------------------------------------------------------
// Instructions, stages, file
// ---------------------------------------------------------------------------

struct Instruction {
  std::string keyword;  // upper-case
  Span span;            // whole instruction: continuation lines and heredoc bodies included
  Span keyword_span;
  std::vector<Flag> flags;
  // True for the exec (JSON array) form of RUN, CMD, ENTRYPOINT, SHELL, COPY,
  // ADD, VOLUME and HEALTHCHECK CMD. An invalid JSON array is shell form.
  bool json_form = false;
  // Exec form: the JSON array's elements. Otherwise the words after the
  // flags, split at unquoted whitespace, quotes removed, not substituted.
  // HEALTHCHECK: its type word then the command's words.
  std::vector<Word> args;
  std::string raw;  // the argument text after the keyword and flags, continuations joined
  Span raw_span;
  std::vector<Heredoc> heredocs;
  std::unique_ptr<Instruction> trigger;  // ONBUILD's instruction
  std::variant<std::monostate, std::vector<KeyValue>, From, User, std::vector<Port>, HealthCheck> parsed;

  const Flag* flag(std::string_view name) const;
  const std::vector<KeyValue>* pairs() const;  // ENV, LABEL, ARG
  const From* from() const;
  const User* user() const;
  const std::vector<Port>* ports() const;  // EXPOSE
  const HealthCheck* healthcheck() const;
};

struct Stage {
  std::string name;  // lower-cased `AS` name; empty when unnamed
  Span name_span;
  Word base_image;                        // FROM's image, substituted with the global ARGs
  int base_stage = -1;                    // index of the earlier stage FROM names (by name or index), else -1
  std::vector<Instruction> instructions;  // FROM first

  const Instruction& from() const { return instructions.front(); }
};

struct Comment {
  std::string text;  // after '#', surrounding whitespace trimmed
  Span span;         // from '#' to the end of the line
};

// `# syntax=...`, `# escape=...`, `# check=...` at the top of the file.
struct ParserDirective {
  std::string name;  // lower-case
  std::string value;
  Span span;
  Span value_span;
};

struct File {
  std::vector<Instruction> global_args;  // ARGs before the first FROM
  std::vector<Stage> stages;
  char escape = '\\';
  std::vector<Comment> comments;
  std::vector<ParserDirective> directives;
};

struct ParseResult {
  File file;
  Diagnostics diagnostics;
};

// Parses a whole Dockerfile. Never throws; what it cannot read becomes a
// diagnostic with a position, and parsing goes on with the next instruction.
ParseResult parse(FileId file, std::string_view text);

}  // namespace kclint::dockerfile
