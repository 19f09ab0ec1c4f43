#!/usr/bin/env bash
# Wall time of kclint on pathological input: the inputs of
# tests/unit/e2e/hardening_test.cpp (built here again, with perl), each next
# to a good Dockerfile whose CTR001 must survive, plus valid files just under
# the size cap. The target is 2 s per pathological case (docs/limits.md); a
# case over it, a crash, a missing diagnostic or a lost finding makes the
# script fail. The valid files at the cap measure throughput: their time is
# reported (SLOW over 2 s) but does not fail the script.
# Usage: bench/pathological.sh [KCLINT_BINARY]   (default: a Release build in build/bench)
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -ge 1 ]]; then
  kclint=$(realpath "$1")
else
  scripts/setup.sh
  cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DKCLINT_TESTS=OFF >/dev/null
  cmake --build build/bench --target kclint >/dev/null
  kclint=$PWD/build/bench/kclint
fi
limit=2.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A project directory with the good file; prints its path.
project() {
  local dir=$work/$1
  mkdir -p "$dir/good"
  printf '# bench\n' >"$dir/.kclint.yaml"
  printf 'FROM alpine:3.20\nRUN apk add curl\nHEALTHCHECK NONE\nCMD ["sh"]\n' >"$dir/good/Dockerfile"
  echo "$dir"
}
stack() { printf '  %s:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: %s\n' "$1" "$2"; }
head_cfn='AWSTemplateFormatVersion: "2010-09-09"\nResources:\n'
laughs() {  # INDENT FIRST_VALUE: ten levels of nine aliases
  printf '%sl0: &l0 %s\n' "$1" "$2"
  for i in $(seq 1 9); do
    printf '%sl%d: &l%d [' "$1" "$i" "$i"
    for j in $(seq 1 9); do printf '%s*l%d' "$([[ $j -gt 1 ]] && echo ,)" $((i - 1)); done
    printf ']\n'
  done
}
open_sg='resource "aws_security_group" "ssh" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n'

failures=0
strict=1  # 0 for the valid files at the cap: time reported, not judged
printf '%-34s %8s %9s  %s\n' case seconds "peak MB" "diagnostic"
# measure NAME EXPECTED_TEXT: runs kclint in the case directory.
measure() {
  local name=$1 expect=$2 dir=$work/$1 out status start end secs peak verdict
  start=$(date +%s.%N)
  set +e
  out=$(cd "$dir" && /usr/bin/time -f '%M' -o "$work/$name.mem" "$kclint" . 2>/dev/null)
  status=$?
  set -e
  end=$(date +%s.%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  peak=$(tail -1 "$work/$name.mem" | awk '{ printf "%.0f", $1 / 1024 }')
  verdict=$(grep -m1 -F -- "$expect" <<<"$out" | sed -E 's/^[^ ]+ (error|warning|note) //' || true)
  if [[ $status -gt 1 ]]; then
    verdict="EXIT $status"
  elif [[ -z "$verdict" ]]; then
    verdict="MISSING: $expect"
  elif ! grep -q '^good/Dockerfile:1:1: error CTR001' <<<"$out"; then
    verdict="LOST the good file's CTR001"
  fi
  local slow=0
  awk -v s="$secs" -v l="$limit" 'BEGIN { exit !(s > l) }' && slow=1
  if [[ $status -gt 1 || "$verdict" == MISSING* || "$verdict" == LOST* ]] || ((slow && strict)); then
    failures=$((failures + 1))
    verdict="FAIL ${verdict}"
  elif ((slow)); then
    verdict="SLOW ${verdict}"
  fi
  printf '%-34s %8s %9s  %.110s\n' "$name" "$secs" "$peak" "$verdict"
  rm -rf "$dir"
}
# The /usr/bin/time binary (GNU time) gives the peak memory.
[[ -x /usr/bin/time ]] || apt-get install -y -qq time >/dev/null

# --- size -----------------------------------------------------------------------
d=$(project file-over-16MiB)
mkdir -p "$d/big"
perl -e 'print "FROM alpine:3.20\n", "RUN echo 0123456789abcdef0123456789abcdef\n" x 450000' >"$d/big/Dockerfile"
measure file-over-16MiB "over the 16 MiB limit"

d=$(project file-50MB)
mkdir -p "$d/infra"
{ printf "$head_cfn"; perl -e 'print "  Bucket$_:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: logs\n" for 1..680000'; } >"$d/infra/template.yaml"
measure file-50MB "over the 16 MiB limit"

# --- nesting --------------------------------------------------------------------
d=$(project nesting-hcl)
perl -e 'print "locals {\n  x = ", "[" x 100000, "]" x 100000, "\n}\n"' >"$d/main.tf"
measure nesting-hcl "nesting too deep"

d=$(project nesting-hcl-operators)
perl -e 'print "locals {\n  x = 1", " + 1" x 200000, "\n}\n"' >"$d/main.tf"
measure nesting-hcl-operators "expression nested too deep"

d=$(project nesting-yaml-template)
perl -e 'print "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: ", "[" x 100000, "]" x 100000, "\n"' >"$d/template.yaml"
measure nesting-yaml-template "YAML nesting depth exceeds"

d=$(project nesting-yaml-workflow)
mkdir -p "$d/.github/workflows"
perl -e 'print "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n        with:\n"; print " " x (10 + 2 * $_), "k:\n" for 0..399; print " " x 900, "v\n"' >"$d/.github/workflows/deep.yml"
measure nesting-yaml-workflow "YAML nesting depth exceeds"

d=$(project nesting-json-taskdef)
perl -e 'print "{\"family\": \"api\", \"containerDefinitions\": [", "[" x 50000, "]" x 50000, "]}\n"' >"$d/task.json"
measure nesting-json-taskdef "JSON nesting depth exceeds"

# --- YAML aliases ---------------------------------------------------------------
d=$(project alias-billion-laughs)
{ printf 'AWSTemplateFormatVersion: "2010-09-09"\nMappings:\n  M:\n'; laughs '    ' '[lol, lol, lol, lol, lol, lol, lol, lol, lol]'
  printf 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n'; } >"$d/template.yaml"
measure alias-billion-laughs "YAML alias expansion exceeds"

d=$(project alias-long-string)
mkdir -p "$d/.github/workflows"
{ printf 'on: push\nenv:\n'; laughs '  ' "\"$(perl -e 'print "x" x 1048576')\""
  printf 'jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n'; } >"$d/.github/workflows/ci.yml"
measure alias-long-string "YAML alias expansion exceeds"

# --- template and heredoc sizes -------------------------------------------------------
d=$(project heredoc-template-over-16MiB)
perl -e 'print "locals {\n  mb = \"", "x" x 1048576, "\"\n}\nresource \"aws_iam_policy\" \"p\" {\n  policy = <<EOT\n", "\${local.mb}\n" x 20, "EOT\n}\n"' >"$d/main.tf"
measure heredoc-template-over-16MiB "template result larger than 16 MiB"

d=$(project templatefile-over-4MiB)
printf 'resource "aws_iam_policy" "p" {\n  policy = templatefile("${path.module}/big.tpl", {})\n}\n' >"$d/main.tf"
perl -e 'print "\${x} " x 1000000' >"$d/big.tpl"
measure templatefile-over-4MiB "is larger than 4 MiB"

d=$(project dockerfile-instruction-over-1MiB)
mkdir -p "$d/app"
perl -e 'print "FROM alpine:3.20\nRUN echo ", "a" x 3145728, "\nUSER app\n"' >"$d/app/Dockerfile"
measure dockerfile-instruction-over-1MiB "instruction is longer than 1 MiB"

# --- recursion ------------------------------------------------------------------
d=$(project tf-module-calls-itself)
printf 'module "me" {\n  source = "./"\n}\n'"$open_sg" >"$d/main.tf"
measure tf-module-calls-itself "calls itself"

d=$(project tf-modules-call-each-other)
mkdir -p "$d/a" "$d/b"
printf 'module "b" {\n  source = "../b"\n}\n'"$open_sg" >"$d/a/main.tf"
printf 'module "a" {\n  source = "../a"\n}\n' >"$d/b/main.tf"
measure tf-modules-call-each-other "calls itself"

d=$(project tf-modules-deeper-than-16)
printf 'module "m" {\n  source = "./m0"\n}\n' >"$d/main.tf"
for i in $(seq 0 19); do mkdir -p "$d/m$i"; printf 'module "m" {\n  source = "../m%d"\n}\n' $((i + 1)) >"$d/m$i/main.tf"; done
measure tf-modules-deeper-than-16 "modules nested deeper than 16"

d=$(project cfn-stack-loads-itself)
{ printf "$head_cfn"; stack Self ./template.yaml; } >"$d/template.yaml"
measure cfn-stack-loads-itself "nested stack cycle"

d=$(project cfn-child-loads-parent)
mkdir -p "$d/nested"
{ printf "$head_cfn"; stack Child ./nested/child.yaml; } >"$d/parent.yaml"
{ printf "$head_cfn"; stack Parent ../parent.yaml; } >"$d/nested/child.yaml"
measure cfn-child-loads-parent "nested stack cycle"

d=$(project cfn-stacks-deeper-than-8)
for i in $(seq 0 11); do { printf "$head_cfn"; stack Next "./t$((i + 1)).yaml"; } >"$d/t$i.yaml"; done
measure cfn-stacks-deeper-than-8 "nested stacks deeper than 8"

# --- escapes --------------------------------------------------------------------
d=$(project tf-module-source-escapes)
mkdir -p "$d/infra"
printf 'module "up" {\n  source = "../../.."\n}\n' >"$d/infra/main.tf"
measure tf-module-source-escapes "is outside the project root"

d=$(project cfn-template-url-escapes)
mkdir -p "$d/stacks"
{ printf "$head_cfn"; stack Up ../../../../etc/template.yaml; } >"$d/stacks/template.yaml"
measure cfn-template-url-escapes "points outside the project root"

d=$(project symlink-out-of-root)
mkdir -p "$work/outside"
printf 'FROM alpine\nENV DB_PASSWORD=hunter2\n' >"$work/outside/Dockerfile"
ln -s "$work/outside/Dockerfile" "$d/Dockerfile.linked"
ln -s "$work/outside" "$d/linked-dir"
measure symlink-out-of-root "outside the project root; not followed"

d=$(project symlink-loops)
ln -s . "$d/loop"
ln -s .. "$d/good/up"
ln -s b.tf "$d/a.tf"
ln -s a.tf "$d/b.tf"
measure symlink-loops "symbolic link cannot be resolved"

# --- evaluation budget ------------------------------------------------------------
d=$(project tf-locals-doubling)
{ printf 'locals {\n  l0 = ["a", "b"]\n'; for i in $(seq 1 40); do printf '  l%d = [local.l%d, local.l%d]\n' "$i" $((i - 1)) $((i - 1)); done
  printf '}\nresource "aws_s3_bucket" "b" {\n  bucket = jsonencode(local.l40)\n}\n'"$open_sg"; } >"$d/main.tf"
measure tf-locals-doubling "Terraform evaluation stopped"

d=$(project tf-nested-count)
mkdir -p "$d/m1" "$d/m2"
printf 'module "m" {\n  source = "./m1"\n  count  = 4096\n}\n' >"$d/main.tf"
printf 'module "m" {\n  source = "../m2"\n  count  = 4096\n}\n' >"$d/m1/main.tf"
printf 'resource "aws_s3_bucket" "b" {\n  count  = 4096\n  bucket = "b${count.index}"\n}\n' >"$d/m2/main.tf"
measure tf-nested-count "Terraform evaluation stopped"

d=$(project tf-for-each-explosion)
cat >"$d/main.tf" <<'EOF'
locals {
  keys = [for i in range(1000) : [for j in range(1000) : [for k in range(1000) : "${i}-${j}-${k}"]]]
}
resource "aws_s3_bucket" "b" {
  for_each = toset(flatten(local.keys))
  bucket   = each.key
}
EOF
measure tf-for-each-explosion "Terraform evaluation stopped"

d=$(project cfn-list-parameter-refs)
{ printf 'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  L:\n    Type: CommaDelimitedList\n    Default: "'
  perl -e 'print join(",", ("sg-1") x 200000)'
  printf '"\nResources:\n  B:\n    Type: AWS::EC2::Instance\n    Properties:\n      X:\n'
  perl -e 'print "        - !Ref L\n" x 20000'; } >"$d/template.yaml"
measure cfn-list-parameter-refs "CloudFormation evaluation stopped"

d=$(project cfn-nested-stack-fan-out)
for l in $(seq 0 5); do
  { printf "$head_cfn"; if [[ $l -lt 5 ]]; then for k in $(seq 0 19); do stack "S$k" "./t$((l + 1)).yaml"; done; fi
    printf '  B:\n    Type: AWS::S3::Bucket\n'; } >"$d/t$l.yaml"
done
measure cfn-nested-stack-fan-out "CloudFormation evaluation stopped"

d=$(project cfn-conditions-doubling)
{ printf 'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  Env:\n    Type: String\n    Default: prod\nConditions:\n  On0: !Equals [!Ref Env, prod]\n'
  for i in $(seq 1 100); do printf '  On%d: !And [!Condition On%d, !Or [!Condition On%d, !Condition On%d]]\n' "$i" $((i - 1)) $((i - 1)) $((i - 1)); done
  printf 'Resources:\n  SgOn:\n    Type: AWS::EC2::SecurityGroup\n    Condition: On100\n    Properties:\n      GroupDescription: ssh\n'
  printf '      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n'; } >"$d/template.yaml"
measure cfn-conditions-doubling "SG001 security group 'SgOn'"

# --- encoding -------------------------------------------------------------------
d=$(project invalid-utf8)
printf 'resource "aws_s3_bucket" "b" {\n  bucket = "caf\xe9"\n}\n' >"$d/main.tf"
measure invalid-utf8 "invalid UTF-8"

d=$(project binary-files)
head -c 4096 /dev/urandom | tr -d '\n' | { printf '\0'; cat; } >"$d/main.tf"
measure binary-files "binary file (contains NUL bytes)"

# --- valid files just under the size cap --------------------------------------------
strict=0
echo "valid files just under the 16 MiB cap (throughput; not judged against ${limit} s):"
d=$(project at-cap-terraform-15MB)
perl -e 'print "resource \"aws_security_group\" \"sg$_\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n" for 1..95000' >"$d/main.tf"
measure at-cap-terraform-15MB "SG001"

d=$(project at-cap-cfn-yaml-15MB)
{ printf "$head_cfn"; perl -e 'print "  Sg$_:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: ssh\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n" for 1..75000'; } >"$d/template.yaml"
measure at-cap-cfn-yaml-15MB "SG001"

d=$(project at-cap-cfn-json-15MB)
{ printf '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {'
  perl -e 'print join(",\n", map { "\"Sg$_\": {\"Type\": \"AWS::EC2::SecurityGroup\", \"Properties\": {\"GroupDescription\": \"ssh\", \"SecurityGroupIngress\": [{\"IpProtocol\": \"tcp\", \"FromPort\": 22, \"ToPort\": 22, \"CidrIp\": \"0.0.0.0/0\"}]}}" } 1..80000)'
  printf '}}\n'; } >"$d/template.json"
measure at-cap-cfn-json-15MB "SG001"

d=$(project at-cap-dockerfile-heredoc-15MB)
mkdir -p "$d/app"
{ printf 'FROM alpine:3.20\nRUN <<EOF\n'; perl -e 'print "echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n" x 190000'; printf 'EOF\n'; } >"$d/app/Dockerfile"
measure at-cap-dockerfile-heredoc-15MB "CTR005"

echo
if ((failures)); then
  echo "bench/pathological.sh: $failures case(s) failed (limit ${limit} s)" >&2
  exit 1
fi
echo "every pathological case under ${limit} s, with its diagnostic and the good file's finding"
