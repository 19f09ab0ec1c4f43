// Terraform JSON syntax (.tf.json, .tfvars.json): the files of a module like
// .tf files, blocks and attributes in Terraform's JSON mapping, templates in
// strings, and spans in the JSON text.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <iostream>

#include "helpers.h"

namespace kclint::tf::testing {
namespace {

std::string at(const Span& s) { return std::to_string(s.line) + ":" + std::to_string(s.column); }

// A security group in JSON next to a .tf file of the same module: references
// both ways, a variable default, count, and spans in the JSON text.
const char* kSecurityGroup = R"j({
  "variable": {
    "port": {"type": "number", "default": 5432},
    "cidrs": {"type": "list(string)", "default": ["0.0.0.0/0"]}
  },
  "resource": {
    "aws_security_group": {
      "db": {
        "name": "db-${var.port}",
        "vpc_id": "${aws_vpc.main.id}",
        "ingress": [
          {"from_port": "${var.port}", "to_port": "${var.port}", "protocol": "tcp", "cidr_blocks": "${var.cidrs}"}
        ],
        "egress": {"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["10.0.0.0/8"]},
        "tags": {"Name": "db"}
      }
    },
    "aws_subnet": {
      "private": {
        "count": 2,
        "vpc_id": "${aws_vpc.main.id}",
        "cidr_block": "${cidrsubnet(\"10.0.0.0/16\", 8, count.index)}"
      }
    }
  }
}
)j";

const char* kVpc = R"j(resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_db_instance" "db" {
  vpc_security_group_ids = [aws_security_group.db.id]
  db_subnet_group_name   = "x"
}
)j";

TEST(TfJson, SecurityGroupBesideTfFiles) {
  auto p = load_inline({{"main.tf.json", kSecurityGroup}, {"vpc.tf", kVpc}});
  ASSERT_TRUE(diagnostics(*p).empty()) << diagnostics(*p)[0];
  const Resource* sg = p->find("aws_security_group.db");
  ASSERT_TRUE(sg);
  EXPECT_EQ(sg->kind, Kind::SecurityGroup);
  EXPECT_EQ(p->file(sg->file).rel_path, "main.tf.json");
  EXPECT_EQ(at(sg->span), "8:7");  // from the "db" key to its closing brace
  EXPECT_EQ(text(sg->attr("name")), "db-5432");
  const Value::Ref* vpc = sg->attr("vpc_id")->reference_value();
  ASSERT_TRUE(vpc);
  EXPECT_EQ(vpc->target, "aws_vpc.main");
  EXPECT_EQ(at(sg->attr("vpc_id")->span()), "10:19");
  // An array of objects and a single known block object are both blocks;
  // an object under another name (tags) is a map.
  ASSERT_EQ(sg->sg_rules.size(), 2u);
  const SecurityGroupRule& in = sg->sg_rules[0];
  EXPECT_EQ(in.direction, Direction::Ingress);
  EXPECT_EQ(text(&in.from_port), "5432");
  ASSERT_EQ(in.cidr_v4.size(), 1u);
  EXPECT_EQ(text(&in.cidr_v4[0]), "0.0.0.0/0");
  EXPECT_EQ(at(in.cidr_v4[0].span()), "4:51");  // where the default is written
  EXPECT_EQ(sg->sg_rules[1].direction, Direction::Egress);
  const Value* tags = sg->attr("tags");
  ASSERT_TRUE(tags && tags->is_map());
  EXPECT_EQ(text(tags->get("Name")), "db");
  // count and a function call inside an escaped template.
  for (int i = 0; i < 2; ++i) {
    std::string addr = "aws_subnet.private[" + std::to_string(i) + "]";
    ASSERT_TRUE(p->find(addr)) << addr;
    EXPECT_EQ(text(attr(*p, addr, "cidr_block")), "10.0." + std::to_string(i) + ".0/24");
  }
  EXPECT_FALSE(p->find("aws_subnet.private"));
  // The .tf side references the JSON resource.
  const Value* ids = attr(*p, "aws_db_instance.db", "vpc_security_group_ids");
  ASSERT_TRUE(ids && ids->is_list() && ids->list_value()->size() == 1);
  EXPECT_EQ((*ids->list_value())[0].reference_value()->target, "aws_security_group.db");
}

TEST(TfJson, VariablesLocalsAndTfvarsJson) {
  auto p = load_inline({{"main.tf.json", R"j({
  "variable": {
    "env": {"default": "dev"},
    "raw": {"default": "${not.a.template}", "description": "${also.literal}"},
    "size": {"type": "number"}
  },
  "locals": {"name": "app-${var.env}", "sizes": ["${var.size}", 2]},
  "resource": {
    "aws_ecs_service": {
      "svc": {
        "desired_count": "${local.sizes[0]}",
        "launch_type": "${upper(\"fargate\")}",
        "tags": {"Env": "${var.env}", "Raw": "${var.raw}", "Esc": "$${kept}"},
        "network_configuration": {"subnets": ["subnet-a"], "assign_public_ip": true},
        "depends_on": ["aws_vpc.main"],
        "lifecycle": {"ignore_changes": ["tags"]}
      }
    }
  }
})j"},
                        {"terraform.tfvars.json", R"j({"env": "prod", "size": 3})j"},
                        {"b.auto.tfvars.json", R"j({"size": 4})j"}});
  ASSERT_TRUE(diagnostics(*p).empty()) << diagnostics(*p)[0];
  const Resource* svc = p->find("aws_ecs_service.svc");
  ASSERT_TRUE(svc);
  EXPECT_EQ(text(svc->attr("desired_count")), "4");  // *.auto.tfvars.json after terraform.tfvars.json
  EXPECT_EQ(text(svc->attr("launch_type")), "FARGATE");
  const Value* tags = svc->attr("tags");
  ASSERT_TRUE(tags);
  EXPECT_EQ(text(tags->get("Env")), "prod");
  EXPECT_EQ(text(tags->get("Raw")), "${not.a.template}");  // variable defaults are literal
  EXPECT_EQ(text(tags->get("Esc")), "${kept}");
  // A single object for a known nested block: one block, read by path.
  EXPECT_EQ(text(svc->attr("assign_public_ip")), "true");
  const Value* subnets = svc->attr("subnets");
  ASSERT_TRUE(subnets && subnets->is_list());
  EXPECT_EQ(text(&(*subnets->list_value())[0]), "subnet-a");
  // Meta-arguments are not attributes.
  EXPECT_FALSE(svc->attr("depends_on"));
  EXPECT_FALSE(svc->attr("lifecycle"));
}

TEST(TfJson, JsonencodedPolicyPointsIntoTheString) {
  auto p = load_inline({{"iam.tf.json", R"j({
  "resource": {
    "aws_iam_policy": {
      "admin": {
        "policy": "${jsonencode({Version = \"2012-10-17\", Statement = [{Effect = \"Allow\", Action = \"*\", Resource = \"*\"}]})}"
      }
    }
  },
  "data": {
    "aws_iam_policy_document": {
      "read": {"statement": {"actions": ["s3:GetObject"], "resources": ["*"]}}
    }
  }
})j"}});
  ASSERT_TRUE(diagnostics(*p).empty()) << diagnostics(*p)[0];
  const Resource* pol = p->find("aws_iam_policy.admin");
  ASSERT_TRUE(pol && pol->policies.size() == 1);
  const PolicyStatement& s = pol->policies[0].statements.at(0);
  ASSERT_EQ(s.actions.size(), 1u);
  EXPECT_EQ(text(&s.actions[0]), "*");
  // Line 5, at `\"*\"` after `Action = ` in the escaped JSON string.
  EXPECT_EQ(at(s.actions[0].span()), "5:103");
  EXPECT_EQ(s.actions[0].span().end_column, 108u);
  const Resource* doc = p->find("data.aws_iam_policy_document.read");
  ASSERT_TRUE(doc && doc->policies.size() == 1);
  ASSERT_EQ(doc->policies[0].statements.size(), 1u);
  EXPECT_EQ(text(&doc->policies[0].statements[0].actions.at(0)), "s3:GetObject");
}

TEST(TfJson, ModulesDynamicBlocksAndComments) {
  auto p = load_inline({{"main.tf.json", R"j({
  "//": "generated by a tool",
  "terraform": {"required_providers": {"aws": {"source": "hashicorp/aws"}}, "backend": {"s3": {"bucket": "state"}}},
  "provider": {"aws": [{"region": "eu-west-1"}, {"alias": "us", "region": "us-east-1"}]},
  "module": {"web": {"source": "./modules/sg", "ports": {"ssh": 22, "pg": 5432}, "providers": {"aws": "aws.us"}}},
  "output": {"sg": {"value": "${module.web.id}"}}
})j"},
                        {"modules/sg/main.tf.json", R"j({
  "variable": {"ports": {}},
  "resource": {
    "aws_security_group": {
      "this": {
        "//": {"note": "comment properties are ignored"},
        "dynamic": {
          "ingress": {
            "for_each": "${var.ports}",
            "iterator": "p",
            "content": {"from_port": "${p.value}", "to_port": "${p.value}", "protocol": "tcp"}
          }
        }
      }
    }
  },
  "output": {"id": {"value": "${aws_security_group.this.id}"}}
})j"}});
  ASSERT_TRUE(diagnostics(*p).empty()) << diagnostics(*p)[0];
  // modules/sg is called by the root: a module, not a root of its own.
  EXPECT_FALSE(p->find("modules/sg:aws_security_group.this"));
  const Resource* sg = p->find("module.web.aws_security_group.this");
  ASSERT_TRUE(sg);
  EXPECT_FALSE(sg->attr("//"));
  ASSERT_EQ(sg->sg_rules.size(), 2u);
  EXPECT_EQ(text(&sg->sg_rules[0].from_port), "5432");  // for_each keys in lexical order: pg, ssh
  EXPECT_EQ(text(&sg->sg_rules[1].from_port), "22");
}

TEST(TfJson, SyntaxAndShapeErrorsAreDiagnostics) {
  auto p = load_inline(
      {{"a.tf.json", "{\n  \"resource\": {\"aws_vpc\": {\"a\": {\"cidr_block\": \"${var.x\"}}}\n}\n"},
       {"b.tf.json", "{\n  \"resource\": {\"aws_vpc\": {\"b\": {\"cidr_block\": \"x\",}}}\n}\n"},
       {"c.tf.json", "{\n  \"resource\": {\"aws_vpc\": {\"c\": 3}},\n  \"locals\": {\"x\": 1, \"x\": 2}\n}\n"},
       {"d.tf.json", "{\n  \"resource\": {\"aws_vpc\": {\"d\": {\"cidr_block\": \"x${\\\"a\\\" +}\"}}}\n}\n"},
       {"e.tf.json", "[1]"},
       {"ok.tf.json", "{\"resource\": {\"aws_vpc\": {\"ok\": {\"cidr_block\": \"10.0.0.0/16\"}}}}"}});
  std::vector<std::string> d = diagnostics(*p);
  ASSERT_EQ(d.size(), 6u) << ::testing::PrintToString(d);
  EXPECT_EQ(d[0], "a.tf.json:2:49: unterminated template sequence: \"${\" at 2:49 has no matching \"}\"");
  EXPECT_EQ(d[1], "b.tf.json:2:52: invalid JSON: trailing comma before '}'");
  EXPECT_EQ(d[2], "c.tf.json:2:33: expected a JSON object for the body of the \"resource\" block");
  EXPECT_EQ(d[3], "c.tf.json:3:22: attribute \"x\" is defined twice; the first definition is at 3:14");
  // The position is in the JSON text, past the escaped quotes.
  EXPECT_EQ(d[4], "d.tf.json:2:59: expected an expression, found \"}\"");
  EXPECT_EQ(d[5], "e.tf.json:1:1: a Terraform JSON configuration must hold one JSON object");
  // A file with a problem is left out; the others are read.
  EXPECT_FALSE(p->find("aws_vpc.a"));
  EXPECT_TRUE(p->find("aws_vpc.ok"));
}

// A value's description with map keys sorted (hcl2json sorts the keys it
// prints), policy statements sorted (hcl2json groups `statement` blocks
// before `dynamic "statement"` ones, whatever their order) and the numbers
// of interpolation placeholders left in map keys (which count in evaluation
// order) taken out.
std::string canonical(const Value& v, bool sort_list = false) {
  auto unnumbered = [](std::string s) {
    static const std::string open = "\xEF\xA3\xB0";
    for (std::size_t at = s.find(open); at != std::string::npos; at = s.find(open, at + open.size())) {
      std::size_t digits = at + open.size();
      while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) s.erase(digits, 1);
    }
    return s;
  };
  if (const Value::List* l = v.list_value()) {
    std::vector<std::string> elements;
    for (const Value& e : *l) elements.push_back(canonical(e));
    if (sort_list) std::sort(elements.begin(), elements.end());
    std::string out = "[";
    for (const std::string& e : elements) out += e + ", ";
    return out + "]";
  }
  if (const Value::Map* m = v.map_value()) {
    std::vector<std::string> members;
    for (const Value::Member& e : *m)
      members.push_back(unnumbered(e.key) + ": " + canonical(e.value, e.key == "Statement" || e.key == "statement"));
    std::sort(members.begin(), members.end());
    std::string out = "{";
    for (const std::string& e : members) out += e + ", ";
    return out + "}";
  }
  return v.describe();
}

// The shared corpus has Terraform modules twice: as written (.tf) and as
// hcl2json prints them (../shared/hcl-golden, .tf.json), which is Terraform's
// JSON syntax but for expression strings written as "${…}". Both must lower
// to the same resources with the same values.
TEST(TfJson, SameResourcesAsTheNativeSyntaxOverTheCorpus) {
  namespace fs = std::filesystem;
  fs::path shared = fs::path(KCLINT_SOURCE_ROOT) / ".." / "shared";
  if (!fs::exists(shared / "hcl-golden")) GTEST_SKIP() << "shared corpus not found next to the source root";
  auto terraform = [](const Project& p, std::string_view suffix) {
    std::vector<const Resource*> out;
    for (std::size_t i = 0; i < p.resource_count(); ++i)
      if (p.file(p.resource(ResourceId(i)).file).rel_path.ends_with(suffix)) out.push_back(&p.resource(ResourceId(i)));
    return out;
  };
  std::size_t total = 0;
  for (const char* source : {"checkov", "terraform-aws-ecs", "terraform-aws-iam", "terraform-aws-rds",
                             "terraform-aws-security-group", "terraform-aws-vpc"}) {
    SCOPED_TRACE(source);
    fs::path native = shared / "corpus" / source, json = shared / "hcl-golden" / source;
    if (!fs::exists(native) || !fs::exists(json)) continue;
    auto a = load_dir(native.lexically_normal());
    auto b = load_dir(json.lexically_normal());
    std::vector<std::string> kc000 = diagnostics(*b);
    EXPECT_TRUE(kc000.empty()) << kc000.size() << " KC000, the first: " << kc000[0];
    std::vector<const Resource*> tf = terraform(*a, ".tf");  // the corpus has .tf.json files of its own
    total += tf.size();
    EXPECT_EQ(tf.size(), terraform(*b, ".tf.json").size());
    std::vector<std::string> differences;
    for (const Resource* r : tf) {
      const Resource* o = b->find(r->address);
      if (!o) {
        differences.push_back(r->address + ": missing");
        continue;
      }
      if (o->kind != r->kind) differences.push_back(r->address + ": kind");
      if (canonical(o->attrs) != canonical(r->attrs))
        differences.push_back(r->address + ":\n  .tf      " + canonical(r->attrs) + "\n  .tf.json " +
                              canonical(o->attrs));
      if (o->sg_rules.size() != r->sg_rules.size() || o->policies.size() != r->policies.size() ||
          o->containers.size() != r->containers.size())
        differences.push_back(r->address + ": sub-models");
      // The JSON file's resource is in the file of the same name.
      if (b->file(o->file).rel_path != a->file(r->file).rel_path + ".json")
        differences.push_back(r->address + ": file");
    }
    std::cout << "[ tf json ] " << source << ": " << tf.size() << " resources compared\n";
    for (std::size_t i = 0; i < differences.size() && i < 3; ++i) ADD_FAILURE() << differences[i];
    EXPECT_TRUE(differences.empty()) << differences.size() << " differences in " << tf.size() << " resources";
  }
  EXPECT_GT(total, 500u);
}

}  // namespace
}  // namespace kclint::tf::testing
