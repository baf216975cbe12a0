#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/commands.hpp"
#include "document/document.hpp"
#include "engine/config.hpp"
#include "engine/linter.hpp"

namespace pmlint::app {

namespace {

nlohmann::json nullable(const std::string& value) { return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value); }

// The Document model as JSON: what pmlint understood of a postmortem.
nlohmann::json model_json(const document::Document& document) {
  const auto line_of = [&](document::ByteSpan span) { return document.lines().position(span.begin).line; };
  nlohmann::json metadata = nlohmann::json::object();
  for (const auto& entry : document.metadata()) {
    if (metadata.contains(entry.key)) {
      continue;  // the first declaration wins
    }
    if (entry.values.size() > 1) {
      metadata[entry.key] = entry.values;
    } else {
      metadata[entry.key] = entry.value;
    }
  }
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& section : document.sections()) {
    sections.push_back({{"kind", section.kind == document::SectionKind::none ? nlohmann::json(nullptr)
                                                                             : nlohmann::json(document::to_string(section.kind))},
                        {"title", section.title},
                        {"line", line_of(section.heading)},
                        {"level", section.level},
                        {"labelled", section.labelled}});
  }
  nlohmann::json timeline = nlohmann::json::array();
  for (const auto& entry : document.timeline()) {
    std::string text(entry.text_span.of(document.prose()));
    nlohmann::json item = {
        {"line", line_of(entry.span)},
        {"timestamp", document::to_iso8601(entry.date, entry.time, entry.zone)},
        {"written", std::string(entry.time_span.of(document.source()))},
        {"zone", entry.zone ? nlohmann::json(entry.zone->name) : nlohmann::json(nullptr)},
        {"zone_source", entry.zone_source == document::ZoneSource::entry      ? "entry"
                        : entry.zone_source == document::ZoneSource::declared ? "declared"
                                                                              : "none"},
        {"precision", document::to_string(entry.precision)},
        {"approximate", entry.approximate},
        {"milestone", entry.milestone == document::Milestone::none ? nlohmann::json(nullptr)
                                                                   : nlohmann::json(document::to_string(entry.milestone))},
    };
    timeline.push_back(std::move(item));
  }
  nlohmann::json actions = nlohmann::json::array();
  for (const auto& item : document.action_items()) {
    actions.push_back({{"line", line_of(item.span)},
                       {"text", item.text},
                       {"owner", nullable(item.owner.value)},
                       {"due", nullable(item.due.value)},
                       {"ticket", nullable(item.ticket.value)},
                       {"type", nullable(item.type_name.empty() ? item.type.value : item.type_name)},
                       {"priority", nullable(item.priority.value)},
                       {"status", nullable(item.status.value)},
                       {"group", nullable(item.group)}});
  }
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& problem : document.problems()) {
    problems.push_back({{"line", line_of(problem.span)}, {"message", problem.message}});
  }
  return {{"path", document.path()},
          {"metadata", metadata},
          {"severity", document.severity() ? nlohmann::json("SEV" + std::to_string(*document.severity()))
                                           : nlohmann::json(nullptr)},
          {"audience", document.audience() ? nlohmann::json(*document.audience()) : nlohmann::json(nullptr)},
          {"declared_zone", document.declared_zone() ? nlohmann::json(document.declared_zone()->name)
                                                     : nlohmann::json(nullptr)},
          {"sections", sections},
          {"timeline", timeline},
          {"action_items", actions},
          {"problems", problems}};
}

}  // namespace

int inspect(const std::string& path, const std::optional<std::string>& config_path) {
  std::string bytes;
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    bytes = std::move(buffer).str();
  } else {
    if (!std::filesystem::is_regular_file(path)) {
      std::cerr << "pmlint: " << path << ": no such file\n";
      return k_exit_error;
    }
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    if (!stream) {
      std::cerr << "pmlint: " << path << ": cannot read file\n";
      return k_exit_error;
    }
    bytes = std::move(buffer).str();
  }
  if (const auto error = engine::unreadable_text(bytes)) {
    std::cerr << path << ':' << error->line << ':' << error->column << ": error: " << error->message << '\n';
    return k_exit_error;
  }
  try {
    engine::ConfigResolver configs(config_path ? std::optional<std::filesystem::path>(*config_path) : std::nullopt, {});
    const auto config = configs.for_file(path == "-" ? std::filesystem::path("stdin.md") : std::filesystem::path(path));
    const auto document = document::Document::parse(path, std::move(bytes), config->vocabulary());
    std::cout << model_json(document).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  } catch (const engine::ConfigError& error) {
    std::cerr << "pmlint: " << error.file() << ": error: " << error.what() << '\n';
    return k_exit_error;
  }
  return k_exit_clean;
}

}  // namespace pmlint::app
