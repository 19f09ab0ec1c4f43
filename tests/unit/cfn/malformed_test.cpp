// Malformed templates give KC000 where the problem is; the other files of the
// project load and lower as usual.
#include <gtest/gtest.h>

#include "tests/unit/cfn/helpers.h"

namespace kclint::cfn {
namespace {

using namespace testing;

const Diagnostics& diagnostics_of(const Project& p, std::string_view rel) {
  static const Diagnostics none;
  const SourceFile* f = p.file_by_rel_path(rel);
  EXPECT_NE(f, nullptr) << rel;
  return f ? f->diagnostics : none;
}

class Malformed : public ::testing::Test {
 protected:
  void SetUp() override { project = load("malformed"); }
  std::unique_ptr<Project> project;
};

TEST_F(Malformed, AllFilesAreCloudFormation) {
  for (std::string_view f : {"bad-indent.yaml", "unknown-tag.yaml", "duplicate.yaml", "good.yaml"})
    EXPECT_EQ(project->file_by_rel_path(f)->format, Format::CloudFormation) << f;
}

TEST_F(Malformed, BadIndentation) {
  const Diagnostics& d = diagnostics_of(*project, "bad-indent.yaml");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].span.line, 7u) << d[0].message;
}

TEST_F(Malformed, UnknownTagIsReportedAtTheTagAndTheRestLowers) {
  const Diagnostics& d = diagnostics_of(*project, "unknown-tag.yaml");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].span, span_of(*project, "unknown-tag.yaml", "!Refer"));
  EXPECT_NE(d[0].message.find("!Refer"), std::string::npos) << d[0].message;
  EXPECT_NE(project->find("unknown-tag.yaml#Bucket"), nullptr);
}

TEST_F(Malformed, DuplicateLogicalIdIsReportedAtTheSecond) {
  const Diagnostics& d = diagnostics_of(*project, "duplicate.yaml");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].span, span_of(*project, "duplicate.yaml", "Bucket", 2));
  EXPECT_NE(d[0].message.find("duplicate key \"Bucket\" (first at 3:3)"), std::string::npos) << d[0].message;
  // The later definition is the one CloudFormation would see.
  const Resource* bucket = project->find("duplicate.yaml#Bucket");
  ASSERT_NE(bucket, nullptr);
  EXPECT_EQ(*attr(bucket, "bucket")->string_value(), "second");
}

TEST_F(Malformed, OtherFilesAreUnaffected) {
  EXPECT_TRUE(diagnostics_of(*project, "good.yaml").empty());
  const Resource* logs = project->find("good.yaml#Logs");
  ASSERT_NE(logs, nullptr);
  EXPECT_EQ(attr(logs, "retention_in_days")->as_number(), 7);
}

}  // namespace
}  // namespace kclint::cfn
