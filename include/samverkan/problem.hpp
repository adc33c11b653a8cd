// A finding of a check: which rule, what is wrong, where.
#pragma once

#include <string>

#include <samverkan/source_mark.hpp>

namespace samverkan {

/// One thing a check found wrong, naming the rule it breaks (empty when no rule id applies).
struct problem {
    std::string rule;
    std::string message;
    source_mark mark;
};

}  // namespace samverkan
