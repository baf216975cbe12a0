// Metadata: front matter (read in front_matter.cpp), "Key: value" lines and two-column tables at
// the top or in a details section, bold-label bullets, and template headings ("### Authors").

#include <re2/re2.h>

#include <algorithm>

#include "document/builder.hpp"
#include "util/regex.hpp"
#include "util/text.hpp"

namespace pmlint::document {

namespace {

// The key of "Severity: SEV2", "- **Owner**: @dana", "**Date:** 2024-05-01", "Created By: Name
// <mail>": the line up to its first colon. The value, after it, is read by hand
// (value_after_colon): matched with the key, a long line cost the matcher tens of thousands of
// steps.
const RE2& key_pattern() {
  static const RE2 pattern(
      R"(^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z0-9 /&'._-]{0,40}?)[ \t]*(?:\*\*|__)?[ \t]*:$)");
  return pattern;
}

// What follows a key's colon: without the blanks around it and a bold marker that closes the key
// ("**Date:** 2024-05-01").
std::string_view value_after_colon(std::string_view rest) {
  const auto skip_blanks = [&] {
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) {
      rest.remove_prefix(1);
    }
  };
  skip_blanks();
  if (rest.substr(0, 2) == "**" || rest.substr(0, 2) == "__") {
    rest.remove_prefix(2);
  }
  skip_blanks();
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) {
    rest.remove_suffix(1);
  }
  return rest;
}

const RE2& sev_token_pattern() {
  static const RE2 pattern(R"((?i)\b(sev[ -]?[0-5])\b)");
  return pattern;
}

std::vector<std::string> split_list(std::string_view value) {
  std::vector<std::string> values;
  for (std::string_view part : util::split(value, ',')) {
    part = util::trim(part);
    if (!part.empty()) {
      values.emplace_back(part);
    }
  }
  return values;
}

}  // namespace

void DocumentBuilder::add_metadata(std::string_view name, std::string value, std::vector<std::string> values,
                                   ByteSpan key_span, ByteSpan value_span, MetadataSource source,
                                   bool known_only) {
  const auto canonical = m_vocabulary.metadata_key(name);
  if (!canonical && known_only) {
    return;
  }
  MetadataEntry entry;
  entry.key = canonical ? *canonical : util::normalize_label(name);
  entry.name = std::string(name);
  entry.value = std::string(util::trim(value));
  entry.values = values.empty() ? split_list(entry.value) : std::move(values);
  entry.key_span = key_span;
  entry.value_span = value_span;
  entry.source = source;
  // The first declaration of a key wins; later ones are kept after it.
  m_doc.m_metadata.push_back(std::move(entry));
}

void DocumentBuilder::read_key_value_lines(ByteSpan block, MetadataSource source) {
  // Lines of the prose view, so that "Author: @dana<br>Reviewed: yes" gives two.
  for (const ByteSpan span : m_doc.prose_lines(block)) {
    const std::string_view text = span.of(this->source());
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos) {
      continue;
    }
    const auto match = util::full_match(key_pattern(), text.substr(0, colon + 1));
    if (!match) {
      continue;
    }
    const std::string_view key = match->group(1);
    const std::string_view value = value_after_colon(text.substr(colon + 1));
    // A URL is not a key: "https://..." would otherwise read as key "https".
    if (value.substr(0, 2) == "//") {
      continue;
    }
    const ByteSpan key_span = span_of(this->source(), key);
    const ByteSpan value_span = span_of(this->source(), value);
    add_metadata(key, plain_text(value_span), {}, key_span, value_span, source, true);
  }
}

void DocumentBuilder::read_metadata_tables() {
  for (const Table& table : m_doc.m_tables) {
    if (table.quoted) {
      continue;
    }
    const bool at_top = m_doc.m_sections.empty() || table.section < 0 ||
                        m_doc.m_sections[static_cast<std::size_t>(table.section)].kind == SectionKind::details ||
                        m_doc.m_sections[static_cast<std::size_t>(table.section)].level == 1;
    if (!at_top) {
      continue;
    }
    for (const TableRow& row : table.rows) {
      if (row.cells.size() != 2) {
        continue;
      }
      const std::string key = plain_text(row.cells[0]);
      add_metadata(key, plain_text(row.cells[1]), {}, row.cells[0], row.cells[1], MetadataSource::table, true);
    }
  }
}

void DocumentBuilder::read_heading_metadata() {
  // Template headings that name a field ("### Authors", "### Date") hold its value beneath.
  for (const Section& section : m_doc.m_sections) {
    if (section.labelled || section.kind != SectionKind::none) {
      continue;
    }
    const auto key = m_vocabulary.metadata_key(section.title);
    if (!key || *key == "title" || *key == "incident_id") {
      continue;
    }
    std::string value;
    ByteSpan value_span{section.body.begin, section.body.begin};
    const auto blocks = m_doc.prose_blocks(section.body);
    if (!blocks.empty() && blocks.front()->kind == BlockKind::paragraph) {
      value_span = blocks.front()->span;
      value = plain_text(value_span);
    }
    add_metadata(section.title, value, {}, section.heading, value_span, MetadataSource::heading, true);
  }
}

void DocumentBuilder::read_metadata() {
  // "Key: value" lines before the first section heading, and in details sections ("## Stats").
  std::uint32_t top_end = static_cast<std::uint32_t>(source().size());
  for (const Section& section : m_doc.m_sections) {
    if (!section.labelled && section.level >= 2) {
      top_end = section.heading.begin;
      break;
    }
  }
  for (const Block& block : m_doc.m_blocks) {
    if (block.kind != BlockKind::paragraph || block.quoted) {
      continue;
    }
    const Section* section =
        block.section >= 0 ? &m_doc.m_sections[static_cast<std::size_t>(block.section)] : nullptr;
    const bool in_details = section != nullptr && section->kind == SectionKind::details;
    if (block.span.begin < top_end || in_details) {
      read_key_value_lines(block.span, MetadataSource::key_value_line);
    }
  }
  // Bold-label bullets anywhere but in timelines and action items: "- **Owner**: @dana".
  for (const ListItem& item : m_doc.m_items) {
    if (item.first_block < 0 || item.quoted) {
      continue;
    }
    const Block& block = m_doc.m_blocks[static_cast<std::size_t>(item.first_block)];
    if (block.kind != BlockKind::paragraph || block.span.begin < top_end) {
      continue;  // lines at the top were read above
    }
    if (m_doc.within(block.span.begin, SectionKind::timeline) ||
        m_doc.within(block.span.begin, SectionKind::action_items)) {
      continue;
    }
    const std::string_view text = block.span.of(source());
    if (text.substr(0, 2) != "**" && text.substr(0, 2) != "__") {
      continue;
    }
    read_key_value_lines({block.span.begin, m_doc.lines().line_span(m_doc.lines().line_of(block.span.begin)).end},
                         MetadataSource::label);
  }
  read_metadata_tables();
  read_heading_metadata();
  std::stable_sort(m_doc.m_metadata.begin(), m_doc.m_metadata.end(),
                   [](const MetadataEntry& a, const MetadataEntry& b) { return a.key_span.begin < b.key_span.begin; });
  read_severity_and_audience();
}

void DocumentBuilder::read_severity_and_audience() {
  for (const MetadataEntry& entry : m_doc.m_metadata) {
    if (entry.key == "severity" && !m_doc.m_severity) {
      if (const auto level = m_vocabulary.severity_level(entry.value)) {
        m_doc.m_severity = level;
        m_doc.m_severity_span = entry.value_span;
      }
    }
    if (entry.key == "audience" && !m_doc.m_audience) {
      m_doc.m_audience = m_vocabulary.audience(entry.value);
    }
  }
  // "[SEV2] Payments outage": a SEV token in the title declares it too. Other severity words in
  // a title ("critical") do not.
  if (!m_doc.m_severity && m_doc.m_title) {
    const std::string_view title = m_doc.m_title->of(prose());
    if (const auto match = util::search(sev_token_pattern(), title)) {
      m_doc.m_severity = m_vocabulary.severity_level(match->group(1));
      m_doc.m_severity_span = span_of(prose(), match->group(1));
    }
  }
}

}  // namespace pmlint::document
