#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "document/vocabulary.hpp"

namespace pmlint::engine {

// The parsed data pack `name` (rules/<name>.yaml). Parsed once, on first use; read them while
// configuring rules, not while checking (yaml-cpp nodes are not made for concurrent readers).
const YAML::Node& pack(std::string_view name);

// A list of strings at `path` ("a.b") inside a pack; throws std::runtime_error when it is not one.
std::vector<std::string> pack_strings(std::string_view pack_name, std::string_view path);

// The vocabulary built from the embedded packs, shared by every configuration that adds nothing.
const document::Vocabulary& builtin_vocabulary();

}  // namespace pmlint::engine
