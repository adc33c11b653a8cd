// Where an element of a ruleset was written, so later checks can point at it.
#pragma once

#include <string>

namespace samverkan {

/// The line, column (1-based; 0 when built in code) and key path of an element.
struct source_mark {
    int line = 0;
    int column = 0;
    std::string key;  ///< e.g. "forums[0].seats[3]"
};

}  // namespace samverkan
