// Terraform's JSON syntax (.tf.json, .tfvars.json) read into the same syntax
// tree as the native syntax (parsers/hcl/ast.h), so that evaluation and
// lowering do not know which syntax a file was written in.
#pragma once

#include <string_view>

#include "parsers/hcl/parser.h"

namespace kclint::hcl {

// Parses one JSON configuration (ParseMode::Config) or variable definitions
// file (ParseMode::Tfvars). Never throws. Block types, labels and nested
// blocks are read as Terraform maps them to JSON; strings become templates
// ("${var.x}") where Terraform reads them so, literal strings where it reads
// them literally (variable defaults and descriptions, module sources), and
// expressions where it expects references (depends_on, provider, type).
// Every node spans the JSON text it comes from (a string: with its quotes;
// an expression inside a string: its exact characters, escaped or not).
//
// A JSON syntax error, or a shape Terraform rejects (a block that is not an
// object, an attribute defined twice), is a diagnostic; as with the native
// parser, `file` then holds no body.
ParseResult parse_json(FileId file, std::string_view text, ParseMode mode = ParseMode::Config);

}  // namespace kclint::hcl
