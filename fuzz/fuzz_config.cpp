// libFuzzer target: load a .pmlint.yaml. Errors are ConfigErrors; nothing else may escape.

#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)pmlint::engine::Config::from_text(text, "/nonexistent/fuzz/.pmlint.yaml");
  } catch (const pmlint::engine::ConfigError&) {
    // A clear error: what a bad configuration must give.
  }
  return 0;
}
