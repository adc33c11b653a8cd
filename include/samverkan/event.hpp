// One step of the event log (event_log.hpp): what happened, to what, by whom, when, under which rules, with the
// ruling's steps where a meeting decided it. An event is a value and never changes once recorded.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <samverkan/date.hpp>
#include <samverkan/detail/enum_names.hpp>
#include <samverkan/ruling.hpp>

namespace samverkan {

/// What an event records. The first six concern a matter (`subject` is the matter's id), the rest a meeting
/// (`subject` is the meeting's id).
enum class event_kind : std::uint8_t {
    raised,             ///< a forum raised a matter (STR-4, STR-8)
    prepared,           ///< a preparing forum prepared it (STR-1, STR-2)
    placed_on_agenda,   ///< put on a meeting's agenda (MTG-3)
    considered,         ///< a meeting considered it: the ruling of the meeting engine (CNS-1 … CNS-4)
    deadline_set,       ///< a deadline for adoption by one body or all (CNS-5)
    adoption_recorded,  ///< a body's adoption case decided (CNS-5)
    meeting_opened,     ///< a meeting opened: forum, day, attendance, offices, people (QRM-5)
    arrived,            ///< a member arrived between items (QRM-5, QRM-7)
    left,               ///< a member left between items (QRM-4, QRM-5)
    item_considered,    ///< a meeting decided an item that is no matter of the log
    notice_issued,      ///< a process leader convened a meeting on the chair's behalf (MTG-2, RGT-3)
    minutes_signed,     ///< the person who presided signed the minutes (MIN-2, RGT-2)
    minutes_published,  ///< the signed minutes were published and are final (MIN-2)
};

/// One recorded step.
struct event {
    event_kind kind = event_kind::raised;
    std::string subject;             ///< the matter's id, or the meeting's for a meeting's own events
    std::string by;                  ///< who took the step: a forum, a body or a seat id
    date day{};                      ///< when
    std::vector<std::string> rules;  ///< the rule ids the step applied
    std::vector<fact> facts;         ///< the step's data, by name (see docs/matters.md)
    std::vector<ruling_step> steps;  ///< considered, item_considered: the steps of the meeting engine's ruling
    bool forced = false;             ///< taken although it breaks `breaks`
    std::string breaks;              ///< a forced step: the rule it breaks (an avvikelse, PLN-4)
    std::string reason;              ///< a forced step: why it was taken anyway
    friend bool operator==(const event&, const event&) = default;

    /// The fact with this name, or nullptr.
    [[nodiscard]] const fact_value* find(std::string_view name) const noexcept {
        const auto it = std::find_if(facts.begin(), facts.end(), [&](const fact& f) { return f.name == name; });
        return it == facts.end() ? nullptr : &it->value;
    }
};

namespace detail {
template <>
struct enum_names<event_kind> {
    static constexpr std::array<std::string_view, 13> names{"raised",           "prepared",      "placed_on_agenda",
                                                            "considered",       "deadline_set",  "adoption_recorded",
                                                            "meeting_opened",   "arrived",       "left",
                                                            "item_considered",  "notice_issued", "minutes_signed",
                                                            "minutes_published"};
};
}  // namespace detail

}  // namespace samverkan
