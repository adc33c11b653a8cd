// The minutes (minnesanteckningar, MIN-1) of a meeting, drawn from the event log (event_log.hpp): who attended
// and in which role, who served and presided per item, each item with its outcome and the steps that explain
// it, the deviations (avvikelser, PLN-4), and where the signing stands (RGT-2, MIN-2). The minutes are a value
// built from the log; signing and publishing are steps of the log. Rendering to Markdown and HTML, in Swedish
// or English, reads the one catalogue of texts (rules.hpp) and lives in the compiled library.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <samverkan/date.hpp>
#include <samverkan/detail/enum_names.hpp>
#include <samverkan/event.hpp>
#include <samverkan/event_log.hpp>
#include <samverkan/meeting.hpp>
#include <samverkan/ruling.hpp>

namespace samverkan {

/// The role in which a seat attends an item (the attendance register; Göteborg pays its arvode by it).
enum class attendance_role : std::uint8_t {
    ordinary,                ///< an ordinary member serving in the own seat
    serving_substitute,      ///< a substitute serving for an absent or disqualified ordinary member (QRM-2)
    non_serving_substitute,  ///< a substitute attending with the right to speak (CMP-4, RGT-1)
    ordinary_not_serving,    ///< an ordinary member present but not serving: disqualified (QRM-4) or left (QRM-5)
};

namespace detail {
template <>
struct enum_names<attendance_role> {
    static constexpr std::array<std::string_view, 4> names{"ordinary", "serving_substitute", "non_serving_substitute",
                                                           "ordinary_not_serving"};
};
}  // namespace detail

/// One row of the attendance register: a seat present at an item.
struct attendance_row {
    std::size_t item = 0;  ///< 1-based
    std::string title;
    std::string seat;
    std::string body;
    std::string name;  ///< as given in the meeting's people, else empty
    attendance_role role = attendance_role::ordinary;
    bool remote = false;  ///< took part remotely (QRM-7)
    friend bool operator==(const attendance_row&, const attendance_row&) = default;
};

/// An arrival or departure between items (QRM-5).
struct attendance_change {
    std::size_t before_item = 1;  ///< the 1-based item it precedes
    std::string seat;
    bool arrived = true;
    bool remote = false;                       ///< an arrival: remotely (QRM-7)
    leave_reason reason = leave_reason::left;  ///< a departure: why (QRM-4, QRM-5)
};

/// One item of the minutes: the meeting engine's ruling and, for a matter of the log, its id.
struct minutes_item {
    std::size_t number = 1;
    std::string matter;  ///< empty for an item that is no matter of the log
    ruling decision;
};

/// The minutes of one meeting, as the log has it now.
struct minutes {
    std::string meeting_id;
    std::string forum_id;
    std::string forum_name;
    date day{};
    std::string ruleset_id;
    compiled_forum_ptr forum;          ///< the forum's seats
    std::optional<event> notice;       ///< the latest notice (MTG-2), if one is recorded
    std::vector<std::string> present;  ///< seats present at the opening, in the order given
    std::vector<std::string> remote;   ///< of them, those taking part remotely (QRM-7)
    std::vector<attendance_change> changes;
    std::vector<minutes_item> items;
    std::vector<violation> deviations;  ///< the forced steps of this meeting (PLN-4)
    minutes_record record;              ///< signing and publishing (RGT-2, MIN-2)
    std::map<std::string, person, std::less<>> people;

    /// The seats that presided over some item, in order of first presiding (QRM-6).
    [[nodiscard]] std::vector<std::string> presiding() const {
        std::vector<std::string> out;
        for (const auto& it : items)
            if (const auto p = it.decision.presiding(); p && std::find(out.begin(), out.end(), *p) == out.end())
                out.push_back(*p);
        return out;
    }

    /// The attendance register: per item, every seat present and its role, in seat order.
    [[nodiscard]] std::vector<attendance_row> attendance() const {
        std::vector<attendance_row> out;
        for (const auto& it : items) {
            const ruling& r = it.decision;
            const compiled_forum& cf = *r.context().forum;
            const item_masks& in = r.input();
            const auto serving = r.data().serving;
            (in.present & cf.all).for_each([&](std::size_t i) {
                const seat& s = cf.at(i);
                attendance_row row;
                row.item = it.number;
                row.title = r.title();
                row.seat = s.id;
                row.body = s.body;
                if (const auto p = people.find(s.id); p != people.end()) row.name = p->second.name;
                const bool serves = serving.test(i);
                if (s.kind == seat_kind::ordinary)
                    row.role = serves ? attendance_role::ordinary : attendance_role::ordinary_not_serving;
                else
                    row.role = serves ? attendance_role::serving_substitute : attendance_role::non_serving_substitute;
                row.remote = in.remote.test(i);
                out.push_back(std::move(row));
            });
        }
        return out;
    }
};

/// The minutes of the meeting `meeting_id` from the log (unknown_id when the log has no such meeting).
[[nodiscard]] inline minutes make_minutes(const event_log& log, std::string_view meeting_id) {
    const meeting& mt = log.meeting_at(meeting_id);
    minutes out;
    out.meeting_id = std::string(meeting_id);
    out.forum_id = mt.meeting_forum().id;
    out.forum_name = mt.meeting_forum().name;
    out.day = mt.setup().day;
    out.ruleset_id = log.rules().id;
    out.forum = mt.context().forum;
    if (const event* n = log.notice_of(meeting_id)) out.notice = *n;
    out.present = mt.setup().present;
    out.remote = mt.setup().remote;
    for (const auto& id : out.remote)
        if (std::find(out.present.begin(), out.present.end(), id) == out.present.end()) out.present.push_back(id);
    out.people = mt.setup().people;
    out.record = log.minutes_of(meeting_id);

    const auto& events = log.events();
    std::size_t decided = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const event& e = events[i];
        const bool item_of_meeting = e.kind == event_kind::item_considered && e.subject == meeting_id;
        const fact_value* in_meeting = e.kind == event_kind::considered ? e.find("meeting") : nullptr;
        const auto* considered_here = in_meeting ? std::get_if<std::string>(in_meeting) : nullptr;
        const bool matter_here = considered_here && *considered_here == meeting_id;
        if (item_of_meeting || matter_here) {
            minutes_item item{decided + 1, matter_here ? e.subject : std::string(), mt.rulings().at(decided)};
            out.items.push_back(std::move(item));
            ++decided;
        } else if ((e.kind == event_kind::arrived || e.kind == event_kind::left) && e.subject == meeting_id) {
            attendance_change c;
            c.before_item = decided + 1;
            c.seat = e.by;
            c.arrived = e.kind == event_kind::arrived;
            if (c.arrived) {
                c.remote = detail::events::flag(e, "remote");
            } else {
                c.reason =
                    enum_from_string<leave_reason>(detail::events::text(e, "reason")).value_or(leave_reason::left);
            }
            out.changes.push_back(std::move(c));
        }
        const bool of_meeting = e.subject == meeting_id &&
                                (e.kind == event_kind::meeting_opened || e.kind == event_kind::arrived ||
                                 e.kind == event_kind::left || item_of_meeting || e.kind == event_kind::notice_issued ||
                                 e.kind == event_kind::minutes_signed || e.kind == event_kind::minutes_published);
        if (e.forced && (of_meeting || matter_here))
            out.deviations.push_back({i, e.kind, e.subject, e.breaks, e.reason});
    }
    return out;
}

/// The minutes as Markdown, in Swedish unless `lang` says otherwise; titled Minnesanteckningar (MIN-1), with
/// positions as ställningstaganden (CNS-1). Defined in the compiled library.
[[nodiscard]] std::string to_markdown(const minutes& m, language lang = language::sv);

/// The minutes as an HTML fragment (an <article>), every text escaped. Defined in the compiled library.
[[nodiscard]] std::string to_html(const minutes& m, language lang = language::sv);

}  // namespace samverkan
