// A year's calendar of meetings checked against MTG-1: the samråd meets at least `meetings_per_termin` times in
// each termin (spring: January–June, autumn: July–December) and otherwise when needed, so extra meetings are
// fine. Dates outside the year or outside the ruleset's validity (§ 0), and dates given twice, are reported.
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <samverkan/date.hpp>
#include <samverkan/detail/enum_names.hpp>
#include <samverkan/errors.hpp>
#include <samverkan/ruleset.hpp>

namespace samverkan {

/// A half-year term (MTG-1).
enum class termin : std::uint8_t {
    spring,  ///< January–June
    autumn,  ///< July–December
};

/// What a calendar finding is about.
enum class calendar_issue : std::uint8_t {
    too_few_meetings,  ///< a termin with fewer ordinary meetings than meetings_per_termin (MTG-1)
    outside_year,      ///< a date not in the year checked
    outside_validity,  ///< a date on which the ruleset is not in force (§ 0): a meeting then is refused
    duplicate,         ///< a date given more than once
};

namespace detail {
template <>
struct enum_names<termin> {
    static constexpr std::array<std::string_view, 2> names{"spring", "autumn"};
};
template <>
struct enum_names<calendar_issue> {
    static constexpr std::array<std::string_view, 4> names{"too_few_meetings", "outside_year", "outside_validity",
                                                           "duplicate"};
};
}  // namespace detail

/// One finding of validate_calendar.
struct calendar_finding {
    std::string rule;  ///< "MTG-1", or "" for a date outside the ruleset's validity (§ 0 has no rule id)
    calendar_issue issue = calendar_issue::too_few_meetings;
    std::optional<date> day;                ///< the date concerned; none for a termin
    std::optional<samverkan::termin> term;  ///< the termin concerned
    int meetings = 0;                       ///< too_few_meetings: the meetings counted in the termin
    std::string message;                    ///< English
    friend bool operator==(const calendar_finding&, const calendar_finding&) = default;
};

/// The termin a date falls in (MTG-1).
[[nodiscard]] inline termin termin_of(date d) noexcept {
    return static_cast<unsigned>(d.month()) <= 6U ? termin::spring : termin::autumn;
}

/// MTG-1: checks the meeting dates planned for `year` under `rules`. Each termin in which the ruleset is in force
/// on some day needs at least meetings_per_termin meetings on distinct dates of the year on which it is in force;
/// more are allowed. Findings come in the order: dates (as given), then spring, then autumn. An empty result
/// means the calendar keeps MTG-1. Throws invalid_argument for a year outside 1–9999.
[[nodiscard]] inline std::vector<calendar_finding> validate_calendar(const ruleset& rules, int year,
                                                                     const std::vector<date>& dates) {
    using namespace std::chrono;
    if (year < 1 || year > 9999) throw invalid_argument("the year " + std::to_string(year) + " is not in 1–9999");
    const std::chrono::year y{year};
    std::vector<calendar_finding> out;
    std::array<int, 2> counted{0, 0};
    std::vector<date> seen;
    for (const date& d : dates) {
        if (!d.ok()) throw invalid_argument("a calendar date is not a calendar date");
        const std::string iso = to_iso_string(d);
        if (std::find(seen.begin(), seen.end(), d) != seen.end()) {
            out.push_back({"MTG-1", calendar_issue::duplicate, d, termin_of(d), 0,
                           iso + " is given more than once; it counts as one meeting"});
            continue;
        }
        seen.push_back(d);
        if (d.year() != y) {
            out.push_back({"MTG-1", calendar_issue::outside_year, d, termin_of(d), 0,
                           iso + " is not in " + std::to_string(year) + "; it does not count for that year"});
            continue;
        }
        if (!rules.in_force_on(d)) {
            out.push_back({"", calendar_issue::outside_validity, d, termin_of(d), 0,
                           iso + " is outside ruleset " + rules.id + " (in force " + to_iso_string(rules.valid_from) +
                               " – " +
                               (rules.valid_to ? to_iso_string(*rules.valid_to) : std::string("until replaced")) +
                               "); a meeting on that day is refused"});
            continue;
        }
        ++counted[static_cast<std::size_t>(termin_of(d))];
    }
    const int needed = rules.meeting.meetings_per_termin;
    for (const termin t : {termin::spring, termin::autumn}) {
        const date first = t == termin::spring ? y / January / 1 : y / July / 1;
        const date last = t == termin::spring ? y / June / 30 : y / December / 31;
        // The termin counts only where the ruleset is in force on some day of it.
        const bool in_force = rules.valid_from <= last && (!rules.valid_to || first <= *rules.valid_to);
        const int n = counted[static_cast<std::size_t>(t)];
        if (!in_force || n >= needed) continue;
        out.push_back({"MTG-1", calendar_issue::too_few_meetings, std::nullopt, t, n,
                       std::string(t == termin::spring ? "the spring" : "the autumn") + " termin of " +
                           std::to_string(year) + " has " + std::to_string(n) +
                           " meeting(s); MTG-1 asks for at least " + std::to_string(needed) +
                           " (meetings_per_termin)"});
    }
    return out;
}

}  // namespace samverkan
