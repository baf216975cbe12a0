// libFuzzer target: the action-item and timeline readers, fed the input as the body of an
// Action Items section and of a Timeline section.

#include <cstddef>
#include <cstdint>
#include <string>

#include "document/document.hpp"
#include "engine/linter.hpp"
#include "engine/packs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  if (pmlint::engine::unreadable_text(body)) {
    return 0;
  }
  for (const char* heading : {"## Action items\n\n", "## Timeline\n\n", "- **Key events**\n"}) {
    std::string text = std::string(heading) + body;
    const auto document = pmlint::document::Document::parse("fuzz.md", text, pmlint::engine::builtin_vocabulary());
    for (const auto& item : document.action_items()) {
      if (item.span.end > text.size() || item.text_span.end > text.size()) {
        __builtin_trap();
      }
    }
    for (const auto& entry : document.timeline()) {
      if (entry.span.end > text.size() || entry.time_span.begin > entry.time_span.end) {
        __builtin_trap();
      }
    }
  }
  return 0;
}
