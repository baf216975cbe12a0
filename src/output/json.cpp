#include <nlohmann/json.hpp>

#include "output/reporter.hpp"

namespace pmlint::output {

namespace {

nlohmann::json location_json(const engine::Location& location) {
  return {{"line", location.line},       {"column", location.column}, {"end_line", location.end_line},
          {"end_column", location.end_column}, {"offset", location.offset}, {"length", location.length}};
}

// The stable, versioned JSON contract: {"version": 1, "diagnostics": [...], "errors": [...],
// "summary": {...}}. Diagnostics are written as files finish, so memory does not grow with the
// number of files.
class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(std::ostream& out) : m_out(out) { m_out << "{\"version\":1,\"diagnostics\":["; }

  void file(const engine::FileResult& result) override {
    if (result.error) {
      m_errors.push_back({{"path", result.path},
                          {"message", result.error->message},
                          {"line", result.error->line},
                          {"column", result.error->column}});
      return;
    }
    for (const auto& finding : result.findings) {
      nlohmann::json diagnostic = {{"path", result.path},
                                   {"rule", finding.rule_id},
                                   {"severity", engine::to_string(finding.severity)},
                                   {"message", finding.message}};
      diagnostic.update(location_json(finding.location));
      diagnostic["fingerprint"] = finding.fingerprint;
      if (finding.fix) {
        nlohmann::json edits = nlohmann::json::array();
        for (const auto& edit : finding.fix->edits) {
          nlohmann::json item = location_json(edit.location);
          item["replacement"] = edit.replacement;
          edits.push_back(std::move(item));
        }
        diagnostic["fix"] = {{"description", finding.fix->description}, {"edits", std::move(edits)}};
      } else {
        diagnostic["fix"] = nullptr;
      }
      m_out << (m_first ? "" : ",") << diagnostic.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      m_first = false;
    }
  }

  void finish(const RunSummary& summary) override {
    const nlohmann::json totals = {{"files", summary.files},
                                   {"files_with_findings", summary.files_with_findings},
                                   {"failed_files", summary.failed_files},
                                   {"errors", summary.errors},
                                   {"warnings", summary.warnings},
                                   {"infos", summary.infos},
                                   {"suppressed", summary.suppressed}};
    m_out << "],\"errors\":" << m_errors.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
          << ",\"summary\":" << totals.dump() << "}\n";
    m_out.flush();
  }

 private:
  std::ostream& m_out;
  bool m_first = true;
  nlohmann::json m_errors = nlohmann::json::array();
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(std::ostream& out) { return std::make_unique<JsonReporter>(out); }

}  // namespace pmlint::output
