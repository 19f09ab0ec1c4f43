// Dockerfile parser: heredocs of RUN, COPY and ADD — bodies, spans, `<<-`,
// quoted delimiters, several on one line, and where they do not apply.
#include <gtest/gtest.h>

#include "tests/unit/dockerfile/helpers.h"

namespace kclint::dockerfile::testing {
namespace {

TEST(DockerfileHeredoc, RunBodyIsExposedWithSpans) {
  const std::string src =
      "# syntax=docker/dockerfile:1.4\n"
      "FROM ubuntu:22.04\n"
      "RUN <<EOF\n"
      "echo \"Hello\"\n"
      "# not a Dockerfile comment\n"
      "apt update\n"
      "EOF\n"
      "RUN apt update\n";
  ParseResult r = parse_clean(src);
  const auto& ins = r.file.stages.at(0).instructions;
  ASSERT_EQ(ins.size(), 3u);
  const Instruction& run = ins[1];
  ASSERT_EQ(run.heredocs.size(), 1u);
  const Heredoc& h = run.heredocs[0];
  EXPECT_EQ(h.name, "EOF");
  EXPECT_FALSE(h.strip_tabs);
  EXPECT_FALSE(h.quoted);
  EXPECT_EQ(h.body, "echo \"Hello\"\n# not a Dockerfile comment\napt update\n");
  EXPECT_EQ(h.marker_span, span_of(src, "<<EOF"));
  EXPECT_EQ(h.body_span.line, 4u);
  EXPECT_EQ(h.body_span.column, 1u);
  EXPECT_EQ(h.body_span.end_line, 7u);
  EXPECT_EQ(h.body_span.end_column, 1u);
  EXPECT_EQ(h.terminator_span, span_of(src, "EOF", 1));
  // The instruction's span covers the body and the terminator.
  EXPECT_EQ(run.span.line, 3u);
  EXPECT_EQ(run.span.end_line, 7u);
  EXPECT_EQ(run.span.end_column, 4u);
  EXPECT_TRUE(r.file.comments.empty());  // a '#' line inside a body is body text
  EXPECT_EQ(ins[2].raw, "apt update");
}

TEST(DockerfileHeredoc, DashStripsLeadingTabs) {
  const std::string src =
      "FROM alpine\n"
      "RUN <<-END sh\n"
      "\techo one\n"
      "\t\techo two\n"
      "\tEND\n"
      "USER app\n";
  ParseResult r = parse_clean(src);
  const auto& ins = r.file.stages[0].instructions;
  ASSERT_EQ(ins.size(), 3u);
  ASSERT_EQ(ins[1].heredocs.size(), 1u);
  const Heredoc& h = ins[1].heredocs[0];
  EXPECT_TRUE(h.strip_tabs);
  EXPECT_EQ(h.name, "END");
  EXPECT_EQ(h.body, "echo one\necho two\n");
  EXPECT_EQ(h.terminator_span, span_of(src, "\tEND"));
}

TEST(DockerfileHeredoc, WithoutDashTabbedTerminatorIsBodyText) {
  ParseResult r = parse(kFile, "FROM alpine\nRUN <<EOF\n\tEOF\nEOF\n");
  EXPECT_TRUE(r.diagnostics.empty()) << describe(r.diagnostics);
  EXPECT_EQ(r.file.stages[0].instructions[1].heredocs.at(0).body, "\tEOF\n");
}

TEST(DockerfileHeredoc, QuotedDelimiters) {
  ParseResult r = parse_clean(
      "FROM alpine\n"
      "RUN <<\"EOF\"\necho $HOME\nEOF\n"
      "RUN <<'X'\necho $HOME\nX\n");
  const auto& ins = r.file.stages[0].instructions;
  ASSERT_EQ(ins.size(), 3u);
  EXPECT_EQ(ins[1].heredocs.at(0).name, "EOF");
  EXPECT_TRUE(ins[1].heredocs.at(0).quoted);
  EXPECT_EQ(ins[1].heredocs.at(0).body, "echo $HOME\n");
  EXPECT_EQ(ins[2].heredocs.at(0).name, "X");
  EXPECT_TRUE(ins[2].heredocs.at(0).quoted);
}

TEST(DockerfileHeredoc, SeveralOnOneLineAreReadInOrder) {
  const std::string src =
      "FROM alpine\n"
      "RUN <<FILE1 cat > /a && <<FILE2 cat > /b\n"
      "one\n"
      "FILE1\n"
      "two\n"
      "FILE2\n"
      "CMD [\"sh\"]\n";
  ParseResult r = parse_clean(src);
  const auto& ins = r.file.stages[0].instructions;
  ASSERT_EQ(ins.size(), 3u);
  ASSERT_EQ(ins[1].heredocs.size(), 2u);
  EXPECT_EQ(ins[1].heredocs[0].name, "FILE1");
  EXPECT_EQ(ins[1].heredocs[0].body, "one\n");
  EXPECT_EQ(ins[1].heredocs[1].name, "FILE2");
  EXPECT_EQ(ins[1].heredocs[1].body, "two\n");
  EXPECT_EQ(ins[1].heredocs[1].body_span.line, 5u);
  EXPECT_EQ(ins[1].heredocs[1].marker_span, span_of(src, "<<FILE2"));
  EXPECT_EQ(ins[1].span.end_line, 6u);
  EXPECT_EQ(ins[2].keyword, "CMD");
}

TEST(DockerfileHeredoc, CopyHeredocToAFile) {
  const std::string src =
      "FROM alpine\n"
      "COPY <<EOF /etc/app.conf\n"
      "port=8080\n"
      "EOF\n";
  ParseResult r = parse_clean(src);
  const Instruction& copy = r.file.stages[0].instructions.at(1);
  EXPECT_EQ(texts(copy.args), (std::vector<std::string>{"<<EOF", "/etc/app.conf"}));
  ASSERT_EQ(copy.heredocs.size(), 1u);
  EXPECT_EQ(copy.heredocs[0].body, "port=8080\n");
  EXPECT_EQ(copy.args[1].span, span_of(src, "/etc/app.conf"));
}

TEST(DockerfileHeredoc, EmptyBodyAndCrlf) {
  ParseResult r = parse_clean("FROM alpine\r\nRUN <<EOF\r\nEOF\r\nUSER x\r\n");
  const auto& ins = r.file.stages[0].instructions;
  ASSERT_EQ(ins.size(), 3u);
  const Heredoc& h = ins[1].heredocs.at(0);
  EXPECT_EQ(h.body, "");
  EXPECT_EQ(h.body_span.line, h.body_span.end_line);
  EXPECT_EQ(h.body_span.column, h.body_span.end_column);
}

TEST(DockerfileHeredoc, HeredocAfterAContinuationLine) {
  const std::string src =
      "FROM alpine\n"
      "RUN --mount=type=cache,target=/var/cache \\\n"
      "    <<EOF\n"
      "apk add curl\n"
      "EOF\n";
  ParseResult r = parse_clean(src);
  const Instruction& run = r.file.stages[0].instructions.at(1);
  ASSERT_EQ(run.heredocs.size(), 1u);
  EXPECT_EQ(run.heredocs[0].body, "apk add curl\n");
  EXPECT_EQ(run.heredocs[0].marker_span, span_of(src, "<<EOF"));
  ASSERT_EQ(run.flags.size(), 1u);
  EXPECT_EQ(run.flags[0].name, "mount");
}

TEST(DockerfileHeredoc, OnbuildTriggerCarriesTheHeredoc) {
  ParseResult r = parse_clean("FROM alpine\nONBUILD RUN <<EOF\necho hi\nEOF\nUSER app\n");
  const auto& ins = r.file.stages[0].instructions;
  ASSERT_EQ(ins.size(), 3u);
  ASSERT_TRUE(ins[1].trigger);
  ASSERT_EQ(ins[1].trigger->heredocs.size(), 1u);
  EXPECT_EQ(ins[1].trigger->heredocs[0].body, "echo hi\n");
  EXPECT_EQ(ins[1].span.end_line, 4u);
  EXPECT_EQ(ins[1].trigger->span.end_line, 4u);
}

TEST(DockerfileHeredoc, NotHeredocs) {
  // Exec form, other instructions, quoted text, here-strings and shifts.
  ParseResult r = parse_clean(
      "FROM alpine\n"
      "RUN [\"sh\", \"-c\", \"cat <<EOF\"]\n"
      "CMD cat <<EOF\n"
      "RUN echo '<<EOF' \"<<EOF\" && cat <<<word && echo $((1 << 2))\n"
      "LABEL a=<<EOF\n");
  const auto& ins = r.file.stages[0].instructions;
  ASSERT_EQ(ins.size(), 5u);
  for (const Instruction& i : ins) EXPECT_TRUE(i.heredocs.empty()) << i.keyword;
}

TEST(DockerfileHeredoc, UnterminatedHeredocIsReportedAtItsMarker) {
  const std::string src = "FROM alpine\nRUN cat <<EOF\necho hi\n";
  ParseResult r = parse(kFile, src);
  ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].message, "unterminated heredoc \"EOF\"");
  EXPECT_EQ(r.diagnostics[0].span, span_of(src, "<<EOF"));
  const Heredoc& h = r.file.stages.at(0).instructions.at(1).heredocs.at(0);
  EXPECT_EQ(h.body, "echo hi\n");
  EXPECT_FALSE(h.terminator_span.valid());
}

}  // namespace
}  // namespace kclint::dockerfile::testing
