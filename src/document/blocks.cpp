// Blocks, list items and tables from the cmark-gfm tree, then the prose view of the source.

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "document/builder.hpp"
#include "util/text.hpp"

namespace pmlint::document {

namespace {

bool is_escaped(std::string_view text, std::size_t pos) {
  std::size_t backslashes = 0;
  while (pos > backslashes && text[pos - backslashes - 1] == '\\') {
    ++backslashes;
  }
  return backslashes % 2 == 1;
}

// Cells of the table row line `row` of `source`, split on unescaped pipes as GFM does, trimmed.
std::vector<ByteSpan> split_row(std::string_view source, ByteSpan row) {
  std::vector<ByteSpan> cells;
  std::string_view text = util::trim(row.of(source));
  if (!text.empty() && text.front() == '|') {
    text.remove_prefix(1);
  }
  cells.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '|')) + 1);
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || (text[i] == '|' && !is_escaped(text, i))) {
      const std::string_view cell = text.substr(start, i - start);
      if (i < text.size() || !util::trim(cell).empty()) {
        const std::string_view trimmed = util::trim(cell);
        // An empty cell keeps its position: a zero-length view where it stands.
        cells.push_back(span_of(source, trimmed.empty() ? cell.substr(0, 0) : trimmed));
      }
      start = i + 1;
    }
  }
  return cells;
}

// The end of a run of `length` backticks starting at or after `from`, or npos.
std::size_t find_backtick_run(std::string_view text, std::size_t from, std::size_t length) {
  std::size_t pos = from;
  while ((pos = text.find('`', pos)) != std::string_view::npos) {
    std::size_t run = 0;
    while (pos + run < text.size() && text[pos + run] == '`') {
      ++run;
    }
    if (run == length) {
      return pos;
    }
    pos += run;
  }
  return std::string_view::npos;
}

// The bytes where inline markup can begin; the scan skips every other byte.
constexpr std::string_view k_markup_bytes = "\\`<![]*~_:.";
constexpr std::array<bool, 256> k_markup_starts = [] {
  std::array<bool, 256> starts{};
  for (const char c : k_markup_bytes) {
    starts[static_cast<unsigned char>(c)] = true;
  }
  return starts;
}();

bool may_start_markup(char c) { return k_markup_starts[static_cast<unsigned char>(c)]; }

// The first byte in [from, end) where inline markup may begin, or `end`: sixteen bytes a step
// where the processor has SSE2 (every x86-64 one), then one a step. Prose runs for dozens of
// bytes between two of them, mostly to the next "." or ":".
std::size_t next_markup_start(std::string_view text, std::size_t from, std::size_t end) {
#if defined(__SSE2__)
  for (; from + 16 <= end; from += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + from));
    __m128i starts = _mm_setzero_si128();
    for (const char c : k_markup_bytes) {
      starts = _mm_or_si128(starts, _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)));
    }
    if (const auto mask = static_cast<std::uint32_t>(_mm_movemask_epi8(starts)); mask != 0) {
      return from + static_cast<std::size_t>(std::countr_zero(mask));
    }
  }
#endif
  while (from < end && !may_start_markup(text[from])) {
    ++from;
  }
  return from;
}

// The first letter of a bare URL whose "://" (after "http" or "https") or "." (after "www") is at
// `at`, or npos. Its letters must lie at or after `scanned_from` (not inside markup the scan
// skipped) and not continue a word; "://" must end within the block.
std::size_t url_start_before(std::string_view text, std::size_t at, std::size_t scanned_from, ByteSpan block) {
  const auto starts_here = [&](std::string_view letters) {
    if (at < scanned_from + letters.size() || text.compare(at - letters.size(), letters.size(), letters) != 0) {
      return false;
    }
    const std::size_t start = at - letters.size();
    return start == block.begin || !util::is_word_byte(text[start - 1]);
  };
  if (text[at] == ':') {
    if (at + 3 > block.end || text.compare(at, 3, "://") != 0) {
      return std::string_view::npos;
    }
    return starts_here("https") ? at - 5 : starts_here("http") ? at - 4 : std::string_view::npos;
  }
  return starts_here("www") ? at - 3 : std::string_view::npos;
}

// "<br>", "<br/>", "<BR />": a hard line break written as HTML.
bool is_line_break_tag(std::string_view tag) {
  if (tag.size() < 4 || (tag[1] != 'b' && tag[1] != 'B') || (tag[2] != 'r' && tag[2] != 'R')) {
    return false;
  }
  const std::string_view rest = tag.substr(3, tag.size() - 4);
  return rest.find_first_not_of(" /") == std::string_view::npos;
}

}  // namespace

void DocumentBuilder::add_block(BlockKind kind, ByteSpan span, int heading_level) {
  Block block;
  block.kind = kind;
  block.span = span;
  block.heading_level = heading_level;
  block.item = m_item_stack.empty() ? -1 : m_item_stack.back();
  block.quoted = m_quote_depth > 0;
  if (block.item >= 0 && m_doc.m_items[static_cast<std::size_t>(block.item)].first_block < 0) {
    m_doc.m_items[static_cast<std::size_t>(block.item)].first_block = static_cast<int>(m_doc.m_blocks.size());
  }
  m_doc.m_blocks.push_back(block);
}

void DocumentBuilder::read_table_row(NodeRef row) {
  Table& table = m_doc.m_tables.back();
  const LineIndex& lines = m_doc.lines();
  const ByteSpan line = lines.line_span(static_cast<std::uint32_t>(row.start_line()));
  const std::uint32_t begin =
      std::max(line.begin, std::min(line.end, lines.offset_of(row.start_line(), row.start_column())));
  TableRow parsed;
  parsed.span = {begin, line.end};
  parsed.header = row.table_header_row();
  parsed.cells = split_row(source(), parsed.span);
  const int table_index = static_cast<int>(m_doc.m_tables.size()) - 1;
  const int row_index = static_cast<int>(table.rows.size());
  for (std::size_t column = 0; column < parsed.cells.size(); ++column) {
    add_block(BlockKind::table_cell, parsed.cells[column], 0);
    Block& block = m_doc.m_blocks.back();
    block.table = table_index;
    block.row = row_index;
    block.column = static_cast<int>(column);
  }
  table.rows.push_back(std::move(parsed));
}

void DocumentBuilder::read_blocks(const MarkdownTree& tree) {
  // About one block in 80 bytes, in the generated corpus and the real one: reserved so that a
  // long document's blocks are not copied over and over as they grow (3% of a 100 MB
  // document's time). Pages are touched only as blocks fill them.
  m_doc.m_blocks.reserve(source().size() / 64);
  std::vector<int> lists;  // the list each open list node is, innermost last
  // Returns whether the node's children matter: inline content (and a table row's cells, read
  // from the row's source line) does not.
  tree.walk([&](NodeRef node, bool entering) {
    switch (node.kind()) {
      case NodeKind::block_quote:
        m_quote_depth += entering ? 1 : -1;
        return true;
      case NodeKind::list:
        if (entering) {
          lists.push_back(m_next_list++);
        } else {
          lists.pop_back();
        }
        return true;
      case NodeKind::item:
        if (entering) {
          ListItem item;
          item.span = node_span(node);
          item.parent = m_item_stack.empty() ? -1 : m_item_stack.back();
          item.depth = static_cast<int>(m_item_stack.size());
          item.list = lists.empty() ? -1 : lists.back();
          item.ordered = node.parent().valid() && node.parent().ordered_list();
          if (node.is_task()) {
            item.checked = node.task_checked();
          }
          item.quoted = m_quote_depth > 0;
          m_item_stack.push_back(static_cast<int>(m_doc.m_items.size()));
          m_doc.m_items.push_back(item);
        } else {
          m_item_stack.pop_back();
        }
        return true;
      case NodeKind::paragraph:
        if (entering) {
          add_block(BlockKind::paragraph, node_span(node), 0);
        }
        return false;
      case NodeKind::heading:
        if (entering) {
          add_block(BlockKind::heading, node_span(node), node.heading_level());
        }
        return false;
      case NodeKind::code_block:
        add_block(BlockKind::code_block, node_span(node), 0);
        return false;
      case NodeKind::html_block:
        add_block(BlockKind::html_block, node_span(node), 0);
        return false;
      case NodeKind::table:
        if (entering) {
          Table table;
          table.span = node_span(node);
          table.quoted = m_quote_depth > 0;
          m_doc.m_tables.push_back(table);
        }
        return true;
      case NodeKind::table_row:
        if (entering) {
          read_table_row(node);
        }
        return false;
      default:
        return true;
    }
  });
  // A table's extent from cmark can stop short; its rows know where it ends.
  for (Table& table : m_doc.m_tables) {
    if (!table.rows.empty()) {
      table.span.end = std::max(table.span.end, table.rows.back().span.end);
    }
  }
}

void DocumentBuilder::build_prose() {
  const std::string_view text = source();
  std::string& prose = m_doc.m_prose;
  prose.resize(text.size());
  std::transform(text.begin(), text.end(), prose.begin(), [](char c) { return c == '\n' || c == '\r' ? c : ' '; });
  for (const Block& block : m_doc.m_blocks) {
    if (block.kind == BlockKind::html_block || block.kind == BlockKind::code_block) {
      if (block.kind == BlockKind::html_block) {
        collect_comments(block.span);
      }
      continue;
    }
    if (block.quoted) {
      continue;
    }
    // Line ends are the same in both views.
    std::memcpy(prose.data() + block.span.begin, text.data() + block.span.begin, block.span.size());
    if (block.kind == BlockKind::heading) {
      // "## Title ##": the markers are not words.
      std::uint32_t i = block.span.begin;
      while (i < block.span.end && (prose[i] == '#' || prose[i] == ' ')) {
        prose[i++] = ' ';
      }
      std::uint32_t j = block.span.end;
      while (j > i && (prose[j - 1] == '#' || prose[j - 1] == ' ')) {
        prose[--j] = ' ';
      }
      // Setext underline
      const auto last_line = m_doc.lines().line_span(m_doc.lines().line_of(block.span.end - 1));
      const std::string_view underline = util::trim(last_line.of(text));
      if (!underline.empty() && underline.find_first_not_of("=-") == std::string_view::npos &&
          last_line.begin > block.span.begin) {
        for (std::uint32_t k = last_line.begin; k < last_line.end; ++k) {
          prose[k] = ' ';
        }
      }
    }
    blank_inline_markup(block.span);
  }
  // Words lie only in the blocks copied above (everything else is blanked), so each block's words
  // are read from its own span, in document order.
  auto& words = m_doc.m_prose_words;
  words.reserve(text.size() / 4);  // about one word in four bytes of the generated corpus: rarely regrown
  for (Block& block : m_doc.m_blocks) {
    block.first_word = static_cast<std::uint32_t>(words.size());
    if (block.is_authored_prose()) {
      util::append_text_words(block.span.of(prose), words, block.span.begin);
    }
    block.word_count = static_cast<std::uint32_t>(words.size()) - block.first_word;
  }
  auto& sample = m_doc.m_word_sample;
  sample.reserve(words.size() / Document::k_word_sample + 1);
  for (std::size_t k = 0; k < words.size(); k += Document::k_word_sample) {
    sample.push_back(words[k].begin);
  }
}

void DocumentBuilder::collect_comments(ByteSpan span) {
  const std::string_view text = source();
  std::size_t pos = span.begin;
  while (true) {
    const std::size_t open = text.find("<!--", pos);
    if (open == std::string_view::npos || open >= span.end) {
      return;
    }
    std::size_t close = text.find("-->", open + 4);
    const std::size_t end = close == std::string_view::npos ? span.end : std::min<std::size_t>(close + 3, span.end);
    close = std::min(close, end);
    Comment comment;
    comment.span = {static_cast<std::uint32_t>(open), static_cast<std::uint32_t>(end)};
    comment.body = util::trim(text.substr(open + 4, (close >= open + 4 ? close : open + 4) - (open + 4)));
    m_doc.m_comments.push_back(comment);
    pos = end;
  }
}

void DocumentBuilder::blank_inline_markup(ByteSpan span) {
  const std::string_view text = source();
  std::string& prose = m_doc.m_prose;
  auto blank = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to && k < span.end; ++k) {
      if (prose[k] != '\n' && prose[k] != '\r') {
        prose[k] = ' ';
      }
    }
  };
  const std::size_t end = span.end;
  std::size_t i = span.begin;
  // Where the scan last landed after skipping over a construct: every byte from here to i has
  // been looked at, one by one.
  std::size_t scanned_from = span.begin;
  auto skip_to = [&](std::size_t next) {
    i = next;
    scanned_from = next;
  };
  while ((i = next_markup_start(text, i, end)) < end) {
    const char c = text[i];
    if (c == ':' || c == '.') {
      // Bare URLs (GFM autolinks): their words are not prose. Found at the ':' of "http://" or
      // "https://" and the '.' of "www.", which are far rarer than the letters 'h' and 'w'; the
      // URL starts at those letters, which the scan has just passed over.
      const std::size_t url = url_start_before(text, i, scanned_from, span);
      if (url != std::string_view::npos) {
        std::size_t k = i;
        while (k < end && !util::is_space(text[k]) && text[k] != '<' && text[k] != '|') {
          ++k;
        }
        while (k > i && (text[k - 1] == '.' || text[k - 1] == ',' || text[k - 1] == ')' || text[k - 1] == ';')) {
          --k;
        }
        blank(url, k);
        skip_to(k);
        continue;
      }
      ++i;
      continue;
    }
    if (c == '\\' && i + 1 < end && !util::is_word_byte(text[i + 1]) && !util::is_space(text[i + 1])) {
      blank(i, i + 1);
      skip_to(i + 2);
      continue;
    }
    if (c == '`') {
      std::size_t run = 0;
      while (i + run < end && text[i + run] == '`') {
        ++run;
      }
      const std::size_t close = find_backtick_run(text.substr(0, end), i + run, run);
      if (close != std::string_view::npos) {
        blank(i, close + run);
        m_code_spans.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(close + run)});
        skip_to(close + run);
      } else {
        blank(i, i + run);
        skip_to(i + run);
      }
      continue;
    }
    if (c == '<') {
      if (text.substr(i, 4) == "<!--") {
        const std::size_t before = m_doc.m_comments.size();
        collect_comments({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end)});
        const std::size_t close = m_doc.m_comments.size() > before ? m_doc.m_comments[before].span.end : end;
        blank(i, close);
        skip_to(close);
        continue;
      }
      // Tags and autolinks: <br>, </span>, <https://...>, <someone@example.com>. The search
      // stops at the line's end or the next '<', so it stays linear on hostile input.
      std::size_t close = i + 1;
      while (close < end && text[close] != '>' && text[close] != '<' && text[close] != '\n') {
        ++close;
      }
      if (close < end && text[close] == '>' && close > i + 1 &&
          (util::is_ascii_alpha(text[i + 1]) || text[i + 1] == '/')) {
        blank(i, close + 1);
        if (is_line_break_tag(text.substr(i, close + 1 - i))) {
          prose[close] = '\n';  // "a<br>b" is two lines: metadata and timeline entries joined on one
        }
        skip_to(close + 1);
        continue;
      }
    }
    if (c == '!' && i + 1 < end && text[i + 1] == '[') {
      blank(i, i + 1);
      ++i;
      continue;
    }
    if (c == '[' && i + 1 < end && text[i + 1] == '^') {
      const std::size_t close = text.find(']', i);
      if (close != std::string_view::npos && close < end) {
        blank(i, close + 1);  // footnote reference
        skip_to(close + 1);
        continue;
      }
    }
    if (c == ']' && i + 1 < end && (text[i + 1] == '(' || text[i + 1] == '[')) {
      // Link destination or reference label: "](https://...)" / "][ref]"
      const char open = text[i + 1];
      const char close_char = open == '(' ? ')' : ']';
      int depth = 0;
      std::size_t k = i + 1;
      for (; k < end; ++k) {
        if (text[k] == open) {
          ++depth;
        } else if (text[k] == close_char && --depth == 0) {
          break;
        }
      }
      blank(i, std::min(k + 1, end));
      skip_to(k + 1);
      continue;
    }
    if (c == '[') {
      // The bracket that opens link text is markup; bracketed timestamps ("[13:26]") are kept.
      std::size_t k = i + 1;
      while (k < end && text[k] != '[' && text[k] != ']' && text[k] != '\n') {
        ++k;
      }
      if (k + 1 < end && text[k] == ']' && (text[k + 1] == '(' || text[k + 1] == '[')) {
        blank(i, i + 1);
      }
      ++i;
      continue;
    }
    if (c == '*') {
      blank(i, i + 1);
      ++i;
      continue;
    }
    if (c == '~' && i + 1 < end && text[i + 1] == '~') {
      blank(i, i + 2);  // strikethrough; a lone "~" means "about" ("~13:30")
      skip_to(i + 2);
      continue;
    }
    if (c == '_') {
      const bool inside_word = i > span.begin && i + 1 < end && util::is_word_byte(text[i - 1]) &&
                               text[i - 1] != '_' && util::is_word_byte(text[i + 1]) && text[i + 1] != '_';
      if (!inside_word) {
        blank(i, i + 1);
      }
      ++i;
      continue;
    }
    ++i;
  }
}

}  // namespace pmlint::document
