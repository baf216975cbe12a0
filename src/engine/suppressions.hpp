#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "document/document.hpp"

namespace pmlint::engine {

// Suppression comments, markdownlint's and ruff's forms in pmlint's name:
//   <!-- pmlint-disable [ids] -->  ...  <!-- pmlint-enable [ids] -->
//   <!-- pmlint-disable-next-line [ids] -->   <!-- pmlint-disable-line [ids] -->
//   <!-- pmlint-disable-file [ids] -->
// No ids means every rule. Each suppression remembers whether it silenced anything, so unused
// ones can be reported (ruff's RUF100).
class Suppressions {
 public:
  explicit Suppressions(const document::Document& document);

  // True (and the suppression counts as used) when `rule_id` is silenced on `line`.
  bool suppresses(std::string_view rule_id, std::uint32_t line);

  struct Unused {
    document::ByteSpan span;  // the comment
    std::string rule_id;      // "" for a suppression of every rule
  };
  [[nodiscard]] std::vector<Unused> unused() const;

  struct Problem {
    document::ByteSpan span;
    std::string message;
  };
  // Directives pmlint does not know ("pmlint-disabel") and rule ids that do not exist.
  [[nodiscard]] const std::vector<Problem>& problems() const { return m_problems; }

 private:
  struct Grant {
    std::string rule_id;  // "" = all rules
    std::uint32_t first_line;
    std::uint32_t last_line;
    document::ByteSpan comment;
    bool used = false;
  };
  std::vector<Grant> m_grants;
  std::vector<Problem> m_problems;
};

}  // namespace pmlint::engine
