// Front matter: YAML between "---" fences or TOML between "+++" fences at the top of the file.

#include "document/builder.hpp"
#include "document/yaml_front_matter.hpp"
#include "util/text.hpp"

namespace pmlint::document {

namespace {

// True when the line (without its ending) is the fence, allowing trailing spaces.
bool is_fence(std::string_view line, std::string_view fence) {
  return util::trim_right(line) == fence;
}

}  // namespace

void DocumentBuilder::split_front_matter() {
  const LineIndex& lines = m_doc.lines();
  const ByteSpan first = lines.line_span(1);
  std::string_view first_line = first.of(source());
  std::uint32_t fence_begin = first.begin;
  if (first_line.substr(0, 3) == "\xEF\xBB\xBF") {
    first_line.remove_prefix(3);
    fence_begin += 3;
  }
  FrontMatter& front = m_doc.m_front_matter;
  std::string_view fence;
  if (is_fence(first_line, "---")) {
    front.format = FrontMatter::Format::yaml;
    fence = "---";
  } else if (is_fence(first_line, "+++")) {
    front.format = FrontMatter::Format::toml;
    fence = "+++";
  } else {
    return;
  }
  std::uint32_t closing = 0;
  for (std::uint32_t line = 2; line <= lines.line_count(); ++line) {
    const std::string_view text = lines.line_span(line).of(source());
    if (is_fence(text, fence) || (fence == "---" && is_fence(text, "..."))) {
      closing = line;
      break;
    }
  }
  if (closing == 0) {
    // Without a closing fence this is no front matter: Markdown reads "---" as a rule.
    m_doc.m_problems.push_back({"front matter opened with '" + std::string(fence) +
                                    "' on line 1 is never closed",
                                {fence_begin, first.end}});
    front.format = FrontMatter::Format::none;
    front.terminated = false;
    return;
  }
  const std::uint32_t body_begin = lines.line_start(2);
  const ByteSpan closing_line = lines.line_span(closing);
  front.span = {0, closing_line.end};
  front.body = {body_begin, closing_line.begin};
  // cmark must not read the front matter as Markdown; it reads a blanked copy instead, with the
  // line breaks kept so that positions stay the same.
  m_blanked_front_matter = std::string(front.span.of(source()));
  for (char& c : m_blanked_front_matter) {
    if (c != '\n' && c != '\r') {
      c = ' ';
    }
  }
  if (front.format == FrontMatter::Format::yaml) {
    read_yaml_front_matter();
  } else {
    read_toml_front_matter();
  }
}

void DocumentBuilder::read_yaml_front_matter() {
  const ByteSpan body = m_doc.m_front_matter.body;
  auto reading = read_flat_yaml_entries(source(), body, m_doc.lines());
  if (!reading) {
    reading = read_yaml_entries(source(), body, m_doc.lines());
  }
  if (reading->problem) {
    m_doc.m_problems.push_back(std::move(*reading->problem));
    return;
  }
  for (auto& entry : reading->entries) {
    add_metadata(entry.name, std::move(entry.value), std::move(entry.values), entry.key, entry.value_span,
                 MetadataSource::yaml, false);
  }
}

void DocumentBuilder::read_toml_front_matter() {
  const FrontMatter& front = m_doc.m_front_matter;
  const LineIndex& lines = m_doc.lines();
  const std::uint32_t first = lines.line_of(front.body.begin);
  const std::uint32_t last = lines.line_of(front.body.end) - 1;
  std::string table;
  for (std::uint32_t line = first; line <= last && front.body.end > front.body.begin; ++line) {
    const ByteSpan span = lines.line_span(line);
    const std::string_view text = util::trim(span.of(source()));
    if (text.empty() || text.front() == '#') {
      continue;
    }
    if (text.front() == '[') {
      const auto close = text.find(']');
      if (close == std::string_view::npos) {
        m_doc.m_problems.push_back({"front matter is not valid TOML: unterminated table header", span});
        return;
      }
      table = std::string(util::trim(text.substr(text.find_first_not_of('['), close - text.find_first_not_of('['))));
      continue;
    }
    const auto equals = text.find('=');
    if (equals == std::string_view::npos) {
      m_doc.m_problems.push_back({"front matter is not valid TOML: expected 'key = value'", span});
      return;
    }
    std::string_view key = util::trim(text.substr(0, equals));
    std::string_view raw_value = util::trim(text.substr(equals + 1));
    // Multi-line arrays run until their brackets balance.
    std::string value(raw_value);
    std::uint32_t value_end_line = line;
    if (!raw_value.empty() && raw_value.front() == '[') {
      auto balance = [](std::string_view s) {
        int depth = 0;
        for (char c : s) {
          depth += c == '[' ? 1 : c == ']' ? -1 : 0;
        }
        return depth;
      };
      int depth = balance(raw_value);
      while (depth > 0 && value_end_line < last) {
        ++value_end_line;
        const std::string_view more = util::trim(lines.line_span(value_end_line).of(source()));
        value += ' ';
        value += more;
        depth += balance(more);
      }
    }
    if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'')) {
      key = key.substr(1, key.size() - 2);
    }
    std::vector<std::string> values;
    std::string scalar;
    if (!value.empty() && value.front() == '[') {
      std::string current;
      bool in_string = false;
      char quote = 0;
      for (char c : value) {
        if (in_string) {
          if (c == quote) {
            in_string = false;
            values.push_back(current);
            current.clear();
          } else {
            current.push_back(c);
          }
        } else if (c == '"' || c == '\'') {
          in_string = true;
          quote = c;
        }
      }
      scalar = util::join(values, ", ");
    } else if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) {
      const auto close = value.find(value.front(), 1);
      scalar = value.substr(1, close == std::string::npos ? std::string::npos : close - 1);
    } else {
      scalar = value.substr(0, value.find(" #"));
    }
    const std::string name = table.empty() ? std::string(key) : table + "." + std::string(key);
    const ByteSpan key_span = span_of(source(), key);
    const ByteSpan value_span = span_of(source(), raw_value);
    add_metadata(name, scalar, values, key_span, value_span, MetadataSource::toml, false);
    line = value_end_line;
  }
}

}  // namespace pmlint::document
