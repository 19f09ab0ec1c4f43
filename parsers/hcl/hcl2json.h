// Renders an HCL syntax tree as the JSON that HashiCorp's hcl2json
// (@cdktf/hcl2json) prints; see ../shared/corpus/README.md, "HCL goldens".
// Used by `kclint hcl2json FILE` and the differential tests.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "parsers/hcl/ast.h"

namespace kclint::hcl {

// Bodies become objects, blocks arrays nested by type and labels, literals
// and tuple/object constructors JSON values, templates strings, and every
// other expression "${<its exact source text>}". `text` is the source the
// file was parsed from (with or without its BOM).
nlohmann::json to_hcl2json(const File& file, std::string_view text);
nlohmann::json to_hcl2json(const File& file);

// Parses `text` and prints its hcl2json form: keys sorted, 2-space indent,
// plain decimal numbers, trailing newline. On a parse error returns nullopt
// and sets *error (if given) to "line:col: message".
std::optional<std::string> hcl2json_text(std::string_view text, std::string* error);

// Prints a JSON value like the goldens: sorted keys, 2-space indent, no
// \u escapes for non-ASCII, numbers in plain decimal notation (no exponent).
std::string format_hcl2json(const nlohmann::json& value);

}  // namespace kclint::hcl
