#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "engine/result.hpp"

namespace pmlint::output {

struct RunSummary {
  std::size_t files = 0;         // files linted or attempted
  std::size_t files_with_findings = 0;
  std::size_t failed_files = 0;  // could not be read
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t suppressed = 0;
};

// What a rule is, for formats that describe the rules they report (SARIF). Output knows nothing
// of the registry; the app fills these in.
struct RuleDescription {
  std::string id;
  std::string summary;
  std::string doc;  // Markdown
  std::string default_severity;
  std::vector<std::string> tags;
};

// Receives results one file at a time, in input order, and the summary at the end. A reporter
// streams: it does not keep every file's findings.
class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void file(const engine::FileResult& result) = 0;
  virtual void finish(const RunSummary& summary) = 0;
};

struct TextOptions {
  bool color = false;
  bool quiet = false;  // no summary line
};

struct SarifOptions {
  std::filesystem::path source_root;  // %SRCROOT%: relative paths resolve against it
  std::string version;
  std::string information_uri;
};

std::unique_ptr<Reporter> make_text_reporter(std::ostream& out, std::ostream& err, TextOptions options);
std::unique_ptr<Reporter> make_json_reporter(std::ostream& out);
std::unique_ptr<Reporter> make_sarif_reporter(std::ostream& out, const std::vector<RuleDescription>& rules,
                                              SarifOptions options);
std::unique_ptr<Reporter> make_github_reporter(std::ostream& out, std::ostream& err);

// "3 errors, 5 warnings and 1 info in 2 of 4 files", the line every format ends with on stderr.
std::string summary_line(const RunSummary& summary);

}  // namespace pmlint::output
