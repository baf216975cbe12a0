#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pmlint::app {

// Exit codes, as ruff and markdownlint use them.
constexpr int k_exit_clean = 0;
constexpr int k_exit_findings = 1;
constexpr int k_exit_error = 2;

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::optional<std::string> config;
  std::optional<std::string> profile;
  std::vector<std::string> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  std::string severity_threshold = "error";
  unsigned jobs = 0;  // 0: one per core
  bool quiet = false;
  bool no_color = false;
  bool exit_zero = false;
  std::optional<std::string> stdin_filename;
  std::optional<std::string> output_file;
};

struct InitOptions {
  std::string severity = "SEV3";
  std::string audience = "internal";
  std::optional<std::string> file;  // standard output when absent
  bool force = false;
};

int check(const CheckOptions& options);
int init(const InitOptions& options);
// The postmortem skeleton `pmlint init` writes, dated `today` (days since 1970-01-01).
std::string skeleton(int severity, const std::string& audience, long long today);
int explain(const std::string& rule_id, const std::string& format);
int list_rules(const std::string& format);
int inspect(const std::string& path, const std::optional<std::string>& config);

// The whole command line: parses argv and runs the command.
int run(int argc, char** argv);

}  // namespace pmlint::app
