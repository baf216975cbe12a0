#include "engine/packs.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <unordered_map>

#include "engine/embedded_packs.hpp"
#include "util/text.hpp"

namespace pmlint::engine {

namespace {

const std::unordered_map<std::string, PackData>& parsed_packs() {
  static const std::unordered_map<std::string, PackData> packs = [] {
    std::unordered_map<std::string, PackData> parsed;
    for (const auto& embedded : embedded_packs()) {
      // Written by src/tools/pack_compiler.cpp from YAML that the build has already checked.
      parsed.emplace(std::string(embedded.name), PackData::parse(embedded.text));
    }
    return parsed;
  }();
  return packs;
}

}  // namespace

const PackData& pack(std::string_view name) {
  const auto& packs = parsed_packs();
  const auto it = packs.find(std::string(name));
  if (it == packs.end()) {
    throw std::runtime_error("no rule pack named '" + std::string(name) + "'");
  }
  return it->second;
}

std::vector<std::string> pack_strings(std::string_view pack_name, std::string_view path) {
  const PackData* node = &pack(pack_name);
  const std::string where = std::string(pack_name) + "." + std::string(path);
  for (const std::string_view key : util::split(path, '.')) {
    const auto member = node->is_object() ? node->find(std::string(key)) : node->end();
    if (member == node->end()) {
      throw std::runtime_error("rule pack '" + std::string(pack_name) + "' has no '" + std::string(path) + "'");
    }
    node = &*member;
  }
  if (!node->is_array()) {
    throw std::runtime_error("rule pack '" + std::string(pack_name) + "': '" + std::string(path) + "' is not a list");
  }
  return document::pack_list(*node, where);
}

const document::Vocabulary& builtin_vocabulary() {
  static const document::Vocabulary vocabulary = document::Vocabulary::from_packs(parsed_packs());
  return vocabulary;
}

}  // namespace pmlint::engine
