#pragma once

#include <string_view>
#include <vector>

namespace pmlint::engine {

// A data pack from rules/*.yaml, compiled into the binary (cmake/embed_packs.cmake).
struct EmbeddedPack {
  std::string_view name;  // the file's stem: "sections", "blame", ...
  std::string_view text;
};

const std::vector<EmbeddedPack>& embedded_packs();

}  // namespace pmlint::engine
