// GitHub Actions workflow commands: one ::error/::warning/::notice line per
// unsuppressed finding, which the runner shows as annotations on the diff.
#include "analyzer/report/report.h"

namespace kclint {

namespace {
// Workflow-command escaping: data escapes %, CR, LF; properties also : and ,.
std::string escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}
std::string_view command(Level l) {
  switch (l) {
    case Level::Error: return "error";
    case Level::Warning: return "warning";
    default: return "notice";
  }
}
}  // namespace

void write_github(std::ostream& out, const Report& report) {
  for (const Result& r : report.results) {
    if (r.suppression != SuppressionKind::None) continue;
    const Span& s = r.location.span;
    out << "::" << command(r.level) << " file=" << escape(r.location.path, true);
    if (s.valid())
      out << ",line=" << s.line << ",col=" << s.column << ",endLine=" << s.end_line << ",endColumn=" << s.end_column;
    out << ",title=" << escape(fmt::format("{} {}", r.rule->id, r.rule->name), true) << "::"
        << escape(r.message, false) << '\n';
  }
}

}  // namespace kclint
