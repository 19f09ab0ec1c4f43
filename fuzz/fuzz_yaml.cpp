// libFuzzer target: the YAML loader, plain and with CloudFormation tags.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/yaml/yaml.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)kclint::yaml::load(0, text);
  (void)kclint::yaml::load(0, text, kclint::yaml::Options{.cfn_tags = true});
  return 0;
}
