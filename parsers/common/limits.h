// What the JSON and YAML loaders return, and the limits they enforce on untrusted input.
#pragma once

#include <cstddef>
#include <cstdint>

#include "analyzer/ir/diagnostic.h"
#include "analyzer/ir/value.h"

namespace kclint {

// Input that exceeds a limit is refused with a diagnostic, never a crash or a hang.
struct Limits {
  // Nested lists and maps; a deeper document is refused.
  std::uint32_t max_depth = 256;
  // Values one document may produce, YAML alias copies included: at most
  // max_values, and at most 100'000 + max_values_per_byte × the input size, so
  // a small alias bomb ("billion laughs") stops early. A file may always
  // produce one value per byte of input: plain large files are never cut.
  std::size_t max_values = 2'000'000;
  std::size_t max_values_per_byte = 64;
  // Bytes of text (scalars and keys) YAML aliases may copy: at most this, or
  // as much as the input itself when that is larger. Counting values alone
  // lets a few aliases of one long string multiply it into gigabytes.
  std::size_t max_alias_bytes = 16u << 20;
};

// The number of values a document of `text_size` bytes may produce under `limits`.
inline std::size_t value_budget(const Limits& limits, std::size_t text_size) {
  std::size_t proportional = 100'000 + limits.max_values_per_byte * text_size;
  std::size_t cap = limits.max_values < proportional ? limits.max_values : proportional;
  return cap > text_size ? cap : text_size;
}

// The bytes YAML aliases of a document of `text_size` bytes may copy under `limits`.
inline std::size_t alias_byte_budget(const Limits& limits, std::size_t text_size) {
  return limits.max_alias_bytes > text_size ? limits.max_alias_bytes : text_size;
}

// One loaded document. `value` is Null when the text is empty or unreadable;
// `diagnostics` says why: input that could not be read as written (syntax,
// encoding, limits, unknown tags). `warnings` is input that loads but is
// suspect: a duplicate key, reported at its second occurrence (the later value
// wins). Real, deployed templates have duplicate keys, so they are not parse
// errors; a rule or the engine decides what to make of them.
struct LoadResult {
  Value value;
  Diagnostics diagnostics;
  Diagnostics warnings;
};

}  // namespace kclint
