// JSON front end: loads one JSON document into the IR Value tree, with the
// exact span of every value and key. Syntax errors, duplicate keys, bad
// encoding and exceeded limits come back as diagnostics; nothing throws.
#pragma once

#include <string_view>

#include "analyzer/ir/span.h"
#include "parsers/common/limits.h"

namespace kclint::json {

using kclint::Limits;
using kclint::LoadResult;

// Loads `text` (RFC 8259 JSON, UTF-8, optional BOM; no comments, no trailing
// commas). Lists and maps span from the opening to the closing bracket; a
// string's span includes its quotes. A duplicate key is a warning at its
// second occurrence and the later value wins. Empty or whitespace-only text is a Null
// value with no diagnostic. Spans count columns after the BOM.
LoadResult load(FileId file, std::string_view text, const Limits& limits = {});

}  // namespace kclint::json
