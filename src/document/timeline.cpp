// Timeline entries in every shape real postmortems use: table rows, a heading per timestamp,
// bullets or lines that start with a time, label lines ("First detected: 2023-06-06 10:26"),
// and, when a document has no timeline section, prose sentences that open with a time.

#include <re2/re2.h>

#include <algorithm>
#include <span>

#include "document/builder.hpp"
#include "util/regex.hpp"
#include "util/text.hpp"

namespace pmlint::document {

namespace {

// "Unless otherwise noted all events happened on 2019-10-21": the date entries carry.
const RE2& happened_on_pattern() {
  static const RE2 pattern(R"((?i)\b(?:happened|occurred|took place|times are|are|were)\s+on\s+)");
  return pattern;
}

// Sentence openers before a time in prose timelines: "On 2021-04-27 at 15:09 UTC we released".
constexpr std::array<std::string_view, 8> k_prose_openers = {"On ", "At ", "Around ", "By ", "About ",
                                                              "Shortly after ", "Just before ", "Then at "};

// A tag that names a milestone explicitly: **OUTAGE BEGINS**, [detection], [IMPACT STARTS],
// -- OUTAGE OVER --, or words in capitals ("IMPACT START"). Which group matched tells the tag.
const RE2& explicit_tag_pattern() {
  static const RE2 pattern(
      R"((?:\*\*|__)\s*([A-Za-z][A-Za-z -]{2,40}?)\s*:?\s*(?:\*\*|__)|\[([A-Za-z ]{4,20})\])"
      R"(|(?:--|==)\s*([A-Za-z][A-Za-z ]{2,30}?)\s*(?:--|==)|\b([A-Z]{3,}(?: [A-Z]{3,}){0,3})\b)");
  return pattern;
}

// What explicit_tag_pattern needs to match at all: "**" or "__" then, after white space, a
// letter; "[" then a letter or a space; "--" or "=="; or three capitals in a row. Most entry
// lines have none (a bold time, "**14:02**", is no tag), and are spared the regular expression.
// (is_space also takes '\v', which the pattern's \s does not: a line this lets through, the
// pattern still judges.)
bool may_hold_tag(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '[' && (util::is_ascii_alpha(text[i + 1]) || text[i + 1] == ' ')) {
      return true;
    }
    if ((text[i] == '-' || text[i] == '=') && text[i + 1] == text[i]) {
      return true;
    }
    if (i + 2 < text.size() && util::is_ascii_upper(text[i]) && util::is_ascii_upper(text[i + 1]) &&
        util::is_ascii_upper(text[i + 2])) {
      return true;
    }
    if ((text[i] == '*' || text[i] == '_') && text[i + 1] == text[i]) {
      std::size_t k = i + 2;
      while (k < text.size() && util::is_space(text[k])) {
        ++k;
      }
      if (k < text.size() && util::is_ascii_alpha(text[k])) {
        return true;
      }
    }
  }
  return false;
}

bool is_separator(char c) {
  return c == ':' || c == '-' || c == '|' || c == ']' || c == ')' || c == ',' || c == '.' || util::is_space(c);
}

class TimelineReader {
 public:
  TimelineReader(const Document& document, const TimeScanner& scanner)
      : m_doc(document), m_vocabulary(document.vocabulary()), m_scanner(scanner), m_prose(document.prose()) {}

  std::vector<TimelineEntry> read(std::optional<ZoneRef>& document_zone);

 private:
  void read_section(int section_index);
  void read_table(const Table& table);
  void read_row(std::span<const ByteSpan> cells, ByteSpan row_span, int time_column, int milestone_column,
                std::string_view row_source);
  void read_heading(const Block& heading, std::uint32_t section_end);
  void read_item(const ListItem& item, const Block& lead);
  void read_lines(ByteSpan span, ScanOptions options, bool preamble);
  void read_timestamped_lists();
  void read_prose_sentences();

  // A time expression at the start of `span`'s prose, after optional "Label:" of a few words.
  struct Found {
    TimeExpression expression;     // offsets into the document
    std::string_view label;        // "First detected", when the time follows a label
  };
  std::optional<Found> leading_time(ByteSpan span, ScanOptions options, bool allow_label) const;
  std::optional<TimeExpression> time_in_leading_code(ByteSpan span, ScanOptions options) const;
  void add_entry(const Found& found, ByteSpan entry_span, ByteSpan text_span, std::string_view tag_text);
  std::optional<ZoneRef> zone_declared_in(std::string_view text) const;
  void set_current_date(const CivilDate& date);
  // A day heading or date line: the date entries below it carry.
  void start_day(const CivilDate& date, ByteSpan written);
  // Items listed under a date line that give no time of their own become entries of that day,
  // when no item of the day gives a time: a timeline kept by the day.
  void note_untimed_item(const ListItem& item, const Block& lead);
  void add_untimed_items();
  static bool date_only(const TimeExpression& expression, std::string_view rest);
  [[nodiscard]] std::vector<ByteSpan> prose_lines(ByteSpan span) const { return m_doc.prose_lines(span); }

  const Document& m_doc;
  const Vocabulary& m_vocabulary;
  const TimeScanner& m_scanner;
  std::string_view m_prose;
  std::vector<TimelineEntry> m_entries;
  std::optional<ZoneRef> m_document_zone;
  std::optional<ZoneRef> m_section_zone;
  std::optional<CivilDate> m_current_date;
  // "Unless otherwise noted all events happened on 2019-10-21": the date of entries that give
  // none, whatever date an exception names.
  std::optional<CivilDate> m_default_date;
  // The last date line and what came under it.
  std::optional<CivilDate> m_day;
  ByteSpan m_day_written;
  std::size_t m_entries_at_day = 0;
  std::vector<std::pair<const ListItem*, const Block*>> m_untimed_items;
  int m_section = -1;
  int m_group = 0;
};

std::optional<ZoneRef> TimelineReader::zone_declared_in(std::string_view text) const {
  const std::string_view name = m_vocabulary.declared_zone_name(text);
  if (name.empty()) {
    return std::nullopt;
  }
  std::size_t end = 0;
  const std::size_t offset = static_cast<std::size_t>(name.data() - text.data());
  return m_scanner.parse_zone_at(text, offset, end, false);
}

void TimelineReader::start_day(const CivilDate& date, ByteSpan written) {
  add_untimed_items();
  set_current_date(date);
  m_default_date.reset();
  m_day = m_current_date;
  m_day_written = written;
  m_entries_at_day = m_entries.size();
}

void TimelineReader::note_untimed_item(const ListItem& item, const Block& lead) {
  if (m_day && (m_untimed_items.empty() || item.depth <= m_untimed_items.front().first->depth)) {
    if (!m_untimed_items.empty() && item.depth < m_untimed_items.front().first->depth) {
      m_untimed_items.clear();
    }
    m_untimed_items.emplace_back(&item, &lead);
  }
}

void TimelineReader::add_untimed_items() {
  std::vector<std::pair<const ListItem*, const Block*>> items;
  items.swap(m_untimed_items);
  if (!m_day || m_entries.size() != m_entries_at_day) {
    return;
  }
  const std::optional<CivilDate> saved = m_current_date;
  for (const auto& [item, lead] : items) {
    Found found;
    found.expression.date = m_day;
    found.expression.precision = Precision::day;
    found.expression.begin = found.expression.end = lead->span.begin;
    m_current_date = m_day;
    add_entry(found, item->span, lead->span, lead->span.of(m_doc.source()));
    m_entries.back().date_span = m_day_written;
  }
  m_current_date = saved;
  m_entries_at_day = m_entries.size();
}

void TimelineReader::set_current_date(const CivilDate& date) {
  CivilDate carried = date;
  if (carried.year == 0 && m_current_date) {
    carried.year = m_current_date->year;
  }
  m_current_date = carried;
}

bool TimelineReader::date_only(const TimeExpression& expression, std::string_view rest) {
  // "2019-01-22", "## May 12", "**Mar 3, 2024**:", "2015-10-21 (all times UTC)": a date line
  // that separates days, not an event. "2023-11-02: patch released" is an event of that day.
  if (!expression.date || expression.time) {
    return false;
  }
  std::string_view tail = util::trim(rest);
  while (!tail.empty() && (tail.front() == ':' || tail.front() == '*' || tail.front() == '_' ||
                           tail.front() == '-' || tail.front() == ',' || util::is_space(tail.front()))) {
    tail.remove_prefix(1);
  }
  return tail.empty() || tail.front() == '(';
}

std::optional<TimeExpression> TimelineReader::time_in_leading_code(ByteSpan span, ScanOptions options) const {
  // "- `16:20` pods restarted": the time is inline code, which the prose view blanks.
  const std::string_view source = m_doc.source();
  std::uint32_t at = span.begin;
  while (at < span.end && (util::is_space(source[at]) || source[at] == '#' || source[at] == '*' || source[at] == '_')) {
    ++at;
  }
  if (at >= span.end || source[at] != '`' || m_prose[at] != ' ') {
    return std::nullopt;
  }
  std::uint32_t open = at;
  while (open < span.end && source[open] == '`') {
    ++open;
  }
  const std::string_view ticks = source.substr(at, open - at);
  const std::size_t close = source.substr(0, span.end).find(ticks, open);
  if (close == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view inner = source.substr(open, close - open);
  const std::size_t lead = inner.size() - util::trim_left(inner).size();
  auto expression = m_scanner.parse_at(inner, lead, options);
  if (!expression || !util::trim(inner.substr(expression->end)).empty()) {
    return std::nullopt;  // the code holds more than a time: a command or a log line
  }
  expression->shift(open);
  return expression;
}

std::optional<TimelineReader::Found> TimelineReader::leading_time(ByteSpan span, ScanOptions options,
                                                                   bool allow_label) const {
  const std::string_view text = span.of(m_prose);
  std::size_t start = 0;
  while (start < text.size() && util::is_space(text[start])) {
    ++start;
  }
  Found found;
  if (auto code = time_in_leading_code(span, options)) {
    found.expression = std::move(*code);
    return found;
  }
  auto at = [&](std::size_t pos) -> bool {
    if (auto expression = m_scanner.parse_at(text, pos, options)) {
      expression->shift(span.begin);
      found.expression = std::move(*expression);
      return true;
    }
    return false;
  };
  if (at(start)) {
    return found;
  }
  if (!allow_label) {
    return std::nullopt;
  }
  // "First detected: 2023-06-06 10:26", "Resolved 2021-11-05 10:46": a label of at most four
  // words, then the time.
  std::size_t pos = start;
  int words = 0;
  while (pos < text.size() && words < 4) {
    const std::size_t word_start = pos;
    while (pos < text.size() && (util::is_ascii_alpha(text[pos]) || text[pos] == '\'' || text[pos] == '-')) {
      ++pos;
    }
    if (pos == word_start) {
      break;
    }
    ++words;
    std::size_t next = pos;
    if (next < text.size() && text[next] == ':') {
      ++next;
    }
    while (next < text.size() && text[next] == ' ') {
      ++next;
    }
    if (next < text.size() && util::is_ascii_digit(text[next]) && at(next)) {
      if (!found.expression.time && !found.expression.date) {
        return std::nullopt;
      }
      found.label = util::trim(text.substr(start, pos - start));
      return found;
    }
    pos = next;
  }
  return std::nullopt;
}

void TimelineReader::add_entry(const Found& found, ByteSpan entry_span, ByteSpan text_span,
                               std::string_view tag_text) {
  const TimeExpression& expression = found.expression;
  TimelineEntry entry;
  entry.span = entry_span;
  entry.time_span = {static_cast<std::uint32_t>(expression.begin), static_cast<std::uint32_t>(expression.end)};
  entry.text_span = text_span;
  entry.time = expression.time;
  entry.range_end = expression.range_end;
  entry.precision = expression.precision;
  entry.approximate = expression.approximate;
  entry.twelve_hour = expression.twelve_hour;
  const auto words = m_doc.words_in(text_span);
  if (expression.date) {
    const std::optional<CivilDate> before = m_current_date;
    set_current_date(*expression.date);
    entry.date = m_current_date;
    entry.date_span = entry.time_span;
    if (m_default_date) {
      m_current_date = before;  // an exception to the declared date does not carry
    }
  } else if (m_current_date) {
    entry.date = m_current_date;
    entry.date_carried = true;
    entry.date_span = m_day_written;
    if (m_vocabulary.mentions_day_rollover(m_prose, words) && m_current_date->year > 0) {
      m_current_date = civil_from_days(days_since_epoch(*m_current_date) + 1);
      entry.date = m_current_date;
      entry.day_rollover = true;
    }
  } else {
    entry.day_rollover = m_vocabulary.mentions_day_rollover(m_prose, words);
  }
  if (expression.zone) {
    entry.zone = expression.zone;
    entry.zone_source = ZoneSource::entry;
    entry.zone_span = {static_cast<std::uint32_t>(expression.zone_begin), static_cast<std::uint32_t>(expression.zone_end)};
  } else if (m_section_zone) {
    entry.zone = m_section_zone;
    entry.zone_source = ZoneSource::declared;
  }
  if (expression.utc_equivalent) {
    entry.utc_equivalent = expression.utc_equivalent;
    entry.utc_span = {static_cast<std::uint32_t>(expression.utc_begin), static_cast<std::uint32_t>(expression.utc_end)};
  }
  // The milestone: an explicit tag, else the label, else the first milestone phrase.
  if (may_hold_tag(tag_text)) {
    util::for_each_match(explicit_tag_pattern(), tag_text, [&](const util::Match& match) {
      for (int group = 1; group <= 4; ++group) {
        if (!match.group(group).empty()) {
          entry.milestone = m_vocabulary.milestone_tag(match.group(group));
          break;
        }
      }
      return entry.milestone == Milestone::none;
    });
  }
  if (entry.milestone == Milestone::none && !found.label.empty()) {
    entry.milestone = m_vocabulary.milestone_tag(found.label);
  }
  entry.milestone_explicit = entry.milestone != Milestone::none;
  entry.milestones_mentioned = m_vocabulary.milestones_mentioned(m_prose, words) |
                               (entry.milestone != Milestone::none ? 1U << static_cast<unsigned>(entry.milestone) : 0U);
  entry.label_line = !found.label.empty();
  if (entry.milestone == Milestone::none) {
    entry.milestone = m_vocabulary.milestone_in(m_prose, words);
  }
  entry.section = m_section;
  entry.group = m_group;
  m_entries.push_back(std::move(entry));
}

void TimelineReader::read_table(const Table& table) {
  if (table.rows.empty() || table.quoted) {
    return;
  }
  const TableRow& header = table.rows.front();
  int time_column = -1;
  int milestone_column = -1;
  std::optional<ZoneRef> header_zone;
  for (std::size_t c = 0; c < header.cells.size(); ++c) {
    const std::string_view cell = header.cells[c].of(m_prose);
    const std::string name = util::normalize_label(cell);
    if (time_column < 0 && (name.find("time") != std::string::npos || name.find("date") != std::string::npos ||
                            name == "when" || name == "utc")) {
      time_column = static_cast<int>(c);
      header_zone = zone_declared_in(cell);
      if (!header_zone) {
        std::size_t end = 0;
        const std::string_view trimmed = util::trim(cell);
        header_zone = m_scanner.parse_zone_at(trimmed, 0, end, false);  // a column named "UTC"
      }
    } else if (name == "milestone" || name == "phase" || name == "stage" || name == "event type" || name == "tag") {
      milestone_column = static_cast<int>(c);
    }
  }
  const std::optional<ZoneRef> saved_zone = m_section_zone;
  if (header_zone) {
    m_section_zone = header_zone;
  }
  const std::size_t width = header.cells.size();
  const ScanOptions options{/*compact_time=*/true, /*coarse_words=*/true};
  const std::size_t column = time_column < 0 ? 0 : static_cast<std::size_t>(time_column);
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const TableRow& row = table.rows[r];
    const std::span<const ByteSpan> cells(row.cells);
    // A reflowed table puts several rows on one line: cut it into rows of the header's width
    // when every piece holds a time in the time column.
    std::size_t pieces = width >= 2 && column < width ? cells.size() / width : 0;
    for (std::size_t k = 0; k < pieces && pieces >= 2; ++k) {
      if (!leading_time(cells[k * width + column], options, false)) {
        pieces = 0;
      }
    }
    if (pieces < 2) {
      read_row(cells, row.span, time_column, milestone_column, row.span.of(m_doc.source()));
      continue;
    }
    for (std::size_t k = 0; k < pieces; ++k) {
      const std::size_t count = k + 1 == pieces ? cells.size() - k * width : width;
      const auto piece = cells.subspan(k * width, count);
      const ByteSpan span{piece.front().begin, piece.back().end};
      read_row(piece, span, time_column, milestone_column, span.of(m_doc.source()));
    }
  }
  m_section_zone = saved_zone;
}

void TimelineReader::read_row(std::span<const ByteSpan> cells, ByteSpan row_span, int time_column,
                              int milestone_column, std::string_view row_source) {
  if (cells.empty()) {
    return;
  }
  const ScanOptions options{/*compact_time=*/true, /*coarse_words=*/true};
  int column = time_column;
  if (column < 0 || static_cast<std::size_t>(column) >= cells.size()) {
    column = 0;
  }
  const ByteSpan cell = cells[static_cast<std::size_t>(column)];
  std::string_view tag_text = row_source;
  std::string_view label;
  if (milestone_column >= 0 && static_cast<std::size_t>(milestone_column) < cells.size()) {
    tag_text = cells[static_cast<std::size_t>(milestone_column)].of(m_prose);
    label = tag_text;  // a milestone column is explicit; read it as a label
  }
  // The event is the other cells.
  ByteSpan text_span{row_span.end, row_span.end};
  std::size_t text_column = cells.size();
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (static_cast<int>(c) != column && static_cast<int>(c) != milestone_column && !cells[c].empty()) {
      text_span = {cells[c].begin, cells.back().end};
      text_column = c;
      break;
    }
  }
  // "10:02<br>10:05" in the time cell: one entry a line, each with its line of the event cell
  // when that cell has as many.
  const auto time_lines = prose_lines(cell);
  if (time_lines.size() > 1) {
    std::vector<Found> timed;
    for (const ByteSpan line : time_lines) {
      if (auto found = leading_time(line, options, false); found && found->expression.time) {
        timed.push_back(std::move(*found));
      }
    }
    if (timed.size() > 1) {
      const auto event_lines = text_column < cells.size() ? prose_lines(cells[text_column]) : std::vector<ByteSpan>{};
      for (std::size_t k = 0; k < timed.size(); ++k) {
        ByteSpan event = event_lines.size() == timed.size() ? event_lines[k] : text_span;
        if (text_column == cells.size()) {
          // One cell holds both: the event follows its time on the same line.
          event = {static_cast<std::uint32_t>(timed[k].expression.end), time_lines[k].end};
        }
        timed[k].label = label;
        add_entry(timed[k], {time_lines[k].begin, std::max(time_lines[k].end, event.end)}, event, tag_text);
      }
      return;
    }
  }
  auto found = leading_time(cell, options, false);
  if (!found && time_column >= 0) {
    // The time column holds the time even when something before it does not parse
    // ("20202-01-16 12:00").
    if (auto anywhere = m_scanner.find(cell.of(m_prose), options);
        anywhere && anywhere->time && anywhere->precision >= Precision::hour) {
      anywhere->shift(cell.begin);
      found = Found{std::move(*anywhere), {}};
    }
  }
  if (!found) {
    return;
  }
  found->label = label;
  add_entry(*found, row_span, text_span, tag_text);
}

void TimelineReader::read_heading(const Block& heading, std::uint32_t section_end) {
  const ScanOptions options{/*compact_time=*/true, /*coarse_words=*/true};
  auto found = leading_time(heading.span, options, false);
  if (!found) {
    return;
  }
  const std::string_view rest = m_prose.substr(found->expression.end, heading.span.end - found->expression.end);
  if (date_only(found->expression, rest)) {
    start_day(*found->expression.date, {static_cast<std::uint32_t>(found->expression.begin),
                                        static_cast<std::uint32_t>(found->expression.end)});
    return;
  }
  // The event is the heading's remaining text and the blocks under it, up to the next heading.
  std::uint32_t end = section_end;
  const auto& blocks = m_doc.blocks();
  for (auto it = blocks.begin() + (&heading - blocks.data()) + 1; it != blocks.end() && it->span.begin < section_end; ++it) {
    if (it->kind == BlockKind::heading) {
      end = it->span.begin;
      break;
    }
  }
  const ByteSpan text_span{static_cast<std::uint32_t>(found->expression.end), end};
  add_entry(*found, {heading.span.begin, end}, text_span, heading.span.of(m_doc.source()));
}

void TimelineReader::read_item(const ListItem& item, const Block& lead) {
  const ScanOptions options{/*compact_time=*/true, /*coarse_words=*/true};
  // "- 10:02 alert fired<br>10:05 paged": one item that holds several entries, a line each.
  const auto lines = prose_lines(lead.span);
  if (lines.size() > 1 && std::count_if(lines.begin(), lines.end(), [&](ByteSpan line) {
        const auto found = leading_time(line, options, false);
        return found && found->expression.time;
      }) > 1) {
    read_lines(lead.span, options, false);
    return;
  }
  auto found = leading_time(lead.span, options, true);
  if (!found) {
    note_untimed_item(item, lead);
    return;
  }
  std::size_t text_begin = found->expression.end;
  if (found->label.empty()) {
    while (text_begin < lead.span.end && is_separator(m_prose[text_begin])) {
      ++text_begin;
    }
    const std::string_view rest = m_prose.substr(found->expression.end, lead.span.end - found->expression.end);
    if (date_only(found->expression, rest)) {
      start_day(*found->expression.date, {static_cast<std::uint32_t>(found->expression.begin),
                                          static_cast<std::uint32_t>(found->expression.end)});
      return;
    }
  } else {
    text_begin = lead.span.begin;  // "First detected: ..." — the label is the event
  }
  const ByteSpan text_span{static_cast<std::uint32_t>(std::min<std::size_t>(text_begin, lead.span.end)), lead.span.end};
  add_entry(*found, item.span, text_span, lead.span.of(m_doc.source()));
}

void TimelineReader::read_lines(ByteSpan span, ScanOptions options, bool preamble) {
  const std::string_view text = span.of(m_prose);
  if (preamble) {
    if (auto zone = zone_declared_in(text)) {
      m_section_zone = zone;
    }
  }
  if (const auto happened = util::search(happened_on_pattern(), text)) {
    const auto after = static_cast<std::size_t>(happened->whole.data() - text.data()) + happened->whole.size();
    if (auto expression = m_scanner.find(text.substr(after))) {
      if (expression->date) {
        set_current_date(*expression->date);
        m_default_date = m_current_date;
      }
    }
  }
  // Each line that opens with a time starts an entry that runs to the next such line.
  std::optional<Found> pending;
  ByteSpan pending_span;
  auto flush = [&](std::uint32_t end) {
    if (pending) {
      std::size_t text_begin = pending->expression.end;
      while (text_begin < end && is_separator(m_prose[text_begin])) {
        ++text_begin;
      }
      add_entry(*pending, {pending_span.begin, end}, {static_cast<std::uint32_t>(text_begin), end},
                ByteSpan{pending_span.begin, end}.of(m_doc.source()));
      pending.reset();
    }
  };
  for (const ByteSpan line : prose_lines(span)) {
    auto found = leading_time(line, options, false);
    if (!found) {
      continue;
    }
    const std::string_view rest = m_prose.substr(found->expression.end, line.end - found->expression.end);
    if (date_only(found->expression, rest)) {
      flush(line.begin);
      start_day(*found->expression.date, {static_cast<std::uint32_t>(found->expression.begin),
                                          static_cast<std::uint32_t>(found->expression.end)});
      if (auto zone = zone_declared_in(rest)) {
        m_section_zone = zone;
      }
      continue;
    }
    if (!found->expression.time && !found->expression.date) {
      continue;
    }
    flush(line.begin);
    pending = std::move(found);
    pending_span = line;
  }
  flush(span.end);
}

void TimelineReader::read_section(int section_index) {
  const Section& section = m_doc.sections()[static_cast<std::size_t>(section_index)];
  m_section = section_index;
  m_group = section_index;
  m_section_zone = zone_declared_in(section.heading.of(m_doc.source()));
  if (!m_section_zone) {
    m_section_zone = m_document_zone;
  }
  // "## Timeline - May 29, 2021": the day of the entries below, until one gives another.
  if (const auto day = m_scanner.find(section.heading.of(m_prose)); day && day->date) {
    set_current_date(*day->date);
  }
  m_day.reset();
  m_untimed_items.clear();
  const auto& blocks = m_doc.blocks();
  const auto& items = m_doc.items();
  const auto first = std::lower_bound(blocks.begin(), blocks.end(), section.body.begin,
                                      [](const Block& block, std::uint32_t offset) { return block.span.end <= offset; });
  bool before_first_entry = true;
  int last_table = -1;
  const ScanOptions paragraph_options{/*compact_time=*/false, /*coarse_words=*/false};
  for (auto it = first; it != blocks.end() && it->span.begin < section.body.end; ++it) {
    const Block& block = *it;
    if (block.quoted || block.span.begin < section.body.begin) {
      continue;
    }
    const std::size_t count_before = m_entries.size();
    switch (block.kind) {
      case BlockKind::heading:
        read_heading(block, section.body.end);
        break;
      case BlockKind::table_cell:
        if (block.table != last_table) {
          last_table = block.table;
          read_table(m_doc.tables()[static_cast<std::size_t>(block.table)]);
        }
        break;
      case BlockKind::paragraph:
        if (block.item >= 0 && items[static_cast<std::size_t>(block.item)].first_block == static_cast<int>(it - blocks.begin())) {
          read_item(items[static_cast<std::size_t>(block.item)], block);
        } else if (block.item < 0) {
          read_lines(block.span, paragraph_options, before_first_entry);
        }
        break;
      default:
        break;
    }
    if (m_entries.size() > count_before) {
      before_first_entry = false;
    }
  }
  add_untimed_items();
}

void TimelineReader::read_timestamped_lists() {
  // Lists elsewhere whose items open with full timestamps are timelines too (MoJ "Context").
  const auto& items = m_doc.items();
  const auto& blocks = m_doc.blocks();
  std::vector<std::vector<std::size_t>> lists;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto list = static_cast<std::size_t>(items[i].list);
    if (lists.size() <= list) {
      lists.resize(list + 1);
    }
    lists[list].push_back(i);
  }
  const ScanOptions options{/*compact_time=*/false, /*coarse_words=*/false};
  for (std::size_t list = 0; list < lists.size(); ++list) {
    const auto& members = lists[list];
    if (members.size() < 2) {
      continue;
    }
    const ListItem& first = items[members.front()];
    if (first.quoted || first.first_block < 0 || m_doc.within(first.span.begin, SectionKind::timeline) ||
        m_doc.within(first.span.begin, SectionKind::action_items)) {
      continue;
    }
    std::size_t timed = 0;
    for (const std::size_t member : members) {
      const int lead = items[member].first_block;
      if (lead < 0) {
        continue;
      }
      const auto found = leading_time(blocks[static_cast<std::size_t>(lead)].span, options, false);
      if (found && found->expression.time && found->expression.date) {
        ++timed;
      }
    }
    if (timed < 2 || timed * 2 < members.size()) {
      continue;
    }
    m_section = blocks[static_cast<std::size_t>(first.first_block)].section;
    m_group = 100000 + static_cast<int>(list);
    m_section_zone = m_document_zone;
    m_current_date.reset();
    for (const std::size_t member : members) {
      const int lead = items[member].first_block;
      if (lead >= 0) {
        read_item(items[member], blocks[static_cast<std::size_t>(lead)]);
      }
    }
  }
}

void TimelineReader::read_prose_sentences() {
  // Documents without a timeline section often tell the times in prose: "On 2021-04-27 at
  // 15:09 UTC we released ... At 15:23 UTC we received a report".
  const ScanOptions options{/*compact_time=*/false, /*coarse_words=*/false};
  m_group = -1;
  m_section_zone = m_document_zone;
  for (const Block& block : m_doc.blocks()) {
    if (block.kind != BlockKind::paragraph || block.quoted || block.item >= 0) {
      continue;
    }
    m_section = block.section;
    const std::string_view text = block.span.of(m_prose);
    std::size_t sentence = 0;
    while (sentence < text.size()) {
      while (sentence < text.size() && util::is_space(text[sentence])) {
        ++sentence;
      }
      std::size_t end = sentence;
      while (end < text.size() && !(text[end] == '.' && (end + 1 == text.size() || util::is_space(text[end + 1])))) {
        ++end;
      }
      const std::string_view body = text.substr(sentence, end - sentence);
      for (const std::string_view opener : k_prose_openers) {
        // The opener's closing space may be any white space: "At\n15:23 UTC".
        const std::string_view word = opener.substr(0, opener.size() - 1);
        if (body.substr(0, word.size()) != word || body.size() <= word.size() || !util::is_space(body[word.size()])) {
          continue;
        }
        std::size_t time_at = sentence + opener.size();
        while (time_at < text.size() && util::is_space(text[time_at])) {
          ++time_at;  // "At\n15:23 UTC": the sentence may wrap right after its opener
        }
        if (auto expression = m_scanner.parse_at(text, time_at, options)) {
          if (expression->time && expression->precision >= Precision::hour) {
            Found found;
            expression->shift(block.span.begin);
            found.expression = std::move(*expression);
            const auto begin = static_cast<std::uint32_t>(block.span.begin + sentence);
            const auto stop = static_cast<std::uint32_t>(block.span.begin + std::min(end + 1, text.size()));
            add_entry(found, {begin, stop}, {static_cast<std::uint32_t>(found.expression.end), stop},
                      ByteSpan{begin, stop}.of(m_doc.source()));
          }
        }
        break;
      }
      sentence = end + 1;
    }
  }
}

std::vector<TimelineEntry> TimelineReader::read(std::optional<ZoneRef>& document_zone) {
  // A zone declared once for the whole document: front matter "timezone: UTC", or a sentence
  // at the top ("All times in UTC").
  if (const auto* entry = m_doc.metadata_entry("timezone")) {
    std::size_t end = 0;
    m_document_zone = m_scanner.parse_zone_at(util::trim(entry->value), 0, end, false);
  }
  const auto& sections = m_doc.sections();
  if (!m_document_zone) {
    const std::uint32_t top_end = sections.empty() ? static_cast<std::uint32_t>(m_prose.size())
                                                   : sections.front().heading.begin;
    m_document_zone = zone_declared_in(m_prose.substr(0, top_end));
  }
  std::vector<int> timeline_sections;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    if (sections[i].kind != SectionKind::timeline) {
      continue;
    }
    // A timeline nested in another timeline is read with its parent.
    if (!m_doc.in_kind(sections[i].parent, SectionKind::timeline)) {
      timeline_sections.push_back(static_cast<int>(i));
    }
  }
  for (const int index : timeline_sections) {
    m_current_date.reset();
    m_default_date.reset();
    read_section(index);
  }
  read_timestamped_lists();
  if (timeline_sections.empty() && m_entries.empty()) {
    read_prose_sentences();
  }
  std::stable_sort(m_entries.begin(), m_entries.end(),
                   [](const TimelineEntry& a, const TimelineEntry& b) { return a.span.begin < b.span.begin; });
  document_zone = m_document_zone;
  for (const TimelineEntry& entry : m_entries) {
    if (entry.zone_source == ZoneSource::declared && !document_zone) {
      document_zone = entry.zone;
    }
  }
  return std::move(m_entries);
}

}  // namespace

void DocumentBuilder::read_timeline() {
  TimelineReader reader(m_doc, m_scanner);
  m_doc.m_timeline = reader.read(m_doc.m_declared_zone);
}

}  // namespace pmlint::document
