// Parties (huvudmän) and the bodies (nämnder, styrelser) that represent them.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <samverkan/detail/enum_names.hpp>
#include <samverkan/source_mark.hpp>

namespace samverkan {

/// The two sides of the collaboration.
enum class side : std::uint8_t { municipal, region };

/// What kind of body represents a party (§ 1): a municipality as a whole, or a VGR body.
enum class body_kind : std::uint8_t { municipality, purchaser, provider };

/// A principal (huvudman): the region or one municipality.
struct party {
    std::string id;
    std::string name;
    samverkan::side side = side::municipal;
    source_mark mark;
};

/// A political body that holds seats: a municipality, or a purchaser or provider board of VGR.
struct body {
    std::string id;
    std::string name;
    std::string party;  ///< id of the party it belongs to
    body_kind kind = body_kind::municipality;
    samverkan::side side = side::municipal;  ///< the side of its party
    source_mark mark;
};

/// The other side.
[[nodiscard]] constexpr side other(side s) noexcept { return s == side::municipal ? side::region : side::municipal; }

namespace detail {
template <>
struct enum_names<side> {
    static constexpr std::array<std::string_view, 2> names{"municipal", "region"};
};
template <>
struct enum_names<body_kind> {
    static constexpr std::array<std::string_view, 3> names{"municipality", "purchaser", "provider"};
};
}  // namespace detail

}  // namespace samverkan
