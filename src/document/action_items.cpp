// Action items: rows of tables and items of lists in Action Items sections (including lists
// grouped under sub-headings or group labels), with owner, due date, ticket, type, priority and
// status read from columns or inline fields.

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <map>

#include "document/builder.hpp"
#include "util/regex.hpp"
#include "util/text.hpp"

namespace pmlint::document {

namespace {

const RE2& handle_pattern() {
  // @dana, @sara.l — not the "@" of an e-mail address.
  static const RE2 pattern(R"((?:^|[^\w.@])(@[A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9_]|@[A-Za-z0-9]))");
  return pattern;
}

const RE2& assigned_pattern() {
  static const RE2 pattern(
      R"((?i)\b(?:assigned to|owned by|owner is|assignee is)\s+((?:@[\w.-]+|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}|the\s+[\w-]+\s+team|[\w-]+\s+team)))");
  return pattern;
}

const RE2& due_keyword_pattern() {
  static const RE2 pattern(R"((?i)\b(?:due(?:\s+(?:by|on|date))?|by|before|until|deadline|eta|no later than|target)\s*:?\s*)");
  return pattern;
}

const RE2& ticket_pattern() {
  // A URL, ABC-123, org/repo#123, GH-123, #123
  static const RE2 pattern(
      R"((https?://[^\s<>()\]|]+|\b[A-Z][A-Z0-9]{1,9}-[0-9]+\b|[\w.-]+/[\w.-]+#[0-9]+|(?:^|[\s(\[,;:])#[0-9]+\b))");
  return pattern;
}

bool is_excluded_key(std::string_view key) {
  // Standards and versions that look like ABC-123 keys.
  static constexpr std::array<std::string_view, 14> k_not_trackers = {
      "UTF", "SHA", "ISO", "CVE", "SEV", "HTTP", "TLS", "SSL", "AES", "RSA", "IPV", "RFC", "GMT", "UTC"};
  const std::string_view project = key.substr(0, key.find('-'));
  return std::find(k_not_trackers.begin(), k_not_trackers.end(), project) != k_not_trackers.end();
}

const RE2& priority_pattern() {
  static const RE2 pattern(R"((?:^|[^\w])(P[0-4]|HIGH|MEDIUM|LOW|CRITICAL|URGENT)(?:[^\w]|$))");
  return pattern;
}

const RE2& status_token_pattern() {
  // "DONE", "TODO" as words; any case in brackets: "(Done)", "[in progress]"; or said in words:
  // "this has already been done", "already implemented".
  static const RE2 pattern(
      R"((?:^|[\s(\[])(DONE|TODO|WIP|DOING|IN PROGRESS|COMPLETED|CLOSED)(?:[\s)\]:]|$)|[(\[]\s*((?i)done|completed|complete|fixed|resolved|closed|in progress|wip|todo|open|pending)\s*[)\]])"
      R"(|(?i:\balready (?:been )?|\b(?:has|have) (?:already )?been )(done|completed|implemented|fixed)\b)");
  return pattern;
}

// "We added a backlog task", "We've advised the teams": an item that reports in the past tense
// what the team did is finished work. The verb must end in a consonant and "ed", so that "we
// need", "we feed" and "we proceed" stay open.
const RE2& reported_as_done_pattern() {
  static const RE2 pattern(R"(^\s*(?i:we(?:'ve|\x{2019}ve| have| had)?)\s+((?i)[a-z]+[^e\W]ed|made|built|wrote|sent|ran|took)\b)");
  return pattern;
}

bool is_finished(std::string_view status) {
  const std::string value = util::normalize_label(status);
  return value == "done" || value == "completed" || value == "complete" || value == "fixed" || value == "resolved" ||
         value == "closed" || value == "implemented" || value == "x";
}

// A type written as a tag: "[prevent]", "(detect)", "**Process**", or "Prevent:" at the start.
const RE2& type_tag_pattern() {
  static const RE2 pattern(R"((?:\[|\(|\*\*|__)\s*([A-Za-z][A-Za-z ]{1,30}?)\s*(?:\]|\)|\*\*|__))");
  return pattern;
}

class ActionItemReader {
 public:
  ActionItemReader(const Document& document, const TimeScanner& scanner)
      : m_doc(document), m_vocabulary(document.vocabulary()), m_scanner(scanner) {}

  std::vector<ActionItem> read();

 private:
  void read_label_text(std::size_t section_index);
  [[nodiscard]] int action_section_at(std::uint32_t offset) const;
  void read_table(const Table& table, std::size_t section_index);
  void read_list_item(std::size_t item_index, std::string group, std::size_t section_index);
  [[nodiscard]] std::string group_of(std::uint32_t offset, std::size_t section_index) const;
  [[nodiscard]] std::string plain(ByteSpan span) const;
  [[nodiscard]] bool is_group_label(const ListItem& item, const Block& lead) const;
  void read_inline_fields(ActionItem& item, ByteSpan span) const;
  void set_due(ActionItem& item, ActionFieldValue value) const;
  void set_type(ActionItem& item, ActionFieldValue value) const;

  const Document& m_doc;
  const Vocabulary& m_vocabulary;
  const TimeScanner& m_scanner;
  std::vector<ActionItem> m_items;
  std::vector<std::vector<std::size_t>> m_children;
};

std::string ActionItemReader::plain(ByteSpan span) const {
  std::string text;
  bool pending_space = false;
  for (char c : span.of(m_doc.prose())) {
    if (util::is_space(c)) {
      pending_space = !text.empty();
    } else {
      if (pending_space) {
        text.push_back(' ');
        pending_space = false;
      }
      text.push_back(c);
    }
  }
  return text;
}

std::string ActionItemReader::group_of(std::uint32_t offset, std::size_t section_index) const {
  // The deepest sub-section of the action-items section that holds `offset`.
  const int innermost = m_doc.section_at(offset);
  if (innermost < 0 || static_cast<std::size_t>(innermost) == section_index) {
    return {};
  }
  return m_doc.sections()[static_cast<std::size_t>(innermost)].title;
}

void ActionItemReader::set_due(ActionItem& item, ActionFieldValue value) const {
  const std::string_view text = util::trim(value.value);
  if (auto expression = m_scanner.parse_at(text, 0)) {
    if (expression->date) {
      item.due_date = expression->date;
    }
  }
  item.due = std::move(value);
}

void ActionItemReader::set_type(ActionItem& item, ActionFieldValue value) const {
  if (const auto type = m_vocabulary.action_type(value.value)) {
    item.type_name = *type;
  }
  item.type = std::move(value);
}

void ActionItemReader::read_inline_fields(ActionItem& item, ByteSpan span) const {
  const std::string_view prose = m_doc.prose();
  const std::string_view source = m_doc.source();
  const std::string_view text = span.of(prose);

  // Labelled fields: "Owner: @dana", "Due: 2024-06-01", "Type: prevent". A value runs to the next
  // label, a separator or the end of the line.
  struct LabelAt {
    std::size_t label_begin;
    std::size_t value_begin;
    ActionField field;
  };
  std::vector<LabelAt> labels;
  if (text.find(':') != std::string_view::npos) {  // every label ends in one; many items have none
    util::for_each_match(m_vocabulary.action_label_pattern(), text, [&](const util::Match& match) {
      if (const auto field = m_vocabulary.action_field(match.group(1))) {
        const std::size_t end = static_cast<std::size_t>(match.whole.data() - text.data()) + match.whole.size();
        labels.push_back({static_cast<std::size_t>(match.group(1).data() - text.data()), end, *field});
      }
      return true;
    });
  }
  for (std::size_t i = 0; i < labels.size(); ++i) {
    std::size_t end = i + 1 < labels.size() ? labels[i + 1].label_begin : text.size();
    for (std::size_t k = labels[i].value_begin; k < end; ++k) {
      // "owner: @ana, @bo" lists owners; any other comma ends the value.
      const bool owner_list = labels[i].field == ActionField::owner && text[k] == ',' &&
                              util::trim_left(text.substr(k + 1)).substr(0, 1) == "@";
      if (text[k] == '\n' || text[k] == ';' || text[k] == '|' || text[k] == ')' || text[k] == ']' ||
          (text[k] == ',' && !owner_list)) {
        end = k;
        break;
      }
    }
    const std::string_view raw = util::trim(text.substr(labels[i].value_begin, end - labels[i].value_begin));
    ActionFieldValue value{std::string(raw), span_of(prose, raw)};
    if (raw.empty()) {
      value.span = {static_cast<std::uint32_t>(span.begin + labels[i].label_begin),
                    static_cast<std::uint32_t>(span.begin + labels[i].value_begin)};
    }
    switch (labels[i].field) {
      case ActionField::owner:
        if (!item.owner.present()) {
          item.owner = value;
        }
        break;
      case ActionField::due:
        if (!item.due.present()) {
          set_due(item, value);
        }
        break;
      case ActionField::ticket:
        if (!item.ticket.present()) {
          item.ticket = value;
        }
        break;
      case ActionField::type:
        if (!item.type.present()) {
          set_type(item, value);
        }
        break;
      case ActionField::priority:
        if (!item.priority.present()) {
          item.priority = value;
        }
        break;
      case ActionField::status:
        if (!item.status.present()) {
          item.status = value;
        }
        break;
      case ActionField::action:
        break;
    }
  }

  if (!item.owner.present()) {
    auto owner = text.find('@') != std::string_view::npos ? util::search(handle_pattern(), text) : std::nullopt;
    if (!owner) {
      owner = util::search(assigned_pattern(), text);
    }
    if (owner) {
      item.owner = {std::string(owner->group(1)), span_of(prose, owner->group(1))};
    }
  }
  if (!item.due.present()) {
    util::for_each_match(due_keyword_pattern(), text, [&](const util::Match& match) {
      const std::size_t at = static_cast<std::size_t>(match.whole.data() - text.data()) + match.whole.size();
      if (auto expression = m_scanner.parse_at(text, at)) {
        if (expression->date) {
          const std::string_view written = text.substr(expression->begin, expression->end - expression->begin);
          set_due(item, {std::string(written), span_of(prose, written)});
          return false;
        }
      }
      return true;
    });
  }
  if (!item.due.present()) {
    // "(2024-06-01)" or a date that closes the item: a due date written without a keyword.
    if (auto expression = m_scanner.find(text)) {
      if (expression->date && expression->date->year > 0) {
        const std::string_view before = util::trim_right(text.substr(0, expression->begin));
        const std::string_view after = util::trim(text.substr(expression->end));
        if ((!before.empty() && (before.back() == '(' || before.back() == '-' || before.back() == '|')) ||
            after.empty() || after.front() == ')') {
          const std::string_view written = text.substr(expression->begin, expression->end - expression->begin);
          set_due(item, {std::string(written), span_of(prose, written)});
        }
      }
    }
  }
  const std::string_view raw = span.of(source);
  if (!item.ticket.present()) {
    util::for_each_match(ticket_pattern(), raw, [&](const util::Match& match) {
      std::string_view ticket = util::trim(match.group(1));
      if (!ticket.empty() && (ticket.front() == '(' || ticket.front() == '[' || ticket.front() == ',' ||
                              ticket.front() == ';' || ticket.front() == ':')) {
        ticket.remove_prefix(1);
      }
      if (!is_excluded_key(ticket)) {
        item.ticket = {std::string(ticket), span_of(source, ticket)};
        return false;
      }
      return true;
    });
  }
  if (!item.type.present()) {
    util::for_each_match(type_tag_pattern(), raw, [&](const util::Match& match) {
      if (m_vocabulary.action_type(match.group(1))) {
        set_type(item, {std::string(match.group(1)), span_of(source, match.group(1))});
        return false;
      }
      return true;
    });
    // "Prevent: add a canary stage"
    const std::string_view lead = util::trim_left(text);
    const auto colon = lead.find(':');
    if (!item.type.present() && colon != std::string_view::npos && colon < 24 &&
        m_vocabulary.action_type(lead.substr(0, colon))) {
      const std::string_view word = util::trim(lead.substr(0, colon));
      set_type(item, {std::string(word), span_of(prose, word)});
    }
  }
  if (!item.priority.present()) {
    if (const auto match = util::search(priority_pattern(), raw)) {
      item.priority = {std::string(match->group(1)), span_of(source, match->group(1))};
    }
  }
  if (!item.status.present()) {
    if (const auto match = util::search(status_token_pattern(), raw)) {
      std::string_view status = match->group(1);
      for (std::size_t group = 2; status.data() == nullptr && group <= 3; ++group) {
        status = match->group(group);
      }
      item.status = {std::string(status), span_of(source, status)};
    }
  }
  if (!item.status.present()) {
    if (const auto match = util::search(reported_as_done_pattern(), text)) {
      item.status = {std::string(match->group(1)), span_of(prose, match->group(1))};
      item.done = true;
    }
  }
  if (!item.done && item.status.present()) {
    item.done = is_finished(item.status.value);
  }
}

void ActionItemReader::read_table(const Table& table, std::size_t section_index) {
  if (table.rows.size() < 2 || table.quoted) {
    return;
  }
  std::map<ActionField, std::size_t> columns;
  const TableRow& header = table.rows.front();
  for (std::size_t c = 0; c < header.cells.size(); ++c) {
    if (const auto field = m_vocabulary.action_field(plain(header.cells[c]))) {
      columns.emplace(*field, c);
    }
  }
  if (!columns.count(ActionField::action)) {
    // The action is the first column that is no other field.
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
      const bool taken = std::any_of(columns.begin(), columns.end(), [&](const auto& entry) { return entry.second == c; });
      if (!taken) {
        columns.emplace(ActionField::action, c);
        break;
      }
    }
  }
  const std::string group = group_of(table.span.begin, section_index);
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const TableRow& row = table.rows[r];
    auto cell = [&](ActionField field) -> ActionFieldValue {
      const auto it = columns.find(field);
      if (it == columns.end() || it->second >= row.cells.size()) {
        return {};
      }
      const ByteSpan span = row.cells[it->second];
      return {plain(span), span};
    };
    ActionItem item;
    item.span = row.span;
    item.from_table = true;
    item.section = static_cast<int>(section_index);
    item.group = group;
    const ActionFieldValue action = cell(ActionField::action);
    item.text = action.value;
    item.text_span = action.span;
    if (item.text.empty() || m_vocabulary.is_placeholder(item.text)) {
      continue;
    }
    item.owner = cell(ActionField::owner);
    set_due(item, cell(ActionField::due));
    item.ticket = cell(ActionField::ticket);
    if (item.ticket.present() || columns.count(ActionField::ticket)) {
      // A linked cell ("[INC-3350](https://...)") is a ticket even when its text is short.
      const auto it = columns.find(ActionField::ticket);
      if (it != columns.end() && it->second < row.cells.size() && item.ticket.value.empty()) {
        item.ticket = {std::string(row.cells[it->second].of(m_doc.source())), row.cells[it->second]};
      }
    }
    set_type(item, cell(ActionField::type));
    item.priority = cell(ActionField::priority);
    item.status = cell(ActionField::status);
    // Fields the columns do not hold may still be written inline in the action cell.
    read_inline_fields(item, item.text_span);
    if (!item.type.present() && !item.group.empty()) {
      if (const auto type = m_vocabulary.type_of_group(item.group)) {
        item.type_name = *type;
      }
    }
    m_items.push_back(std::move(item));
  }
}

bool ActionItemReader::is_group_label(const ListItem& item, const Block& lead) const {
  const std::size_t index = static_cast<std::size_t>(&item - m_doc.items().data());
  if (m_children[index].empty()) {
    return false;
  }
  const std::string text = plain(lead.span);
  if (text.empty()) {
    return true;
  }
  if (text.back() == ':' || m_vocabulary.type_of_group(text)) {
    return true;
  }
  // "- **Monitoring**" on its own: a bold title with nested items under it.
  const std::string_view raw = util::trim(lead.span.of(m_doc.source()));
  return raw.size() > 4 && raw.substr(0, 2) == "**" && raw.substr(raw.size() - 2) == "**" &&
         raw.find("**", 2) == raw.size() - 2;
}

void ActionItemReader::read_list_item(std::size_t item_index, std::string group, std::size_t section_index) {
  const ListItem& list_item = m_doc.items()[item_index];
  if (list_item.first_block < 0) {
    return;
  }
  const Block& lead = m_doc.blocks()[static_cast<std::size_t>(list_item.first_block)];
  if (!lead.span.empty() && !list_item.span.contains(lead.span.begin)) {
    return;  // an empty item ("-"): its "first block" belongs to a later item
  }
  if (is_group_label(list_item, lead)) {
    std::string label = plain(lead.span);
    while (!label.empty() && (label.back() == ':' || label.back() == ' ')) {
      label.pop_back();
    }
    for (const std::size_t child : m_children[item_index]) {
      read_list_item(child, label.empty() ? group : label, section_index);
    }
    return;
  }
  ActionItem item;
  item.span = list_item.span;
  item.text_span = lead.kind == BlockKind::paragraph ? lead.span : ByteSpan{list_item.span.begin, list_item.span.begin};
  item.text = lead.kind == BlockKind::paragraph ? plain(lead.span) : std::string();
  if (item.text.empty() || m_vocabulary.is_placeholder(item.text)) {
    return;
  }
  item.section = static_cast<int>(section_index);
  item.group = group.empty() ? group_of(list_item.span.begin, section_index) : std::move(group);
  item.done = list_item.checked;
  const std::string_view raw_lead = util::trim(lead.span.of(m_doc.source()));
  if (raw_lead.size() > 4 && raw_lead.substr(0, 2) == "~~" && raw_lead.substr(raw_lead.size() - 2) == "~~") {
    item.done = true;  // struck through: done or dropped
  }
  read_inline_fields(item, list_item.span);
  if (list_item.checked && !item.status.present()) {
    item.status = {*list_item.checked ? "done" : "open", {list_item.span.begin, list_item.span.begin}};
  }
  if (!item.type.present() && !item.group.empty()) {
    if (const auto type = m_vocabulary.type_of_group(item.group)) {
      item.type_name = *type;
    }
  }
  m_items.push_back(std::move(item));
}

void ActionItemReader::read_label_text(std::size_t section_index) {
  // "- **Review actions**: Switch to a Docker Hub token (Done)": the text after the label is the
  // action.
  const Section& section = m_doc.sections()[section_index];
  for (const Block* block : m_doc.prose_blocks(section.heading)) {
    if (block->kind != BlockKind::paragraph || !block->span.contains(section.heading.begin)) {
      continue;
    }
    const ByteSpan rest{section.heading.end, block->span.end};
    ActionItem item;
    item.text = plain(rest);
    if (item.text.empty() || m_vocabulary.is_placeholder(item.text)) {
      return;
    }
    item.span = rest;
    item.text_span = rest;
    item.section = static_cast<int>(section_index);
    read_inline_fields(item, rest);
    m_items.push_back(std::move(item));
    return;
  }
}

// Sections that record what happened or what was learnt: their bullets are observations, not
// actions, even where an author files them under Action items ("### What went wrong").
bool records_observations(SectionKind kind) {
  switch (kind) {
    case SectionKind::went_well:
    case SectionKind::went_wrong:
    case SectionKind::lucky:
    case SectionKind::lessons:
    case SectionKind::timeline:
    case SectionKind::impact:
    case SectionKind::root_cause:
    case SectionKind::contributing_factors:
    case SectionKind::trigger:
      return true;
    default:
      return false;
  }
}

// The outermost Action Items section around `offset`, or -1: nested action sections ("Process
// improvements" under "Action items") are read as part of it, observation sections are not.
int ActionItemReader::action_section_at(std::uint32_t offset) const {
  int found = -1;
  for (int index = m_doc.section_at(offset); index >= 0;
       index = m_doc.sections()[static_cast<std::size_t>(index)].parent) {
    const SectionKind kind = m_doc.sections()[static_cast<std::size_t>(index)].kind;
    if (kind == SectionKind::action_items) {
      found = index;
    } else if (found < 0 && records_observations(kind)) {
      return -1;
    }
  }
  return found;
}

std::vector<ActionItem> ActionItemReader::read() {
  const auto& items = m_doc.items();
  const auto& sections = m_doc.sections();
  m_children.assign(items.size(), {});
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].parent >= 0) {
      m_children[static_cast<std::size_t>(items[i].parent)].push_back(i);
    }
  }
  for (std::size_t i = 0; i < sections.size(); ++i) {
    if (sections[i].kind == SectionKind::action_items && sections[i].labelled &&
        !m_doc.in_kind(sections[i].parent, SectionKind::action_items)) {
      read_label_text(i);
    }
  }
  // One pass over tables and list items: each belongs to the action section around it, if any.
  for (const Table& table : m_doc.tables()) {
    const int section = action_section_at(table.span.begin);
    if (section >= 0 && sections[static_cast<std::size_t>(section)].body.contains(table.span.begin)) {
      read_table(table, static_cast<std::size_t>(section));
    }
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ListItem& item = items[i];
    if (item.quoted) {
      continue;
    }
    const int section = action_section_at(item.span.begin);
    if (section < 0) {
      continue;
    }
    const ByteSpan body = sections[static_cast<std::size_t>(section)].body;
    if (!body.contains(item.span.begin)) {
      continue;
    }
    const bool top_level = item.parent < 0 || !body.contains(items[static_cast<std::size_t>(item.parent)].span.begin);
    if (top_level) {
      read_list_item(i, "", static_cast<std::size_t>(section));
    }
  }
  std::stable_sort(m_items.begin(), m_items.end(),
                   [](const ActionItem& a, const ActionItem& b) { return a.span.begin < b.span.begin; });
  return std::move(m_items);
}

}  // namespace

void DocumentBuilder::read_action_items() {
  ActionItemReader reader(m_doc, m_scanner);
  m_doc.m_actions = reader.read();
}

}  // namespace pmlint::document
