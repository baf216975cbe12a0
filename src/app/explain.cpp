#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands.hpp"
#include "engine/registry.hpp"
#include "util/edit_distance.hpp"

namespace pmlint::app {

namespace {

nlohmann::json rule_json(const engine::RuleInfo& info) {
  nlohmann::json tags = nlohmann::json::array();
  for (const auto tag : info.tags) {
    tags.push_back(tag);
  }
  nlohmann::json options = nlohmann::json::array();
  for (const auto& option : info.options) {
    options.push_back({{"name", option.name}, {"default", option.default_value}, {"doc", option.doc}});
  }
  return {{"id", info.id},         {"summary", info.summary}, {"severity", engine::to_string(info.default_severity)},
          {"tags", tags},          {"fixable", info.fixable}, {"options", options},
          {"documentation", info.doc}};
}

}  // namespace

int explain(const std::string& rule_id, const std::string& format) {
  const engine::RegisteredRule* rule = engine::find_rule(rule_id);
  if (rule == nullptr) {
    std::cerr << "pmlint: unknown rule '" << rule_id << "'" << util::did_you_mean(rule_id, engine::rule_ids())
              << "; `pmlint rules` lists them\n";
    return k_exit_error;
  }
  const engine::RuleInfo& info = *rule->info;
  if (format == "json") {
    std::cout << rule_json(info).dump(2) << '\n';
    return k_exit_clean;
  }
  std::cout << "# " << info.id << "\n\n" << info.summary << ".\n\n";
  std::cout << "Default severity: " << engine::to_string(info.default_severity) << "\n";
  std::cout << "Tags: ";
  for (std::size_t i = 0; i < info.tags.size(); ++i) {
    std::cout << (i ? ", " : "") << info.tags[i];
  }
  std::cout << "\nFix available: " << (info.fixable ? "yes" : "no") << "\n\n" << info.doc;
  if (!info.doc.empty() && info.doc.back() != '\n') {
    std::cout << '\n';
  }
  return k_exit_clean;
}

int list_rules(const std::string& format) {
  const auto& rules = engine::registered_rules();
  if (format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& rule : rules) {
      nlohmann::json entry = rule_json(*rule.info);
      entry.erase("documentation");
      list.push_back(std::move(entry));
    }
    std::cout << list.dump(2) << '\n';
    return k_exit_clean;
  }
  if (format == "markdown") {
    // The table README.md carries between its rules markers; a test keeps the two in step.
    std::cout << "| Rule | Default | Checks |\n|---|---|---|\n";
    for (const auto& rule : rules) {
      std::cout << "| `" << rule.info->id << "` | " << engine::to_string(rule.info->default_severity) << " | "
                << rule.info->summary << " |\n";
    }
    return k_exit_clean;
  }
  std::size_t width = 0;
  for (const auto& rule : rules) {
    width = std::max(width, rule.info->id.size());
  }
  for (const auto& rule : rules) {
    std::cout << std::left << std::setw(static_cast<int>(width) + 2) << rule.info->id << std::setw(9)
              << engine::to_string(rule.info->default_severity) << rule.info->summary << '\n';
  }
  return k_exit_clean;
}

}  // namespace pmlint::app
