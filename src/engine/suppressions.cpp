#include "engine/suppressions.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "engine/registry.hpp"
#include "util/edit_distance.hpp"
#include "util/text.hpp"

namespace pmlint::engine {

namespace {

constexpr std::uint32_t k_last_line = std::numeric_limits<std::uint32_t>::max();

const std::vector<std::string> k_directives = {"pmlint-disable", "pmlint-enable", "pmlint-disable-next-line",
                                               "pmlint-disable-line", "pmlint-disable-file"};

std::vector<std::string> ids_in(std::string_view text) {
  std::vector<std::string> ids;
  std::string current;
  for (char c : text) {
    if (c == ',' || util::is_space(c)) {
      if (!current.empty()) {
        ids.push_back(current);
        current.clear();
      }
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) {
    ids.push_back(current);
  }
  return ids;
}

}  // namespace

Suppressions::Suppressions(const document::Document& document) {
  const auto& lines = document.lines();
  std::map<std::string, std::pair<std::uint32_t, document::ByteSpan>> open;  // id -> start
  for (const auto& comment : document.comments()) {
    const std::string_view body = comment.body;
    if (!util::istarts_with(body, "pmlint-")) {
      continue;
    }
    const auto name_end = std::min(body.find_first_of(" \t\r\n"), body.size());
    const std::string directive(body.substr(0, name_end));
    std::vector<std::string> ids = ids_in(body.substr(name_end));
    if (std::find(k_directives.begin(), k_directives.end(), directive) == k_directives.end()) {
      m_problems.push_back({comment.span, "unknown directive '" + directive + "'" + util::did_you_mean(directive, k_directives)});
      continue;
    }
    std::vector<std::string> valid;
    for (const auto& id : ids) {
      if (find_rule(id) == nullptr) {
        m_problems.push_back({comment.span, "suppression names unknown rule '" + id + "'" + util::did_you_mean(id, rule_ids())});
      } else {
        valid.push_back(id);
      }
    }
    if (!ids.empty() && valid.empty()) {
      continue;
    }
    if (valid.empty()) {
      valid.emplace_back();  // every rule
    }
    const std::uint32_t line = lines.line_of(comment.span.begin);
    const std::uint32_t end_line = lines.line_of(comment.span.end > 0 ? comment.span.end - 1 : 0);
    for (const auto& id : valid) {
      if (directive == "pmlint-disable-file") {
        m_grants.push_back({id, 1, k_last_line, comment.span});
      } else if (directive == "pmlint-disable-line") {
        m_grants.push_back({id, line, end_line, comment.span});
      } else if (directive == "pmlint-disable-next-line") {
        m_grants.push_back({id, end_line + 1, end_line + 1, comment.span});
      } else if (directive == "pmlint-disable") {
        open.emplace(id, std::make_pair(line, comment.span));
      } else {  // pmlint-enable
        auto close = [&](const std::string& key) {
          const auto it = open.find(key);
          if (it != open.end()) {
            m_grants.push_back({key, it->second.first, line, it->second.second});
            open.erase(it);
          }
        };
        if (id.empty()) {
          while (!open.empty()) {
            close(open.begin()->first);
          }
        } else {
          close(id);
        }
      }
    }
  }
  for (const auto& [id, start] : open) {
    m_grants.push_back({id, start.first, k_last_line, start.second});
  }
}

bool Suppressions::suppresses(std::string_view rule_id, std::uint32_t line) {
  bool silenced = false;
  for (auto& grant : m_grants) {
    if ((grant.rule_id.empty() || grant.rule_id == rule_id) && line >= grant.first_line && line <= grant.last_line) {
      grant.used = true;
      silenced = true;
    }
  }
  return silenced;
}

std::vector<Suppressions::Unused> Suppressions::unused() const {
  std::vector<Unused> unused;
  for (const auto& grant : m_grants) {
    if (!grant.used) {
      unused.push_back({grant.comment, grant.rule_id});
    }
  }
  return unused;
}

}  // namespace pmlint::engine
