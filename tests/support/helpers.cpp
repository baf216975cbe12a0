#include "support/helpers.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "engine/linter.hpp"
#include "engine/packs.hpp"

namespace pmlint::test {

namespace fs = std::filesystem;

document::Document parse(const std::string& markdown, const std::string& path) {
  return document::Document::parse(path, markdown, engine::builtin_vocabulary());
}

engine::FileResult lint(const std::string& markdown, const std::vector<std::string>& rules) {
  engine::ConfigOverrides overrides;
  overrides.select = rules;
  const auto config = engine::Config::load(std::nullopt, overrides);
  return engine::lint_bytes("test.md", markdown, *config);
}

std::vector<std::string> rule_ids(const engine::FileResult& result) {
  std::vector<std::string> ids;
  for (const auto& finding : result.findings) {
    ids.emplace_back(finding.rule_id);
  }
  return ids;
}

TempDir::TempDir() {
  std::random_device random;
  m_path = fs::temp_directory_path() / ("pmlint-test-" + std::to_string(random()) + std::to_string(getpid()));
  fs::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code error;
  // Restore permissions a test may have removed, so the folder can be deleted.
  for (auto it = fs::recursive_directory_iterator(m_path, fs::directory_options::skip_permission_denied, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, error);
  }
  fs::remove_all(m_path, error);
}

fs::path TempDir::write(const std::string& relative, const std::string& content) const {
  const fs::path file = m_path / relative;
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << content;
  return file;
}

namespace {

std::string read_all(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::stringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted.push_back(c);
    }
  }
  return quoted + "'";
}

}  // namespace

RunResult run_pmlint(const std::vector<std::string>& arguments, const std::string& stdin_text,
                     const fs::path& working_directory) {
  const TempDir scratch;
  const fs::path in = scratch.write("stdin", stdin_text);
  const fs::path out = scratch.path() / "stdout";
  const fs::path err = scratch.path() / "stderr";
  std::string command;
  if (!working_directory.empty()) {
    command += "cd " + shell_quote(working_directory.string()) + " && ";
  }
  command += "exec " + shell_quote(PMLINT_BINARY);
  for (const auto& argument : arguments) {
    command += " " + shell_quote(argument);
  }
  command += " < " + shell_quote(in.string()) + " > " + shell_quote(out.string()) + " 2> " + shell_quote(err.string());
  // The shell execs pmlint in its place, so the rusage of the child is pmlint's own.
  const auto started = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child == 0) {
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  wait4(child, &status, 0, &usage);
  RunResult result;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result.max_rss_kb = usage.ru_maxrss;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_all(out);
  result.err = read_all(err);
  return result;
}

fs::path source_dir() { return fs::path(PMLINT_SOURCE_DIR); }

fs::path corpus_dir() { return source_dir().parent_path() / "shared" / "corpus"; }

}  // namespace pmlint::test
