#pragma once

// Helpers shared by the tests: parsing Markdown with the built-in vocabulary, temporary folders
// and running the pmlint binary.

#include <filesystem>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "engine/config.hpp"
#include "engine/result.hpp"

namespace pmlint::test {

document::Document parse(const std::string& markdown, const std::string& path = "test.md");

// Lints `markdown` with the default configuration, or with only `rules` selected.
engine::FileResult lint(const std::string& markdown, const std::vector<std::string>& rules = {});

// The rule ids of a result's findings, in order.
std::vector<std::string> rule_ids(const engine::FileResult& result);

// A fresh folder under the system's temporary folder, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path write(const std::string& relative, const std::string& content) const;

 private:
  std::filesystem::path m_path;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
  double seconds = 0;        // wall time
  long max_rss_kb = 0;       // peak resident memory of the pmlint process
};

// Runs the pmlint binary built with the tests; `stdin_text` is fed to its standard input.
RunResult run_pmlint(const std::vector<std::string>& arguments, const std::string& stdin_text = "",
                     const std::filesystem::path& working_directory = {});

// The repository's root (where CMakeLists.txt is) and the shared corpus beside it, if present.
std::filesystem::path source_dir();
std::filesystem::path corpus_dir();

}  // namespace pmlint::test
