// Levels, families and the findings collector.
#include "analyzer/ir/rule.h"

#include <array>

namespace kclint {

std::string_view to_string(Level l) {
  switch (l) {
    case Level::Note: return "note";
    case Level::Warning: return "warning";
    case Level::Error: return "error";
    case Level::None: return "none";
  }
  return "none";
}

std::optional<Level> level_from_string(std::string_view s) {
  if (s == "note") return Level::Note;
  if (s == "warning") return Level::Warning;
  if (s == "error") return Level::Error;
  if (s == "none" || s == "never") return Level::None;
  return std::nullopt;
}

namespace {
constexpr std::array<std::string_view, 9> kFamilyNames = {
#define KCLINT_FAMILY_NAME(e, s) s,
    KCLINT_FAMILIES(KCLINT_FAMILY_NAME)
#undef KCLINT_FAMILY_NAME
};
}  // namespace

std::string_view to_string(Family f) { return kFamilyNames[static_cast<std::size_t>(f)]; }

std::optional<Family> family_from_string(std::string_view s) {
  for (std::size_t i = 0; i < kFamilyNames.size(); ++i)
    if (kFamilyNames[i] == s) return static_cast<Family>(i);
  return std::nullopt;
}

Finding& Findings::add(const Span& span, std::string message) {
  Finding& f = items_.emplace_back();
  f.rule = &rule_;
  f.level = rule_.level;
  f.message = std::move(message);
  f.span = span;
  return f;
}

}  // namespace kclint
