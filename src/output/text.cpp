#include "output/reporter.hpp"
#include "util/text.hpp"

namespace pmlint::output {

namespace {

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

class TextReporter final : public Reporter {
 public:
  TextReporter(std::ostream& out, std::ostream& err, TextOptions options) : m_out(out), m_err(err), m_options(options) {}

  void file(const engine::FileResult& result) override {
    const std::string path = util::escape_control(result.path);
    if (result.error) {
      m_err << paint(k_bold, path);
      if (result.error->line > 0) {
        m_err << ':' << result.error->line << ':' << result.error->column;
      }
      m_err << ": " << paint(k_red, "error") << ": " << util::escape_control(result.error->message) << '\n';
      return;
    }
    for (const auto& finding : result.findings) {
      const auto severity = engine::to_string(finding.severity);
      m_out << paint(k_bold, path) << ':' << finding.location.line << ':' << finding.location.column << ": "
            << paint(color_of(finding.severity), severity) << ": " << util::escape_control(finding.message) << " ["
            << finding.rule_id << "]\n";
    }
  }

  void finish(const RunSummary& summary) override {
    m_out.flush();
    if (!m_options.quiet) {
      m_err << summary_line(summary) << '\n';
    }
  }

 private:
  static constexpr const char* k_bold = "\x1b[1m";
  static constexpr const char* k_red = "\x1b[31m";
  static constexpr const char* k_yellow = "\x1b[33m";
  static constexpr const char* k_blue = "\x1b[34m";

  static const char* color_of(engine::Severity severity) {
    switch (severity) {
      case engine::Severity::error: return k_red;
      case engine::Severity::warning: return k_yellow;
      case engine::Severity::info: return k_blue;
    }
    return k_bold;
  }

  [[nodiscard]] std::string paint(const char* code, std::string_view text) const {
    if (!m_options.color) {
      return std::string(text);
    }
    return std::string(code) + std::string(text) + "\x1b[0m";
  }

  std::ostream& m_out;
  std::ostream& m_err;
  TextOptions m_options;
};

}  // namespace

std::string summary_line(const RunSummary& summary) {
  const std::size_t problems = summary.errors + summary.warnings + summary.infos;
  std::string line;
  if (problems == 0) {
    line = "No problems found in " + plural(summary.files, "file", "files");
  } else {
    std::vector<std::string> parts;
    if (summary.errors > 0) {
      parts.push_back(plural(summary.errors, "error", "errors"));
    }
    if (summary.warnings > 0) {
      parts.push_back(plural(summary.warnings, "warning", "warnings"));
    }
    if (summary.infos > 0) {
      parts.push_back(plural(summary.infos, "info", "infos"));
    }
    std::string joined = parts[0];
    for (std::size_t i = 1; i < parts.size(); ++i) {
      joined += (i + 1 == parts.size() ? " and " : ", ") + parts[i];
    }
    line = "Found " + joined + " in " + std::to_string(summary.files_with_findings) + " of " +
           plural(summary.files, "file", "files");
  }
  if (summary.failed_files > 0) {
    line += "; " + plural(summary.failed_files, "file", "files") + " could not be read";
  }
  if (summary.suppressed > 0) {
    line += " (" + std::to_string(summary.suppressed) + " suppressed)";
  }
  return line;
}

std::unique_ptr<Reporter> make_text_reporter(std::ostream& out, std::ostream& err, TextOptions options) {
  return std::make_unique<TextReporter>(out, err, options);
}

}  // namespace pmlint::output
