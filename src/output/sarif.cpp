// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one run, columns in Unicode
// code points, URIs relative to %SRCROOT%, every rule described, content-based fingerprints.

#include <nlohmann/json.hpp>

#include <cctype>
#include <filesystem>
#include <map>

#include "output/reporter.hpp"

namespace pmlint::output {

namespace {

std::string sarif_level(engine::Severity severity) {
  switch (severity) {
    case engine::Severity::error: return "error";
    case engine::Severity::warning: return "warning";
    case engine::Severity::info: return "note";
  }
  return "warning";
}

// "timeline-timezone" -> "TimelineTimezone": SARIF's rule `name` (SARIF2012 asks for one).
std::string pascal_case(const std::string& id) {
  std::string name;
  bool upper = true;
  for (const char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    name.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    upper = false;
  }
  return name;
}

// The first paragraph of a rule's "What it checks", as plain text for fullDescription.
std::string first_paragraph(const std::string& doc) {
  const auto start = doc.find('\n');
  if (start == std::string::npos) {
    return doc;
  }
  const auto end = doc.find("\n\n", start + 1);
  std::string text = doc.substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1);
  for (char& c : text) {
    if (c == '\n') {
      c = ' ';
    }
  }
  return text;
}

// A file URI for a folder, with a trailing slash (SARIF requires it for uriBaseIds).
std::string folder_uri(const std::filesystem::path& folder) {
  std::string uri = "file://";
  for (const char c : folder.generic_string()) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      uri.push_back(c);
    } else {
      static constexpr char k_hex[] = "0123456789ABCDEF";
      uri.push_back('%');
      uri.push_back(k_hex[(static_cast<unsigned char>(c) >> 4) & 0xF]);
      uri.push_back(k_hex[static_cast<unsigned char>(c) & 0xF]);
    }
  }
  if (uri.back() != '/') {
    uri.push_back('/');
  }
  return uri;
}

// Percent-encodes what a relative URI reference may not hold as is.
std::string relative_uri(const std::string& path) {
  std::string uri;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      uri.push_back(c);
    } else {
      static constexpr char k_hex[] = "0123456789ABCDEF";
      uri.push_back('%');
      uri.push_back(k_hex[byte >> 4]);
      uri.push_back(k_hex[byte & 0xF]);
    }
  }
  return uri;
}

nlohmann::json region_of(const engine::Location& location, bool with_bytes) {
  nlohmann::json region = {{"startLine", location.line},
                           {"startColumn", location.column},
                           {"endLine", location.end_line},
                           {"endColumn", location.end_column}};
  if (with_bytes) {
    region["byteOffset"] = location.offset;
    region["byteLength"] = location.length;
  }
  return region;
}

class SarifReporter final : public Reporter {
 public:
  SarifReporter(std::ostream& out, const std::vector<RuleDescription>& rules, SarifOptions options)
      : m_out(out), m_options(std::move(options)) {
    nlohmann::json descriptors = nlohmann::json::array();
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const RuleDescription& rule = rules[i];
      m_rule_index.emplace(rule.id, i);
      nlohmann::json tags = rule.tags;
      const std::string level = rule.default_severity == "info" ? "note" : rule.default_severity;
      nlohmann::json descriptor = {
          {"id", rule.id},
          {"name", pascal_case(rule.id)},
          {"shortDescription", {{"text", rule.summary}}},
          {"fullDescription", {{"text", first_paragraph(rule.doc)}}},
          {"help", {{"text", rule.doc}, {"markdown", rule.doc}}},
          {"defaultConfiguration", {{"level", level}}},
          {"properties", {{"tags", tags}, {"problem.severity", rule.default_severity}}},
      };
      if (!m_options.information_uri.empty()) {
        descriptor["helpUri"] = m_options.information_uri + "#" + rule.id;
      }
      descriptors.push_back(std::move(descriptor));
    }
    nlohmann::json driver = {{"name", "pmlint"},
                             {"semanticVersion", m_options.version},
                             {"version", m_options.version},
                             {"rules", std::move(descriptors)}};
    if (!m_options.information_uri.empty()) {
      driver["informationUri"] = m_options.information_uri;
    }
    const nlohmann::json head = {{"tool", {{"driver", std::move(driver)}}},
                                 {"automationDetails", {{"id", "pmlint/"}}},
                                 {"originalUriBaseIds", {{"%SRCROOT%", {{"uri", folder_uri(m_options.source_root)}}}}},
                                 {"columnKind", "unicodeCodePoints"}};
    // The run is written in pieces so that results stream: the head without its closing brace,
    // then results one by one, then the invocation and the closing braces.
    std::string run = head.dump();
    run.pop_back();
    m_out << R"({"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[)" << run
          << R"(,"results":[)";
  }

  void file(const engine::FileResult& result) override {
    const std::string uri = uri_of(result.path);
    if (result.error) {
      nlohmann::json notification = {{"level", "error"}, {"message", {{"text", result.path + ": " + result.error->message}}}};
      if (result.error->line > 0) {
        notification["locations"] = nlohmann::json::array(
            {{{"physicalLocation",
               {{"artifactLocation", artifact(uri)},
                {"region", {{"startLine", result.error->line}, {"startColumn", std::max<std::uint32_t>(1, result.error->column)}}}}}}});
      }
      m_notifications.push_back(std::move(notification));
      return;
    }
    for (const auto& finding : result.findings) {
      const std::string rule(finding.rule_id);
      nlohmann::json entry = {
          {"ruleId", rule},
          {"level", sarif_level(finding.severity)},
          {"message", {{"text", finding.message}}},
          {"locations",
           nlohmann::json::array({{{"physicalLocation", {{"artifactLocation", artifact(uri)}, {"region", region_of(finding.location, true)}}}}})},
          {"partialFingerprints", {{"pmlintContentHash/v1", finding.fingerprint}}},
      };
      const auto index = m_rule_index.find(rule);
      if (index != m_rule_index.end()) {
        entry["ruleIndex"] = index->second;
      }
      if (finding.fix) {
        nlohmann::json replacements = nlohmann::json::array();
        for (const auto& edit : finding.fix->edits) {
          replacements.push_back({{"deletedRegion", region_of(edit.location, false)},
                                  {"insertedContent", {{"text", edit.replacement}}}});
        }
        entry["fixes"] = nlohmann::json::array(
            {{{"description", {{"text", finding.fix->description}}},
              {"artifactChanges", nlohmann::json::array({{{"artifactLocation", artifact(uri)}, {"replacements", replacements}}})}}});
      }
      m_out << (m_first ? "" : ",") << entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      m_first = false;
    }
  }

  void finish(const RunSummary& summary) override {
    nlohmann::json invocation = {{"executionSuccessful", summary.failed_files == 0}};
    if (!m_notifications.empty()) {
      invocation["toolExecutionNotifications"] = m_notifications;
    }
    m_out << R"(],"invocations":[)" << invocation.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
          << "]}]}\n";
    m_out.flush();
  }

 private:
  // Paths inside the source root become relative URIs; others absolute file URIs.
  [[nodiscard]] std::string uri_of(const std::string& path) const {
    namespace fs = std::filesystem;
    fs::path candidate(path);
    std::error_code error;
    if (candidate.is_absolute()) {
      const fs::path relative = candidate.lexically_relative(m_options.source_root);
      if (relative.empty() || relative.generic_string().rfind("..", 0) == 0) {
        return folder_uri(candidate.parent_path()) + relative_uri(candidate.filename().string());
      }
      candidate = relative;
    }
    std::string text = candidate.lexically_normal().generic_string();
    while (text.rfind("./", 0) == 0) {
      text.erase(0, 2);
    }
    return relative_uri(text);
  }

  [[nodiscard]] static nlohmann::json artifact(const std::string& uri) {
    if (uri.rfind("file://", 0) == 0) {
      return {{"uri", uri}};
    }
    return {{"uri", uri}, {"uriBaseId", "%SRCROOT%"}};
  }

  std::ostream& m_out;
  SarifOptions m_options;
  std::map<std::string, std::size_t> m_rule_index;
  nlohmann::json m_notifications = nlohmann::json::array();
  bool m_first = true;
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(std::ostream& out, const std::vector<RuleDescription>& rules,
                                              SarifOptions options) {
  return std::make_unique<SarifReporter>(out, rules, std::move(options));
}

}  // namespace pmlint::output
