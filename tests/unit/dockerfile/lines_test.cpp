// Dockerfile parser: physical lines — continuations, the escape and syntax
// directives, comments, empty continuation lines, CRLF and a BOM.
#include <gtest/gtest.h>

#include "tests/unit/dockerfile/helpers.h"

namespace kclint::dockerfile::testing {
namespace {

TEST(DockerfileLines, ContinuationJoinsLinesWithoutSeparator) {
  const std::string src =
      "FROM alpine\n"
      "RUN apk add \\\n"
      "    curl \\\n"
      "    git\n";
  ParseResult r = parse_clean(src);
  ASSERT_EQ(r.file.stages.size(), 1u);
  const Instruction& run = r.file.stages[0].instructions.at(1);
  EXPECT_EQ(run.keyword, "RUN");
  EXPECT_EQ(run.raw, "apk add     curl     git");
  EXPECT_EQ(texts(run.args), (std::vector<std::string>{"apk", "add", "curl", "git"}));
  EXPECT_EQ(run.args[2].span, span_of(src, "curl"));
  EXPECT_EQ(run.args[3].span, span_of(src, "git"));
  // The instruction runs from its keyword to the end of its last line.
  EXPECT_EQ(run.span.line, 2u);
  EXPECT_EQ(run.span.column, 1u);
  EXPECT_EQ(run.span.end_line, 4u);
  EXPECT_EQ(run.span.end_column, 8u);
  EXPECT_EQ(run.keyword_span, span_of(src, "RUN"));
}

TEST(DockerfileLines, CommentLinesInsideAContinuationAreSkippedAndRecorded) {
  const std::string src =
      "FROM alpine\n"
      "RUN echo a \\\n"
      "    # explain b\n"
      "  && echo b\n";
  ParseResult r = parse_clean(src);
  const Instruction& run = r.file.stages[0].instructions.at(1);
  EXPECT_EQ(texts(run.args), (std::vector<std::string>{"echo", "a", "&&", "echo", "b"}));
  ASSERT_EQ(r.file.comments.size(), 1u);
  EXPECT_EQ(r.file.comments[0].text, "explain b");
  EXPECT_EQ(r.file.comments[0].span, span_of(src, "# explain b"));
}

TEST(DockerfileLines, EmptyContinuationLinesAreTolerated) {
  const std::string src =
      "FROM alpine\n"
      "RUN echo a \\\n"
      "\n"
      "   \n"
      "    bee\n"
      "USER nobody\n";
  ParseResult r = parse_clean(src);
  const auto& ins = r.file.stages[0].instructions;
  ASSERT_EQ(ins.size(), 3u);
  EXPECT_EQ(texts(ins[1].args), (std::vector<std::string>{"echo", "a", "bee"}));
  EXPECT_EQ(ins[1].args[2].span, span_of(src, "bee"));
  EXPECT_EQ(ins[2].keyword, "USER");
}

TEST(DockerfileLines, ContinuationAllowsTrailingWhitespaceAfterTheEscape) {
  const std::string src = "FROM alpine\nRUN echo \\  \t\n  done\n";
  ParseResult r = parse_clean(src);
  EXPECT_EQ(texts(r.file.stages[0].instructions[1].args), (std::vector<std::string>{"echo", "done"}));
}

TEST(DockerfileLines, BacktickEscapeDirective) {
  const std::string src =
      "# escape=`\n"
      "FROM mcr.microsoft.com/windows/servercore\n"
      "WORKDIR c:\\windows\n"
      "RUN dir `\n"
      "    c:\\\n";
  ParseResult r = parse_clean(src);
  EXPECT_EQ(r.file.escape, '`');
  ASSERT_EQ(r.file.directives.size(), 1u);
  EXPECT_EQ(r.file.directives[0].name, "escape");
  EXPECT_EQ(r.file.directives[0].value, "`");
  EXPECT_EQ(r.file.directives[0].value_span, span_of(src, "`"));
  const auto& ins = r.file.stages[0].instructions;
  ASSERT_EQ(ins.size(), 3u);
  EXPECT_EQ(ins[1].args[0].text, "c:\\windows");  // a backslash is an ordinary character now
  EXPECT_EQ(texts(ins[2].args), (std::vector<std::string>{"dir", "c:\\"}));
  EXPECT_TRUE(r.file.comments.empty());  // a directive is not a comment
}

TEST(DockerfileLines, SyntaxDirectiveAndItsEnd) {
  const std::string src =
      "# syntax=docker/dockerfile:1.4\n"
      "# escape=`\n"
      "\n"
      "# escape=\\\n"  // after a blank line: an ordinary comment
      "FROM alpine\n";
  ParseResult r = parse_clean(src);
  ASSERT_EQ(r.file.directives.size(), 2u);
  EXPECT_EQ(r.file.directives[0].name, "syntax");
  EXPECT_EQ(r.file.directives[0].value, "docker/dockerfile:1.4");
  EXPECT_EQ(r.file.directives[0].span, span_of(src, "# syntax=docker/dockerfile:1.4"));
  EXPECT_EQ(r.file.escape, '`');
  ASSERT_EQ(r.file.comments.size(), 1u);
  EXPECT_EQ(r.file.comments[0].text, "escape=\\");
}

TEST(DockerfileLines, AnUnknownDirectiveEndsTheDirectives) {
  ParseResult r = parse_clean("#checkov:skip=CKV_DOCKER_1: ok\n# escape=`\nFROM alpine\n");
  EXPECT_TRUE(r.file.directives.empty());
  EXPECT_EQ(r.file.escape, '\\');
  EXPECT_EQ(r.file.comments.size(), 2u);
}

TEST(DockerfileLines, CommentsAnywhereAreRecordedWithSpans) {
  const std::string src = "FROM alpine\n  # kclint:ignore DKR001 -- why\nRUN true # not a comment\n";
  ParseResult r = parse_clean(src);
  ASSERT_EQ(r.file.comments.size(), 1u);
  EXPECT_EQ(r.file.comments[0].text, "kclint:ignore DKR001 -- why");
  EXPECT_EQ(r.file.comments[0].span, span_of(src, "# kclint:ignore DKR001 -- why"));
  EXPECT_EQ(r.file.stages[0].instructions[1].raw, "true # not a comment");
}

TEST(DockerfileLines, CrlfLineEndings) {
  const std::string src = "FROM alpine AS base\r\nRUN echo a \\\r\n  b\r\nUSER app\r\n";
  ParseResult r = parse_clean(src);
  ASSERT_EQ(r.file.stages.size(), 1u);
  const auto& ins = r.file.stages[0].instructions;
  ASSERT_EQ(ins.size(), 3u);
  EXPECT_EQ(r.file.stages[0].name, "base");
  EXPECT_EQ(texts(ins[1].args), (std::vector<std::string>{"echo", "a", "b"}));
  EXPECT_EQ(ins[2].user()->user.text, "app");
  EXPECT_EQ(ins[2].user()->user.span, span_of(src, "app"));
  EXPECT_EQ(ins[1].span.end_line, 3u);
  EXPECT_EQ(ins[1].span.end_column, 4u);  // the '\r' is not part of the line
}

TEST(DockerfileLines, ByteOrderMarkIsNotAColumn) {
  const std::string src =
      "\xEF\xBB\xBF"
      "FROM alpine\nUSER app\n";
  ParseResult r = parse_clean(src);
  ASSERT_EQ(r.file.stages.size(), 1u);
  const Instruction& from = r.file.stages[0].from();
  EXPECT_EQ(from.keyword, "FROM");
  EXPECT_EQ(from.keyword_span.line, 1u);
  EXPECT_EQ(from.keyword_span.column, 1u);
  EXPECT_EQ(r.file.stages[0].base_image.span.column, 6u);
}

TEST(DockerfileLines, ByteOrderMarkBeforeADirective) {
  ParseResult r = parse_clean("\xEF\xBB\xBF# escape=`\nFROM alpine\n");
  EXPECT_EQ(r.file.escape, '`');
}

TEST(DockerfileLines, KeywordsAreCaseInsensitive) {
  const std::string src = "from alpine as Build\nrun echo hi\nUsEr app\n";
  ParseResult r = parse_clean(src);
  ASSERT_EQ(r.file.stages.size(), 1u);
  const auto& ins = r.file.stages[0].instructions;
  EXPECT_EQ(ins[0].keyword, "FROM");
  EXPECT_EQ(ins[1].keyword, "RUN");
  EXPECT_EQ(ins[2].keyword, "USER");
  EXPECT_EQ(r.file.stages[0].name, "build");
  EXPECT_EQ(ins[2].keyword_span, span_of(src, "UsEr"));
}

TEST(DockerfileLines, EmptyAndCommentOnlyFilesHaveNoStagesAndNoErrors) {
  EXPECT_TRUE(parse_clean("").file.stages.empty());
  EXPECT_TRUE(parse_clean("\n\n   \n").file.stages.empty());
  ParseResult r = parse_clean("# just a comment\n");
  EXPECT_TRUE(r.file.stages.empty());
  EXPECT_EQ(r.file.comments.size(), 1u);
}

TEST(DockerfileLines, LastLineWithoutNewlineAndDanglingContinuation) {
  ParseResult r = parse_clean("FROM alpine\nRUN echo \\");
  ASSERT_EQ(r.file.stages[0].instructions.size(), 2u);
  EXPECT_EQ(texts(r.file.stages[0].instructions[1].args), (std::vector<std::string>{"echo"}));
}

}  // namespace
}  // namespace kclint::dockerfile::testing
