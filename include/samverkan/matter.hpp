// A matter (ärende) from raising to adoption, as a state machine: the states, the actions, which action each
// state allows and the rule that blocks the others, and the adoption (fastställande) of a directional position
// per body (CNS-5). A matter changes only through its events (event_log.hpp), so it is a pure function of them.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <samverkan/date.hpp>
#include <samverkan/detail/enum_names.hpp>
#include <samverkan/parameters.hpp>

namespace samverkan {

/// Where a matter stands.
enum class matter_state : std::uint8_t {
    raised,         ///< raised by a forum, not yet prepared (STR-4, STR-8)
    prepared,       ///< prepared by a forum that prepares for the target forum (STR-1, STR-2)
    on_agenda,      ///< on a meeting's agenda; stays there when a meeting does not deal with it (CNS-4, QRM-6)
    referred_back,  ///< återremiss: back to preparation, with the reason (CNS-3)
    position,       ///< ställningstagande that is no directional position: nothing follows (CNS-1)
    in_adoption,    ///< a directional position, adopted body by body (CNS-5)
    removed,        ///< avförd: closed; it may come back only as a new matter (CNS-3)
};

/// What may be done to a matter that exists.
enum class matter_action : std::uint8_t {
    prepare,          ///< STR-1, STR-2
    place_on_agenda,  ///< MTG-3
    consider,         ///< the meeting engine decides (CNS-1 … CNS-4)
    set_deadline,     ///< CNS-5
    record_adoption,  ///< CNS-5
};

/// One body's adoption of a directional position (CNS-5).
enum class adoption_state : std::uint8_t { pending, adopted, adopted_with_changes, declined, not_applicable };

/// What a matter's adoption cases add up to on a day (CNS-5).
enum class adoption_status : std::uint8_t {
    pending,            ///< no body has adopted yet, and no deadline has passed
    adopted,            ///< every body concerned has adopted
    partially_adopted,  ///< some bodies have adopted, not all
    declined,           ///< every body concerned has decided and none adopted
    overdue,            ///< a body's deadline has passed without its decision
};

/// The adoption case of one body.
struct adoption_case {
    std::string body;
    adoption_state state = adoption_state::pending;
    std::optional<date> decided;   ///< the day of the body's decision
    std::string reference;         ///< the body's own decision reference (e.g. its diarienummer)
    std::optional<date> deadline;  ///< after this day a pending case is overdue
    friend bool operator==(const adoption_case&, const adoption_case&) = default;
};

/// The adoption cases of a matter aggregated on a day by the ruleset's `in_force_when` (CNS-5).
struct adoption_summary {
    adoption_status status = adoption_status::pending;
    bool in_force = false;                  ///< whether the position has taken effect under `in_force_when`
    std::vector<std::string> in_force_for;  ///< the bodies it has taken effect for
    std::vector<std::string> overdue;       ///< the bodies past their deadline
    std::size_t adopted = 0;                ///< adopted, with or without changes
    std::size_t declined = 0;
    std::size_t pending = 0;
    std::size_t not_applicable = 0;
};

/// CNS-5: the cases on `on` (a decision taken after `on` still counts as pending), under the rule `in_force_when`.
[[nodiscard]] inline adoption_summary summarise_adoption(const std::vector<adoption_case>& cases,
                                                         const in_force_rule& rule, date on) {
    adoption_summary s;
    std::vector<std::string> adopting;
    for (const auto& c : cases) {
        const bool decided = c.state != adoption_state::pending && c.decided && *c.decided <= on;
        if (!decided) {
            ++s.pending;
            if (c.deadline && *c.deadline < on) s.overdue.push_back(c.body);
            continue;
        }
        switch (c.state) {
            case adoption_state::adopted:
            case adoption_state::adopted_with_changes:
                ++s.adopted;
                adopting.push_back(c.body);
                break;
            case adoption_state::declined:
                ++s.declined;
                break;
            case adoption_state::not_applicable:
                ++s.not_applicable;
                break;
            case adoption_state::pending:
                break;
        }
    }
    const std::size_t concerned = cases.size() - s.not_applicable;
    switch (rule.kind) {
        case in_force_kind::all_adopted:
            s.in_force = concerned > 0 && s.adopted == concerned;
            break;
        case in_force_kind::for_adopting_bodies:
            s.in_force = s.adopted > 0;
            break;
        case in_force_kind::count:
            s.in_force = s.adopted >= std::max<std::size_t>(rule.count, 1);
            break;
    }
    if (s.in_force) s.in_force_for = std::move(adopting);
    if (concerned > 0 && s.adopted == concerned)
        s.status = adoption_status::adopted;
    else if (!s.overdue.empty())
        s.status = adoption_status::overdue;
    else if (s.adopted > 0)
        s.status = adoption_status::partially_adopted;
    else if (s.pending == 0 && concerned > 0)
        s.status = adoption_status::declined;
    else
        s.status = adoption_status::pending;
    return s;
}

/// The rule that forbids `action` in `state`, or "" when the state allows it. This is the state machine's
/// table; the checks that need the structure (who prepares, who adopts) come on top (event_log.hpp).
[[nodiscard]] constexpr std::string_view blocking_rule(matter_state state, matter_action action) noexcept {
    if (state == matter_state::removed) return "CNS-3";  // a removed matter may come back only as a new matter
    switch (action) {
        case matter_action::prepare:
            switch (state) {
                case matter_state::raised:
                case matter_state::prepared:
                case matter_state::referred_back:
                    return "";
                case matter_state::on_agenda:
                    return "MTG-3";  // preparation comes before the agenda
                default:
                    return "CNS-1";  // the position is taken
            }
        case matter_action::place_on_agenda:
            switch (state) {
                case matter_state::prepared:
                case matter_state::on_agenda:
                    return "";
                case matter_state::raised:
                case matter_state::referred_back:
                    return "MTG-3";  // matters are prepared before they reach the agenda
                default:
                    return "CNS-1";
            }
        case matter_action::consider:
            switch (state) {
                case matter_state::on_agenda:
                    return "";
                case matter_state::raised:
                case matter_state::prepared:
                case matter_state::referred_back:
                    return "MTG-3";  // only a prepared matter on the agenda is considered
                default:
                    return "CNS-1";
            }
        case matter_action::set_deadline:
        case matter_action::record_adoption:
            return state == matter_state::in_adoption ? "" : "CNS-5";  // only a directional position is adopted
    }
    return "";
}

/// A matter: what its events have made of it. Only the event log changes it.
class matter {
public:
    matter(std::string id, std::string title, std::string forum, std::string raised_by, date raised_on)
        : id_(std::move(id)),
          title_(std::move(title)),
          forum_(std::move(forum)),
          raised_by_(std::move(raised_by)),
          raised_on_(raised_on),
          last_day_(raised_on) {}

    [[nodiscard]] const std::string& id() const noexcept { return id_; }
    [[nodiscard]] const std::string& title() const noexcept { return title_; }
    /// The forum whose matter it is (the samråd, LGS, …).
    [[nodiscard]] const std::string& forum() const noexcept { return forum_; }
    [[nodiscard]] const std::string& raised_by() const noexcept { return raised_by_; }
    [[nodiscard]] date raised_on() const noexcept { return raised_on_; }
    [[nodiscard]] matter_state state() const noexcept { return state_; }
    /// The forums that prepared it, in order (STR-1, STR-2).
    [[nodiscard]] const std::vector<std::string>& preparers() const noexcept { return preparers_; }
    /// Times referred back (återremiss), which the meeting engine reads as agenda_item::referrals (CNS-3).
    [[nodiscard]] int referrals() const noexcept { return referrals_; }
    /// The reason of the last referral: what renewed preparation must address (CNS-3).
    [[nodiscard]] const std::string& referral_reason() const noexcept { return referral_reason_; }
    /// The meeting that last considered it, and the outcome.
    [[nodiscard]] const std::string& last_meeting() const noexcept { return last_meeting_; }
    [[nodiscard]] bool directional() const noexcept { return directional_; }
    /// One case per body that adopts the forum's directional positions (CNS-5), in the structure's order.
    [[nodiscard]] const std::vector<adoption_case>& cases() const noexcept { return cases_; }
    /// The indices of its events in the log.
    [[nodiscard]] const std::vector<std::size_t>& history() const noexcept { return history_; }
    /// The day of its latest event: a later event may not be dated before it.
    [[nodiscard]] date last_day() const noexcept { return last_day_; }
    /// The day a meeting last considered it: adoption decisions are dated from it on.
    [[nodiscard]] date considered_on() const noexcept { return considered_on_; }

    /// The adoption on `on` under the ruleset's `in_force_when` (CNS-5).
    [[nodiscard]] adoption_summary adoption(const in_force_rule& rule, date on) const {
        return summarise_adoption(cases_, rule, on);
    }

    friend bool operator==(const matter&, const matter&) = default;

private:
    friend class event_log;

    std::string id_, title_, forum_, raised_by_;
    date raised_on_{};
    matter_state state_ = matter_state::raised;
    std::vector<std::string> preparers_;
    int referrals_ = 0;
    std::string referral_reason_;
    std::string last_meeting_;
    bool directional_ = false;
    std::vector<adoption_case> cases_;
    std::vector<std::size_t> history_;
    date last_day_{};
    date considered_on_{};
};

namespace detail {
template <>
struct enum_names<matter_state> {
    static constexpr std::array<std::string_view, 7> names{"raised",   "prepared",    "on_agenda", "referred_back",
                                                           "position", "in_adoption", "removed"};
};
template <>
struct enum_names<matter_action> {
    static constexpr std::array<std::string_view, 5> names{"prepare", "place_on_agenda", "consider", "set_deadline",
                                                           "record_adoption"};
};
template <>
struct enum_names<adoption_state> {
    static constexpr std::array<std::string_view, 5> names{"pending", "adopted", "adopted_with_changes", "declined",
                                                           "not_applicable"};
};
template <>
struct enum_names<adoption_status> {
    static constexpr std::array<std::string_view, 5> names{"pending", "adopted", "partially_adopted", "declined",
                                                           "overdue"};
};
}  // namespace detail

}  // namespace samverkan
