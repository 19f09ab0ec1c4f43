// Text report: `path:line:col: level ID message`, then a summary line.
#include <map>

#include "analyzer/report/report.h"

namespace kclint {

namespace {
std::string_view color_of(Level l) {
  switch (l) {
    case Level::Error: return "\x1b[31m";
    case Level::Warning: return "\x1b[33m";
    default: return "\x1b[36m";
  }
}
}  // namespace

void write_text(std::ostream& out, const Report& report, const TextOptions& options) {
  const std::string_view bold = options.color ? "\x1b[1m" : "", reset = options.color ? "\x1b[0m" : "";
  std::map<Level, int> counts;
  int suppressed = 0;
  for (const Result& r : report.results) {
    if (r.suppression != SuppressionKind::None) {
      ++suppressed;
      if (!options.show_suppressed) continue;
    } else {
      ++counts[r.level];
    }
    const Span& s = r.location.span;
    out << bold << r.location.path;
    if (s.valid()) out << ':' << s.line << ':' << s.column;
    out << ':' << reset << ' ' << (options.color ? color_of(r.level) : "") << to_string(r.level) << reset << ' '
        << bold << r.rule->id << reset << ' ' << r.message;
    if (r.suppression != SuppressionKind::None) out << " (suppressed)";
    out << '\n';
    for (const Location& rel : r.related) {
      out << "    " << rel.path;
      if (rel.span.valid()) out << ':' << rel.span.line << ':' << rel.span.column;
      out << ": " << rel.message << '\n';
    }
  }
  int total = counts[Level::Error] + counts[Level::Warning] + counts[Level::Note];
  out << fmt::format("{} finding{} ({} error{}, {} warning{}, {} note{})", total, total == 1 ? "" : "s",
                     counts[Level::Error], counts[Level::Error] == 1 ? "" : "s", counts[Level::Warning],
                     counts[Level::Warning] == 1 ? "" : "s", counts[Level::Note], counts[Level::Note] == 1 ? "" : "s");
  if (suppressed) out << fmt::format(", {} suppressed", suppressed);
  out << fmt::format(" in {} file{}\n", report.files_scanned, report.files_scanned == 1 ? "" : "s");
}

}  // namespace kclint
