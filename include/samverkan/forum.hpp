// Forums of the collaboration: their level, seats, offices and (for theme groups) criteria.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <samverkan/detail/enum_names.hpp>
#include <samverkan/seat.hpp>
#include <samverkan/source_mark.hpp>

namespace samverkan {

/// The level a forum works at (§ 2).
enum class level : std::uint8_t { political, strategic, operational, support };

/// An office of a forum's presidium.
enum class office_role : std::uint8_t { chair, vice_chair };

/// An office held in some forum, e.g. the chair of LGS (ROT-5), and who appoints its holder.
struct office {
    std::string forum;
    office_role role = office_role::chair;
    std::string appointed_by{};  ///< the forum or body that elects the holder; empty where the sources do not say
    std::string rule{};          ///< the rule that says who appoints, e.g. "CMP-5"
};

/// Who a theme group is for (THM-1, THM-2, THM-3). Ages are inclusive; no needs means "anyone".
struct theme_criteria {
    std::string label;  ///< the Swedish name, e.g. "Mitt i Livet"
    std::string rule;   ///< THM-1 (2016) or THM-2 / THM-3 (2026)
    std::optional<int> min_age;
    std::optional<int> max_age;
    std::vector<std::string> needs;  ///< any one of these needs qualifies
    std::string description;
};

/// A forum: the samråd, its presidium, LGS and its beredning, a theme group, NOSAM, a support function.
struct forum {
    std::string id;
    std::string name;
    samverkan::level level = level::political;
    std::vector<std::string> aliases;  ///< other names of the same body, e.g. "LGS Beredningsgrupp"
    std::string description;
    std::string source;           ///< seed file and section
    std::vector<seat> seats;      ///< indexed 0…n-1 (seat::index)
    std::vector<office> offices;  ///< for a presidium: the offices that make it up (ROT-5)
    std::optional<theme_criteria> theme;
    source_mark mark;

    /// The seat with this id, or nullptr.
    [[nodiscard]] const seat* find_seat(std::string_view seat_id) const noexcept {
        const auto it = std::find_if(seats.begin(), seats.end(), [&](const seat& s) { return s.id == seat_id; });
        return it == seats.end() ? nullptr : &*it;
    }

    /// How many seats of this kind the forum has.
    [[nodiscard]] std::size_t count(seat_kind kind) const noexcept {
        return static_cast<std::size_t>(
            std::count_if(seats.begin(), seats.end(), [kind](const seat& s) { return s.kind == kind; }));
    }
};

namespace detail {
template <>
struct enum_names<level> {
    static constexpr std::array<std::string_view, 4> names{"political", "strategic", "operational", "support"};
};
template <>
struct enum_names<office_role> {
    static constexpr std::array<std::string_view, 2> names{"chair", "vice_chair"};
};
}  // namespace detail

}  // namespace samverkan
