// YAML 1.2 core-schema resolution: what a plain scalar means (null, bool,
// number or string), and the standard `!!` tags.
#pragma once

#include <string_view>

#include "analyzer/ir/value.h"

namespace kclint::yaml {

// A plain (unquoted, untagged) scalar: null/~/empty → Null; true/false (also
// True, TRUE…) → Bool; decimal, 0x, 0o integers, floats, .inf, .nan → Number;
// anything else → String.
Value resolve_plain(std::string_view text);

// A scalar with a standard tag (`!!str` is passed as "str"): str, int, float,
// bool, null convert as named, falling back to String; other tags give String.
Value resolve_standard(std::string_view tag, std::string_view text);

}  // namespace kclint::yaml
