#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace pmlint::util {

// yaml-cpp parses recursively: text nested deeper than any real front matter or configuration
// could exhaust the stack. Returns the offset where `text` first nests deeper than `limit` flow
// collections ("[[[...") or indents further than `limit` * 8 columns, or nullopt when it is tame.
std::optional<std::size_t> excessive_yaml_nesting(std::string_view text, std::size_t limit = 64);

}  // namespace pmlint::util
