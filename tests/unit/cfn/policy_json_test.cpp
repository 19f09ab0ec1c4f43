// The shared IAM JSON reader: string-or-list forms, principals, JSON text
// inside a string, and documents that cannot be known.
#include <gtest/gtest.h>

#include "analyzer/lower/policy_json.h"
#include "parsers/json/json.h"

namespace kclint {
namespace {

Value parse(std::string_view text) { return json::load(3, text).value; }

TEST(PolicyJson, StatementFormsAndPrincipals) {
  Value doc = parse(R"({"Version": "2012-10-17", "Statement": [
    {"Sid": "A", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*",
     "Principal": {"AWS": ["arn:aws:iam::1:root", "*"], "Service": "ecs.amazonaws.com"},
     "Condition": {"StringEquals": {"aws:SourceAccount": "1"}}},
    {"Effect": "Deny", "NotAction": "iam:*", "NotResource": ["arn:aws:s3:::b"], "NotPrincipal": "*"}]})");
  PolicyDocument p = policy_from_json(doc, PolicyRole::Resource, "policy");
  EXPECT_FALSE(p.unknown);
  EXPECT_EQ(p.role, PolicyRole::Resource);
  ASSERT_EQ(p.statements.size(), 2u);
  const PolicyStatement& a = p.statements[0];
  EXPECT_TRUE(a.is_allow());
  EXPECT_EQ(a.actions.size(), 2u);
  EXPECT_EQ(a.resources.size(), 1u);
  ASSERT_EQ(a.principals.size(), 3u);
  EXPECT_EQ(a.principals[1].type, "AWS");
  EXPECT_EQ(*a.principals[1].id.string_value(), "*");
  EXPECT_EQ(a.principals[2].type, "Service");
  EXPECT_TRUE(a.conditions.is_map());
  EXPECT_EQ(a.span.line, 2u);
  const PolicyStatement& d = p.statements[1];
  EXPECT_FALSE(d.is_allow());
  EXPECT_EQ(d.not_actions.size(), 1u);
  EXPECT_EQ(d.not_resources.size(), 1u);
  ASSERT_EQ(d.not_principals.size(), 1u);
  EXPECT_EQ(d.not_principals[0].type, "*");
  EXPECT_TRUE(d.has_principal);
}

TEST(PolicyJson, JsonTextInAStringTakesTheStringsSpan) {
  Span at{3, 7, 5, 7, 90};
  Value text = Value::string(R"({"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}})", at);
  PolicyDocument p = policy_from_json(text, PolicyRole::Identity, "policy");
  ASSERT_EQ(p.statements.size(), 1u);
  EXPECT_EQ(p.statements[0].actions[0].span(), at);
  EXPECT_EQ(p.span, at);
}

TEST(PolicyJson, UnknownDocuments) {
  EXPECT_TRUE(policy_from_json(Value::unknown("var.policy"), PolicyRole::Identity, "policy").unknown);
  EXPECT_TRUE(policy_from_json(Value::string("not json"), PolicyRole::Identity, "policy").unknown);
  Value doc = parse(R"({"Statement": [{"Effect": "Allow", "Action": "*"}, "x"]})");
  doc.map_value()->front().value.list_value()->back() = Value::unknown("!If [C, …]");
  PolicyDocument p = policy_from_json(doc, PolicyRole::Identity, "policy");
  EXPECT_FALSE(p.unknown);
  EXPECT_EQ(p.statements.size(), 1u);  // the unresolved statement is left out
  EXPECT_TRUE(policy_from_json(parse(R"({"Statement": "x"})"), PolicyRole::Identity, "p").unknown);
}

}  // namespace
}  // namespace kclint
