#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "output/reporter.hpp"

namespace pmlint::app {

// The formats `--format` accepts.
const std::vector<std::string>& format_names();

// A reporter for `format`, or nullptr when the name is unknown.
std::unique_ptr<output::Reporter> make_reporter(const std::string& format, std::ostream& out, std::ostream& err,
                                                bool color, bool quiet);

// Every registered rule as output formats describe it.
std::vector<output::RuleDescription> rule_descriptions();

}  // namespace pmlint::app
