#include "app/report_setup.hpp"

#include <filesystem>

#include "engine/registry.hpp"

namespace pmlint::app {

namespace {

constexpr const char* k_information_uri = "https://github.com/pmlint/pmlint";

}  // namespace

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> k_formats = {"text", "json", "sarif", "github"};
  return k_formats;
}

std::unique_ptr<output::Reporter> make_reporter(const std::string& format, std::ostream& out, std::ostream& err,
                                                bool color, bool quiet) {
  if (format == "text") {
    return output::make_text_reporter(out, err, {color, quiet});
  }
  if (format == "json") {
    return output::make_json_reporter(out);
  }
  if (format == "sarif") {
    std::error_code error;
    return output::make_sarif_reporter(out, rule_descriptions(),
                                       {std::filesystem::current_path(error), PMLINT_VERSION, k_information_uri});
  }
  if (format == "github") {
    return output::make_github_reporter(out, err);
  }
  return nullptr;
}

std::vector<output::RuleDescription> rule_descriptions() {
  std::vector<output::RuleDescription> descriptions;
  for (const auto& rule : engine::registered_rules()) {
    output::RuleDescription description;
    description.id = std::string(rule.info->id);
    description.summary = std::string(rule.info->summary);
    description.doc = std::string(rule.info->doc);
    description.default_severity = std::string(engine::to_string(rule.info->default_severity));
    for (const auto tag : rule.info->tags) {
      description.tags.emplace_back(tag);
    }
    descriptions.push_back(std::move(description));
  }
  return descriptions;
}

}  // namespace pmlint::app
