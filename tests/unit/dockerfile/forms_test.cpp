// Dockerfile parser: exec (JSON) form versus shell form for RUN, CMD,
// ENTRYPOINT, SHELL, COPY and HEALTHCHECK, with Docker's fallback rules.
#include <gtest/gtest.h>

#include "tests/unit/dockerfile/helpers.h"

namespace kclint::dockerfile::testing {
namespace {

const Instruction& second(const ParseResult& r) { return r.file.stages.at(0).instructions.at(1); }

TEST(DockerfileForms, ExecFormElementsWithSpans) {
  const std::string src = "FROM alpine\nCMD [ \"python\", \"/usr/src/app/app.py\" ]\n";
  ParseResult r = parse_clean(src);
  const Instruction& cmd = second(r);
  EXPECT_TRUE(cmd.json_form);
  EXPECT_EQ(texts(cmd.args), (std::vector<std::string>{"python", "/usr/src/app/app.py"}));
  EXPECT_EQ(cmd.args[0].raw, "\"python\"");
  EXPECT_EQ(cmd.args[0].span, span_of(src, "\"python\""));
  EXPECT_EQ(cmd.args[1].span, span_of(src, "\"/usr/src/app/app.py\""));
  EXPECT_EQ(cmd.raw, "[ \"python\", \"/usr/src/app/app.py\" ]");
}

TEST(DockerfileForms, ExecFormEscapesAndUnicode) {
  ParseResult r = parse_clean("FROM alpine\nENTRYPOINT [\"a\\\"b\", \"\\u00e9\\n\", \"\\ud83d\\ude00\", \"x\\/y\"]\n");
  EXPECT_EQ(texts(second(r).args), (std::vector<std::string>{"a\"b", "\xC3\xA9\n", "\xF0\x9F\x98\x80", "x/y"}));
}

TEST(DockerfileForms, ExecFormAcrossContinuationLines) {
  const std::string src =
      "FROM alpine\n"
      "RUN [\"sh\", \\\n"
      "     \"-c\", \\\n"
      "     \"echo hi\"]\n";
  ParseResult r = parse_clean(src);
  const Instruction& run = second(r);
  EXPECT_TRUE(run.json_form);
  EXPECT_EQ(texts(run.args), (std::vector<std::string>{"sh", "-c", "echo hi"}));
  EXPECT_EQ(run.args[2].span, span_of(src, "\"echo hi\""));
}

TEST(DockerfileForms, EmptyExecForm) {
  ParseResult r = parse_clean("FROM alpine\nCMD []\n");
  EXPECT_TRUE(second(r).json_form);
  EXPECT_TRUE(second(r).args.empty());
}

TEST(DockerfileForms, ShellFormWordsHonourQuotes) {
  const std::string src = "FROM alpine\nRUN echo \"a b\" 'c d' e\\ f\n";
  ParseResult r = parse_clean(src);
  const Instruction& run = second(r);
  EXPECT_FALSE(run.json_form);
  EXPECT_EQ(texts(run.args), (std::vector<std::string>{"echo", "a b", "c d", "e f"}));
  EXPECT_EQ(run.args[1].raw, "\"a b\"");
  EXPECT_EQ(run.args[1].span, span_of(src, "\"a b\""));
  EXPECT_EQ(run.raw, "echo \"a b\" 'c d' e\\ f");
}

TEST(DockerfileForms, InvalidJsonFallsBackToShellForm) {
  // Single quotes, a trailing comma, text after the array: all shell form in Docker.
  ParseResult r = parse_clean(
      "FROM alpine\n"
      "CMD ['node', 'app.js']\n"
      "RUN [\"a\",]\n"
      "ENTRYPOINT [\"a\"] b\n"
      "RUN [ -f /x ] && echo yes\n");
  const auto& ins = r.file.stages[0].instructions;
  for (std::size_t i = 1; i < ins.size(); ++i) EXPECT_FALSE(ins[i].json_form) << ins[i].raw;
  EXPECT_EQ(texts(ins[1].args), (std::vector<std::string>{"[node,", "app.js]"}));
  EXPECT_EQ(texts(ins[4].args), (std::vector<std::string>{"[", "-f", "/x", "]", "&&", "echo", "yes"}));
}

TEST(DockerfileForms, ShellFormToleratesUnbalancedQuotes) {
  // Docker hands shell form to the shell unread.
  ParseResult r = parse_clean("FROM alpine\nRUN A='0\\'' git clone x\nCMD echo \"oops\n");
  EXPECT_EQ(r.file.stages[0].instructions.size(), 3u);
}

TEST(DockerfileForms, JsonArrayOfNonStringsIsAnError) {
  const std::string src = "FROM alpine\nCMD [\"a\", 1]\n";
  Diagnostic d = only_error(src);
  EXPECT_EQ(d.message, "JSON arrays in a Dockerfile must contain only strings");
  EXPECT_EQ(d.span, span_of(src, "[\"a\", 1]"));
}

TEST(DockerfileForms, FlagsComeBeforeTheForm) {
  const std::string src = "FROM alpine\nRUN --mount=type=secret,id=npm --network=none [\"npm\", \"ci\"]\n";
  ParseResult r = parse_clean(src);
  const Instruction& run = second(r);
  EXPECT_TRUE(run.json_form);
  ASSERT_EQ(run.flags.size(), 2u);
  EXPECT_EQ(run.flags[0].name, "mount");
  EXPECT_EQ(run.flags[0].value, "type=secret,id=npm");
  EXPECT_EQ(run.flags[0].span, span_of(src, "--mount=type=secret,id=npm"));
  EXPECT_EQ(run.flags[0].value_span, span_of(src, "type=secret,id=npm"));
  EXPECT_EQ(run.flag("network")->value, "none");
  EXPECT_EQ(run.flag("nope"), nullptr);
  EXPECT_EQ(texts(run.args), (std::vector<std::string>{"npm", "ci"}));
  EXPECT_EQ(run.raw, "[\"npm\", \"ci\"]");
  EXPECT_EQ(run.raw_span, span_of(src, "[\"npm\", \"ci\"]"));
}

TEST(DockerfileForms, ShellMustBeJson) {
  ParseResult ok = parse_clean("FROM mcr.microsoft.com/windows\nSHELL [\"powershell\", \"-command\"]\n");
  EXPECT_TRUE(second(ok).json_form);
  const std::string src = "FROM alpine\nSHELL /bin/bash -c\n";
  Diagnostic d = only_error(src);
  EXPECT_EQ(d.message, "SHELL requires the arguments to be in JSON form");
  EXPECT_EQ(d.span, span_of(src, "/bin/bash -c"));
}

TEST(DockerfileForms, HealthcheckCmdShellAndExecWithOptions) {
  const std::string src =
      "FROM node\n"
      "HEALTHCHECK --interval=30s --timeout=3s CMD curl --fail http://localhost:3000 || exit 1\n"
      "HEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost/\"]\n";
  ParseResult r = parse_clean(src);
  const auto& ins = r.file.stages[0].instructions;
  const HealthCheck* shell = ins[1].healthcheck();
  ASSERT_NE(shell, nullptr);
  EXPECT_FALSE(shell->none);
  EXPECT_FALSE(shell->json_form);
  EXPECT_EQ(shell->type.text, "CMD");
  EXPECT_EQ(shell->command_raw, "curl --fail http://localhost:3000 || exit 1");
  EXPECT_EQ(shell->command_span, span_of(src, "curl --fail http://localhost:3000 || exit 1"));
  EXPECT_EQ(texts(shell->command),
            (std::vector<std::string>{"curl", "--fail", "http://localhost:3000", "||", "exit", "1"}));
  EXPECT_EQ(ins[1].flag("interval")->value, "30s");
  EXPECT_EQ(ins[1].flag("timeout")->value, "3s");
  EXPECT_EQ(ins[1].args.front().text, "CMD");

  const HealthCheck* exec = ins[2].healthcheck();
  ASSERT_NE(exec, nullptr);
  EXPECT_TRUE(exec->json_form);
  EXPECT_TRUE(ins[2].json_form);
  EXPECT_EQ(texts(exec->command), (std::vector<std::string>{"curl", "-f", "http://localhost/"}));
  EXPECT_EQ(exec->command[2].span, span_of(src, "\"http://localhost/\""));
}

TEST(DockerfileForms, HealthcheckNone) {
  ParseResult r = parse_clean("FROM node\nhealthcheck none\n");
  const HealthCheck* h = second(r).healthcheck();
  ASSERT_NE(h, nullptr);
  EXPECT_TRUE(h->none);
  EXPECT_TRUE(h->command.empty());
}

TEST(DockerfileForms, CopyExecFormAndFlags) {
  const std::string src = "FROM alpine\nCOPY --chown=app:app --chmod=0755 [\"a b.txt\", \"/dst/\"]\n";
  ParseResult r = parse_clean(src);
  const Instruction& copy = second(r);
  EXPECT_TRUE(copy.json_form);
  EXPECT_EQ(texts(copy.args), (std::vector<std::string>{"a b.txt", "/dst/"}));
  EXPECT_EQ(copy.flag("chown")->value, "app:app");
  EXPECT_EQ(copy.flag("chmod")->value_span, span_of(src, "0755"));
}

TEST(DockerfileForms, BareFlagAndDoubleDash) {
  ParseResult r = parse_clean("FROM alpine\nCOPY --link -- --weird-name /dst\n");
  const Instruction& copy = second(r);
  ASSERT_EQ(copy.flags.size(), 1u);
  EXPECT_EQ(copy.flags[0].name, "link");
  EXPECT_FALSE(copy.flags[0].has_value);
  EXPECT_FALSE(copy.flags[0].value_span.valid());
  EXPECT_EQ(texts(copy.args), (std::vector<std::string>{"--weird-name", "/dst"}));
}

}  // namespace
}  // namespace kclint::dockerfile::testing
