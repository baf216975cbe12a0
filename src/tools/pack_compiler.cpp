// Build-time tool: reads the rules/*.yaml data packs and writes a C++ source that holds each as
// JSON text. pmlint parses that JSON at start-up, which costs a small fraction of reading the
// YAML again, and a pack that is not valid YAML fails the build instead of a user's run.
// Usage: pack_compiler OUTPUT.cpp PACK.yaml...

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace {

// Scalars stay text, as YAML holds them ("60", "true"), so the runtime reads them as before;
// mappings keep their order.
nlohmann::ordered_json to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return node.Scalar();
    case YAML::NodeType::Sequence: {
      nlohmann::ordered_json items = nlohmann::ordered_json::array();
      for (const auto& item : node) {
        items.push_back(to_json(item));
      }
      return items;
    }
    case YAML::NodeType::Map: {
      nlohmann::ordered_json members = nlohmann::ordered_json::object();
      for (const auto& member : node) {
        members[member.first.Scalar()] = to_json(member.second);
      }
      return members;
    }
    default: return nullptr;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: pack_compiler OUTPUT.cpp PACK.yaml...\n";
    return 2;
  }
  std::ostringstream body;
  body << "// Generated from rules/*.yaml by src/tools/pack_compiler.cpp. Do not edit.\n"
       << "#include \"engine/embedded_packs.hpp\"\n\nnamespace pmlint::engine {\n\n"
       << "const std::vector<EmbeddedPack>& embedded_packs() {\n"
       << "  static const std::vector<EmbeddedPack> k_packs = {\n";
  for (int i = 2; i < argc; ++i) {
    const std::filesystem::path path = argv[i];
    std::string json;
    try {
      json = to_json(YAML::LoadFile(path.string())).dump();
    } catch (const YAML::Exception& error) {
      std::cerr << path.string() << ":" << error.mark.line + 1 << ": not valid YAML: " << error.msg << "\n";
      return 1;
    }
    if (json.find(")pmlint_pack\"") != std::string::npos) {
      std::cerr << path.string() << ": contains the raw-string delimiter\n";
      return 1;
    }
    body << "    {\"" << path.stem().string() << "\", R\"pmlint_pack(" << json << ")pmlint_pack\"},\n";
  }
  body << "  };\n  return k_packs;\n}\n\n}  // namespace pmlint::engine\n";
  // Rewritten only when it changes, so an unchanged pack rebuilds nothing.
  const std::string text = body.str();
  std::ifstream existing(argv[1], std::ios::binary);
  const std::string old((std::istreambuf_iterator<char>(existing)), std::istreambuf_iterator<char>());
  if (old != text) {
    std::ofstream(argv[1], std::ios::binary) << text;
  }
  return 0;
}
