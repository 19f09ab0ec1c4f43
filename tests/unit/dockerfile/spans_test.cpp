// Dockerfile parser: exact spans — words split over continuation lines,
// quoted words, non-ASCII columns, tabs, and whole-instruction spans.
#include <gtest/gtest.h>

#include "tests/unit/dockerfile/helpers.h"

namespace kclint::dockerfile::testing {
namespace {

TEST(DockerfileSpans, WordSplitAcrossAContinuation) {
  const std::string src =
      "FROM alpine\n"
      "RUN TEST_123=456\\\n"
      "     GIT_SSL_NO_VERIFY='0' \\\n"
      "     git clo\\\n"
      "ne x\n";
  ParseResult r = parse_clean(src);
  const Instruction& run = r.file.stages.at(0).instructions.at(1);
  // Docker joins continuation lines without a separator.
  EXPECT_EQ(texts(run.args), (std::vector<std::string>{"TEST_123=456", "GIT_SSL_NO_VERIFY=0", "git", "clone", "x"}));
  EXPECT_EQ(run.args[0].span, span_of(src, "TEST_123=456"));
  EXPECT_EQ(run.args[1].span, span_of(src, "GIT_SSL_NO_VERIFY='0'"));
  const Span& clone = run.args[3].span;  // "clo" + "ne"
  EXPECT_EQ(clone.line, 4u);
  EXPECT_EQ(clone.column, 10u);
  EXPECT_EQ(clone.end_line, 5u);
  EXPECT_EQ(clone.end_column, 3u);
  EXPECT_EQ(run.raw_span.line, 2u);
  EXPECT_EQ(run.raw_span.column, 5u);
  EXPECT_EQ(run.raw_span.end_line, 5u);
  EXPECT_EQ(run.raw_span.end_column, 5u);
}

TEST(DockerfileSpans, ColumnsCountCodePoints) {
  const std::string src = "FROM alpine\nLABEL desc=\"caf\xC3\xA9 \xE2\x98\x95\" next=1\n";
  ParseResult r = parse_clean(src);
  const auto& kv = *r.file.stages.at(0).instructions.at(1).pairs();
  ASSERT_EQ(kv.size(), 2u);
  EXPECT_EQ(kv[0].value.text, "caf\xC3\xA9 \xE2\x98\x95");
  EXPECT_EQ(kv[1].key.span, span_of(src, "next"));
  EXPECT_EQ(kv[1].key.span.column, 21u);  // é and ☕ are one column each
}

TEST(DockerfileSpans, TabsAreOneColumn) {
  const std::string src = "FROM alpine\n\tUSER\t\tapp\n";
  ParseResult r = parse_clean(src);
  const Instruction& user = r.file.stages.at(0).instructions.at(1);
  EXPECT_EQ(user.keyword_span.column, 2u);
  EXPECT_EQ(user.user()->user.span.column, 8u);
  EXPECT_EQ(user.span.column, 2u);
}

TEST(DockerfileSpans, InstructionSpansAndStageNameSpans) {
  const std::string src =
      "ARG BASE=alpine\n"
      "FROM ${BASE} AS builder\n"
      "RUN make \\\n"
      "  all\n"
      "\n"
      "FROM scratch\n"
      "COPY --from=builder /out /\n";
  ParseResult r = parse_clean(src);
  ASSERT_EQ(r.file.global_args.size(), 1u);
  EXPECT_EQ(r.file.global_args[0].span, span_of(src, "ARG BASE=alpine"));
  ASSERT_EQ(r.file.stages.size(), 2u);
  EXPECT_EQ(r.file.stages[0].name_span, span_of(src, "builder"));
  EXPECT_EQ(r.file.stages[0].base_image.span, span_of(src, "${BASE}"));
  EXPECT_EQ(r.file.stages[0].base_image.text, "alpine");
  EXPECT_EQ(r.file.stages[0].from().span, span_of(src, "FROM ${BASE} AS builder"));
  EXPECT_EQ(r.file.stages[0].instructions[1].span, span_of(src, "RUN make \\\n  all"));
  EXPECT_FALSE(r.file.stages[1].name_span.valid());
  EXPECT_EQ(r.file.stages[1].instructions[1].flags.at(0).span, span_of(src, "--from=builder"));
  for (const Stage& st : r.file.stages)
    for (const Instruction& i : st.instructions) EXPECT_EQ(i.span.file, kFile);
}

TEST(DockerfileSpans, InstructionStartingAfterALoneContinuationLine) {
  const std::string src = "FROM alpine\nRUN \\\n  echo hi\n";
  ParseResult r = parse_clean(src);
  const Instruction& run = r.file.stages.at(0).instructions.at(1);
  EXPECT_EQ(run.args.at(0).span, span_of(src, "echo"));
  EXPECT_EQ(run.raw, "echo hi");
  EXPECT_EQ(run.raw_span, span_of(src, "echo hi"));
}

}  // namespace
}  // namespace kclint::dockerfile::testing
