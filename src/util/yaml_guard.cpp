#include "util/yaml_guard.hpp"

namespace pmlint::util {

std::optional<std::size_t> excessive_yaml_nesting(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  std::size_t indent = 0;
  bool line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      line_start = true;
      indent = 0;
      continue;
    }
    if (line_start && (c == ' ' || c == '-')) {
      if (++indent > limit * 8) {
        return i;
      }
      continue;
    }
    line_start = false;
    if (c == '[' || c == '{') {
      if (++depth > limit) {
        return i;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

}  // namespace pmlint::util
