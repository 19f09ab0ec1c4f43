// libFuzzer target: the JSON loader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/json/json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)kclint::json::load(0, std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
