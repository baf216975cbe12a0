#include "engine/linter.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <map>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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
  text.reserve(diagnostic.span.size());
  for (const char c : diagnostic.span.of(document.source())) {
    if (!util::is_space(c)) {
      text.push_back(util::lower_ascii(c));  // what std::tolower does in the C locale, inline
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

// Closes a descriptor when the read is over, on every path.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : m_fd(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  [[nodiscard]] int get() const { return m_fd; }

 private:
  int m_fd;
};

// Reads the regular file at `path` in one allocation of its size (files may be large): one
// open, one fstat of what was opened (no path looked up twice) and reads to its end. Returns
// the FileError that stops it, if any.
std::optional<FileError> read_regular_file(const std::filesystem::path& path, std::string& bytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; the fstat below then refuses it.
  const FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (file.get() < 0) {
    std::error_code error;  // why it failed, asked by name: only on this rare path
    const auto status = std::filesystem::status(path, error);
    return FileError{error || !std::filesystem::exists(status) ? "no such file"
                     : std::filesystem::is_directory(status)   ? "is a directory, not a Markdown file"
                                                               : "cannot read file (permission denied?)"};
  }
  struct stat status {};
  if (::fstat(file.get(), &status) != 0) {
    return FileError{"cannot read file (permission denied?)"};
  }
  if (S_ISDIR(status.st_mode)) {
    return FileError{"is a directory, not a Markdown file"};
  }
  if (!S_ISREG(status.st_mode)) {
    // A FIFO or a device would block or never end: only regular files are read.
    return FileError{"not a regular file"};
  }
  // One byte more than the size, so a file that has not grown is read to its end in one call.
  bytes.resize(static_cast<std::size_t>(status.st_size) + 1);
  std::size_t filled = 0;
  while (true) {
    if (filled == bytes.size()) {
      bytes.resize(bytes.size() * 2);  // the file grew since the fstat
    }
    const ssize_t got = ::read(file.get(), bytes.data() + filled, bytes.size() - filled);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      return FileError{"cannot read file (permission denied?)"};
    }
    if (got == 0) {
      break;
    }
    filled += static_cast<std::size_t>(got);
  }
  bytes.resize(filled);
  return std::nullopt;
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
  std::string bytes;
  if (auto error = read_regular_file(path, bytes)) {
    FileResult failed;
    failed.path = std::move(display_path);
    failed.error = std::move(error);
    return failed;
  }
  return lint_bytes(std::move(display_path), std::move(bytes), config);
}

}  // namespace pmlint::engine
