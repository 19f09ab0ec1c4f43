// YAML front end: loads YAML (CloudFormation templates, GitHub workflows,
// config files) into the IR Value tree with the exact span of every node and
// key. Errors, duplicate keys, unknown tags and exceeded limits come back as
// diagnostics; nothing throws.
#pragma once

#include <string_view>
#include <vector>

#include "analyzer/ir/span.h"
#include "parsers/common/limits.h"

namespace kclint::yaml {

using kclint::Limits;
using kclint::LoadResult;

struct Options {
  // Read CloudFormation short-form tags as their long form: `!Ref X` →
  // {Ref: X}, `!GetAtt A.B` → {Fn::GetAtt: [A, B]}, `!Sub s` → {Fn::Sub: s}, …
  // The map spans the tagged node, tag included; its key spans the tag. Any
  // other non-standard tag is then reported as unknown (the value is kept).
  // Without this, non-standard tags are ignored.
  bool cfn_tags = false;
  Limits limits{};
};

// Loads the first document of `text` (UTF-8, optional BOM); later documents
// are not read, so they cannot add diagnostics. Scalars follow the YAML 1.2 core
// schema (plain `true`, `5432`, `~` are Bool, Number, Null; quoted and block
// scalars are String); map keys are strings as written. Aliases are expanded
// (within Limits::max_values and max_alias_bytes); a duplicate key is a warning at its second
// occurrence and the later value wins. Empty text is a Null value with no
// diagnostic. An empty node (`key:`) is Null with a zero-width span just after
// its indicator; an alias keeps the anchored node's spans inside it and takes
// its own span at the top.
LoadResult load(FileId file, std::string_view text, const Options& options = {});

// Every document of a stream. Documents before a fatal error are kept.
struct StreamResult {
  std::vector<Value> documents;
  Diagnostics diagnostics;
  Diagnostics warnings;
};
StreamResult load_all(FileId file, std::string_view text, const Options& options = {});

}  // namespace kclint::yaml
