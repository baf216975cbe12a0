#include "engine/config.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/options.hpp"
#include "engine/packs.hpp"
#include "engine/registry.hpp"
#include "util/edit_distance.hpp"
#include "util/glob.hpp"
#include "util/text.hpp"
#include "util/yaml_guard.hpp"

namespace pmlint::engine {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> k_top_level_keys = {"extends", "rules", "sections", "ignore"};
const std::vector<std::string> k_config_names = {".pmlint.yaml", ".pmlint.yml"};

// Everything the layers of a configuration settle, before rules are built from it.
struct Settings {
  std::map<std::string, RuleSetting, std::less<>> rules;
  std::vector<std::pair<document::SectionKind, std::vector<std::string>>> section_aliases;
  std::vector<std::pair<fs::path, std::string>> ignore;
};

Settings default_settings() {
  Settings settings;
  for (const auto& registered : registered_rules()) {
    RuleSetting setting;
    setting.severity = registered.info->default_severity;
    setting.options = YAML::Node(YAML::NodeType::Map);
    settings.rules.emplace(std::string(registered.info->id), setting);
  }
  return settings;
}

// The text of a scalar. A mapping or a list where one value belongs ("? {a: b}: x" as a key,
// "severity: [error]") is a configuration error at its place, not a YAML conversion exception.
std::string scalar_at(const YAML::Node& node, const std::string& file, const std::string& what) {
  if (!node.IsScalar()) {
    throw ConfigError(file, node.Mark().line + 1, node.Mark().column + 1, what + " must be a single value");
  }
  return node.Scalar();
}

std::vector<std::string> strings_at(const YAML::Node& node, const std::string& file, const std::string& what) {
  std::vector<std::string> values;
  if (node.IsScalar()) {
    values.push_back(node.as<std::string>());
    return values;
  }
  if (!node.IsSequence()) {
    throw ConfigError(file, node.Mark().line + 1, node.Mark().column + 1, what + " must be a list of strings");
  }
  for (const auto& item : node) {
    if (!item.IsScalar()) {
      throw ConfigError(file, item.Mark().line + 1, item.Mark().column + 1, what + " must be a list of strings");
    }
    values.push_back(item.as<std::string>());
  }
  return values;
}

void apply_profile(Settings& settings, const std::string& name, const std::string& file, const YAML::Mark& mark) {
  const PackData& profiles = pack("profiles");
  const auto found = profiles.find(name);
  if (found == profiles.end()) {
    throw ConfigError(file, mark.line + 1, mark.column + 1,
                      "unknown profile '" + name + "'" + util::did_you_mean(name, profile_names()));
  }
  const PackData& profile = *found;
  if (profile.contains("only")) {
    const auto ids = document::pack_list(profile.at("only"), "profiles." + name + ".only");
    const std::set<std::string> only(ids.begin(), ids.end());
    for (auto& [id, setting] : settings.rules) {
      setting.enabled = only.count(id) > 0;
    }
  }
  if (profile.contains("promote")) {
    for (const auto& [from_name, to_name] : profile.at("promote").items()) {
      const auto from = severity_named(from_name);
      const auto to = severity_named(to_name.get<std::string>());
      for (auto& [id, setting] : settings.rules) {
        if (from && to && setting.severity == *from) {
          setting.severity = *to;
          setting.pinned = true;
        }
      }
    }
  }
}

class LayerReader {
 public:
  explicit LayerReader(Settings& settings) : m_settings(settings) {}

  void read_file(const fs::path& path);
  // Reads configuration text as if it were the file at `path`.
  void read_text(const std::string& text, const fs::path& path, const fs::path& canonical);

 private:
  void read_rules(const YAML::Node& rules, const std::string& file);
  void read_rule(const std::string& id, const YAML::Node& value, const std::string& file);

  Settings& m_settings;
  std::vector<fs::path> m_stack;  // files being read, to catch `extends` cycles
};

void LayerReader::read_file(const fs::path& path) {
  const std::string file = path.string();
  const fs::path canonical = fs::weakly_canonical(path);
  if (std::find(m_stack.begin(), m_stack.end(), canonical) != m_stack.end()) {
    std::string chain;
    for (const auto& step : m_stack) {
      chain += step.string() + " -> ";
    }
    throw ConfigError(file, 0, 0, "'extends' forms a cycle: " + chain + canonical.string());
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    throw ConfigError(file, 0, 0, "cannot read configuration file");
  }
  std::stringstream buffer;
  buffer << stream.rdbuf();
  read_text(buffer.str(), path, canonical);
}

void LayerReader::read_text(const std::string& text, const fs::path& path, const fs::path& canonical) {
  const std::string file = path.string();
  if (const auto deep = util::excessive_yaml_nesting(text)) {
    throw ConfigError(file, 0, 0, "nests deeper than any configuration needs (at byte " + std::to_string(*deep) + ")");
  }
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& error) {
    throw ConfigError(file, error.mark.line + 1, error.mark.column + 1, "not valid YAML: " + error.msg);
  }
  if (!root || root.IsNull()) {
    return;  // an empty file configures nothing
  }
  if (!root.IsMap()) {
    throw ConfigError(file, root.Mark().line + 1, root.Mark().column + 1,
                      "a configuration must be a mapping (keys: extends, rules, sections, ignore)");
  }
  m_stack.push_back(canonical);
  for (const auto& entry : root) {
    const std::string key = scalar_at(entry.first, file, "a top-level key");
    if (std::find(k_top_level_keys.begin(), k_top_level_keys.end(), key) == k_top_level_keys.end()) {
      throw ConfigError(file, entry.first.Mark().line + 1, entry.first.Mark().column + 1,
                        "unknown key '" + key + "'" + util::did_you_mean(key, k_top_level_keys));
    }
  }
  if (const YAML::Node extends = root["extends"]) {
    for (const std::string& base : strings_at(extends, file, "'extends'")) {
      const bool is_path = base.find('/') != std::string::npos || util::iends_with(base, ".yaml") ||
                           util::iends_with(base, ".yml");
      if (!is_path) {
        apply_profile(m_settings, base, file, extends.Mark());
      } else {
        const fs::path target = fs::path(base).is_absolute() ? fs::path(base) : path.parent_path() / base;
        if (!fs::exists(target)) {
          throw ConfigError(file, extends.Mark().line + 1, extends.Mark().column + 1,
                            "'extends' names '" + base + "', which does not exist");
        }
        read_file(target);
      }
    }
  }
  if (const YAML::Node rules = root["rules"]) {
    read_rules(rules, file);
  }
  if (const YAML::Node sections = root["sections"]) {
    if (!sections.IsMap()) {
      throw ConfigError(file, sections.Mark().line + 1, sections.Mark().column + 1,
                        "'sections' must map section kinds to lists of headings");
    }
    for (const auto& entry : sections) {
      const std::string name = scalar_at(entry.first, file, "a section kind");
      const auto kind = document::section_kind_named(name);
      if (!kind) {
        throw ConfigError(file, entry.first.Mark().line + 1, entry.first.Mark().column + 1,
                          "unknown section kind '" + name + "'" + util::did_you_mean(name, document::section_kind_names()));
      }
      m_settings.section_aliases.emplace_back(*kind, strings_at(entry.second, file, "sections." + name));
    }
  }
  if (const YAML::Node ignore = root["ignore"]) {
    for (const std::string& glob : strings_at(ignore, file, "'ignore'")) {
      m_settings.ignore.emplace_back(path.parent_path(), glob);
    }
  }
  m_stack.pop_back();
}

void LayerReader::read_rules(const YAML::Node& rules, const std::string& file) {
  if (!rules.IsMap()) {
    throw ConfigError(file, rules.Mark().line + 1, rules.Mark().column + 1,
                      "'rules' must map rule ids to a severity or to settings");
  }
  for (const auto& entry : rules) {
    read_rule(scalar_at(entry.first, file, "a rule id"), entry.second, file);
  }
}

void LayerReader::read_rule(const std::string& id, const YAML::Node& value, const std::string& file) {
  const YAML::Mark mark = value.Mark();
  const RegisteredRule* registered = find_rule(id);
  if (registered == nullptr) {
    throw ConfigError(file, mark.line + 1, 1, "unknown rule '" + id + "'" + util::did_you_mean(id, rule_ids()));
  }
  RuleSetting& setting = m_settings.rules[id];
  auto set_severity = [&](const std::string& text, const YAML::Mark& where) {
    const std::string lowered = util::to_lower_ascii(text);
    if (lowered == "off" || lowered == "false" || lowered == "disable" || lowered == "disabled") {
      setting.enabled = false;
      return;
    }
    const auto severity = severity_named(lowered);
    if (!severity) {
      throw ConfigError(file, where.line + 1, where.column + 1,
                        "rule '" + id + "': severity must be off, info, warning or error, not '" + text + "'");
    }
    setting.enabled = true;
    setting.severity = *severity;
    setting.pinned = true;
  };
  if (value.IsScalar()) {
    set_severity(value.Scalar(), mark);
    return;
  }
  if (!value.IsMap()) {
    throw ConfigError(file, mark.line + 1, mark.column + 1,
                      "rule '" + id + "' must be a severity (off, info, warning, error) or a mapping");
  }
  std::vector<std::string> known = {"severity", "enabled"};
  for (const OptionSpec& spec : registered->info->options) {
    known.emplace_back(spec.name);
  }
  for (const auto& option : value) {
    const std::string name = scalar_at(option.first, file, "an option name of rule '" + id + "'");
    const YAML::Mark where = option.first.Mark();
    if (name == "severity") {
      set_severity(scalar_at(option.second, file, "rule '" + id + "': severity"), option.second.Mark());
      continue;
    }
    if (name == "enabled") {
      bool enabled = true;
      if (!option.second.IsScalar() || !YAML::convert<bool>::decode(option.second, enabled)) {
        throw ConfigError(file, option.second.Mark().line + 1, option.second.Mark().column + 1,
                          "rule '" + id + "': enabled must be true or false");
      }
      setting.enabled = enabled;
      continue;
    }
    const auto spec = std::find_if(registered->info->options.begin(), registered->info->options.end(),
                                   [&](const OptionSpec& candidate) { return candidate.name == name; });
    if (spec == registered->info->options.end()) {
      throw ConfigError(file, where.line + 1, where.column + 1,
                        "rule '" + id + "' has no option '" + name + "'" + util::did_you_mean(name, known));
    }
    if (const std::string problem = RuleOptions::check(*spec, option.second); !problem.empty()) {
      throw ConfigError(file, option.second.Mark().line + 1, option.second.Mark().column + 1,
                        "rule '" + id + "': option '" + name + "' " + problem);
    }
    setting.options[name] = option.second;
  }
}

void check_rule_ids(const std::vector<std::string>& ids, const std::string& flag) {
  for (const auto& id : ids) {
    if (find_rule(id) == nullptr) {
      throw ConfigError(flag, 0, 0, "unknown rule '" + id + "'" + util::did_you_mean(id, rule_ids()));
    }
  }
}

}  // namespace

ConfigError::ConfigError(std::string file, int line, int column, const std::string& message)
    : std::runtime_error(message), m_file(std::move(file)), m_line(line), m_column(column) {}

std::vector<std::string> profile_names() {
  std::vector<std::string> names;
  for (const auto& [name, profile] : pack("profiles").items()) {
    names.push_back(name);
  }
  return names;
}

bool Config::enabled(std::string_view rule_id) const {
  const auto it = m_enabled.find(rule_id);
  return it != m_enabled.end() && it->second;
}

bool Config::ignores(const fs::path& path) const {
  for (const auto& [base, glob] : m_ignore) {
    const fs::path relative = path.lexically_proximate(base);
    const std::string text = relative.generic_string();
    if (text.rfind("..", 0) == 0) {
      continue;
    }
    if (util::glob_match(glob, text)) {
      return true;
    }
  }
  return false;
}

class ConfigBuilder {
 public:
  // `text`, when given, is read as the content of `file`.
  static std::shared_ptr<const Config> build(const std::optional<fs::path>& file, const ConfigOverrides& overrides,
                                             const std::string* text = nullptr) {
    Settings settings = default_settings();
    const std::string origin = file ? file->string() : std::string("--profile");
    if (overrides.profile) {
      apply_profile(settings, *overrides.profile, "--profile", YAML::Mark());
    }
    if (file && text != nullptr) {
      LayerReader(settings).read_text(*text, *file, fs::absolute(*file));
    } else if (file) {
      LayerReader(settings).read_file(*file);
    }
    check_rule_ids(overrides.select, "--select");
    check_rule_ids(overrides.extend_select, "--extend-select");
    check_rule_ids(overrides.ignore, "--ignore");
    if (!overrides.select.empty()) {
      for (auto& [id, setting] : settings.rules) {
        setting.enabled = std::find(overrides.select.begin(), overrides.select.end(), id) != overrides.select.end();
      }
    }
    for (const auto& id : overrides.extend_select) {
      settings.rules[id].enabled = true;
    }
    for (const auto& id : overrides.ignore) {
      settings.rules[id].enabled = false;
    }

    auto config = std::make_shared<Config>();
    config->m_file = file.value_or(fs::path());
    if (settings.section_aliases.empty()) {
      config->m_vocabulary = &builtin_vocabulary();
    } else {
      config->m_owned_vocabulary = builtin_vocabulary().clone();
      for (const auto& [kind, aliases] : settings.section_aliases) {
        config->m_owned_vocabulary->add_section_aliases(kind, aliases);
      }
      config->m_vocabulary = config->m_owned_vocabulary.get();
    }
    config->m_ignore = settings.ignore;
    for (const auto& registered : registered_rules()) {
      const RuleSetting& setting = settings.rules.at(std::string(registered.info->id));
      config->m_enabled.emplace(std::string(registered.info->id), setting.enabled);
      if (!setting.enabled) {
        continue;
      }
      ConfiguredRule configured;
      configured.rule = registered.make();
      configured.severity = setting.severity;
      configured.pinned = setting.pinned;
      try {
        configured.rule->configure(RuleOptions(setting.options, registered.info->options));
      } catch (const std::exception& error) {
        throw ConfigError(origin, 0, 0, "rule '" + std::string(registered.info->id) + "': " + error.what());
      }
      config->m_rules.push_back(std::move(configured));
    }
    return config;
  }
};

std::shared_ptr<const Config> Config::load(const std::optional<fs::path>& file, const ConfigOverrides& overrides) {
  return ConfigBuilder::build(file, overrides);
}

std::shared_ptr<const Config> Config::from_text(const std::string& text, const fs::path& as_if) {
  return ConfigBuilder::build(as_if, {}, &text);
}

ConfigResolver::ConfigResolver(std::optional<fs::path> explicit_config, ConfigOverrides overrides)
    : m_explicit(std::move(explicit_config)), m_overrides(std::move(overrides)) {}

std::optional<fs::path> ConfigResolver::nearest(const fs::path& directory) {
  const auto cached = m_nearest.find(directory);
  if (cached != m_nearest.end()) {
    return cached->second;
  }
  std::optional<fs::path> found;
  for (const auto& name : k_config_names) {
    std::error_code error;
    const fs::path candidate = directory / name;
    if (fs::is_regular_file(candidate, error)) {
      found = candidate;
      break;
    }
  }
  if (!found && directory.has_parent_path() && directory.parent_path() != directory) {
    found = nearest(directory.parent_path());
  }
  m_nearest.emplace(directory, found);
  return found;
}

std::shared_ptr<const Config> ConfigResolver::for_file(const fs::path& file) {
  const std::lock_guard lock(m_mutex);
  // Files of one folder share a configuration: look it up once per folder.
  const std::string folder = file.parent_path().string();
  if (const auto known = m_by_folder.find(folder); known != m_by_folder.end()) {
    return known->second;
  }
  auto config = resolve(file);
  m_by_folder.emplace(folder, config);
  return config;
}

std::shared_ptr<const Config> ConfigResolver::resolve(const fs::path& file) {
  std::optional<fs::path> path = m_explicit;
  if (!path) {
    std::error_code error;
    fs::path absolute = fs::absolute(file, error);
    path = nearest(absolute.parent_path().lexically_normal());
  }
  if (!path) {
    if (!m_default) {
      m_default = Config::load(std::nullopt, m_overrides);
    }
    return m_default;
  }
  const auto loaded = m_loaded.find(*path);
  if (loaded != m_loaded.end()) {
    return loaded->second;
  }
  auto config = Config::load(path, m_overrides);
  m_loaded.emplace(*path, config);
  return config;
}

}  // namespace pmlint::engine
