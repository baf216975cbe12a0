#include "engine/packs.hpp"

#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "engine/embedded_packs.hpp"
#include "util/text.hpp"

namespace pmlint::engine {

namespace {

const std::unordered_map<std::string, YAML::Node>& parsed_packs() {
  static const std::unordered_map<std::string, YAML::Node> packs = [] {
    std::unordered_map<std::string, YAML::Node> parsed;
    for (const auto& embedded : embedded_packs()) {
      try {
        parsed.emplace(std::string(embedded.name), YAML::Load(std::string(embedded.text)));
      } catch (const YAML::Exception& error) {
        throw std::runtime_error("rule pack '" + std::string(embedded.name) + "' is not valid YAML: " + error.msg);
      }
    }
    return parsed;
  }();
  return packs;
}

}  // namespace

const YAML::Node& pack(std::string_view name) {
  const auto& packs = parsed_packs();
  const auto it = packs.find(std::string(name));
  if (it == packs.end()) {
    throw std::runtime_error("no rule pack named '" + std::string(name) + "'");
  }
  return it->second;
}

std::vector<std::string> pack_strings(std::string_view pack_name, std::string_view path) {
  YAML::Node node = pack(pack_name);
  for (const std::string_view key : util::split(path, '.')) {
    const YAML::Node& parent = node;
    node.reset(parent[std::string(key)]);  // not operator=, which would write into the pack
    if (!node) {
      throw std::runtime_error("rule pack '" + std::string(pack_name) + "' has no '" + std::string(path) + "'");
    }
  }
  if (!node.IsSequence()) {
    throw std::runtime_error("rule pack '" + std::string(pack_name) + "': '" + std::string(path) + "' is not a list");
  }
  std::vector<std::string> values;
  for (const auto& item : node) {
    values.push_back(item.as<std::string>());
  }
  return values;
}

const document::Vocabulary& builtin_vocabulary() {
  static const document::Vocabulary vocabulary = document::Vocabulary::from_packs(parsed_packs());
  return vocabulary;
}

}  // namespace pmlint::engine
