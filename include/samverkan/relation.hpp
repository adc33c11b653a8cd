// Typed relations between forums and bodies: the edges of the structure graph (STR-1 … STR-9, CNS-5).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <samverkan/detail/enum_names.hpp>
#include <samverkan/source_mark.hpp>

namespace samverkan {

/// What an edge of the structure means, read as "from <type> to".
enum class relation_type : std::uint8_t {
    prepares_for,    ///< from prepares (bereder) the matters of to (STR-1, STR-2)
    represented_in,  ///< body from holds seats in forum to (CMP-1, CMP-2); derived from the seats
    reports_to,      ///< from reports to / raises questions with to (STR-4, STR-7, STR-8)
    appoints,        ///< from sets up or elects to (STR-5, CMP-5)
    supports,        ///< from is a support function of to (STR-6)
    adopts,          ///< body from adopts (fastställer) the directional positions of forum to (CNS-5)
    anchors_in,      ///< forum from is anchored in body to: its members carry information both ways (STR-9);
                     ///< derived from the seats
};

/// One edge, with the rule that puts it there.
struct relation {
    relation_type type = relation_type::prepares_for;
    std::string from;
    std::string to;
    std::string rule;  ///< e.g. "STR-1"
    source_mark mark;
};

/// Edges along which a question travels upward: used for reachability and paths.
[[nodiscard]] constexpr bool escalates(relation_type t) noexcept {
    return t == relation_type::prepares_for || t == relation_type::reports_to || t == relation_type::represented_in;
}

namespace detail {
template <>
struct enum_names<relation_type> {
    static constexpr std::array<std::string_view, 7> names{"prepares_for", "represented_in", "reports_to", "appoints",
                                                           "supports",     "adopts",         "anchors_in"};
};
}  // namespace detail

}  // namespace samverkan
