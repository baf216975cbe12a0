// libFuzzer target: lint a document end to end with every rule on.

#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/config.hpp"
#include "engine/linter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto config = pmlint::engine::Config::load(std::nullopt, {});
  std::string bytes(reinterpret_cast<const char*>(data), size);
  const auto result = pmlint::engine::lint_bytes("fuzz.md", std::move(bytes), *config);
  for (const auto& finding : result.findings) {
    // Every position must be inside the document, and ends after starts.
    if (finding.location.line < 1 || finding.location.column < 1 || finding.location.end_line < finding.location.line ||
        finding.location.offset + finding.location.length > size) {
      __builtin_trap();
    }
  }
  return 0;
}
