// Dockerfile parser: the parsed forms of ENV, ARG, LABEL, USER (with
// substitution), EXPOSE and ONBUILD.
#include <gtest/gtest.h>

#include "tests/unit/dockerfile/helpers.h"

namespace kclint::dockerfile::testing {
namespace {

const std::vector<Instruction>& stage0(const ParseResult& r) { return r.file.stages.at(0).instructions; }

TEST(DockerfileInstructions, EnvKeyValueForm) {
  const std::string src = "FROM alpine\nENV A=1 B=\"two words\" C='x' D=\n";
  ParseResult r = parse_clean(src);
  const std::vector<KeyValue>* kv = stage0(r)[1].pairs();
  ASSERT_NE(kv, nullptr);
  ASSERT_EQ(kv->size(), 4u);
  EXPECT_EQ((*kv)[0].key.text, "A");
  EXPECT_EQ((*kv)[0].value.text, "1");
  EXPECT_EQ((*kv)[1].value.text, "two words");
  EXPECT_EQ((*kv)[1].value.raw, "\"two words\"");
  EXPECT_EQ((*kv)[1].key.span, span_of(src, "B"));
  EXPECT_EQ((*kv)[1].value.span, span_of(src, "\"two words\""));
  EXPECT_EQ((*kv)[2].value.text, "x");
  EXPECT_EQ((*kv)[3].value.text, "");
  EXPECT_TRUE((*kv)[3].has_value);
}

TEST(DockerfileInstructions, EnvLegacyForm) {
  const std::string src = "FROM alpine\nENV GIT_SSL_NO_VERIFY    0\nENV MSG hello   \"big\" world\n";
  ParseResult r = parse_clean(src);
  const auto& a = *stage0(r)[1].pairs();
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].key.text, "GIT_SSL_NO_VERIFY");
  EXPECT_EQ(a[0].value.text, "0");
  EXPECT_EQ(a[0].value.span, span_of(src, "0"));
  const auto& b = *stage0(r)[2].pairs();
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].value.text, "hello   big world");  // the rest of the line is the value
  EXPECT_EQ(b[0].value.span, span_of(src, "hello   \"big\" world"));
}

TEST(DockerfileInstructions, EnvValueAcrossContinuationLines) {
  const std::string src =
      "FROM golang\n"
      "ENV GO111MODULE=on \\\n"
      "    CGO_ENABLED=0 \\\n"
      "    GIT_SSL_NO_VERIFY=1\n";
  ParseResult r = parse_clean(src);
  const auto& kv = *stage0(r)[1].pairs();
  ASSERT_EQ(kv.size(), 3u);
  EXPECT_EQ(kv[2].key.text, "GIT_SSL_NO_VERIFY");
  EXPECT_EQ(kv[2].key.span, span_of(src, "GIT_SSL_NO_VERIFY"));
  EXPECT_EQ(kv[2].key.span.line, 4u);
  EXPECT_EQ(kv[2].key.span.column, 5u);
}

TEST(DockerfileInstructions, ArgWithAndWithoutDefault) {
  const std::string src = "FROM alpine\nARG A\nARG B=2 C=\"three\"\nARG GIT_SSL_NO_VERIFY 0\n";
  ParseResult r = parse_clean(src);
  const auto& ins = stage0(r);
  const auto& a = *ins[1].pairs();
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].key.text, "A");
  EXPECT_FALSE(a[0].has_value);
  const auto& b = *ins[2].pairs();
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].value.text, "2");
  EXPECT_EQ(b[1].value.text, "three");
  EXPECT_EQ(b[1].value.span, span_of(src, "\"three\""));
  // Docker reads `ARG name value` as two ARGs without defaults.
  const auto& c = *ins[3].pairs();
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[1].key.text, "0");
}

TEST(DockerfileInstructions, LabelPairs) {
  const std::string src =
      "FROM alpine\n"
      "LABEL \"com.example.vendor\"=\"ACME Inc\" version=1.0 \\\n"
      "      description=\"multi\\\n"
      "line\"\n"
      "LABEL maintainer checkov\n";
  ParseResult r = parse_clean(src);
  const auto& kv = *stage0(r)[1].pairs();
  ASSERT_EQ(kv.size(), 3u);
  EXPECT_EQ(kv[0].key.text, "com.example.vendor");
  EXPECT_EQ(kv[0].value.text, "ACME Inc");
  EXPECT_EQ(kv[2].key.text, "description");
  EXPECT_EQ(kv[2].value.text, "multiline");  // a continuation inside quotes joins the lines
  EXPECT_EQ(kv[2].value.span.line, 3u);
  EXPECT_EQ(kv[2].value.span.end_line, 4u);
  const auto& legacy = *stage0(r)[2].pairs();
  ASSERT_EQ(legacy.size(), 1u);
  EXPECT_EQ(legacy[0].key.text, "maintainer");
  EXPECT_EQ(legacy[0].value.text, "checkov");
}

TEST(DockerfileInstructions, UserAndGroup) {
  const std::string src = "FROM alpine\nUSER  me\nUSER 1000:1000\nUSER app:\n";
  ParseResult r = parse_clean(src);
  const auto& ins = stage0(r);
  const User* a = ins[1].user();
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->user.text, "me");
  EXPECT_EQ(a->user.span, span_of(src, "me"));
  EXPECT_FALSE(a->group);
  const User* b = ins[2].user();
  EXPECT_EQ(b->user.text, "1000");
  EXPECT_EQ(b->user.span, span_of(src, "1000"));
  ASSERT_TRUE(b->group);
  EXPECT_EQ(b->group->text, "1000");
  EXPECT_EQ(b->group->span, span_of(src, "1000", 1));
  EXPECT_EQ(ins[3].user()->group->text, "");
}

TEST(DockerfileInstructions, UserSubstitutesStageArgsAndEnv) {
  const std::string src =
      "ARG UID=1001\n"
      "FROM alpine AS base\n"
      "ENV APP_USER=app\n"
      "USER ${APP_USER}\n"
      "ARG UID\n"  // takes the global default
      "ARG GID=${UID}\n"
      "USER $UID:${GID}\n"
      "USER ${MISSING:-nobody}\n"  // may come from the base image: unknown
      "USER ${APP_USER:+$APP_USER}:x\n"
      "FROM base\n"
      "USER $APP_USER\n"  // ENV is inherited through FROM <stage>
      "USER $UID\n"       // ARG is not
      "FROM alpine\n"
      "USER $APP_USER\n";
  ParseResult r = parse_clean(src);
  ASSERT_EQ(r.file.stages.size(), 3u);
  const auto& s0 = r.file.stages[0].instructions;
  EXPECT_EQ(s0[2].user()->user.text, "app");
  EXPECT_FALSE(s0[2].user()->user.unresolved);
  EXPECT_EQ(s0[2].user()->user.span, span_of(src, "${APP_USER}"));
  const User* ug = s0[5].user();
  EXPECT_EQ(ug->user.text, "1001");
  EXPECT_EQ(ug->group->text, "1001");
  EXPECT_EQ(ug->user.span, span_of(src, "$UID"));
  EXPECT_EQ(ug->group->span, span_of(src, "${GID}"));
  EXPECT_EQ(s0[6].user()->user.text, "${MISSING:-nobody}");
  EXPECT_TRUE(s0[6].user()->user.unresolved);
  EXPECT_EQ(s0[7].user()->user.text, "app");
  EXPECT_EQ(s0[7].user()->group->text, "x");

  const auto& s1 = r.file.stages[1].instructions;
  EXPECT_EQ(s1[1].user()->user.text, "app");
  EXPECT_EQ(s1[2].user()->user.text, "$UID");
  EXPECT_TRUE(s1[2].user()->user.unresolved);
  EXPECT_EQ(r.file.stages[2].instructions[1].user()->user.text, "$APP_USER");
}

TEST(DockerfileInstructions, UserFromASubstitutedUserGroupPair) {
  const std::string src = "FROM alpine\nARG OWNER=\"svc:svc\"\nUSER $OWNER\n";
  ParseResult r = parse_clean(src);
  const User* u = stage0(r)[2].user();
  EXPECT_EQ(u->user.text, "svc");
  ASSERT_TRUE(u->group);
  EXPECT_EQ(u->group->text, "svc");
  EXPECT_EQ(u->user.span, span_of(src, "$OWNER"));
}

TEST(DockerfileInstructions, EnvOverridesArgOfTheSameName) {
  ParseResult r = parse_clean("FROM alpine\nENV U=envuser\nARG U=arguser\nUSER $U\n");
  EXPECT_EQ(stage0(r)[3].user()->user.text, "envuser");
}

TEST(DockerfileInstructions, EscapedDollarIsNotSubstituted) {
  ParseResult r = parse_clean("FROM alpine\nENV U=x\nUSER \\$U\nUSER '$U'\n");
  EXPECT_EQ(stage0(r)[2].user()->user.text, "$U");
  EXPECT_FALSE(stage0(r)[2].user()->user.unresolved);
  EXPECT_EQ(stage0(r)[3].user()->user.text, "$U");
}

TEST(DockerfileInstructions, ExposePorts) {
  const std::string src = "FROM busybox\nARG PORT=9090\nEXPOSE 8080 22/tcp 53/UDP 8000-8010 ${PORT} $OTHER\n";
  ParseResult r = parse_clean(src);
  const std::vector<Port>* ports = stage0(r)[2].ports();
  ASSERT_NE(ports, nullptr);
  ASSERT_EQ(ports->size(), 6u);
  const auto& p = *ports;
  EXPECT_EQ(p[0].first, 8080u);
  EXPECT_EQ(p[0].protocol, "tcp");
  EXPECT_EQ(p[1].first, 22u);
  EXPECT_EQ(p[1].word.span, span_of(src, "22/tcp"));
  EXPECT_EQ(p[2].first, 53u);
  EXPECT_EQ(p[2].protocol, "udp");
  EXPECT_EQ(p[3].first, 8000u);
  EXPECT_EQ(p[3].last, 8010u);
  EXPECT_EQ(p[4].first, 9090u);
  EXPECT_EQ(p[4].word.text, "9090");
  EXPECT_EQ(p[5].first, 0u);
  EXPECT_TRUE(p[5].word.unresolved);
}

TEST(DockerfileInstructions, OnbuildTrigger) {
  const std::string src = "FROM alpine\nONBUILD COPY --chown=app . /src\nonbuild run make\n";
  ParseResult r = parse_clean(src);
  const auto& ins = stage0(r);
  ASSERT_EQ(ins.size(), 3u);
  ASSERT_TRUE(ins[1].trigger);
  const Instruction& copy = *ins[1].trigger;
  EXPECT_EQ(copy.keyword, "COPY");
  EXPECT_EQ(copy.keyword_span, span_of(src, "COPY"));
  EXPECT_EQ(copy.flag("chown")->value, "app");
  EXPECT_EQ(texts(copy.args), (std::vector<std::string>{".", "/src"}));
  EXPECT_EQ(copy.span.line, 2u);
  EXPECT_EQ(copy.span.column, 9u);
  EXPECT_EQ(ins[1].raw, "COPY --chown=app . /src");
  EXPECT_EQ(ins[2].trigger->keyword, "RUN");
}

TEST(DockerfileInstructions, OtherInstructionsKeepTheirWords) {
  ParseResult r = parse_clean(
      "FROM alpine\n"
      "WORKDIR \"/path/to/workdir\"\n"
      "STOPSIGNAL SIGTERM\n"
      "VOLUME [\"/data\"]\n"
      "VOLUME /a /b\n"
      "MAINTAINER checkov <c@example.com>\n"
      "ADD http://example.com/package.zip /temp\n");
  const auto& ins = stage0(r);
  EXPECT_EQ(ins[1].args.at(0).text, "/path/to/workdir");
  EXPECT_EQ(ins[2].args.at(0).text, "SIGTERM");
  EXPECT_TRUE(ins[3].json_form);
  EXPECT_EQ(texts(ins[4].args), (std::vector<std::string>{"/a", "/b"}));
  EXPECT_EQ(ins[5].raw, "checkov <c@example.com>");
  EXPECT_EQ(ins[6].args.size(), 2u);
}

}  // namespace
}  // namespace kclint::dockerfile::testing
