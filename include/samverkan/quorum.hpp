// The quorum figure (beslutförhet) of a forum: how many ordinary seats must be served (QRM-3).
#pragma once

#include <cstddef>

#include <samverkan/parameters.hpp>

namespace samverkan {

/// QRM-3: the least number of ordinary seats that must be filled by serving members present for an
/// item to be dealt with. `more_than_half` is kommunallagen 6 kap. 27 §: 15 seats need 8.
[[nodiscard]] constexpr std::size_t quorum_threshold(const quorum_rule& rule, std::size_t ordinary_seats) noexcept {
    switch (rule.kind) {
        case quorum_kind::more_than_half:
            return ordinary_seats / 2 + 1;
        case quorum_kind::two_thirds:
            return (2 * ordinary_seats + 2) / 3;  // at least two thirds, rounded up
        case quorum_kind::count:
            return rule.count;
    }
    return ordinary_seats / 2 + 1;
}

}  // namespace samverkan
