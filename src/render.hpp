// Internal to the compiled library: the wordings of the catalogue (rules.hpp) that the rendering of rulings
// (explain.cpp) and of minutes (minutes.cpp) share.
#pragma once

#include <string>

#include <samverkan/ruling.hpp>

namespace samverkan::detail {

/// One ruling step as text, from the catalogue's wording of its rule and kind.
[[nodiscard]] std::string render_step(language lang, const ruling_step& s);

/// The catalogue's text for `key` (term_catalogue) in `lang`; throws error when the catalogue lacks it.
[[nodiscard]] std::string wording(language lang, const std::string& key);

}  // namespace samverkan::detail
