#pragma once

// Pieces several rules share.

#include <string>
#include <string_view>

#include "document/document.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"

namespace pmlint::rules {

using document::ByteSpan;
using document::SectionKind;
using engine::Context;
using engine::RuleInfo;
using engine::Severity;

// Where document-level findings point ("no Impact section"): the title heading, or 1:1.
ByteSpan document_anchor(const document::Document& document);

// True when the section holds no content: no prose words, lists, tables or code.
bool section_is_empty(const document::Document& document, const document::Section& section);

// The text of `span` with whitespace collapsed, cut to `max` code points with "…", for quoting
// in messages.
std::string quote(std::string_view text, std::size_t max = 60);

// How findings about an action item name it: "action 'Add a canary stage…'".
std::string action_name(const document::ActionItem& item);

// True for an item marked done (a checked box, "(Done)", a Status column saying so).
inline bool action_done(const document::ActionItem& item) { return item.done.value_or(false); }

// A rule that reports a section kind the document lacks (and, if asked, one that is empty):
// impact-missing, root-cause-missing, went-well-missing, went-wrong-missing share it.
class SectionPresenceRule : public engine::Rule {
 public:
  SectionPresenceRule(const RuleInfo& info, SectionKind kind, std::string_view name, bool empty_counts_as_missing)
      : m_info(info), m_kind(kind), m_name(name), m_empty_is_missing(empty_counts_as_missing) {}

  [[nodiscard]] const RuleInfo& info() const override { return m_info; }
  void check(Context& context) const override;

 private:
  const RuleInfo& m_info;
  SectionKind m_kind;
  std::string_view m_name;
  bool m_empty_is_missing;
};

}  // namespace pmlint::rules
