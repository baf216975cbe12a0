#include <nlohmann/json.hpp>

#include <charconv>
#include <string>
#include <string_view>

#include "output/reporter.hpp"
#include "util/utf8.hpp"

namespace pmlint::output {

namespace {

nlohmann::json location_json(const engine::Location& location) {
  return {{"line", location.line},       {"column", location.column}, {"end_line", location.end_line},
          {"end_column", location.end_column}, {"offset", location.offset}, {"length", location.length}};
}

// A JSON string literal, written as nlohmann::json writes it: '"', '\\' and control characters
// escaped, everything else (UTF-8 included) as it is. Text that is not valid UTF-8 (possible in
// file names) goes through nlohmann::json, which puts U+FFFD for the bytes it cannot read.
// Messages quote the document, so many hold a quote mark or a non-ASCII character: an escaper of
// its own spares them nlohmann's copy and allocations.
std::string json_string(std::string_view text) {
  if (util::find_invalid_utf8(text)) {
    return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  std::string literal;
  literal.reserve(text.size() + 2);
  literal += '"';
  std::size_t verbatim_from = 0;  // bytes from here on are copied in one piece at the next escape
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != '\\') {
      continue;
    }
    literal.append(text.data() + verbatim_from, i - verbatim_from);
    verbatim_from = i + 1;
    switch (c) {
      case '"': literal += "\\\""; break;
      case '\\': literal += "\\\\"; break;
      case '\b': literal += "\\b"; break;
      case '\f': literal += "\\f"; break;
      case '\n': literal += "\\n"; break;
      case '\r': literal += "\\r"; break;
      case '\t': literal += "\\t"; break;
      default: {
        static constexpr std::string_view k_hex = "0123456789abcdef";
        literal += "\\u00";
        literal += k_hex[static_cast<unsigned char>(c) >> 4];
        literal += k_hex[static_cast<unsigned char>(c) & 0xF];
      }
    }
  }
  literal.append(text.data() + verbatim_from, text.size() - verbatim_from);
  literal += '"';
  return literal;
}

void append_number(std::string& out, std::uint32_t value) {
  char digits[16];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

void append_key(std::string& out, std::string_view key) {
  out += ",\"";
  out += key;
  out += "\":";
}

// Appends `,"key":value`; `value` is already JSON.
void append_member(std::string& out, std::string_view key, std::string_view value) {
  append_key(out, key);
  out += value;
}

void append_member(std::string& out, std::string_view key, std::uint32_t value) {
  append_key(out, key);
  append_number(out, value);
}

// One diagnostic as a JSON object, members in name order. Written member by member rather than
// through a json object: a large run writes millions of these, and the object's map costs ten
// times the text.
void append_diagnostic(std::string& out, const engine::Finding& finding, const std::string& json_path) {
  const engine::Location& location = finding.location;
  out += "{\"column\":";
  append_number(out, location.column);
  append_member(out, "end_column", location.end_column);
  append_member(out, "end_line", location.end_line);
  append_member(out, "fingerprint", json_string(finding.fingerprint));
  if (finding.fix) {
    nlohmann::json edits = nlohmann::json::array();
    for (const auto& edit : finding.fix->edits) {
      nlohmann::json item = location_json(edit.location);
      item["replacement"] = edit.replacement;
      edits.push_back(std::move(item));
    }
    const nlohmann::json fix = {{"description", finding.fix->description}, {"edits", std::move(edits)}};
    append_member(out, "fix", fix.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  } else {
    append_member(out, "fix", "null");
  }
  append_member(out, "length", location.length);
  append_member(out, "line", location.line);
  append_member(out, "message", json_string(finding.message));
  append_member(out, "offset", location.offset);
  append_member(out, "path", json_path);
  append_member(out, "rule", json_string(finding.rule_id));
  append_member(out, "severity", json_string(engine::to_string(finding.severity)));
  out += '}';
}

// The stable, versioned JSON contract: {"version": 1, "diagnostics": [...], "errors": [...],
// "summary": {...}}. Diagnostics are written as files finish, so memory does not grow with the
// number of files.
class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(std::ostream& out) : m_out(out) { m_out << "{\"version\":1,\"diagnostics\":["; }

  void file(const engine::FileResult& result) override {
    if (result.error) {
      m_errors.push_back({{"path", result.path},
                          {"message", result.error->message},
                          {"line", result.error->line},
                          {"column", result.error->column}});
      return;
    }
    if (result.findings.empty()) {
      return;
    }
    const std::string path = json_string(result.path);
    m_buffer.clear();
    for (const auto& finding : result.findings) {
      if (!m_first) {
        m_buffer += ',';
      }
      append_diagnostic(m_buffer, finding, path);
      m_first = false;
    }
    m_out << m_buffer;
  }

  void finish(const RunSummary& summary) override {
    const nlohmann::json totals = {{"files", summary.files},
                                   {"files_with_findings", summary.files_with_findings},
                                   {"failed_files", summary.failed_files},
                                   {"errors", summary.errors},
                                   {"warnings", summary.warnings},
                                   {"infos", summary.infos},
                                   {"suppressed", summary.suppressed}};
    m_out << "],\"errors\":" << m_errors.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
          << ",\"summary\":" << totals.dump() << "}\n";
    m_out.flush();
  }

 private:
  std::ostream& m_out;
  bool m_first = true;
  std::string m_buffer;  // one file's diagnostics
  nlohmann::json m_errors = nlohmann::json::array();
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(std::ostream& out) { return std::make_unique<JsonReporter>(out); }

}  // namespace pmlint::output
