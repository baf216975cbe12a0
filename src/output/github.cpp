// GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` line per finding,
// escaped as the runner requires, then the plain summary on standard error.

#include "output/reporter.hpp"
#include "util/text.hpp"

namespace pmlint::output {

namespace {

// Data of a workflow command: '%', CR and LF are escaped (actions/toolkit command.ts).
std::string escape_data(std::string_view text) {
  std::string escaped;
  for (const char c : text) {
    switch (c) {
      case '%': escaped += "%25"; break;
      case '\r': escaped += "%0D"; break;
      case '\n': escaped += "%0A"; break;
      default: escaped.push_back(c);
    }
  }
  return escaped;
}

// A property value: as data, and ':' and ',' too.
std::string escape_property(std::string_view text) {
  std::string escaped;
  for (const char c : escape_data(text)) {
    switch (c) {
      case ':': escaped += "%3A"; break;
      case ',': escaped += "%2C"; break;
      default: escaped.push_back(c);
    }
  }
  return escaped;
}

const char* command_of(engine::Severity severity) {
  switch (severity) {
    case engine::Severity::error: return "error";
    case engine::Severity::warning: return "warning";
    case engine::Severity::info: return "notice";
  }
  return "warning";
}

class GithubReporter final : public Reporter {
 public:
  GithubReporter(std::ostream& out, std::ostream& err) : m_out(out), m_err(err) {}

  void file(const engine::FileResult& result) override {
    const std::string file = escape_property(util::escape_control(result.path));
    if (result.error) {
      m_out << "::error file=" << file;
      if (result.error->line > 0) {
        m_out << ",line=" << result.error->line;
      }
      m_out << ",title=pmlint::" << escape_data(util::escape_control(result.error->message)) << '\n';
      return;
    }
    for (const auto& finding : result.findings) {
      const auto& location = finding.location;
      m_out << "::" << command_of(finding.severity) << " file=" << file << ",line=" << location.line
            << ",endLine=" << location.end_line;
      // Columns only for a span on one line: GitHub ignores or misplaces them otherwise.
      if (location.line == location.end_line) {
        m_out << ",col=" << location.column << ",endColumn=" << location.end_column;
      }
      m_out << ",title=" << escape_property(finding.rule_id) << "::" << escape_data(util::escape_control(finding.message)) << " ["
            << escape_data(finding.rule_id) << "]\n";
    }
  }

  void finish(const RunSummary& summary) override {
    m_out.flush();
    m_err << summary_line(summary) << '\n';
  }

 private:
  std::ostream& m_out;
  std::ostream& m_err;
};

}  // namespace

std::unique_ptr<Reporter> make_github_reporter(std::ostream& out, std::ostream& err) {
  return std::make_unique<GithubReporter>(out, err);
}

}  // namespace pmlint::output
