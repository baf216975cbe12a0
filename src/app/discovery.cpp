#include "app/discovery.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

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

}  // namespace

bool is_markdown_file(const fs::path& path) {
  const std::string extension = util::to_lower_ascii(path.extension().string());
  return extension == ".md" || extension == ".markdown";
}

Discovery discover(const std::vector<std::string>& arguments, engine::ConfigResolver& configs) {
  Discovery discovery;
  std::error_code cwd_error;
  const fs::path cwd = fs::current_path(cwd_error);
  auto add_walked = [&](const fs::path& path, const std::string& display) {
    if (is_markdown_file(path) && !configs.for_file(path)->ignores(path.is_absolute() ? path : cwd / path)) {
      discovery.files.push_back({path, display});
    }
  };
  for (const std::string& argument : arguments) {
    const fs::path path(argument);
    std::error_code error;
    const auto status = fs::status(path, error);
    if (fs::is_directory(status)) {
      walk(path, discovery.errors, argument,
           [&](const fs::path& file, const fs::path& relative) { add_walked(file, join_display(argument, relative)); });
    } else if (fs::exists(status)) {
      discovery.files.push_back({path, argument});  // named explicitly: linted whatever its name
    } else if (util::has_glob_characters(argument)) {
      // The folder part before the first glob character is where the walk starts.
      const std::size_t first_glob = argument.find_first_of("*?[");
      const std::size_t slash = argument.rfind('/', first_glob);
      const std::string base = slash == std::string::npos ? "." : argument.substr(0, slash == 0 ? 1 : slash);
      const std::string pattern = slash == std::string::npos ? argument : argument.substr(slash + 1);
      const std::size_t before = discovery.files.size();
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
  }
  std::stable_sort(discovery.files.begin(), discovery.files.end(),
                   [](const InputFile& a, const InputFile& b) { return a.display < b.display; });
  // Duplicates: the same file named twice, or by two routes. A folder's canonical path is looked
  // up once; the files below it extend it lexically.
  std::set<fs::path> seen;
  std::map<fs::path, fs::path> canonical_folders;
  std::vector<InputFile> unique;
  for (auto& file : discovery.files) {
    const fs::path folder = file.path.parent_path();
    auto known = canonical_folders.find(folder);
    if (known == canonical_folders.end()) {
      std::error_code error;
      fs::path canonical = fs::weakly_canonical(folder.empty() ? fs::path(".") : folder, error);
      known = canonical_folders.emplace(folder, error ? folder : canonical).first;
    }
    if (seen.insert(known->second / file.path.filename()).second) {
      unique.push_back(std::move(file));
    }
  }
  discovery.files = std::move(unique);
  return discovery;
}

}  // namespace pmlint::app
