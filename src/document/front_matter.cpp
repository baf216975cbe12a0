// Front matter: YAML between "---" fences or TOML between "+++" fences at the top of the file.

#include <yaml-cpp/yaml.h>

#include "document/builder.hpp"
#include "util/text.hpp"
#include "util/yaml_guard.hpp"

namespace pmlint::document {

namespace {

constexpr std::size_t k_max_yaml_nesting = 64;

// True when the line (without its ending) is the fence, allowing trailing spaces.
bool is_fence(std::string_view line, std::string_view fence) {
  return util::trim_right(line) == fence;
}

std::string scalar_text(const YAML::Node& node) {
  try {
    return node.as<std::string>();
  } catch (const YAML::Exception&) {
    return {};
  }
}

}  // namespace

void DocumentBuilder::split_front_matter() {
  m_cmark_input = std::string(source());
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
  // cmark must not read the front matter as Markdown; blank it, keeping line breaks so that
  // positions stay the same.
  for (std::uint32_t i = 0; i < front.span.end; ++i) {
    if (m_cmark_input[i] != '\n' && m_cmark_input[i] != '\r') {
      m_cmark_input[i] = ' ';
    }
  }
  if (front.format == FrontMatter::Format::yaml) {
    read_yaml_front_matter();
  } else {
    read_toml_front_matter();
  }
}

void DocumentBuilder::read_yaml_front_matter() {
  const FrontMatter& front = m_doc.m_front_matter;
  const std::string_view body = front.body.of(source());
  const LineIndex& lines = m_doc.lines();
  const std::uint32_t first_line = lines.line_of(front.body.begin);
  auto span_at = [&](const YAML::Mark& mark) -> ByteSpan {
    if (mark.is_null()) {
      return lines.line_span(1);
    }
    const auto line = first_line + static_cast<std::uint32_t>(mark.line);
    const ByteSpan line_span = lines.line_span(line);
    const std::uint32_t begin = std::min(line_span.begin + static_cast<std::uint32_t>(mark.column), line_span.end);
    return {begin, line_span.end};
  };
  if (const auto deep = util::excessive_yaml_nesting(body, k_max_yaml_nesting)) {
    const std::uint32_t offset = front.body.begin + static_cast<std::uint32_t>(*deep);
    m_doc.m_problems.push_back({"front matter nests deeper than " + std::to_string(k_max_yaml_nesting) + " levels",
                                {offset, offset + 1}});
    return;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(body));
  } catch (const YAML::ParserException& error) {
    m_doc.m_problems.push_back({"front matter is not valid YAML: " + error.msg, span_at(error.mark)});
    return;
  } catch (const YAML::Exception& error) {
    m_doc.m_problems.push_back({"front matter is not valid YAML: " + error.msg, span_at(error.mark)});
    return;
  }
  if (!root || root.IsNull()) {
    return;
  }
  if (!root.IsMap()) {
    m_doc.m_problems.push_back({"front matter must be a mapping of keys to values", span_at(root.Mark())});
    return;
  }
  for (const auto& pair : root) {
    const std::string name = scalar_text(pair.first);
    const YAML::Node& value = pair.second;
    const ByteSpan key_span = span_at(pair.first.Mark());
    const ByteSpan key_only{key_span.begin, std::min<std::uint32_t>(key_span.end, key_span.begin + static_cast<std::uint32_t>(name.size()))};
    if (value.IsScalar() || value.IsNull()) {
      const ByteSpan value_span = value.IsNull() ? ByteSpan{key_only.end, key_only.end} : span_at(value.Mark());
      add_metadata(name, scalar_text(value), {}, key_only, value_span, MetadataSource::yaml, false);
    } else if (value.IsSequence()) {
      std::vector<std::string> values;
      for (const auto& item : value) {
        if (item.IsScalar()) {
          values.push_back(scalar_text(item));
        } else if (item.IsMap() && item["name"] && item["name"].IsScalar()) {
          values.push_back(scalar_text(item["name"]));  // authors: [{name: ..., email: ...}]
        }
      }
      add_metadata(name, util::join(values, ", "), values, key_only, span_at(value.Mark()),
                   MetadataSource::yaml, false);
    } else if (value.IsMap()) {
      for (const auto& child : value) {
        if (child.second.IsScalar()) {
          add_metadata(name + "." + scalar_text(child.first), scalar_text(child.second), {},
                       span_at(child.first.Mark()), span_at(child.second.Mark()), MetadataSource::yaml,
                       false);
        }
      }
    }
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
