// libFuzzer target: the fast reader of flat YAML front matter against yaml-cpp. Whenever the fast
// reader accepts a text, it must give exactly the entries yaml-cpp gives.

#include <cstddef>
#include <cstdint>
#include <string>

#include "document/line_index.hpp"
#include "document/yaml_front_matter.hpp"
#include "engine/linter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string body(reinterpret_cast<const char*>(data), size);
  if (pmlint::engine::unreadable_text(body)) {
    return 0;
  }
  if (!body.empty() && body.back() != '\n') {
    body.push_back('\n');
  }
  const std::string source = "---\n" + body + "---\n";
  const pmlint::document::LineIndex lines(source);
  const pmlint::document::ByteSpan span{4, static_cast<std::uint32_t>(4 + body.size())};
  const auto flat = pmlint::document::read_flat_yaml_entries(source, span, lines);
  if (!flat) {
    return 0;
  }
  const auto full = pmlint::document::read_yaml_entries(source, span, lines);
  if (full.problem || flat->entries != full.entries) {
    __builtin_trap();
  }
  return 0;
}
