#include "document/vocabulary.hpp"

#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "util/regex.hpp"
#include "util/text.hpp"

namespace pmlint::document {

namespace {

// Whether `text` has more than `limit` ASCII letters outside "( ... )" and "[ ... ]" groups: each
// of them survives normalize_label, so such a text cannot normalise to a label of `limit` bytes.
// Stops as soon as it knows.
bool more_ascii_letters_than(std::string_view text, std::size_t limit) {
  std::size_t letters = 0;
  int depth = 0;
  for (const char c : text) {
    if (c == '(' || c == '[') {
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (depth == 0 && util::is_ascii_alpha(c) && ++letters > limit) {
      return true;
    }
  }
  return false;
}

constexpr std::array<std::pair<SectionKind, std::string_view>, 20> k_section_kind_names = {{
    {SectionKind::summary, "summary"},
    {SectionKind::customer_summary, "customer_summary"},
    {SectionKind::impact, "impact"},
    {SectionKind::timeline, "timeline"},
    {SectionKind::root_cause, "root_cause"},
    {SectionKind::contributing_factors, "contributing_factors"},
    {SectionKind::trigger, "trigger"},
    {SectionKind::detection, "detection"},
    {SectionKind::resolution, "resolution"},
    {SectionKind::went_well, "went_well"},
    {SectionKind::lessons, "lessons"},
    {SectionKind::went_wrong, "went_wrong"},
    {SectionKind::lucky, "lucky"},
    {SectionKind::action_items, "action_items"},
    {SectionKind::follow_up, "follow_up"},
    {SectionKind::supporting_info, "supporting_info"},
    {SectionKind::background, "background"},
    {SectionKind::details, "details"},
    {SectionKind::attendees, "attendees"},
    {SectionKind::checklist, "checklist"},
}};

constexpr std::array<std::string_view, 7> k_action_field_names = {
    "action", "owner", "due", "ticket", "type", "priority", "status"};

// Words that join a section name to a qualifier: "Root cause of the outage", "Impact on users".
constexpr std::array<std::string_view, 12> k_qualifier_words = {
    "of", "for", "on", "to", "and", "in", "during", "with", "from", "at", "by", "s"};

// The text of a scalar read as a whole number; throws naming `where` otherwise.
int pack_int(const PackData& scalar, std::string_view where) {
  try {
    return std::stoi(scalar.get<std::string>());
  } catch (const std::exception&) {
    throw std::runtime_error(std::string(where) + " must be a whole number");
  }
}

// An alternation "(?:a|b|c)" of literal phrases, longest first, with flexible spaces.
std::string phrase_alternation(const std::vector<std::string>& phrases) {
  std::vector<std::string> sorted = phrases;
  std::sort(sorted.begin(), sorted.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string pattern = "(?:";
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0) {
      pattern += '|';
    }
    const auto words = util::split(util::trim(sorted[i]), ' ');
    for (std::size_t w = 0; w < words.size(); ++w) {
      if (w > 0) {
        pattern += R"([\s\-]+)";
      }
      pattern += RE2::QuoteMeta(words[w]);
    }
  }
  pattern += ')';
  return pattern;
}

}  // namespace

bool pack_flag(const PackData& entry, const std::string& key) { return entry.value(key, "") == "true"; }

std::vector<std::string> pack_list(const PackData& node, std::string_view where) {
  std::vector<std::string> values;
  if (node.is_null()) {
    return values;
  }
  if (!node.is_array()) {
    throw std::runtime_error(std::string(where) + " must be a list");
  }
  for (const auto& item : node) {
    if (!item.is_string()) {
      throw std::runtime_error(std::string(where) + " must be a list of words or phrases");
    }
    values.push_back(item.get<std::string>());
  }
  return values;
}

std::string_view to_string(SectionKind kind) {
  for (const auto& [candidate, name] : k_section_kind_names) {
    if (candidate == kind) {
      return name;
    }
  }
  return "none";
}

std::optional<SectionKind> section_kind_named(std::string_view name) {
  for (const auto& [kind, candidate] : k_section_kind_names) {
    if (candidate == name) {
      return kind;
    }
  }
  return std::nullopt;
}

std::vector<std::string> section_kind_names() {
  std::vector<std::string> names;
  for (const auto& entry : k_section_kind_names) {
    names.emplace_back(entry.second);
  }
  return names;
}

std::string_view to_string(Milestone milestone) {
  switch (milestone) {
    case Milestone::start: return "start";
    case Milestone::detection: return "detection";
    case Milestone::mitigation: return "mitigation";
    case Milestone::resolution: return "resolution";
    case Milestone::none: break;
  }
  return "none";
}

std::string_view to_string(ActionField field) { return k_action_field_names[static_cast<int>(field)]; }


Vocabulary::Vocabulary() = default;
Vocabulary::Vocabulary(Vocabulary&&) noexcept = default;
Vocabulary& Vocabulary::operator=(Vocabulary&&) noexcept = default;
Vocabulary::~Vocabulary() = default;

Vocabulary Vocabulary::from_packs(const std::unordered_map<std::string, PackData>& packs) {
  auto pack = [&](const char* name) -> const PackData& {
    const auto it = packs.find(name);
    if (it == packs.end()) {
      throw std::runtime_error(std::string("missing rule pack '") + name + "'");
    }
    return it->second;
  };
  Vocabulary vocabulary;
  for (const auto& [name, aliases] : pack("sections").items()) {
    const auto kind = section_kind_named(name);
    if (!kind) {
      throw std::runtime_error("sections: unknown section kind '" + name + "'");
    }
    vocabulary.add_section_aliases(*kind, pack_list(aliases, "sections." + name));
  }

  const PackData& metadata = pack("metadata");
  for (const auto& [key, aliases] : metadata.at("keys").items()) {
    vocabulary.m_metadata_keys[util::normalize_label(key)] = key;
    for (const auto& alias : pack_list(aliases, "metadata.keys." + key)) {
      vocabulary.m_metadata_keys[util::normalize_label(alias)] = key;
    }
  }
  for (const auto& [name, aliases] : metadata.at("severity").items()) {
    const int level = pack_int(name, "metadata.severity");
    for (const auto& alias : pack_list(aliases, "metadata.severity")) {
      vocabulary.m_severity[util::normalize_label(alias)] = level;
    }
  }
  for (const auto& [key, aliases] : metadata.at("audience").items()) {
    const std::string name = key == "customer_facing" ? "customer-facing" : key;
    vocabulary.m_audience[util::normalize_label(name)] = name;
    for (const auto& alias : pack_list(aliases, "metadata.audience")) {
      vocabulary.m_audience[util::normalize_label(alias)] = name;
    }
  }
  for (const auto& status : pack_list(metadata.at("final_status"), "metadata.final_status")) {
    vocabulary.m_final_status.push_back(util::normalize_label(status));
  }

  const PackData& timeline = pack("timeline");
  for (const auto& [name, info] : timeline.at("zones").items()) {
    ZoneInfo zone;
    zone.name = name;
    if (info.contains("offset")) {
      zone.offset_minutes = pack_int(info["offset"], "timeline.zones." + name + ".offset");
    }
    zone.utc = pack_flag(info, "utc");
    zone.region = info.value("region", "");
    zone.ambiguous = info.value("ambiguous", "");
    vocabulary.m_zone_names.push_back(zone.name);
    vocabulary.m_zones.emplace(zone.name, std::move(zone));
  }
  const std::array<std::pair<Milestone, const char*>, 4> milestone_keys = {{
      {Milestone::start, "start"},
      {Milestone::detection, "detection"},
      {Milestone::mitigation, "mitigation"},
      {Milestone::resolution, "resolution"},
  }};
  for (const auto& [milestone, key] : milestone_keys) {
    vocabulary.m_milestone_phrases.emplace_back(
        milestone, pack_list(timeline.at("milestones").at(key), std::string("timeline.milestones.") + key));
  }
  vocabulary.m_rollover_phrases = pack_list(timeline.at("day_rollover"), "timeline.day_rollover");
  for (const auto& [milestone, key] : milestone_keys) {
    for (const auto& tag : pack_list(timeline.at("tags").at(key), std::string("timeline.tags.") + key)) {
      vocabulary.m_milestone_tags[util::normalize_label(tag)] = milestone;
    }
  }

  const PackData& actions = pack("actions");
  for (const auto& [name, aliases] : actions.at("fields").items()) {
    const auto* found = std::find(k_action_field_names.begin(), k_action_field_names.end(), name);
    if (found == k_action_field_names.end()) {
      throw std::runtime_error("actions.fields: unknown field '" + name + "'");
    }
    const auto field = static_cast<ActionField>(found - k_action_field_names.begin());
    for (const auto& alias : pack_list(aliases, "actions.fields." + name)) {
      vocabulary.m_action_fields[util::normalize_label(alias)] = field;
    }
  }
  for (const auto& [type, aliases] : actions.at("types").items()) {
    vocabulary.m_type_names.push_back(type);
    vocabulary.m_action_types[type] = type;
    for (const auto& alias : pack_list(aliases, "actions.types." + type)) {
      vocabulary.m_action_types[util::normalize_label(alias)] = type;
    }
  }
  for (const auto& [type, aliases] : actions.at("type_groups").items()) {
    for (const auto& alias : pack_list(aliases, "actions.type_groups." + type)) {
      vocabulary.m_type_groups[util::normalize_label(alias)] = type;
    }
  }
  for (const auto& placeholder : pack_list(actions.at("placeholders"), "actions.placeholders")) {
    vocabulary.m_placeholders.push_back(util::normalize_label(placeholder));
    if (vocabulary.m_placeholders.back().empty()) {
      vocabulary.m_placeholders.back() = placeholder;  // "?", "-": punctuation only
    }
  }
  vocabulary.compile();
  return vocabulary;
}

void Vocabulary::compile() {
  m_longest_placeholder = 0;
  for (const auto& placeholder : m_placeholders) {
    m_longest_placeholder = std::max(m_longest_placeholder, placeholder.size());
  }
  m_milestone_matchers.clear();
  for (const auto& [milestone, phrases] : m_milestone_phrases) {
    m_milestone_matchers.emplace_back(milestone, util::PhraseMatcher(phrases));
  }
  m_rollover_matcher = util::PhraseMatcher(m_rollover_phrases);
  std::vector<std::string> zone_words;
  for (const auto& name : m_zone_names) {
    if (name.size() > 1) {
      zone_words.push_back(name);
    }
  }
  const std::string zone = "(" + phrase_alternation(zone_words) + R"((?:[+\-]\d{1,2}(?::?\d{2})?)?))";
  // "All times in UTC", "times are in UTC", "Timestamps: CET", "All times PDT", "(times in BST)",
  // "Time (UTC)", "Date and Time in CET", "Timeline (UTC)".
  m_zone_declaration_pattern = std::make_unique<RE2>(
      R"((?i)(?:\b(?:times?|timestamps?|hours|timeline|clock)\b(?:\s+(?:are|is|were|shown|given|listed|noted|written|reported|below|above|here))*\s*(?:(?:in|as|:)\s*)?(?:the\s+)?\(?\s*|\(\s*))" +
      zone + R"(\b)");
  std::vector<std::string> labels;
  for (const auto& [alias, field] : m_action_fields) {
    if (field != ActionField::action) {
      labels.push_back(alias);
    }
  }
  m_action_label_pattern =
      std::make_unique<RE2>(R"((?i)(?:^|[^\w@/#.-]))" + std::string("(") + phrase_alternation(labels) + R"()\s*:)");
}

std::unique_ptr<Vocabulary> Vocabulary::clone() const {
  std::unique_ptr<Vocabulary> copy(new Vocabulary());
  copy->m_section_kinds = m_section_kinds;
  copy->m_metadata_keys = m_metadata_keys;
  copy->m_severity = m_severity;
  copy->m_audience = m_audience;
  copy->m_final_status = m_final_status;
  copy->m_zones = m_zones;
  copy->m_zone_names = m_zone_names;
  copy->m_milestone_phrases = m_milestone_phrases;
  copy->m_rollover_phrases = m_rollover_phrases;
  copy->m_milestone_tags = m_milestone_tags;
  copy->m_action_fields = m_action_fields;
  copy->m_action_types = m_action_types;
  copy->m_type_names = m_type_names;
  copy->m_type_groups = m_type_groups;
  copy->m_placeholders = m_placeholders;
  copy->compile();
  return copy;
}

void Vocabulary::add_section_aliases(SectionKind kind, const std::vector<std::string>& aliases) {
  for (const auto& alias : aliases) {
    auto normalized = util::normalize_label(alias);
    if (!normalized.empty()) {
      m_section_kinds.emplace(std::move(normalized), kind);  // an alias already known keeps its kind
    }
  }
}

SectionKind Vocabulary::section_kind(std::string_view title) const {
  const SectionKind kind = section_kind_of_label(title);
  if (kind != SectionKind::none) {
    return kind;
  }
  // "Root Cause Identification: The Five Whys", "Timeline - times in CET": the name before a
  // subtitle.
  for (const std::string_view separator : {":", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    const auto at = title.find(separator);
    if (at != std::string_view::npos && at > 0) {
      return section_kind_of_label(title.substr(0, at));
    }
  }
  return SectionKind::none;
}

SectionKind Vocabulary::section_kind_of_label(std::string_view title) const {
  const std::string normalized = util::normalize_label(title);
  if (normalized.empty()) {
    return SectionKind::none;
  }
  if (const auto exact = m_section_kinds.find(normalized); exact != m_section_kinds.end()) {
    return exact->second;
  }
  // "Timeline of events", "Root cause in detail": an alias, then a qualifying word. The longest
  // alias wins, as the words before each space are tried from the last space back.
  const std::string_view title_words(normalized);
  for (std::size_t space = title_words.rfind(' '); space != std::string_view::npos && space > 0;
       space = title_words.rfind(' ', space - 1)) {
    const auto alias = m_section_kinds.find(title_words.substr(0, space));
    if (alias == m_section_kinds.end()) {
      continue;
    }
    const std::string_view rest = title_words.substr(space + 1);
    const std::string_view next_word = rest.substr(0, rest.find(' '));
    if (std::find(k_qualifier_words.begin(), k_qualifier_words.end(), next_word) != k_qualifier_words.end()) {
      return alias->second;
    }
  }
  return SectionKind::none;
}

std::optional<std::string> Vocabulary::metadata_key(std::string_view name) const {
  const auto it = m_metadata_keys.find(util::normalize_label(name));
  if (it == m_metadata_keys.end()) {
    return std::nullopt;
  }
  return it->second;
}

std::optional<int> Vocabulary::severity_level(std::string_view value) const {
  auto normalized = util::normalize_label(value);
  // "SEV2 - major outage", "P1 (critical)": the first word decides when the whole does not.
  for (int attempt = 0; attempt < 2; ++attempt) {
    const auto it = m_severity.find(normalized);
    if (it != m_severity.end()) {
      return it->second;
    }
    normalized = normalized.substr(0, normalized.find(' '));
  }
  return std::nullopt;
}

std::optional<std::string> Vocabulary::audience(std::string_view value) const {
  const auto it = m_audience.find(util::normalize_label(value));
  if (it == m_audience.end()) {
    return std::nullopt;
  }
  return it->second;
}

bool Vocabulary::is_final_status(std::string_view value) const {
  const auto normalized = util::normalize_label(value);
  const auto first = normalized.substr(0, normalized.find(' '));
  return std::find(m_final_status.begin(), m_final_status.end(), first) != m_final_status.end();
}

const ZoneInfo* Vocabulary::zone(std::string_view name) const {
  const auto it = m_zones.find(std::string(name));
  if (it != m_zones.end()) {
    return &it->second;
  }
  // Lower-case spellings ("utc", "pst") are accepted for names of three letters or more.
  if (name.size() >= 3) {
    for (const auto& [candidate, info] : m_zones) {
      if (util::iequals(candidate, name)) {
        return &info;
      }
    }
  }
  return nullptr;
}

Milestone Vocabulary::milestone_in(std::string_view text, std::span<const util::TextWord> words) const {
  Milestone best = Milestone::none;
  std::size_t best_offset = text.size() + 1;
  for (const auto& [milestone, matcher] : m_milestone_matchers) {
    if (const auto found = matcher.first(text, words); found && found->begin < best_offset) {
      best_offset = found->begin;
      best = milestone;
    }
  }
  return best;
}

unsigned Vocabulary::milestones_mentioned(std::string_view text, std::span<const util::TextWord> words) const {
  unsigned mentioned = 0;
  for (const auto& [milestone, matcher] : m_milestone_matchers) {
    if (matcher.first(text, words)) {
      mentioned |= 1U << static_cast<unsigned>(milestone);
    }
  }
  return mentioned;
}

Milestone Vocabulary::milestone_tag(std::string_view tag) const {
  const auto it = m_milestone_tags.find(util::normalize_label(tag));
  return it != m_milestone_tags.end() ? it->second : milestone_in(tag, util::text_words(tag));
}

bool Vocabulary::mentions_day_rollover(std::string_view text, std::span<const util::TextWord> words) const {
  return m_rollover_matcher.contains(text, words);
}

std::string_view Vocabulary::declared_zone_name(std::string_view text) const {
  if (const auto match = util::search(*m_zone_declaration_pattern, text)) {
    return match->group(1);
  }
  return {};
}

std::optional<ActionField> Vocabulary::action_field(std::string_view header) const {
  const auto it = m_action_fields.find(util::normalize_label(header));
  if (it == m_action_fields.end()) {
    return std::nullopt;
  }
  return it->second;
}

std::optional<std::string> Vocabulary::action_type(std::string_view word) const {
  const auto it = m_action_types.find(util::normalize_label(word));
  if (it == m_action_types.end()) {
    return std::nullopt;
  }
  return it->second;
}

std::optional<std::string> Vocabulary::type_of_group(std::string_view heading) const {
  const auto it = m_type_groups.find(util::normalize_label(heading));
  if (it == m_type_groups.end()) {
    return std::nullopt;
  }
  return it->second;
}

bool Vocabulary::is_placeholder(std::string_view value) const {
  const auto trimmed = util::trim(value);
  if (more_ascii_letters_than(trimmed, m_longest_placeholder)) {
    return false;  // most values asked about: whole action texts, never normalised for this
  }
  auto normalized = util::normalize_label(trimmed);
  if (normalized.empty()) {
    normalized = std::string(trimmed);
  }
  return trimmed.empty() ||
         std::find(m_placeholders.begin(), m_placeholders.end(), normalized) != m_placeholders.end();
}

}  // namespace pmlint::document
