// Dockerfile parser: build stages — names, FROM --platform, base stages by
// name or index, global ARGs and their substitution in FROM, COPY --from.
#include <gtest/gtest.h>

#include "tests/unit/dockerfile/helpers.h"

namespace kclint::dockerfile::testing {
namespace {

TEST(DockerfileStages, MultiStageWithNamesAndCopyFrom) {
  const std::string src =
      "FROM maven:3.8-openjdk-17-slim AS build\n"
      "RUN mvn package\n"
      "\n"
      "FROM amazonlinux:2 as Run\n"
      "COPY --from=build /app/target/app.jar /app/app.jar\n"
      "CMD [\"java\",\"-jar\",\"/app/app.jar\"]\n";
  ParseResult r = parse_clean(src);
  ASSERT_EQ(r.file.stages.size(), 2u);
  const Stage& build = r.file.stages[0];
  const Stage& run = r.file.stages[1];
  EXPECT_EQ(build.name, "build");
  EXPECT_EQ(build.name_span, span_of(src, "build"));
  EXPECT_EQ(build.base_image.text, "maven:3.8-openjdk-17-slim");
  EXPECT_EQ(build.base_image.span, span_of(src, "maven:3.8-openjdk-17-slim"));
  EXPECT_EQ(build.base_stage, -1);
  EXPECT_EQ(build.instructions.size(), 2u);
  EXPECT_EQ(build.from().keyword, "FROM");

  EXPECT_EQ(run.name, "run");  // lower-cased
  EXPECT_EQ(run.name_span, span_of(src, "Run"));
  ASSERT_NE(run.from().from(), nullptr);
  EXPECT_EQ(run.from().from()->name->text, "Run");
  ASSERT_EQ(run.instructions.size(), 3u);
  const Flag* from = run.instructions[1].flag("from");
  ASSERT_NE(from, nullptr);
  EXPECT_EQ(from->value, "build");
  EXPECT_EQ(from->value_span, span_of(src, "build", 1));
}

TEST(DockerfileStages, BaseStageByNameCaseInsensitiveOrIndex) {
  ParseResult r = parse_clean(
      "FROM alpine:3 AS Base\n"
      "FROM BASE AS build\n"
      "FROM 0\n"
      "FROM base\n"
      "FROM 7\n"
      "FROM scratch\n");
  ASSERT_EQ(r.file.stages.size(), 6u);
  EXPECT_EQ(r.file.stages[1].base_stage, 0);
  EXPECT_EQ(r.file.stages[2].base_stage, 0);
  EXPECT_EQ(r.file.stages[3].base_stage, 0);
  EXPECT_EQ(r.file.stages[4].base_stage, -1);
  EXPECT_EQ(r.file.stages[5].base_stage, -1);
  EXPECT_EQ(r.file.stages[2].name, "");
}

TEST(DockerfileStages, PlatformFlag) {
  const std::string src =
      "FROM --platform=$BUILDPLATFORM golang:alpine AS build\n"
      "FROM --platform=linux/amd64 node:16 as FOO\n";
  ParseResult r = parse_clean(src);
  ASSERT_EQ(r.file.stages.size(), 2u);
  const From* a = r.file.stages[0].from().from();
  ASSERT_TRUE(a->platform);
  EXPECT_EQ(a->platform->text, "$BUILDPLATFORM");  // builtin: not known statically
  EXPECT_TRUE(a->platform->unresolved);
  EXPECT_EQ(a->platform->span, span_of(src, "$BUILDPLATFORM"));
  EXPECT_EQ(a->image.text, "golang:alpine");
  EXPECT_EQ(r.file.stages[0].from().flag("platform")->value, "$BUILDPLATFORM");
  const From* b = r.file.stages[1].from().from();
  EXPECT_EQ(b->platform->text, "linux/amd64");
  EXPECT_FALSE(b->platform->unresolved);
  EXPECT_EQ(r.file.stages[1].name, "foo");
}

TEST(DockerfileStages, GlobalArgsSubstituteIntoFrom) {
  const std::string src =
      "ARG REGISTRY=docker.io\n"
      "ARG VERSION=3.19\n"
      "ARG VARIANT\n"
      "FROM ${REGISTRY}/library/alpine:$VERSION AS a\n"
      "FROM alpine:${VERSION:-latest}-${UNSET:-slim}\n"
      "FROM alpine:${VERSION:+pinned}${UNSET:+x}\n"
      "FROM alpine:${VARIANT}\n"
      "FROM alpine:${VARIANT:-x} AS e\n"
      "FROM alpine:$NOT_DECLARED\n";
  ParseResult r = parse_clean(src);
  ASSERT_EQ(r.file.global_args.size(), 3u);
  EXPECT_EQ(r.file.global_args[0].pairs()->at(0).key.text, "REGISTRY");
  ASSERT_EQ(r.file.stages.size(), 6u);
  const auto& st = r.file.stages;
  EXPECT_EQ(st[0].base_image.text, "docker.io/library/alpine:3.19");
  EXPECT_EQ(st[0].base_image.raw, "${REGISTRY}/library/alpine:$VERSION");
  EXPECT_EQ(st[0].base_image.span, span_of(src, "${REGISTRY}/library/alpine:$VERSION"));
  EXPECT_FALSE(st[0].base_image.unresolved);
  EXPECT_EQ(st[1].base_image.text, "alpine:3.19-slim");
  EXPECT_EQ(st[2].base_image.text, "alpine:pinned");
  // Declared without a default: a --build-arg may set it; stays as written.
  EXPECT_EQ(st[3].base_image.text, "alpine:${VARIANT}");
  EXPECT_TRUE(st[3].base_image.unresolved);
  EXPECT_EQ(st[4].base_image.text, "alpine:${VARIANT:-x}");
  EXPECT_TRUE(st[4].base_image.unresolved);
  EXPECT_EQ(st[5].base_image.text, "alpine:$NOT_DECLARED");
  EXPECT_TRUE(st[5].base_image.unresolved);
}

TEST(DockerfileStages, GlobalArgDefaultsUseEarlierArgs) {
  ParseResult r = parse_clean(
      "ARG BASE=alpine\n"
      "ARG TAG=3\n"
      "ARG IMAGE=\"${BASE}:${TAG}\"\n"
      "FROM $IMAGE\n");
  EXPECT_EQ(r.file.stages.at(0).base_image.text, "alpine:3");
}

TEST(DockerfileStages, SubstitutedNameSelectsAStage) {
  ParseResult r = parse_clean("ARG FLAVOUR=builder\nFROM alpine AS builder\nFROM ${FLAVOUR}\n");
  ASSERT_EQ(r.file.stages.size(), 2u);
  EXPECT_EQ(r.file.stages[1].base_stage, 0);
}

TEST(DockerfileStages, StageArgsAreNotGlobal) {
  // An ARG inside a stage does not reach the next FROM.
  ParseResult r = parse_clean("FROM alpine\nARG V=1\nFROM alpine:$V\n");
  EXPECT_EQ(r.file.stages.at(1).base_image.text, "alpine:$V");
}

TEST(DockerfileStages, DuplicateStageNameIsReported) {
  const std::string src = "FROM debian AS build\nRUN a\nFROM debian AS Build\n";
  Diagnostic d = only_error(src);
  EXPECT_EQ(d.message, "duplicate stage name \"build\"");
  EXPECT_EQ(d.span, span_of(src, "Build"));
}

TEST(DockerfileStages, InvalidStageName) {
  const std::string src = "FROM debian AS 1st\n";
  Diagnostic d = only_error(src);
  EXPECT_NE(d.message.find("invalid name for build stage \"1st\""), std::string::npos) << d.message;
  EXPECT_EQ(d.span, span_of(src, "1st"));
}

}  // namespace
}  // namespace kclint::dockerfile::testing
