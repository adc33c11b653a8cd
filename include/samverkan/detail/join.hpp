// "a, b, c": lists of ids in messages and explanations.
#pragma once

#include <string>
#include <vector>

namespace samverkan::detail {

inline std::string join_ids(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
}

}  // namespace samverkan::detail
