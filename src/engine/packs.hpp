#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/vocabulary.hpp"

namespace pmlint::engine {

using document::PackData;

// The data pack `name` (rules/<name>.yaml), compiled into the binary as JSON and parsed once, on
// first use. Scalars are text as written in the YAML ("60", "true").
const PackData& pack(std::string_view name);

// A list of strings at `path` ("a.b") inside a pack; throws std::runtime_error when it is not one.
std::vector<std::string> pack_strings(std::string_view pack_name, std::string_view path);

// The vocabulary built from the embedded packs, shared by every configuration that adds nothing.
const document::Vocabulary& builtin_vocabulary();

}  // namespace pmlint::engine
