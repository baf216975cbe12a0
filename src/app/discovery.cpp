#include "app/discovery.hpp"

#include <algorithm>
#include <fstream>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "util/glob.hpp"
#include "util/text.hpp"

namespace pmlint::app {

namespace fs = std::filesystem;

namespace {

bool skipped_folder(const fs::path& folder) {
  const std::string name = folder.filename().string();
  return (name.size() > 1 && name[0] == '.' && name != "..") || name == "node_modules";
}

std::string join_display(const std::string& base, const fs::path& relative) {
  if (base == "." || base.empty()) {
    return relative.generic_string();
  }
  std::string display = base;
  if (display.back() != '/') {
    display += '/';
  }
  return display + relative.generic_string();
}

// The .gitignore rules in force while walking a tree: each folder's file applies to the paths
// below it, later (deeper) rules win, and "!" re-includes.
class GitIgnore {
 public:
  void enter(const fs::path& folder) {
    std::ifstream stream(folder / ".gitignore");
    std::string line;
    while (std::getline(stream, line)) {
      const std::string_view text = util::trim(line);
      if (text.empty() || text.front() == '#') {
        continue;
      }
      const bool negated = text.front() == '!';
      m_rules.push_back({folder, std::string(negated ? text.substr(1) : text), negated});
    }
  }

  [[nodiscard]] bool ignores(const fs::path& path, bool is_folder) const {
    bool ignored = false;
    for (const auto& rule : m_rules) {
      const fs::path relative = path.lexically_relative(rule.base);
      const std::string text = relative.generic_string();
      if (text.empty() || text.rfind("..", 0) == 0) {
        continue;
      }
      const bool folder_only = !rule.pattern.empty() && rule.pattern.back() == '/';
      if (folder_only && !is_folder) {
        continue;
      }
      std::string pattern = rule.pattern;
      if (folder_only) {
        pattern.pop_back();
      }
      // A pattern matches the path itself here; what lies below an ignored folder is never walked.
      const bool anchored = pattern.find('/') != std::string::npos;
      const bool match = anchored ? util::glob_match("/" + (pattern.front() == '/' ? pattern.substr(1) : pattern), text)
                                  : util::glob_match("/" + pattern, relative.filename().generic_string());
      if (match) {
        ignored = !rule.negated;
      }
    }
    return ignored;
  }

 private:
  struct Rule {
    fs::path base;
    std::string pattern;
    bool negated;
  };
  std::vector<Rule> m_rules;
};

// Walks `root`, calling `visit(path, relative)` for each regular file. Symlinked folders are not
// followed, so a symlink loop cannot make the walk endless; .gitignore files are honoured.
template <class Visit>
void walk(const fs::path& root, std::vector<DiscoveryError>& errors, const std::string& display_root, Visit visit) {
  std::error_code error;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
  if (error) {
    errors.push_back({display_root, "cannot read folder: " + error.message()});
    return;
  }
  GitIgnore ignore;
  ignore.enter(root);
  const fs::recursive_directory_iterator end;
  while (it != end) {
    const fs::directory_entry& entry = *it;
    std::error_code status_error;
    if (entry.is_directory(status_error) && !entry.is_symlink(status_error)) {
      if (skipped_folder(entry.path()) || ignore.ignores(entry.path(), true)) {
        it.disable_recursion_pending();
      } else {
        ignore.enter(entry.path());
      }
    } else if (entry.is_regular_file(status_error) && !ignore.ignores(entry.path(), false)) {
      visit(entry.path(), entry.path().lexically_relative(root));
    }
    it.increment(error);
    if (error) {
      errors.push_back({display_root, "error while reading folder: " + error.message()});
      error.clear();
    }
  }
}

// a1 + a2 < b1 + b2, byte by byte as std::string compares.
bool joined_less(std::string_view a1, std::string_view a2, std::string_view b1, std::string_view b2) {
  const auto at = [](std::string_view first, std::string_view second, std::size_t k) {
    return static_cast<unsigned char>(k < first.size() ? first[k] : second[k - first.size()]);
  };
  const std::size_t a_size = a1.size() + a2.size();
  const std::size_t b_size = b1.size() + b2.size();
  for (std::size_t k = 0; k < a_size && k < b_size; ++k) {
    const unsigned char x = at(a1, a2, k);
    const unsigned char y = at(b1, b2, k);
    if (x != y) {
      return x < y;
    }
  }
  return a_size < b_size;
}

}  // namespace

bool is_markdown_file(const fs::path& path) {
  const std::string extension = util::to_lower_ascii(path.extension().string());
  return extension == ".md" || extension == ".markdown";
}

void FileList::add(std::string_view path, std::string_view display, const engine::Config* config) {
  // Split both at their last '/': when the names agree, the folder parts are shared by every file
  // of the folder; otherwise the whole of each is the "folder" and the name is empty.
  const std::size_t path_slash = path.rfind('/') + 1;  // npos + 1 == 0: no folder
  const std::size_t display_slash = display.rfind('/') + 1;
  std::string_view name = path.substr(path_slash);
  Folder folder{std::string(path.substr(0, path_slash)), std::string(display.substr(0, display_slash))};
  if (display.substr(display_slash) != name) {
    folder = {std::string(path), std::string(display)};
    name = {};
  }
  Entry entry{0, static_cast<std::uint32_t>(m_names.size()), static_cast<std::uint32_t>(name.size()), 0};
  m_names += name;
  // Files come folder by folder, and configurations are few: short searches from the back.
  const auto same_folder = [&](const Folder& known) { return known.path == folder.path && known.display == folder.display; };
  if (m_folders.empty() || !same_folder(m_folders.back())) {
    m_folders.push_back(std::move(folder));
  }
  entry.folder = static_cast<std::uint32_t>(m_folders.size() - 1);
  const auto known = std::find(m_configs.rbegin(), m_configs.rend(), config);
  if (known == m_configs.rend()) {
    m_configs.push_back(config);
    entry.config = static_cast<std::uint32_t>(m_configs.size() - 1);
  } else {
    entry.config = static_cast<std::uint32_t>(m_configs.rend() - known - 1);
  }
  m_entries.push_back(entry);
}

std::string FileList::path(std::size_t index) const {
  const Entry& entry = m_entries[index];
  return m_folders[entry.folder].path + std::string(name_of(entry));
}

std::string FileList::display(std::size_t index) const {
  const Entry& entry = m_entries[index];
  return m_folders[entry.folder].display + std::string(name_of(entry));
}

void FileList::sort(bool deduplicate) {
  // By display name, folder part then name, compared without building either.
  std::stable_sort(m_entries.begin(), m_entries.end(), [&](const Entry& a, const Entry& b) {
    return joined_less(m_folders[a.folder].display, name_of(a), m_folders[b.folder].display, name_of(b));
  });
  if (!deduplicate) {
    return;
  }
  // The same file by two routes: a folder's canonical path is looked up once; the files below it
  // extend it lexically.
  std::unordered_set<std::string> seen;
  std::unordered_map<std::string, std::string> canonical_folders;
  std::vector<Entry> unique;
  for (std::size_t index = 0; index < m_entries.size(); ++index) {
    const fs::path file(path(index));
    const std::string folder = file.parent_path().string();
    auto known = canonical_folders.find(folder);
    if (known == canonical_folders.end()) {
      std::error_code error;
      const fs::path canonical = fs::weakly_canonical(folder.empty() ? fs::path(".") : fs::path(folder), error);
      known = canonical_folders.emplace(folder, error ? folder : canonical.string()).first;
    }
    if (seen.insert((fs::path(known->second) / file.filename()).string()).second) {
      unique.push_back(m_entries[index]);
    }
  }
  m_entries = std::move(unique);
}

Discovery discover(const std::vector<std::string>& arguments, engine::ConfigResolver& configs) {
  Discovery discovery;
  std::error_code cwd_error;
  const fs::path cwd = fs::current_path(cwd_error);
  auto add_walked = [&](const fs::path& path, const std::string& display) {
    if (!is_markdown_file(path)) {
      return;
    }
    const auto config = configs.for_file(path);
    if (!config->ignores(path.is_absolute() ? path : cwd / path)) {
      discovery.files.add(path.string(), display, config.get());
    }
  };
  std::size_t arguments_with_files = 0;
  for (const std::string& argument : arguments) {
    const fs::path path(argument);
    const std::size_t before = discovery.files.size();
    std::error_code error;
    const auto status = fs::status(path, error);
    if (fs::is_directory(status)) {
      walk(path, discovery.errors, argument,
           [&](const fs::path& file, const fs::path& relative) { add_walked(file, join_display(argument, relative)); });
    } else if (fs::exists(status)) {
      // Named explicitly: linted whatever its name.
      discovery.files.add(argument, argument, configs.for_file(path).get());
    } else if (util::has_glob_characters(argument)) {
      // The folder part before the first glob character is where the walk starts.
      const std::size_t first_glob = argument.find_first_of("*?[");
      const std::size_t slash = argument.rfind('/', first_glob);
      const std::string base = slash == std::string::npos ? "." : argument.substr(0, slash == 0 ? 1 : slash);
      const std::string pattern = slash == std::string::npos ? argument : argument.substr(slash + 1);
      if (fs::is_directory(base, error)) {
        walk(base, discovery.errors, base, [&](const fs::path& file, const fs::path& relative) {
          if (util::glob_match("/" + pattern, relative.generic_string())) {
            add_walked(file, join_display(base, relative));
          }
        });
      }
      if (discovery.files.size() == before) {
        discovery.errors.push_back({argument, "no files match this pattern"});
      }
    } else {
      discovery.errors.push_back({argument, "no such file or folder"});
    }
    arguments_with_files += discovery.files.size() > before ? 1 : 0;
  }
  // One walk reaches each file once (symlinked folders are not followed); only several
  // arguments can name a file twice.
  discovery.files.sort(arguments_with_files > 1);
  return discovery;
}

}  // namespace pmlint::app
