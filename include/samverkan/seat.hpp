// Seats of a forum: ordinary (ordinarie) and substitute (ersättare), indexed densely.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <samverkan/body.hpp>
#include <samverkan/detail/enum_names.hpp>
#include <samverkan/source_mark.hpp>

namespace samverkan {

/// Ordinary member or substitute (CMP-1, CMP-2).
enum class seat_kind : std::uint8_t { ordinary, substitute };

/// One seat of a forum. A forum's seats are numbered 0…n-1 in the ruleset's order; that order
/// also decides which substitute serves first (QRM-2).
struct seat {
    std::string id;  ///< "su/ord", "goteborg/ord2", "molndal/ers"
    seat_kind kind = seat_kind::ordinary;
    std::string body;   ///< id of the body it represents
    std::string party;  ///< id of that body's party
    samverkan::side side = side::municipal;
    std::size_t index = 0;  ///< position in the forum's seat list
    source_mark mark;
};

namespace detail {
template <>
struct enum_names<seat_kind> {
    static constexpr std::array<std::string_view, 2> names{"ordinary", "substitute"};
};
}  // namespace detail

}  // namespace samverkan
