// Shared by the tests of matters and the event log: the 2026 ruleset, a samråd meeting, and a matter of the
// samråd raised by a theme group and brought to the agenda.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <samverkan/event_log.hpp>
#include <samverkan/load.hpp>

#include "support.hpp"

namespace samverkan::test {

using namespace std::chrono;

inline const date raised_on = year{2026} / February / 2;
inline const date prepared_on = year{2026} / February / 16;
inline const date placed_on = year{2026} / March / 2;
inline const date meeting_day = year{2026} / March / 13;
inline const date next_meeting_day = year{2026} / September / 18;

inline ruleset_ptr rules_2026() { return load_default(meeting_day); }

/// The samråd's seats: all of them, or the ordinary ones only.
inline std::vector<std::string> samrad_seats(const ruleset& rs, bool ordinary_only = false) {
    std::vector<std::string> out;
    for (const auto& s : rs.forum_by_id("politiskt_samrad").seats)
        if (!ordinary_only || s.kind == seat_kind::ordinary) out.push_back(s.id);
    return out;
}

inline meeting_setup samrad_setup(date day, std::vector<std::string> present) {
    meeting_setup s;
    s.day = day;
    s.present = std::move(present);
    s.chair = "goteborg/ord1";
    s.vice_chair = "regionhalsan/ord";
    return s;
}

/// An item the meeting agrees on, or one a serving member objects to.
inline agenda_item agreed() { return {}; }
inline agenda_item objected(std::string reason = "bring the costs") {
    agenda_item item;
    item.objections = {"su/ord"};
    item.reason = std::move(reason);
    return item;
}

/// A matter of the samråd raised by the theme group for the elderly, prepared by LGS and on the agenda.
inline void bring_to_agenda(event_log& log, const std::string& id = "m1") {
    log.raise(id, "Trygga vårdövergångar", "politiskt_samrad", "tema_aldre", raised_on);
    log.prepare(id, "lgs", prepared_on);
    log.place_on_agenda(id, placed_on);
}

/// A samråd meeting with every seat present.
inline void open_full_meeting(event_log& log, const std::string& id = "samrad-1", date day = meeting_day) {
    log.open_meeting(id, samrad_setup(day, samrad_seats(log.rules())));
}

/// Runs `step`, expects it refused with `rule`, and checks that the log, its matters and meetings are unchanged.
inline void expect_refused(event_log& log, const std::function<void()>& step, const std::string& rule) {
    const auto events = log.events();
    const auto matters = log.matters();
    std::vector<std::size_t> items;
    for (const auto& [id, m] : log.meetings()) items.push_back(m.rulings().size());
    try {
        step();
        ADD_FAILURE() << "expected a refusal under " << rule;
    } catch (const rule_violation& e) {
        EXPECT_EQ(e.rule(), rule) << e.what();
        EXPECT_NE(std::string(e.what()).find(rule), std::string::npos) << e.what();
    }
    EXPECT_EQ(log.events(), events);
    EXPECT_EQ(log.matters(), matters);
    std::vector<std::size_t> after;
    for (const auto& [id, m] : log.meetings()) after.push_back(m.rulings().size());
    EXPECT_EQ(after, items);
}

}  // namespace samverkan::test
