// Suppression comments: where they are recognised and how they are read.
#include <gtest/gtest.h>

#include "analyzer/suppress.h"

namespace kclint {
namespace {

std::vector<Suppression> scan(std::string_view text, CommentStyle style) {
  LineIndex lines(text);
  return scan_suppressions(0, text, lines, style);
}

TEST(Suppress, ReadsIdsAndReason) {
  auto s = scan("# kclint:ignore CTR001, sec001 -- fixture only\n", CommentStyle::Hash);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].ids, (std::vector<std::string>{"CTR001", "SEC001"}));
  EXPECT_EQ(s[0].reason, "fixture only");
  EXPECT_TRUE(s[0].own_line);
  EXPECT_EQ(s[0].span.line, 1u);
  EXPECT_EQ(s[0].span.column, 1u);
}

TEST(Suppress, TrailingCommentsAndStyles) {
  auto yaml = scan("run: make  # kclint:ignore CI004 -- trusted input\n", CommentStyle::Hash);
  ASSERT_EQ(yaml.size(), 1u);
  EXPECT_FALSE(yaml[0].own_line);
  EXPECT_EQ(yaml[0].span.column, 12u);
  // In a Dockerfile '#' is a comment only at the start of a line.
  EXPECT_TRUE(scan("USER root # kclint:ignore CTR001 -- x\n", CommentStyle::HashOnly).empty());
  auto hcl = scan("  port = 22 /* kclint:ignore SG001 -- bastion */\n// kclint:ignore IAM -- all of it\n",
                  CommentStyle::Hcl);
  ASSERT_EQ(hcl.size(), 2u);
  EXPECT_EQ(hcl[0].reason, "bastion");
  EXPECT_EQ(hcl[1].ids, (std::vector<std::string>{"IAM"}));
  EXPECT_TRUE(scan("{\"a\": \"# kclint:ignore X\"}", CommentStyle::None).empty());
}

TEST(Suppress, ReasonWithoutDashesAndMissingReason) {
  auto s = scan("# kclint:ignore CTR001 needed for the sidecar\n# kclint:ignore CTR004\n", CommentStyle::Hash);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].ids, (std::vector<std::string>{"CTR001"}));
  EXPECT_EQ(s[0].reason, "needed for the sidecar");
  EXPECT_TRUE(s[1].reason.empty());
}

}  // namespace
}  // namespace kclint
