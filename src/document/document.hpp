#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "document/line_index.hpp"
#include "document/span.hpp"
#include "document/timestamp.hpp"
#include "document/vocabulary.hpp"
#include "util/phrase_matcher.hpp"

namespace pmlint::document {

// A leaf block of the Markdown tree: the unit rules read text from.
enum class BlockKind { heading, paragraph, table_cell, code_block, html_block };

struct Block {
  BlockKind kind = BlockKind::paragraph;
  ByteSpan span;         // the block's source bytes (a table cell: the cell text between pipes)
  int heading_level = 0;
  int item = -1;         // innermost list item that holds the block, or -1
  int table = -1;        // for table cells
  int row = -1;
  int column = -1;
  bool quoted = false;   // inside a block quote: quoted material (chat logs, customer messages)
  int section = -1;      // innermost section whose body holds the block
  std::uint32_t first_word = 0;  // the block's words: prose_words()[first_word, first_word + word_count)
  std::uint32_t word_count = 0;

  // The author's own prose: not code, not HTML, not quoted material.
  [[nodiscard]] bool is_authored_prose() const {
    return !quoted && kind != BlockKind::code_block && kind != BlockKind::html_block;
  }
};

struct ListItem {
  ByteSpan span;
  int parent = -1;       // enclosing list item, or -1
  int depth = 0;         // 0 for an item of a top-level list
  int list = 0;          // items of one list share this number
  bool ordered = false;
  std::optional<bool> checked;  // task-list items
  int first_block = -1;  // the item's own first block (usually its lead paragraph)
  bool quoted = false;
};

struct TableRow {
  ByteSpan span;
  std::vector<ByteSpan> cells;  // trimmed cell text
  bool header = false;
};

struct Table {
  ByteSpan span;
  std::vector<TableRow> rows;   // the header row first; the delimiter row is left out
  bool quoted = false;
  int section = -1;
};

struct Section {
  SectionKind kind = SectionKind::none;
  std::string title;     // the heading or label text as written, without markup
  ByteSpan heading;      // the heading line, or the bold label
  ByteSpan body;         // from after the heading to the start of the next heading of the
                         // same or a higher level (labels: to the next label or heading)
  int level = 1;         // heading level; label sections count as 7
  int parent = -1;
  bool labelled = false; // "- **Impact**: ..." or "**Root cause:** ..." rather than a heading
  [[nodiscard]] ByteSpan extent() const { return {heading.begin, body.end}; }
};

enum class MetadataSource { yaml, toml, key_value_line, table, label, heading };

struct MetadataEntry {
  std::string key;        // canonical key ("owner", "severity"), or the normalised name
  std::string name;       // the key as written
  std::string value;      // scalar value; list values joined with ", "
  std::vector<std::string> values;  // list values (a scalar gives one)
  ByteSpan key_span;
  ByteSpan value_span;
  MetadataSource source = MetadataSource::yaml;
};

struct FrontMatter {
  enum class Format { none, yaml, toml };
  Format format = Format::none;
  ByteSpan span;   // including the fences
  ByteSpan body;   // between the fences
  bool terminated = true;
};

// A problem found while reading the document that a rule (front-matter-invalid) reports.
struct LoadProblem {
  std::string message;
  ByteSpan span;
};

enum class ZoneSource { none, entry, declared };

struct TimelineEntry {
  ByteSpan span;          // the row, item, heading and its text, or line
  ByteSpan time_span;     // the timestamp as written
  ByteSpan text_span;     // what happened
  std::optional<CivilDate> date;   // as written or carried from a day heading / date line
  bool date_carried = false;
  ByteSpan date_span;              // where the date is written: on the entry, or the date line above
  std::optional<ClockTime> time;
  std::optional<ClockTime> range_end;
  Precision precision = Precision::unknown;
  bool approximate = false;
  bool twelve_hour = false;
  bool day_rollover = false;       // the text says the day moved on ("next morning")
  std::optional<ZoneRef> zone;     // explicit on the entry, or declared for the timeline
  ZoneSource zone_source = ZoneSource::none;
  ByteSpan zone_span;              // explicit zone as written
  std::optional<ClockTime> utc_equivalent;  // "09:05 PDT (16:05 UTC)": the UTC time written beside
  ByteSpan utc_span;
  Milestone milestone = Milestone::none;
  bool milestone_explicit = false;  // from a tag, a label or a milestone column, not wording
  unsigned milestones_mentioned = 0;  // every milestone the entry's wording mentions (1 << Milestone)
  bool label_line = false;          // "First detected: ...": one of a list of labelled moments
  int section = -1;
  int group = 0;          // entries of one table, list or heading run share a group
};

struct ActionFieldValue {
  std::string value;
  ByteSpan span;
  [[nodiscard]] bool present() const { return !value.empty(); }
};

struct ActionItem {
  ByteSpan span;          // the row or the list item
  ByteSpan text_span;     // the action's own text (cell or item lead paragraph)
  std::string text;       // the same, as plain text
  ActionFieldValue owner;
  ActionFieldValue due;
  std::optional<CivilDate> due_date;  // when `due` parses as a date
  ActionFieldValue ticket;
  ActionFieldValue type;              // as written
  std::string type_name;              // normalised: prevent, detect, recover, process
  ActionFieldValue priority;
  ActionFieldValue status;
  std::optional<bool> done;
  std::string group;      // the sub-heading or group label it is listed under
  int section = -1;
  bool from_table = false;
};

// A `<!-- ... -->` comment outside code: suppressions and fixture expectations live in these.
struct Comment {
  ByteSpan span;
  std::string_view body;  // between "<!--" and "-->", trimmed
};

// Everything pmlint understands about one postmortem: built in one pass from the bytes, with
// spans into the source for all of it. Rules read this model and never parse again.
class Document {
 public:
  // `source` must be valid UTF-8 (the loader checks). Never fails: what cannot be read becomes a
  // LoadProblem.
  static Document parse(std::string path, std::string source, const Vocabulary& vocabulary);

  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  ~Document();

  [[nodiscard]] const std::string& path() const { return m_path; }
  [[nodiscard]] std::string_view source() const { return *m_source; }
  // The source with everything that is not prose blanked to spaces (same length, newlines
  // kept): code, HTML and comments, markup characters, link targets, front matter, quotes. A
  // "<br>" ends in a newline: the author broke the line there.
  [[nodiscard]] std::string_view prose() const { return m_prose; }
  [[nodiscard]] const LineIndex& lines() const { return *m_lines; }
  [[nodiscard]] const Vocabulary& vocabulary() const { return *m_vocabulary; }

  [[nodiscard]] const FrontMatter& front_matter() const { return m_front_matter; }
  [[nodiscard]] const std::vector<LoadProblem>& problems() const { return m_problems; }
  [[nodiscard]] const std::vector<Block>& blocks() const { return m_blocks; }
  [[nodiscard]] const std::vector<ListItem>& items() const { return m_items; }
  [[nodiscard]] const std::vector<Table>& tables() const { return m_tables; }
  [[nodiscard]] const std::vector<Section>& sections() const { return m_sections; }
  [[nodiscard]] const std::vector<MetadataEntry>& metadata() const { return m_metadata; }
  [[nodiscard]] const std::vector<TimelineEntry>& timeline() const { return m_timeline; }
  [[nodiscard]] const std::vector<ActionItem>& action_items() const { return m_actions; }
  [[nodiscard]] const std::vector<Comment>& comments() const { return m_comments; }
  // The document's title: its first level-1 heading, else the front matter title.
  [[nodiscard]] const std::optional<ByteSpan>& title() const { return m_title; }

  // Queries rules share.
  [[nodiscard]] const MetadataEntry* metadata_entry(std::string_view key) const;
  [[nodiscard]] std::vector<const Section*> sections_of(SectionKind kind) const;
  [[nodiscard]] const Section* first_section(SectionKind kind) const;
  [[nodiscard]] bool has_section(SectionKind kind) const { return first_section(kind) != nullptr; }
  // The innermost section whose extent holds `offset`, or -1.
  [[nodiscard]] int section_at(std::uint32_t offset) const;
  // True when section `index`, or a section around it, is of `kind`.
  [[nodiscard]] bool in_kind(int index, SectionKind kind) const;
  // True when `offset` lies inside a section of `kind` (at any depth).
  [[nodiscard]] bool within(std::uint32_t offset, SectionKind kind) const { return in_kind(section_at(offset), kind); }
  // The declared severity, 1 (worst) .. 4, from metadata or a "SEV2" in the title.
  [[nodiscard]] std::optional<int> severity() const { return m_severity; }
  [[nodiscard]] std::optional<ByteSpan> severity_span() const { return m_severity_span; }
  // "internal" or "customer-facing", when declared.
  [[nodiscard]] const std::optional<std::string>& audience() const { return m_audience; }
  // Front matter date, else the date of the first dated timeline entry.
  [[nodiscard]] std::optional<CivilDate> incident_date() const;
  // Whether the timeline declares its zone once ("All times in UTC"); the declared zone.
  [[nodiscard]] const std::optional<ZoneRef>& declared_zone() const { return m_declared_zone; }
  // The lines of `range` in the prose view, without their line ends: source lines, cut again
  // where a "<br>" breaks one. Empty lines are left out.
  [[nodiscard]] std::vector<ByteSpan> prose_lines(ByteSpan range) const;
  // Blocks of prose (paragraphs, headings, cells) whose span intersects [begin, end).
  [[nodiscard]] std::vector<const Block*> prose_blocks(ByteSpan range) const;
  // The words of the prose view, read once for every rule that looks for phrases; and those
  // that lie wholly inside `range`.
  [[nodiscard]] const std::vector<util::TextWord>& prose_words() const { return m_prose_words; }
  [[nodiscard]] std::span<const util::TextWord> words_in(ByteSpan range) const;
  [[nodiscard]] std::span<const util::TextWord> words_of(const Block& block) const {
    return std::span<const util::TextWord>(m_prose_words).subspan(block.first_word, block.word_count);
  }

 private:
  Document() = default;
  friend class DocumentBuilder;

  std::string m_path;
  std::unique_ptr<std::string> m_source;  // heap-stable: views survive moves
  std::string m_prose;
  std::vector<util::TextWord> m_prose_words;
  // The start of every k_word_sample-th prose word (0, k, 2k...): where words_in begins looking.
  static constexpr std::size_t k_word_sample = 16;
  std::vector<std::uint32_t> m_word_sample;
  std::unique_ptr<LineIndex> m_lines;
  const Vocabulary* m_vocabulary = nullptr;
  FrontMatter m_front_matter;
  std::vector<LoadProblem> m_problems;
  std::vector<Block> m_blocks;
  std::vector<ListItem> m_items;
  std::vector<Table> m_tables;
  std::vector<Section> m_sections;
  std::vector<MetadataEntry> m_metadata;
  std::vector<TimelineEntry> m_timeline;
  std::vector<ActionItem> m_actions;
  std::vector<Comment> m_comments;
  std::optional<ByteSpan> m_title;
  std::optional<int> m_severity;
  std::optional<ByteSpan> m_severity_span;
  std::optional<std::string> m_audience;
  std::optional<ZoneRef> m_declared_zone;
};

}  // namespace pmlint::document
