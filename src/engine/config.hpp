#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <string>
#include <vector>

#include "document/vocabulary.hpp"
#include "engine/diagnostic.hpp"
#include "engine/rule.hpp"

namespace pmlint::engine {

// A configuration that cannot be used: names the file and, where known, the line.
class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string file, int line, int column, const std::string& message);
  [[nodiscard]] const std::string& file() const { return m_file; }
  [[nodiscard]] int line() const { return m_line; }
  [[nodiscard]] int column() const { return m_column; }

 private:
  std::string m_file;
  int m_line;
  int m_column;
};

struct RuleSetting {
  bool enabled = true;
  Severity severity = Severity::warning;
  bool pinned = false;  // the user set the severity: it wins over a rule's own judgement
  YAML::Node options;
};

struct ConfiguredRule {
  std::unique_ptr<Rule> rule;
  Severity severity = Severity::warning;
  bool pinned = false;
};

// Choices from the command line that apply on top of every configuration file.
struct ConfigOverrides {
  std::optional<std::string> profile;     // --profile
  std::vector<std::string> select;        // --select: only these rules
  std::vector<std::string> extend_select; // --extend-select: these as well
  std::vector<std::string> ignore;        // --ignore: not these
};

// One effective configuration: the rules to run, configured, and the vocabulary to read with.
class Config {
 public:
  [[nodiscard]] const std::filesystem::path& file() const { return m_file; }
  [[nodiscard]] const document::Vocabulary& vocabulary() const { return *m_vocabulary; }
  [[nodiscard]] const std::vector<ConfiguredRule>& rules() const { return m_rules; }
  [[nodiscard]] bool enabled(std::string_view rule_id) const;
  // True when `path` matches one of the `ignore:` globs (relative to the file that declared it).
  [[nodiscard]] bool ignores(const std::filesystem::path& path) const;

  // Builds a configuration from a file (or the built-in defaults when `file` is empty).
  static std::shared_ptr<const Config> load(const std::optional<std::filesystem::path>& file,
                                            const ConfigOverrides& overrides);
  // A configuration read from `text` as if it were the file `as_if` (its `extends` and `ignore`
  // resolve from that file's folder).
  static std::shared_ptr<const Config> from_text(const std::string& text, const std::filesystem::path& as_if);

 private:
  friend class ConfigBuilder;
  std::filesystem::path m_file;
  std::unique_ptr<document::Vocabulary> m_owned_vocabulary;
  const document::Vocabulary* m_vocabulary = nullptr;
  std::vector<ConfiguredRule> m_rules;
  std::map<std::string, bool, std::less<>> m_enabled;
  std::vector<std::pair<std::filesystem::path, std::string>> m_ignore;  // (base dir, glob)
};

// Finds the configuration for each file: `--config` if given, else the nearest .pmlint.yaml
// (or .pmlint.yml) in the file's folder or above (ruff's model), else the built-in defaults.
// Loads each file once; safe to call from several threads.
class ConfigResolver {
 public:
  ConfigResolver(std::optional<std::filesystem::path> explicit_config, ConfigOverrides overrides);
  std::shared_ptr<const Config> for_file(const std::filesystem::path& file);

 private:
  std::optional<std::filesystem::path> nearest(const std::filesystem::path& directory);
  std::shared_ptr<const Config> resolve(const std::filesystem::path& file);

  std::optional<std::filesystem::path> m_explicit;
  ConfigOverrides m_overrides;
  std::mutex m_mutex;
  std::map<std::filesystem::path, std::optional<std::filesystem::path>> m_nearest;
  std::map<std::filesystem::path, std::shared_ptr<const Config>> m_loaded;
  std::unordered_map<std::string, std::shared_ptr<const Config>> m_by_folder;  // folder as written
  std::shared_ptr<const Config> m_default;
};

// The built-in profiles: "recommended", "strict", "minimal".
std::vector<std::string> profile_names();

}  // namespace pmlint::engine
