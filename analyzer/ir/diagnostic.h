// What a parser could not read. Parsers return these as data (never throw);
// the engine turns them into KC000 findings.
#pragma once

#include <string>
#include <vector>

#include "analyzer/ir/span.h"

namespace kclint {

struct Diagnostic {
  Span span;
  std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace kclint
