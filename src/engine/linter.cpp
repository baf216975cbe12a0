#include "engine/linter.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "engine/context.hpp"
#include "engine/suppressions.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace pmlint::engine {

namespace {

constexpr std::string_view k_unused_suppression = "unused-suppression";

Location locate(const document::Document& document, document::ByteSpan span) {
  const auto begin = document.lines().position(span.begin);
  const auto end = document.lines().position(span.end);
  return {begin.line, begin.column, end.line, end.column, span.begin, span.size()};
}

// FNV-1a, 64 bits: small, stable across platforms and releases.
std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 0xcbf29ce484222325ULL) {
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// The normalised title of the innermost section around a finding: part of its identity. Made
// once per section, not once per finding.
class SectionLabels {
 public:
  explicit SectionLabels(const document::Document& document)
      : m_document(document), m_labels(document.sections().size()) {}

  std::string_view around(std::uint32_t offset) {
    const int index = m_document.section_at(offset);
    if (index < 0) {
      return {};
    }
    std::optional<std::string>& label = m_labels[static_cast<std::size_t>(index)];
    if (!label) {
      label = util::normalize_label(m_document.sections()[static_cast<std::size_t>(index)].title);
    }
    return *label;
  }

 private:
  const document::Document& m_document;
  std::vector<std::optional<std::string>> m_labels;
};

std::string fingerprint(const document::Document& document, const Diagnostic& diagnostic, SectionLabels& sections) {
  std::string text;
  for (const char c : diagnostic.span.of(document.source())) {
    if (!util::is_space(c)) {
      text.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  std::uint64_t hash = fnv1a(diagnostic.rule_id);
  hash = fnv1a(std::string_view("\0", 1), hash);
  hash = fnv1a(sections.around(diagnostic.span.begin), hash);
  hash = fnv1a(std::string_view("\0", 1), hash);
  hash = fnv1a(text.empty() ? std::string_view(diagnostic.message) : std::string_view(text), hash);
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

// Reads a regular file in one allocation of its size (files may be large).
bool read_whole_file(const std::filesystem::path& path, std::string& bytes) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return false;
  }
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  bytes.resize(error ? 0 : static_cast<std::size_t>(size));
  std::size_t read = bytes.empty() ? 0 : std::fread(bytes.data(), 1, bytes.size(), file);
  bytes.resize(read);
  // The file may have grown since: read whatever follows.
  char chunk[65536];
  std::size_t more = 0;
  while ((more = std::fread(chunk, 1, sizeof chunk, file)) > 0) {
    bytes.append(chunk, more);
  }
  const bool ok = std::ferror(file) == 0;
  std::fclose(file);
  return ok;
}

}  // namespace

std::optional<FileError> unreadable_text(std::string_view bytes) {
  const auto nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    const document::LineIndex lines(bytes.substr(0, nul + 1));
    const auto position = lines.position(static_cast<std::uint32_t>(nul));
    return FileError{"binary file (NUL byte): not a Markdown document", position.line, position.column};
  }
  if (const auto invalid = util::find_invalid_utf8(bytes)) {
    const document::LineIndex lines(bytes.substr(0, *invalid));
    const auto position = lines.position(static_cast<std::uint32_t>(*invalid));
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[*invalid]));
    return FileError{std::string("invalid UTF-8 (byte ") + hex + "): pmlint reads UTF-8 Markdown", position.line,
                     position.column};
  }
  return std::nullopt;
}

FileResult lint_document(const document::Document& document, const Config& config) {
  Context context(document, [&config](std::string_view id) { return config.enabled(id); });
  for (const ConfiguredRule& configured : config.rules()) {
    context.start_rule(configured.rule->info(), configured.severity, configured.pinned);
    configured.rule->check(context);
  }
  FileResult result;
  result.path = document.path();
  std::vector<Diagnostic>& diagnostics = context.diagnostics();

  Suppressions suppressions(document);
  std::vector<Diagnostic> kept;
  kept.reserve(diagnostics.size());
  for (auto& diagnostic : diagnostics) {
    if (suppressions.suppresses(diagnostic.rule_id, document.lines().line_of(diagnostic.span.begin))) {
      ++result.suppressed;
    } else {
      kept.push_back(std::move(diagnostic));
    }
  }
  // Unused and malformed suppressions are findings of their own (ruff's RUF100).
  const auto unused_rule = std::find_if(config.rules().begin(), config.rules().end(), [](const ConfiguredRule& rule) {
    return rule.rule->info().id == k_unused_suppression;
  });
  if (unused_rule != config.rules().end()) {
    context.start_rule(unused_rule->rule->info(), unused_rule->severity, unused_rule->pinned);
    context.diagnostics().clear();
    for (const auto& problem : suppressions.problems()) {
      context.report(problem.span, problem.message);
    }
    for (const auto& unused : suppressions.unused()) {
      if (unused.rule_id.empty()) {
        context.report(unused.span, "suppression of every rule silences nothing");
      } else if (config.enabled(unused.rule_id)) {
        context.report(unused.span, "suppression of '" + unused.rule_id + "' silences nothing");
      }
    }
    for (auto& diagnostic : context.diagnostics()) {
      kept.push_back(std::move(diagnostic));
    }
  }

  std::stable_sort(kept.begin(), kept.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span.begin != b.span.begin) {
      return a.span.begin < b.span.begin;
    }
    if (a.rule_id != b.rule_id) {
      return a.rule_id < b.rule_id;
    }
    return a.message < b.message;
  });
  std::map<std::string, int> seen;
  SectionLabels sections(document);
  for (const auto& diagnostic : kept) {
    Finding finding;
    finding.rule_id = diagnostic.rule_id;
    finding.severity = diagnostic.severity;
    finding.message = diagnostic.message;
    finding.location = locate(document, diagnostic.span);
    finding.fingerprint = fingerprint(document, diagnostic, sections);
    const int occurrence = ++seen[finding.fingerprint];
    if (occurrence > 1) {
      finding.fingerprint += ":" + std::to_string(occurrence);
    }
    if (diagnostic.fix) {
      LocatedFix fix;
      fix.description = diagnostic.fix->description;
      for (const auto& edit : diagnostic.fix->edits) {
        fix.edits.push_back({locate(document, edit.span), edit.replacement});
      }
      finding.fix = std::move(fix);
    }
    result.findings.push_back(std::move(finding));
  }
  return result;
}

FileResult lint_bytes(std::string display_path, std::string bytes, const Config& config) {
  if (auto error = unreadable_text(bytes)) {
    FileResult result;
    result.path = std::move(display_path);
    result.error = std::move(error);
    return result;
  }
  const document::Document document =
      document::Document::parse(std::move(display_path), std::move(bytes), config.vocabulary());
  return lint_document(document, config);
}

FileResult lint_file(const std::filesystem::path& path, std::string display_path, const Config& config) {
  FileResult failed;
  failed.path = display_path;
  std::error_code status_error;
  const auto status = std::filesystem::status(path, status_error);
  if (status_error || !std::filesystem::exists(status)) {
    failed.error = FileError{"no such file"};
    return failed;
  }
  if (std::filesystem::is_directory(status)) {
    failed.error = FileError{"is a directory, not a Markdown file"};
    return failed;
  }
  if (!std::filesystem::is_regular_file(status)) {
    // A FIFO or a device would block or never end: only regular files are read.
    failed.error = FileError{"not a regular file"};
    return failed;
  }
  std::string bytes;
  if (!read_whole_file(path, bytes)) {
    failed.error = FileError{"cannot read file (permission denied?)"};
    return failed;
  }
  return lint_bytes(std::move(display_path), std::move(bytes), config);
}

}  // namespace pmlint::engine
