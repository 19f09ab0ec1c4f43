// Dockerfile parser: what Docker rejects becomes a diagnostic at the right
// line and column, parsing goes on, and no input makes the parser throw.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "tests/unit/dockerfile/helpers.h"

namespace kclint::dockerfile::testing {
namespace {

struct Case {
  const char* name;
  std::string src;
  std::string message;
  std::string at;  // text the diagnostic points at (first occurrence, or `nth`)
  int nth = 0;
};

class DockerfileErrors : public ::testing::TestWithParam<Case> {};

TEST_P(DockerfileErrors, ReportsOneDiagnosticAtItsPosition) {
  const Case& c = GetParam();
  Diagnostic d = only_error(c.src);
  EXPECT_EQ(d.message, c.message);
  EXPECT_EQ(d.span, span_of(c.src, c.at, c.nth));
}

INSTANTIATE_TEST_SUITE_P(
    Parser, DockerfileErrors,
    ::testing::Values(
        Case{"UnknownInstruction", "FROM alpine\nFOO bar\n", "unknown instruction \"FOO\"", "FOO"},
        Case{"UnknownTilde", "FROM base\nRUN apk update\n~\n", "unknown instruction \"~\"", "~"},
        Case{"UnknownOnbuildTrigger", "FROM base\nONBUILD FETCH x\n", "unknown instruction \"FETCH\"", "FETCH"},
        Case{"InstructionBeforeFrom", "ARG A=1\nRUN echo\nFROM alpine\n",
             "instruction \"RUN\" before the first FROM (only ARG may come before it)", "RUN"},
        Case{"NoFrom", "ARG A=1\nARG B\n", "no FROM instruction", "ARG"},
        Case{"NoFromWithOtherInstructions", "# comment\nRUN echo\nUSER x\n", "no FROM instruction", "RUN"},
        Case{"UnterminatedDoubleQuoteInLabel", "FROM base\n\nLABEL foo=\"bar baz\nUSER  me\n",
             "unterminated double quote", "\""},
        Case{"UnterminatedSingleQuoteInEnv", "FROM base\nENV A='x\n", "unterminated single quote", "'"},
        Case{"UnterminatedQuoteInUser", "FROM base\nUSER \"app\n", "unterminated double quote", "\""},
        Case{"UnterminatedQuoteInCopy", "FROM base\nCOPY a \"b /c\n", "unterminated double quote", "\""},
        Case{"MissingFromArgument", "FROM\nRUN x\n", "FROM requires at least one argument", "FROM"},
        Case{"FromWithTwoArguments", "FROM alpine extra\n",
             "FROM requires either one or three arguments (image [AS name])", "alpine extra"},
        Case{"EnvWithoutValue", "FROM a\nENV FOO\n", "ENV must have two arguments", "FOO"},
        Case{"EnvMixedForms", "FROM a\nENV A=1 B\n", "ENV: can't find = in \"B\"; must be of the form name=value", "B"},
        Case{"EnvBlankName", "FROM a\nENV =x\n", "ENV names can not be blank", "=x"},
        Case{"EmptyLabel", "FROM a\nLABEL\n", "LABEL requires at least one argument", "LABEL"},
        Case{"EmptyArg", "FROM a\nARG\n", "ARG requires at least one argument", "ARG"},
        Case{"ArgBlankName", "FROM a\nARG =1\n", "ARG names can not be blank", "=1"},
        Case{"CopyWithoutDestination", "FROM a\nCOPY file\n", "COPY requires at least two arguments", "COPY"},
        Case{"EmptyUser", "FROM a\nUSER\n", "USER requires at least one argument", "USER"},
        Case{"EmptyWorkdir", "FROM a\nWORKDIR  \n", "WORKDIR requires at least one argument", "WORKDIR"},
        Case{"EmptyExpose", "FROM a\nEXPOSE\n", "EXPOSE requires at least one argument", "EXPOSE"},
        Case{"EmptyShell", "FROM a\nSHELL []\n", "SHELL requires at least one argument", "SHELL"},
        Case{"EmptyHealthcheck", "FROM a\nHEALTHCHECK\n", "HEALTHCHECK requires at least one argument", "HEALTHCHECK"},
        Case{"HealthcheckNoneWithArguments", "FROM a\nHEALTHCHECK NONE curl x\n", "HEALTHCHECK NONE takes no arguments",
             "curl x"},
        Case{"HealthcheckUnknownType", "FROM a\nHEALTHCHECK RUN curl x\n", "unknown HEALTHCHECK type \"RUN\" (try CMD)",
             "RUN"},
        Case{"HealthcheckCmdWithoutCommand", "FROM a\nHEALTHCHECK --interval=5s CMD\n",
             "missing command after HEALTHCHECK CMD", "CMD"},
        Case{"OnbuildOnbuild", "FROM a\nONBUILD ONBUILD RUN x\n",
             "chaining ONBUILD via \"ONBUILD ONBUILD\" isn't allowed", "ONBUILD", 1},
        Case{"OnbuildFrom", "FROM a\nONBUILD FROM b\n", "FROM isn't allowed as an ONBUILD trigger", "FROM", 1},
        Case{"EmptyOnbuild", "FROM a\nONBUILD\n", "ONBUILD requires at least one argument", "ONBUILD"},
        Case{"InvalidEscapeDirective", "# escape=x\nFROM a\n", "invalid escape character \"x\": must be \\ or `", "x"},
        Case{"DuplicateDirective", "# escape=`\n# escape=\\\nFROM a\n", "only one escape parser directive can be used",
             "# escape=\\"},
        Case{"UnterminatedHeredoc", "FROM a\nCOPY <<EOF /x\nbody\n", "unterminated heredoc \"EOF\"", "<<EOF"},
        Case{"InvalidUtf8", "FROM alpine\nRUN echo \xFF\n", "invalid UTF-8", "\xFF"}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

TEST(DockerfileErrorRecovery, ParsingGoesOnAfterAnError) {
  const std::string src = "FROM alpine\nFOO bar\nUSER app\nENV X\nEXPOSE 80\n";
  ParseResult r = parse(kFile, src);
  ASSERT_EQ(r.diagnostics.size(), 2u) << describe(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].span, span_of(src, "FOO"));
  EXPECT_EQ(r.diagnostics[1].span, span_of(src, "X"));
  const auto& ins = r.file.stages.at(0).instructions;
  ASSERT_EQ(ins.size(), 4u);  // the unknown instruction is dropped
  EXPECT_EQ(ins[1].keyword, "USER");
  EXPECT_EQ(ins[3].keyword, "EXPOSE");
}

TEST(DockerfileErrorRecovery, OverlongInstructionIsSkipped) {
  std::string src = "FROM alpine\nRUN echo " + std::string((std::size_t{1} << 20) + 1, 'a') + "\nUSER app\n";
  ParseResult r = parse(kFile, src);
  ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].message, "instruction is longer than 1 MiB; skipped");
  EXPECT_EQ(r.diagnostics[0].span.line, 2u);
  EXPECT_EQ(r.diagnostics[0].span.column, 1u);
  const auto& ins = r.file.stages.at(0).instructions;
  ASSERT_EQ(ins.size(), 2u);
  EXPECT_EQ(ins[1].keyword, "USER");
}

TEST(DockerfileErrorRecovery, InstructionCountIsCapped) {
  std::string src = "FROM alpine\n";
  for (int i = 0; i < 100000; ++i) src += "RUN x\n";
  ParseResult r = parse(kFile, src);
  ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].message, "more than 100000 instructions; the rest of the file is not read");
  EXPECT_EQ(r.diagnostics[0].span.line, 100001u);
  EXPECT_EQ(r.file.stages.at(0).instructions.size(), 100000u);
}

TEST(DockerfileErrorRecovery, LongLinesWithManyWordsStayFast) {
  // Spans of many words on one long line must not rescan the line each time.
  std::string src = "FROM alpine\nRUN";
  for (int i = 0; i < 100000; ++i) src += " w";
  ParseResult r = parse_clean(src);
  const auto& args = r.file.stages.at(0).instructions.at(1).args;
  ASSERT_EQ(args.size(), 100000u);
  EXPECT_EQ(args.back().span.column, 5u + 2u * 99999u);
}

TEST(DockerfileErrorRecovery, DeepNestingDoesNotExhaustTheStack) {
  std::string nested;
  for (int i = 0; i < 50000; ++i) nested += "${A:-";
  std::string src = "FROM alpine:" + nested + "\nONBUILD ONBUILD ONBUILD RUN x\nRUN [[[[[[[[[[[[[[[[[[[[" +
                    std::string(50000, '[') + "\n";
  ParseResult r = parse(kFile, src);
  EXPECT_FALSE(r.diagnostics.empty());
  ASSERT_EQ(r.file.stages.size(), 1u);
}

// Every prefix and many mutations of a feature-rich file parse without
// throwing and with spans inside the text.
TEST(DockerfileErrorRecovery, MutatedInputsNeverThrow) {
  const std::string base =
      "# syntax=docker/dockerfile:1\n# escape=\\\nARG V=1\nFROM --platform=$BUILDPLATFORM a:${V:-2} AS b\n"
      "ENV A=\"x y\" \\\n  B='z'\nRUN <<-EOF cat\n\techo $A\n\tEOF\nCOPY --from=b [\"/a\", \"/b\"]\n"
      "HEALTHCHECK --interval=1s CMD [\"true\"]\nONBUILD RUN x\nUSER ${A}:${B}\nEXPOSE 80/tcp\r\n"
      "LABEL k=v\nSHELL [\"sh\"]\n\xC3\xA9\n";
  const char kBytes[] = {'\\', '"', '\'', '$', '{', '}',  '[', ']',    '\n',   '\r', '<',
                         '-',  '#', '=',  ':', ' ', '\t', '`', '\xFF', '\xC3', '\0'};
  std::uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  auto check = [&](const std::string& src) {
    ParseResult r;
    EXPECT_NO_THROW(r = parse(kFile, src));
    for (const Diagnostic& d : r.diagnostics) EXPECT_GE(d.span.line, 1u);
  };
  for (std::size_t n = 0; n <= base.size(); ++n) check(base.substr(0, n));
  for (int round = 0; round < 3000; ++round) {
    std::string s = base;
    for (int k = 0; k < 4; ++k) {
      std::size_t at = next() % (s.size() + 1);
      switch (next() % 3) {
        case 0:
          s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), kBytes[next() % sizeof kBytes]);
          break;
        case 1:
          if (at < s.size()) s.erase(at, 1);
          break;
        default:
          if (at < s.size()) s[at] = kBytes[next() % sizeof kBytes];
          break;
      }
    }
    check(s);
  }
}

}  // namespace
}  // namespace kclint::dockerfile::testing
