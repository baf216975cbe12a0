// libFuzzer target: the timestamp scanner and the time-zone arithmetic on arbitrary text.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "document/timestamp.hpp"
#include "document/zones.hpp"
#include "engine/packs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const pmlint::document::TimeScanner scanner(pmlint::engine::builtin_vocabulary());
  for (const bool compact : {false, true}) {
    const pmlint::document::ScanOptions options{compact, compact};
    for (const auto& found : {scanner.parse_at(text, 0, options), scanner.find(text, options)}) {
      if (!found) {
        continue;
      }
      if (found->begin > found->end || found->end > text.size()) {
        __builtin_trap();
      }
      (void)pmlint::document::to_iso8601(found->date, found->time, found->zone);
      if (found->zone && found->time) {
        (void)pmlint::document::resolve_offset(*found->zone, found->date, *found->time);
      }
      if (found->date && found->date->year > 0) {
        (void)pmlint::document::civil_from_days(pmlint::document::days_since_epoch(*found->date));
      }
    }
  }
  return 0;
}
