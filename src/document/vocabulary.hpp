#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "util/phrase_matcher.hpp"
#include "util/text.hpp"

namespace re2 {
class RE2;
}
namespace pmlint::document {

// A data pack (rules/*.yaml) as compiled into the binary: JSON whose mappings keep their order
// and whose scalars keep their YAML text ("60", "true").
using PackData = nlohmann::ordered_json;
// The strings of the list `node` ([] when it is null); throws naming `where` when it is not a
// list of scalars.
std::vector<std::string> pack_list(const PackData& node, std::string_view where);
// Whether the mapping `entry` sets `key` to true ("verbs: true"); false when it is absent.
bool pack_flag(const PackData& entry, const std::string& key);

// The kinds of section a postmortem has, named by the keys of rules/sections.yaml.
enum class SectionKind {
  none, summary, customer_summary, impact, timeline, root_cause, contributing_factors, trigger,
  detection, resolution, went_well, lessons, went_wrong, lucky, action_items, follow_up,
  supporting_info, background, details, attendees, checklist
};
std::string_view to_string(SectionKind kind);
std::optional<SectionKind> section_kind_named(std::string_view name);
std::vector<std::string> section_kind_names();

enum class Milestone { none, start, detection, mitigation, resolution };
std::string_view to_string(Milestone milestone);

enum class ActionField { action, owner, due, ticket, type, priority, status };
std::string_view to_string(ActionField field);

struct ZoneInfo {
  std::string name;
  std::optional<int> offset_minutes;  // as the abbreviation defines it; none for "Pacific", "ET"
  bool utc = false;
  std::string region;     // IANA zone that gives the offset in force on a date
  std::string ambiguous;  // other meanings, when the abbreviation has several
};

// The words and aliases the Document model is built with: section aliases, metadata keys,
// severity and audience values, time zones, milestone phrases, action-item fields and types.
// Loaded once from the embedded packs (rules/*.yaml), extended by a user's configuration.
class Vocabulary {
 public:
  // `packs` maps a pack name ("sections", "metadata", "timeline", "actions") to its data.
  // Throws std::runtime_error naming the pack when one is malformed.
  static Vocabulary from_packs(const std::unordered_map<std::string, PackData>& packs);

  Vocabulary(const Vocabulary&) = delete;
  Vocabulary& operator=(const Vocabulary&) = delete;
  Vocabulary(Vocabulary&&) noexcept;
  Vocabulary& operator=(Vocabulary&&) noexcept;
  ~Vocabulary();

  // Adds aliases for a section kind (from the user's configuration).
  void add_section_aliases(SectionKind kind, const std::vector<std::string>& aliases);
  // A fresh copy that can be extended without touching this one.
  [[nodiscard]] std::unique_ptr<Vocabulary> clone() const;

  [[nodiscard]] SectionKind section_kind(std::string_view title) const;
  [[nodiscard]] std::optional<std::string> metadata_key(std::string_view name) const;
  [[nodiscard]] std::optional<int> severity_level(std::string_view value) const;
  // "internal" or "customer-facing".
  [[nodiscard]] std::optional<std::string> audience(std::string_view value) const;
  [[nodiscard]] bool is_final_status(std::string_view value) const;
  [[nodiscard]] const ZoneInfo* zone(std::string_view name) const;
  [[nodiscard]] const std::vector<std::string>& zone_names() const { return m_zone_names; }
  // The milestone named by the earliest milestone phrase in `words` of `text`.
  [[nodiscard]] Milestone milestone_in(std::string_view text, std::span<const util::TextWord> words) const;
  // Every milestone whose phrases `words` of `text` mention, as a bit set (1 << Milestone).
  [[nodiscard]] unsigned milestones_mentioned(std::string_view text, std::span<const util::TextWord> words) const;
  // The milestone a tag or Milestone-column value names outright ("START", "detected"), else the
  // one its wording names.
  [[nodiscard]] Milestone milestone_tag(std::string_view tag) const;
  [[nodiscard]] bool mentions_day_rollover(std::string_view text, std::span<const util::TextWord> words) const;
  // The zone named by a declaration such as "All times in UTC", "(times in BST)", "Time (CET)",
  // "all times are in UTC": a view into `text`, or empty.
  [[nodiscard]] std::string_view declared_zone_name(std::string_view text) const;
  [[nodiscard]] std::optional<ActionField> action_field(std::string_view header) const;
  [[nodiscard]] std::optional<std::string> action_type(std::string_view word) const;
  [[nodiscard]] std::optional<std::string> type_of_group(std::string_view heading) const;
  [[nodiscard]] bool is_placeholder(std::string_view value) const;
  [[nodiscard]] const std::vector<std::string>& action_type_names() const { return m_type_names; }
  // Matches an inline field label in an action item ("Owner:", "Due date:", "Ticket:"); the
  // first group is the label's name.
  [[nodiscard]] const re2::RE2& action_label_pattern() const { return *m_action_label_pattern; }

 private:
  Vocabulary();
  void compile();
  [[nodiscard]] SectionKind section_kind_of_label(std::string_view title) const;

  // Each normalised alias's section kind; of equal aliases, the first added wins.
  std::unordered_map<std::string, SectionKind, util::StringHash, std::equal_to<>> m_section_kinds;
  std::unordered_map<std::string, std::string> m_metadata_keys;
  std::unordered_map<std::string, int> m_severity;
  std::unordered_map<std::string, std::string> m_audience;
  std::vector<std::string> m_final_status;
  std::unordered_map<std::string, ZoneInfo> m_zones;  // by exact name
  std::vector<std::string> m_zone_names;
  std::vector<std::pair<Milestone, std::vector<std::string>>> m_milestone_phrases;
  std::vector<std::string> m_rollover_phrases;
  std::unordered_map<std::string, Milestone> m_milestone_tags;
  std::unordered_map<std::string, ActionField> m_action_fields;
  std::unordered_map<std::string, std::string> m_action_types;
  std::vector<std::string> m_type_names;
  std::unordered_map<std::string, std::string> m_type_groups;
  std::vector<std::string> m_placeholders;
  std::size_t m_longest_placeholder = 0;  // in bytes, normalised

  // Compiled from the lists above.
  std::vector<std::pair<Milestone, util::PhraseMatcher>> m_milestone_matchers;
  util::PhraseMatcher m_rollover_matcher;
  std::unique_ptr<re2::RE2> m_zone_declaration_pattern;
  std::unique_ptr<re2::RE2> m_action_label_pattern;
};

}  // namespace pmlint::document
