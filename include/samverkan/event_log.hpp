// The event log: every step taken with matters and meetings, in order, as immutable events (event.hpp). The
// matters (matter.hpp) and meetings (meeting.hpp) are a pure function of the log: each step is checked and
// applied by the same code whether it is taken now or replayed from a stored log. A refused step leaves the
// log, its matters and its meetings unchanged. A step that breaks a rule is taken only when forced with a
// reason, and is then recorded with the rule it breaks (an avvikelse).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <samverkan/date.hpp>
#include <samverkan/detail/enum_names.hpp>
#include <samverkan/errors.hpp>
#include <samverkan/event.hpp>
#include <samverkan/matter.hpp>
#include <samverkan/meeting.hpp>
#include <samverkan/ruleset.hpp>
#include <samverkan/ruling.hpp>
#include <samverkan/structure.hpp>

namespace samverkan {

/// The version of the log's JSON form that this library writes and reads.
inline constexpr int event_log_schema = 1;
/// The most events a log holds (some hundred a year are usual); a longer log is refused before any of it is
/// replayed. A log this long, of meeting items with their ruling steps, writes about 35 MB of JSON.
inline constexpr std::size_t max_log_events = 20'000;
/// The largest JSON text of a log that is read; a larger one is refused before it is parsed, and to_json refuses
/// to write one.
inline constexpr std::size_t max_log_bytes = std::size_t{64} * 1024U * 1024U;

/// How a step is taken: `force` takes a step that breaks a rule anyway, recording the rule and the reason.
struct step_options {
    bool force = false;
    std::string reason;  ///< required when the forced step breaks a rule
};

/// A forced step: an avvikelse, which the minutes show and the yearly follow-up counts (PLN-4).
struct violation {
    std::size_t index = 0;  ///< the event's index in the log
    event_kind kind = event_kind::raised;
    std::string subject;
    std::string rule;    ///< the rule it breaks
    std::string reason;  ///< why it was taken anyway
    friend bool operator==(const violation&, const violation&) = default;
};

/// Where a meeting's minutes (minnesanteckningar) stand: drafted from the log, signed by the person who presided
/// (RGT-2), published and final (MIN-2).
enum class minutes_status : std::uint8_t { draft, signed_, published };

/// The signing and publishing of one meeting's minutes.
struct minutes_record {
    minutes_status status = minutes_status::draft;
    std::string signed_by;  ///< the seat that signed (RGT-2)
    std::optional<date> signed_on;
    std::optional<date> published_on;
    friend bool operator==(const minutes_record&, const minutes_record&) = default;
};

namespace detail {
template <>
struct enum_names<minutes_status> {
    static constexpr std::array<std::string_view, 3> names{"draft", "signed", "published"};
};
}  // namespace detail

/// What may happen next to a matter: one action, whether it is allowed now, and the rule that allows or
/// blocks it.
struct next_step {
    matter_action action = matter_action::prepare;
    bool allowed = false;
    std::string rule;
    std::string note;  ///< English: who may take it, or why not
};

namespace detail::events {

inline std::string list_text(const std::vector<std::string>& ids) {
    if (ids.empty()) return "none";
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? ", " : "") + ids[i];
    return out;
}

template <class T>
const T& fact_of(const event& e, std::string_view name, const char* what) {
    const fact_value* v = e.find(name);
    const T* x = v ? std::get_if<T>(v) : nullptr;
    if (!x)
        throw invalid_argument("the " + std::string(to_string(e.kind)) + " event has no " + what + " fact '" +
                               std::string(name) + "'");
    return *x;
}
inline const std::string& text(const event& e, std::string_view name) { return fact_of<std::string>(e, name, "text"); }
inline const std::vector<std::string>& ids(const event& e, std::string_view name) {
    return fact_of<std::vector<std::string>>(e, name, "list");
}
inline std::int64_t whole(const event& e, std::string_view name) {
    return fact_of<std::int64_t>(e, name, "whole-number");
}
inline bool flag(const event& e, std::string_view name) { return fact_of<bool>(e, name, "yes/no"); }
inline date day(const event& e, std::string_view name) {
    const auto& s = text(e, name);
    if (auto d = parse_iso_date(s)) return *d;
    throw invalid_argument("the " + std::string(to_string(e.kind)) + " event's fact '" + std::string(name) + "' is '" +
                           s + "', not a date YYYY-MM-DD");
}
inline std::optional<date> optional_day(const std::string& s) {
    if (s.empty()) return std::nullopt;
    if (auto d = parse_iso_date(s)) return d;
    throw invalid_argument("'" + s + "' is not a date YYYY-MM-DD");
}

/// The facts of an agenda item as the meeting engine takes them.
inline std::vector<fact> item_facts(const agenda_item& item) {
    return {{"title", item.title},
            {"objections", item.objections},
            {"abstentions", item.abstentions},
            {"disqualified", item.disqualified},
            {"referrals", std::int64_t{item.referrals}},
            {"choice", std::string(to_string(item.choice))},
            {"reason", item.reason}};
}

inline agenda_item item_of(const event& e) {
    agenda_item item;
    item.title = text(e, "title");
    item.objections = ids(e, "objections");
    item.abstentions = ids(e, "abstentions");
    item.disqualified = ids(e, "disqualified");
    const auto n = whole(e, "referrals");
    // Any int reaches the meeting engine, which refuses a negative count under CNS-3 as it does outside a log.
    if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
        throw invalid_argument("an item's referrals must be a whole number the engine takes, not " + std::to_string(n));
    item.referrals = static_cast<int>(n);
    const auto choice = enum_from_string<no_consensus_choice>(text(e, "choice"));
    if (!choice)
        throw invalid_argument("an item's choice must be " + enum_choices<no_consensus_choice>() + ", not '" +
                               text(e, "choice") + "'");
    item.choice = *choice;
    item.reason = text(e, "reason");
    return item;
}

inline event make(event_kind kind, std::string subject, std::string by, date day, std::vector<fact> facts) {
    event e;
    e.kind = kind;
    e.subject = std::move(subject);
    e.by = std::move(by);
    e.day = day;
    e.facts = std::move(facts);
    return e;
}

}  // namespace detail::events

/// Matters and meetings with every step that made them. Take steps through the member functions; read a stored
/// log back with replay() or event_log_from_json().
class event_log {
public:
    /// An empty log under a ruleset.
    explicit event_log(ruleset_ptr rules)
        : rules_(rules ? std::move(rules) : throw invalid_argument("an event log needs a ruleset")),
          graph_(std::make_shared<const structure>(rules_)) {}

    // ---- matters --------------------------------------------------------------------------------------

    /// STR-4, STR-8: forum `raised_by` raises a matter for `forum` (a forum it reaches in the structure, or itself).
    /// `directional`: a position on it is meant as an inriktningsbeslut that the bodies adopt (CNS-5); a meeting
    /// that considers it assumes so unless told otherwise.
    const matter& raise(std::string id, std::string title, std::string forum, std::string raised_by, date day,
                        const step_options& opts = {}, bool directional = false) {
        if (id.empty()) throw invalid_argument("a matter needs an id");
        std::vector<fact> facts{{"forum", std::move(forum)}, {"title", std::move(title)}};
        if (directional) facts.push_back({"directional", true});  // absent when false, as in logs written before
        auto e = detail::events::make(event_kind::raised, std::move(id), std::move(raised_by), day, std::move(facts));
        return matters_.at(events_[commit(std::move(e), opts)].subject);
    }

    /// STR-1, STR-2: forum `by` prepares the matter; only a forum that prepares for the matter's forum may.
    const matter& prepare(std::string_view id, std::string by, date day, const step_options& opts = {}) {
        return matters_.at(
            events_[commit(detail::events::make(event_kind::prepared, std::string(id), std::move(by), day, {}), opts)]
                .subject);
    }

    /// MTG-3: a prepared matter is placed on the agenda of its forum's next meeting.
    const matter& place_on_agenda(std::string_view id, date day, const step_options& opts = {}) {
        const auto& m = matter_at(id);
        return matters_.at(
            events_[commit(detail::events::make(event_kind::placed_on_agenda, std::string(id), m.forum(), day, {}),
                           opts)]
                .subject);
    }

    /// The meeting considers the matter: the meeting engine decides the item (its referrals are the matter's,
    /// CNS-3) and the matter takes the ruling's outcome. A directional position (inriktningsbeslut) opens an
    /// adoption case per body that adopts the forum's positions (CNS-5). A refusal, the matter's or the
    /// engine's, leaves both unchanged.
    /// `directional` defaults to the matter's own flag (as raised).
    ruling consider(std::string_view meeting_id, std::string_view matter_id, agenda_item item,
                    std::optional<bool> directional = std::nullopt, const step_options& opts = {}) {
        const auto& m = matter_at(matter_id);
        const auto& mt = meeting_at(meeting_id);
        if (item.title.empty()) item.title = m.title();
        item.referrals = m.referrals();
        auto facts = detail::events::item_facts(item);
        facts.insert(facts.begin(), fact{"meeting", std::string(meeting_id)});
        facts.push_back({"directional", directional.value_or(m.directional())});
        commit(detail::events::make(event_kind::considered, std::string(matter_id), mt.meeting_forum().id,
                                    mt.setup().day, std::move(facts)),
               opts);
        return meetings_.at(std::string(meeting_id)).rulings().back();
    }

    /// CNS-5: a deadline for the adoption by `body`, or by every body when `body` is empty.
    const matter& set_deadline(std::string_view id, std::string body, date deadline, date day,
                               const step_options& opts = {}) {
        const auto& m = matter_at(id);
        return matters_.at(
            events_[commit(detail::events::make(event_kind::deadline_set, std::string(id), m.forum(), day,
                                                {{"body", std::move(body)}, {"deadline", to_iso_string(deadline)}}),
                           opts)]
                .subject);
    }

    /// CNS-5: `body` decided on `day` to adopt, adopt with changes, decline, or found the position not applicable;
    /// `reference` is its own decision reference.
    const matter& record_adoption(std::string_view id, std::string body, adoption_state state, date day,
                                  std::string reference, const step_options& opts = {}) {
        return matters_.at(
            events_[commit(detail::events::make(
                               event_kind::adoption_recorded, std::string(id), std::move(body), day,
                               {{"state", std::string(to_string(state))}, {"reference", std::move(reference)}}),
                           opts)]
                .subject);
    }

    // ---- meetings -------------------------------------------------------------------------------------

    /// A meeting opens: its setup (forum, day, who is present, offices, people) is recorded as given.
    const meeting& open_meeting(std::string id, const meeting_setup& setup) {
        if (id.empty()) throw invalid_argument("a meeting needs an id");
        std::vector<fact> facts{{"forum", setup.forum}, {"present", setup.present}, {"remote", setup.remote}};
        if (setup.chair) facts.push_back({"chair", *setup.chair});
        if (setup.vice_chair) facts.push_back({"vice_chair", *setup.vice_chair});
        for (const auto& [seat_id, who] : setup.people)
            facts.push_back(
                {"person:" + seat_id,
                 std::vector<std::string>{who.name, who.born ? to_iso_string(*who.born) : std::string(),
                                          who.member_since ? to_iso_string(*who.member_since) : std::string()}});
        auto e =
            detail::events::make(event_kind::meeting_opened, std::move(id), setup.forum, setup.day, std::move(facts));
        return meetings_.at(events_[commit(std::move(e), {})].subject);
    }

    /// QRM-5, QRM-7: a member arrives between items. After the minutes are signed the meeting changes no more
    /// (MIN-2): only a forced arrival is recorded then.
    void arrive(std::string_view meeting_id, std::string seat_id, bool remote = false, const step_options& opts = {}) {
        const auto& mt = meeting_at(meeting_id);
        commit(detail::events::make(event_kind::arrived, std::string(meeting_id), std::move(seat_id), mt.setup().day,
                                    {{"remote", remote}}),
               opts);
    }

    /// QRM-4, QRM-5: a member leaves between items (forced after the minutes are signed, MIN-2).
    void leave(std::string_view meeting_id, std::string seat_id, leave_reason why = leave_reason::left,
               const step_options& opts = {}) {
        const auto& mt = meeting_at(meeting_id);
        commit(detail::events::make(event_kind::left, std::string(meeting_id), std::move(seat_id), mt.setup().day,
                                    {{"reason", std::string(to_string(why))}}),
               opts);
    }

    /// An item of the meeting that is no matter of the log (information, a report): decided and recorded
    /// (forced after the minutes are signed, MIN-2).
    ruling consider_item(std::string_view meeting_id, const agenda_item& item, const step_options& opts = {}) {
        const auto& mt = meeting_at(meeting_id);
        commit(detail::events::make(event_kind::item_considered, std::string(meeting_id), mt.meeting_forum().id,
                                    mt.setup().day, detail::events::item_facts(item)),
               opts);
        return meetings_.at(std::string(meeting_id)).rulings().back();
    }

    // ---- notices and minutes ---------------------------------------------------------------------------

    /// MTG-2, RGT-3: `issued_by`, a process leader of a forum that supports `forum` (written as that forum's id,
    /// or `<support forum>/<name>`), convenes the meeting `meeting_id` of `forum` on `meeting_day` on the chair's
    /// behalf, on `day`. The recipients are every ordinary member and every substitute of the forum. A notice
    /// later than the ruleset's notice_days before the meeting breaks MTG-2.
    const event& issue_notice(std::string meeting_id, std::string forum_id, date meeting_day, std::string issued_by,
                              date day, const step_options& opts = {}) {
        if (meeting_id.empty()) throw invalid_argument("a notice needs the id of the meeting it convenes");
        auto e = detail::events::make(event_kind::notice_issued, std::move(meeting_id), std::move(issued_by), day,
                                      {{"forum", std::move(forum_id)},
                                       {"meeting_day", to_iso_string(meeting_day)},
                                       {"recipients", std::vector<std::string>{}}});
        return events_[commit(std::move(e), opts)];
    }

    /// RGT-2, MIN-2: the person who presided signs the meeting's minutes.
    const minutes_record& sign_minutes(std::string_view meeting_id, std::string seat_id, date day,
                                       const step_options& opts = {}) {
        (void)meeting_at(meeting_id);
        commit(detail::events::make(event_kind::minutes_signed, std::string(meeting_id), std::move(seat_id), day, {}),
               opts);
        return minutes_.at(std::string(meeting_id));
    }

    /// MIN-2: the signed minutes are published on the collaboration's website; from then on they are final.
    const minutes_record& publish_minutes(std::string_view meeting_id, date day, const step_options& opts = {}) {
        const auto& mt = meeting_at(meeting_id);
        commit(detail::events::make(event_kind::minutes_published, std::string(meeting_id), mt.meeting_forum().id, day,
                                    {}),
               opts);
        return minutes_.at(std::string(meeting_id));
    }

    /// The latest notice of the meeting, or nullptr when none was issued.
    [[nodiscard]] const event* notice_of(std::string_view meeting_id) const {
        const auto it = notices_.find(meeting_id);
        return it == notices_.end() ? nullptr : &events_[it->second];
    }

    /// Where the meeting's minutes stand.
    [[nodiscard]] minutes_record minutes_of(std::string_view meeting_id) const {
        (void)meeting_at(meeting_id);
        const auto it = minutes_.find(meeting_id);
        return it == minutes_.end() ? minutes_record{} : it->second;
    }

    /// MTG-2: the recipients of a notice for a meeting of the forum: its ordinary seats and its substitutes.
    [[nodiscard]] std::vector<std::string> notice_recipients(std::string_view forum_id) const {
        std::vector<std::string> out;
        for (const auto& s : rules_->forum_by_id(forum_id).seats) out.push_back(s.id);
        return out;
    }

    /// RGT-3: the forums whose process leaders convene the meetings of `forum_id` (those that support it, STR-6).
    [[nodiscard]] std::vector<std::string> notice_issuers(std::string_view forum_id) const {
        std::vector<std::string> out;
        for (const auto& edge : graph_->edges())
            if (edge.type == relation_type::supports && edge.to == forum_id &&
                std::find(out.begin(), out.end(), edge.from) == out.end())
                out.push_back(edge.from);
        return out;
    }

    // ---- reading ------------------------------------------------------------------------------------

    [[nodiscard]] const ruleset& rules() const noexcept { return *rules_; }
    [[nodiscard]] const ruleset_ptr& rules_ptr() const noexcept { return rules_; }
    [[nodiscard]] const std::vector<event>& events() const noexcept { return events_; }
    [[nodiscard]] const std::map<std::string, matter, std::less<>>& matters() const noexcept { return matters_; }
    [[nodiscard]] const std::map<std::string, meeting, std::less<>>& meetings() const noexcept { return meetings_; }

    [[nodiscard]] const matter& matter_at(std::string_view id) const {
        const auto it = matters_.find(id);
        if (it == matters_.end()) throw unknown_id("matter", std::string(id));
        return it->second;
    }
    [[nodiscard]] const meeting& meeting_at(std::string_view id) const {
        const auto it = meetings_.find(id);
        if (it == meetings_.end()) throw unknown_id("meeting", std::string(id));
        return it->second;
    }

    /// CNS-5: the matter's adoption on `on`, aggregated by the ruleset's `in_force_when`.
    [[nodiscard]] adoption_summary adoption(std::string_view id, date on) const {
        return matter_at(id).adoption(rules_->meeting.in_force, on);
    }

    /// The forced steps, in log order (PLN-4: the minutes show them as avvikelser).
    [[nodiscard]] std::vector<violation> violations() const {
        std::vector<violation> out;
        for (std::size_t i = 0; i < events_.size(); ++i)
            if (events_[i].forced)
                out.push_back({i, events_[i].kind, events_[i].subject, events_[i].breaks, events_[i].reason});
        return out;
    }

    /// Each action on the matter, whether it is allowed now (on `on`), and the rule that allows or blocks it.
    [[nodiscard]] std::vector<next_step> next_steps(std::string_view id, date on) const {
        const matter& m = matter_at(id);
        std::vector<next_step> out;
        for (const auto action : {matter_action::prepare, matter_action::place_on_agenda, matter_action::consider,
                                  matter_action::set_deadline, matter_action::record_adoption}) {
            next_step s;
            s.action = action;
            const std::string_view blocked = blocking_rule(m.state(), action);
            s.allowed = blocked.empty();
            s.rule = s.allowed ? allowing_rule(m, action) : std::string(blocked);
            s.note = s.allowed ? allowed_note(m, action, on)
                               : "'" + m.id() + "' is " + std::string(to_string(m.state())) + ": " +
                                     blocked_note(m.state(), action);
            out.push_back(std::move(s));
        }
        return out;
    }

    /// Rebuilds matters and meetings from stored events, checking each as if it were taken now. A log that is too
    /// long, or whose events break the rules without being flagged as forced, are malformed, out of order or
    /// record a ruling the meeting engine does not give, is refused with log_error naming the first such event.
    [[nodiscard]] static event_log replay(ruleset_ptr rules, const std::vector<event>& events) {
        if (events.size() > max_log_events)
            throw invalid_argument("an event log of " + std::to_string(events.size()) + " events is longer than " +
                                   std::to_string(max_log_events) + " (max_log_events)");
        event_log log(std::move(rules));
        log.events_.reserve(events.size());
        for (std::size_t i = 0; i < events.size(); ++i) {
            event e = events[i];
            const std::string what = std::string(to_string(e.kind)) + " '" + e.subject + "'";
            try {
                log.apply(e, nullptr, i);
            } catch (const rule_violation& v) {
                throw log_error(i, v.rule(), what + ": " + v.what());
            } catch (const error& x) {
                throw log_error(i, {}, what + ": " + x.what());
            }
            log.events_.push_back(std::move(e));
        }
        return log;
    }

private:
    struct breach {
        std::string rule;
        std::string message;
        bool right = false;  ///< a rights rule: refused as not_permitted
    };

    /// Checks and applies a step taken now, and appends its event.
    std::size_t commit(event e, const step_options& opts) {
        if (events_.size() >= max_log_events)
            throw invalid_argument("the event log is full: it holds " + std::to_string(max_log_events) +
                                   " events (max_log_events)");
        e.forced = false;
        e.breaks.clear();
        e.reason.clear();
        events_.reserve(events_.size() + 1);  // so that appending cannot fail after the step is applied
        apply(e, &opts, events_.size());
        events_.push_back(std::move(e));
        return events_.size() - 1;
    }

    /// The one place a step is checked and applied, now (`live`: the options it is taken with) or in a replay
    /// (`live` null: the event is compared, never changed). A step taken now throws before changing anything; in a
    /// replay, a ruling that differs from the recorded one refuses the whole log.
    void apply(event& e, const step_options* live, std::size_t index) {
        if (!e.day.ok()) throw invalid_argument("the event's day is not a calendar date");
        switch (e.kind) {
            case event_kind::raised:
                return apply_raised(e, live, index);
            case event_kind::prepared:
                return apply_prepared(e, live, index);
            case event_kind::placed_on_agenda:
                return apply_placed(e, live, index);
            case event_kind::considered:
                return apply_considered(e, live, index);
            case event_kind::deadline_set:
                return apply_deadline(e, live, index);
            case event_kind::adoption_recorded:
                return apply_adoption(e, live, index);
            case event_kind::meeting_opened:
                return apply_opened(e, live);
            case event_kind::arrived:
            case event_kind::left:
                return apply_attendance(e, live);
            case event_kind::item_considered:
                return apply_item(e, live);
            case event_kind::notice_issued:
                return apply_notice(e, live, index);
            case event_kind::minutes_signed:
                return apply_signed(e, live);
            case event_kind::minutes_published:
                return apply_published(e, live);
        }
        throw invalid_argument("unknown event kind");
    }

    /// A rule broken: refused unless forced with a reason; in a replay, accepted only when flagged with that rule.
    static void settle(event& e, const std::optional<breach>& b, const step_options* live) {
        if (live) {
            if (!b) return;
            if (!live->force && b->right) throw not_permitted(b->rule, b->message);
            if (!live->force) throw rule_violation(b->rule, b->message);
            if (live->reason.empty())
                throw invalid_argument("a forced step needs a reason; this one breaks " + b->rule + ": " + b->message);
            e.forced = true;
            e.breaks = b->rule;
            e.reason = live->reason;
            return;
        }
        if (b && !e.forced) throw rule_violation(b->rule, b->message);
        if (!e.forced) return;
        if (e.reason.empty()) throw invalid_argument("the event is flagged as forced but gives no reason");
        if (!b) throw invalid_argument("the event is flagged as breaking " + e.breaks + " but breaks no rule");
        if (b->rule != e.breaks)
            throw rule_violation(
                b->rule, "the event is flagged as breaking " + e.breaks + " but breaks " + b->rule + ": " + b->message);
    }

    /// The rule ids a step applies: recorded now, compared in a replay.
    static void settle_rules(event& e, std::vector<std::string> applied, const step_options* live) {
        if (live) {
            e.rules = std::move(applied);
        } else if (e.rules != applied) {
            throw invalid_argument("the event records the rules " + detail::events::list_text(e.rules) +
                                   " but the step applies " + detail::events::list_text(applied));
        }
    }

    static void require_facts(const event& e, std::initializer_list<std::string_view> names) {
        if (e.facts.size() != names.size())
            throw invalid_argument("the " + std::string(to_string(e.kind)) + " event has " +
                                   std::to_string(e.facts.size()) + " facts; it takes " + std::to_string(names.size()));
        for (const auto name : names)
            if (!e.find(name))
                throw invalid_argument("the " + std::string(to_string(e.kind)) + " event lacks the fact '" +
                                       std::string(name) + "'");
    }

    /// The event's matter, changed in place only after every check of the step has passed.
    matter& existing(const event& e, date floor_of_matter(const matter&)) {
        const auto it = matters_.find(e.subject);
        if (it == matters_.end()) throw unknown_id("matter", e.subject);
        matter& m = it->second;
        const date floor = floor_of_matter(m);
        if (e.day < floor)
            throw invalid_argument("dated " + to_iso_string(e.day) + ", before the matter's step on " +
                                   to_iso_string(floor) + " that it follows");
        return m;
    }
    static date after_last(const matter& m) { return m.last_day_; }
    static date after_consideration(const matter& m) { return m.considered_on_; }

    std::optional<breach> sequence(const matter& m, matter_action action) const {
        const std::string_view rule = blocking_rule(m.state_, action);
        if (rule.empty()) return std::nullopt;
        return breach{std::string(rule),
                      "'" + m.id_ + "' is " + std::string(to_string(m.state_)) + ": " + blocked_note(m.state_, action)};
    }

    static std::string blocked_note(matter_state state, matter_action action) {
        if (state == matter_state::removed) return "a removed matter may come back only as a new matter";
        switch (action) {
            case matter_action::prepare:
                return state == matter_state::on_agenda ? "a matter is prepared before it reaches the agenda"
                                                        : "the position is taken; a change is a new matter";
            case matter_action::place_on_agenda:
                return state == matter_state::raised || state == matter_state::referred_back
                           ? "only a prepared matter is placed on the agenda"
                           : "the position is taken; a change is a new matter";
            case matter_action::consider:
                return state == matter_state::position || state == matter_state::in_adoption
                           ? "the position is taken; a change is a new matter"
                           : "only a prepared matter on the agenda is considered";
            case matter_action::set_deadline:
            case matter_action::record_adoption:
                return "only a directional position is adopted by the bodies";
        }
        return {};
    }

    /// STR-1, STR-2: the rule of the edge by which `by` prepares for `forum`, else the rule of any preparation
    /// edge into `forum`, else STR-1.
    std::string preparation_rule(std::string_view by, std::string_view forum_id) const {
        std::string any;
        for (const auto& edge : graph_->edges()) {
            if (edge.type != relation_type::prepares_for || edge.to != forum_id) continue;
            if (edge.from == by) return edge.rule;
            if (any.empty()) any = edge.rule;
        }
        return any.empty() ? std::string("STR-1") : any;
    }

    std::string allowing_rule(const matter& m, matter_action action) const {
        switch (action) {
            case matter_action::prepare:
                return preparation_rule({}, m.forum_);
            case matter_action::place_on_agenda:
                return "MTG-3";
            case matter_action::consider:
                return m.referrals_ >= rules_->meeting.max_referrals ? "CNS-3" : "CNS-2";
            case matter_action::set_deadline:
            case matter_action::record_adoption:
                return "CNS-5";
        }
        return {};
    }

    std::string allowed_note(const matter& m, matter_action action, date on) const {
        switch (action) {
            case matter_action::prepare:
                return "by " + detail::events::list_text(graph_->preparers_of(m.forum_));
            case matter_action::place_on_agenda:
                return "on the agenda of a meeting of " + m.forum_;
            case matter_action::consider:
                if (m.referrals_ >= rules_->meeting.max_referrals)
                    return "referred back " + std::to_string(m.referrals_) + " times (max_referrals " +
                           std::to_string(rules_->meeting.max_referrals) + "): without consensus only removal remains";
                return "by a meeting of " + m.forum_ + "; referred back " + std::to_string(m.referrals_) +
                       " times so far";
            case matter_action::set_deadline:
            case matter_action::record_adoption: {
                const auto s = m.adoption(rules_->meeting.in_force, on);
                std::vector<std::string> pending;
                for (const auto& c : m.cases_)
                    if (c.state == adoption_state::pending) pending.push_back(c.body);
                return "pending: " + detail::events::list_text(pending) +
                       "; overdue: " + detail::events::list_text(s.overdue);
            }
        }
        return {};
    }

    /// STR-4, STR-8: the rules of the edges along which the matter travels from the raising forum.
    std::vector<std::string> rules_along(const std::vector<std::string>& path) const {
        std::vector<std::string> out;
        const auto edges = graph_->edges();
        for (std::size_t i = 0; i + 1 < path.size(); ++i)
            for (const auto& edge : edges)
                if (edge.from == path[i] && edge.to == path[i + 1] && escalates(edge.type) &&
                    std::find(out.begin(), out.end(), edge.rule) == out.end())
                    out.push_back(edge.rule);
        return out;
    }

    void apply_raised(event& e, const step_options* live, std::size_t index) {
        if (e.find("directional"))
            require_facts(e, {"forum", "title", "directional"});
        else
            require_facts(e, {"forum", "title"});
        if (e.subject.empty()) throw invalid_argument("a matter needs an id");
        if (matters_.find(e.subject) != matters_.end())
            throw invalid_argument("a matter '" + e.subject +
                                   "' exists already; a removed matter comes back only as a new matter, under a new id "
                                   "(CNS-3)");
        const auto& target = detail::events::text(e, "forum");
        const forum& raiser = rules_->forum_by_id(e.by);
        (void)rules_->forum_by_id(target);
        std::optional<breach> b;
        std::vector<std::string> applied;
        if (e.by != target) {
            const auto path = graph_->path(e.by, target);
            if (path.empty())
                b = breach{raiser.level == level::operational ? "STR-4" : "STR-8",
                           "forum '" + e.by + "' has no way up to '" + target +
                               "' in the structure; a matter is raised by a forum that reaches the forum it is for"};
            else
                applied = rules_along(path);
        }
        settle(e, b, live);
        if (b) applied = {b->rule};
        settle_rules(e, std::move(applied), live);
        matter m(e.subject, detail::events::text(e, "title"), target, e.by, e.day);
        m.directional_ = e.find("directional") && detail::events::flag(e, "directional");
        m.history_.push_back(index);
        matters_.emplace(e.subject, std::move(m));
    }

    void apply_prepared(event& e, const step_options* live, std::size_t index) {
        require_facts(e, {});
        matter& m = existing(e, &after_last);
        (void)rules_->forum_by_id(e.by);
        const std::string rule = preparation_rule(e.by, m.forum_);
        auto b = sequence(m, matter_action::prepare);
        if (!b) {
            const auto preparers = graph_->preparers_of(m.forum_);
            if (std::find(preparers.begin(), preparers.end(), e.by) == preparers.end())
                b = breach{rule, "'" + e.by + "' does not prepare the matters of '" + m.forum_ +
                                     "'; its preparers are " + detail::events::list_text(preparers)};
        }
        settle(e, b, live);
        settle_rules(e, {b ? b->rule : rule}, live);
        m.state_ = matter_state::prepared;
        m.preparers_.push_back(e.by);
        finish(m, e, index);
    }

    void apply_placed(event& e, const step_options* live, std::size_t index) {
        require_facts(e, {});
        matter& m = existing(e, &after_last);
        if (e.by != m.forum_)
            throw invalid_argument("'" + e.by + "' cannot place a matter of '" + m.forum_ + "' on its agenda");
        const auto b = sequence(m, matter_action::place_on_agenda);
        settle(e, b, live);
        settle_rules(e, {b ? b->rule : std::string("MTG-3")}, live);
        m.state_ = matter_state::on_agenda;
        finish(m, e, index);
    }

    /// Compares or records the outcome of the meeting engine's ruling.
    static void settle_ruling(event& e, const ruling& r, const step_options* live, std::size_t item_facts) {
        std::vector<fact> result{{"outcome", std::string(to_string(r.result()))},
                                 {"referrals_after", std::int64_t{r.referrals()}}};
        if (live) {
            e.facts.insert(e.facts.end(), result.begin(), result.end());
            e.steps = r.steps();
            e.rules = r.rules();
            return;
        }
        if (e.facts.size() != item_facts + result.size() ||
            !std::equal(result.begin(), result.end(), e.facts.end() - static_cast<std::ptrdiff_t>(result.size())))
            throw invalid_argument("the event records an outcome the meeting engine does not give: it gives " +
                                   std::string(to_string(r.result())) + " with " + std::to_string(r.referrals()) +
                                   " referrals");
        if (e.steps != r.steps()) throw invalid_argument("the event's ruling steps differ from the meeting engine's");
        if (e.rules != r.rules()) throw invalid_argument("the event's rule ids differ from the meeting engine's");
    }

    meeting& open_meeting_for(const event& e, std::string_view id) {
        const auto it = meetings_.find(id);
        if (it == meetings_.end()) throw unknown_id("meeting", std::string(id));
        if (e.day != it->second.setup().day)
            throw invalid_argument("dated " + to_iso_string(e.day) + "; the meeting '" + std::string(id) + "' is on " +
                                   to_iso_string(it->second.setup().day));
        return it->second;
    }

    void apply_considered(event& e, const step_options* live, std::size_t index) {
        constexpr std::size_t item_facts = 9;  // meeting, the seven of the item, directional
        if (e.facts.size() < item_facts) throw invalid_argument("the considered event lacks facts");
        matter& m = existing(e, &after_last);
        const auto& meeting_id = detail::events::text(e, "meeting");
        meeting& mt = open_meeting_for(e, meeting_id);
        if (mt.meeting_forum().id != m.forum_ || e.by != m.forum_)
            throw invalid_argument("'" + m.id_ + "' is a matter of '" + m.forum_ + "'; meeting '" + meeting_id +
                                   "' is of '" + mt.meeting_forum().id + "'");
        const agenda_item item = detail::events::item_of(e);
        const bool directional = detail::events::flag(e, "directional");
        if (item.referrals != m.referrals_)
            throw invalid_argument("the item gives " + std::to_string(item.referrals) +
                                   " earlier referrals; the matter has " + std::to_string(m.referrals_) + " (CNS-3)");
        auto b = sequence(m, matter_action::consider);
        if (!b) b = settled_minutes(meeting_id);
        settle(e, b, live);  // before the meeting decides: a refusal changes nothing
        auto adopters = directional ? graph_->adopters_of(m.forum_) : std::vector<std::string>{};
        // The meeting engine decides, changing the meeting only when it does not refuse; the matter never
        // re-decides. In a replay a ruling that differs from the event's refuses the whole log.
        const ruling r = mt.consider(item);
        settle_ruling(e, r, live, item_facts);
        switch (r.result()) {
            case outcome::position:  // CNS-1; CNS-5 for a directional position
                m.directional_ = directional;
                m.state_ = directional ? matter_state::in_adoption : matter_state::position;
                if (directional)
                    for (auto& body : adopters) {
                        adoption_case c;
                        c.body = std::move(body);
                        m.cases_.push_back(std::move(c));
                    }
                break;
            case outcome::referred_back:  // CNS-3: back to preparation, with the reason
                m.state_ = matter_state::referred_back;
                m.referrals_ = r.referrals();
                m.referral_reason_ = item.reason;
                break;
            case outcome::removed:  // CNS-3: closed
                m.state_ = matter_state::removed;
                break;
            case outcome::not_quorate:     // CNS-4: stays on the list
            case outcome::not_dealt_with:  // QRM-6
                m.state_ = matter_state::on_agenda;
                break;
        }
        m.last_meeting_ = meeting_id;
        m.considered_on_ = e.day;
        finish(m, e, index);
    }

    adoption_case* case_of(matter& m, std::string_view body) const {
        const auto it =
            std::find_if(m.cases_.begin(), m.cases_.end(), [&](const adoption_case& c) { return c.body == body; });
        return it == m.cases_.end() ? nullptr : &*it;
    }

    breach not_an_adopter(const matter& m, const std::string& body) const {
        return {"CNS-5", "'" + body + "' does not adopt the positions of '" + m.forum_ + "'; the bodies that do are " +
                             detail::events::list_text(graph_->adopters_of(m.forum_))};
    }

    void apply_deadline(event& e, const step_options* live, std::size_t index) {
        require_facts(e, {"body", "deadline"});
        matter& m = existing(e, &after_consideration);
        if (e.by != m.forum_)
            throw invalid_argument("'" + e.by + "' cannot set a deadline for a matter of '" + m.forum_ + "'");
        const auto& body = detail::events::text(e, "body");
        const date deadline = detail::events::day(e, "deadline");
        if (!body.empty()) (void)rules_->body_by_id(body);
        auto b = sequence(m, matter_action::set_deadline);
        if (!b && !body.empty() && !case_of(m, body)) b = not_an_adopter(m, body);
        settle(e, b, live);
        settle_rules(e, {"CNS-5"}, live);
        if (body.empty()) {
            for (auto& c : m.cases_) c.deadline = deadline;
        } else if (auto* c = case_of(m, body)) {
            c->deadline = deadline;
        } else {
            adoption_case added;
            added.body = body;
            added.deadline = deadline;
            m.cases_.push_back(std::move(added));
        }
        finish(m, e, index);
    }

    void apply_adoption(event& e, const step_options* live, std::size_t index) {
        require_facts(e, {"state", "reference"});
        matter& m = existing(e, &after_consideration);
        (void)rules_->body_by_id(e.by);
        const auto state = enum_from_string<adoption_state>(detail::events::text(e, "state"));
        if (!state || *state == adoption_state::pending)
            throw invalid_argument(
                "a body's decision is adopted, adopted_with_changes, declined or not_applicable, not '" +
                detail::events::text(e, "state") + "'");
        auto b = sequence(m, matter_action::record_adoption);
        if (!b && !case_of(m, e.by)) b = not_an_adopter(m, e.by);
        const auto& reference = detail::events::text(e, "reference");
        settle(e, b, live);
        settle_rules(e, {"CNS-5"}, live);
        adoption_case* c = case_of(m, e.by);
        if (!c) {
            adoption_case added;
            added.body = e.by;
            m.cases_.push_back(std::move(added));
            c = &m.cases_.back();
        }
        c->state = *state;
        c->decided = e.day;
        c->reference = reference;
        finish(m, e, index);
    }

    void finish(matter& m, const event& e, std::size_t index) {
        m.history_.push_back(index);
        m.last_day_ = std::max(m.last_day_, e.day);
    }

    void apply_opened(event& e, const step_options* live) {
        if (e.subject.empty()) throw invalid_argument("a meeting needs an id");
        if (meetings_.find(e.subject) != meetings_.end())
            throw invalid_argument("a meeting '" + e.subject + "' is in the log already");
        meeting_setup setup;
        setup.forum = detail::events::text(e, "forum");
        setup.day = e.day;
        setup.present = detail::events::ids(e, "present");
        setup.remote = detail::events::ids(e, "remote");
        std::size_t expected = 3;
        if (e.find("chair")) {
            setup.chair = detail::events::text(e, "chair");
            ++expected;
        }
        if (e.find("vice_chair")) {
            setup.vice_chair = detail::events::text(e, "vice_chair");
            ++expected;
        }
        for (const auto& f : e.facts) {
            if (!f.name.starts_with("person:")) continue;
            const auto* who = std::get_if<std::vector<std::string>>(&f.value);
            if (!who || who->size() != 3)
                throw invalid_argument("the fact '" + f.name + "' is not [name, born, member_since]");
            person p;
            p.name = (*who)[0];
            p.born = detail::events::optional_day((*who)[1]);
            p.member_since = detail::events::optional_day((*who)[2]);
            if (!setup.people.emplace(f.name.substr(7), std::move(p)).second)
                throw invalid_argument("the fact '" + f.name + "' is given twice");
            ++expected;
        }
        if (e.facts.size() != expected) throw invalid_argument("the meeting_opened event has facts it does not take");
        if (e.by != setup.forum) throw invalid_argument("a meeting of '" + setup.forum + "' is opened by that forum");
        meeting opened(rules_, setup);  // § 0, CMP-5, RGT-4 and duplicate seats are refused here
        settle(e, std::nullopt, live);
        settle_rules(e, {"QRM-5"}, live);
        meetings_.emplace(e.subject, std::move(opened));
    }

    void apply_attendance(event& e, const step_options* live) {
        meeting& mt = open_meeting_for(e, e.subject);
        settle(e, settled_minutes(e.subject), live);
        if (e.kind == event_kind::arrived) {
            require_facts(e, {"remote"});
            const bool remote = detail::events::flag(e, "remote");
            settle_rules(e, remote ? std::vector<std::string>{"QRM-5", "QRM-7"} : std::vector<std::string>{"QRM-5"},
                         live);
            mt.arrive(e.by, remote);  // RGT-4 refuses a seat the forum does not have, changing nothing
        } else {
            require_facts(e, {"reason"});
            const auto why = enum_from_string<leave_reason>(detail::events::text(e, "reason"));
            if (!why) throw invalid_argument("a member leaves for a reason " + detail::enum_choices<leave_reason>());
            settle_rules(e, {*why == leave_reason::disqualified ? "QRM-4" : "QRM-5"}, live);
            mt.leave(e.by, *why);
        }
    }

    void apply_item(event& e, const step_options* live) {
        constexpr std::size_t item_facts = 7;
        if (e.facts.size() < item_facts) throw invalid_argument("the item_considered event lacks facts");
        meeting& mt = open_meeting_for(e, e.subject);
        if (e.by != mt.meeting_forum().id)
            throw invalid_argument("an item of a meeting of '" + mt.meeting_forum().id +
                                   "' is considered by that forum");
        settle(e, settled_minutes(e.subject), live);
        const ruling r = mt.consider(detail::events::item_of(e));  // unchanged when the engine refuses
        settle_ruling(e, r, live, item_facts);  // in a replay, a differing ruling refuses the whole log
    }

    /// MIN-2: signed minutes are the record of the meeting, published ones final; the meeting changes no more.
    std::optional<breach> settled_minutes(std::string_view meeting_id) const {
        const auto it = minutes_.find(meeting_id);
        if (it == minutes_.end() || it->second.status == minutes_status::draft) return std::nullopt;
        return breach{"MIN-2", "the minutes of '" + std::string(meeting_id) + "' are " +
                                   std::string(to_string(it->second.status)) +
                                   "; the meeting they record changes no more"};
    }

    void apply_notice(event& e, const step_options* live, std::size_t index) {
        require_facts(e, {"forum", "meeting_day", "recipients"});
        if (e.subject.empty()) throw invalid_argument("a notice needs the id of the meeting it convenes");
        const auto& forum_id = detail::events::text(e, "forum");
        const date meeting_day = detail::events::day(e, "meeting_day");
        const forum& f = rules_->forum_by_id(forum_id);
        if (const auto it = meetings_.find(e.subject); it != meetings_.end())
            if (it->second.meeting_forum().id != f.id || it->second.setup().day != meeting_day)
                throw invalid_argument("the meeting '" + e.subject + "' is of '" + it->second.meeting_forum().id +
                                       "' on " + to_iso_string(it->second.setup().day) + ", not of '" + f.id + "' on " +
                                       to_iso_string(meeting_day));
        // MTG-2: ordinary members and substitutes alike are convened.
        auto recipients = notice_recipients(f.id);
        auto* given = std::get_if<std::vector<std::string>>(&e.facts[2].value);
        if (e.facts[2].name != "recipients" || !given)
            throw invalid_argument("the notice_issued event's third fact is not the list 'recipients'");
        if (!live && *given != recipients)
            throw invalid_argument("the notice names the recipients " + detail::events::list_text(*given) +
                                   "; MTG-2 convenes every seat of '" + f.id +
                                   "': " + detail::events::list_text(recipients));
        // RGT-3: a process leader of a supporting forum issues it, on the chair's behalf.
        std::optional<breach> b;
        const auto issuers = notice_issuers(f.id);
        const bool leader = std::any_of(issuers.begin(), issuers.end(), [&](const std::string& s) {
            return e.by == s || (e.by.size() > s.size() + 1 && e.by.starts_with(s) && e.by[s.size()] == '/');
        });
        if (!leader)
            b = breach{"RGT-3",
                       "'" + e.by + "' is no process leader of a forum that supports '" + f.id +
                           "'; only a process leader issues the notice, on the chair's behalf (the forums whose "
                           "process leaders may: " +
                           detail::events::list_text(issuers) + ")",
                       true};
        // MTG-2: the notice period, when the ruleset has one.
        const auto before = (std::chrono::sys_days(meeting_day) - std::chrono::sys_days(e.day)).count();
        const int period = rules_->meeting.notice_days;
        if (!b && before < 0)
            b = breach{"MTG-2", "a notice issued on " + to_iso_string(e.day) + " comes after the meeting on " +
                                    to_iso_string(meeting_day)};
        else if (!b && before < period)
            b = breach{"MTG-2", "a notice issued on " + to_iso_string(e.day) + " is " + std::to_string(before) +
                                    " days before the meeting on " + to_iso_string(meeting_day) +
                                    "; the ruleset's notice_days asks for at least " + std::to_string(period)};
        settle(e, b, live);
        settle_rules(e, {"MTG-2", "RGT-3"}, live);
        if (live) *given = std::move(recipients);
        notices_[e.subject] = index;
    }

    /// The meeting a minutes step is for, dated on or after the meeting.
    const meeting& minuted_meeting(const event& e) const {
        const meeting& mt = meeting_at(e.subject);
        if (e.day < mt.setup().day)
            throw invalid_argument("dated " + to_iso_string(e.day) + ", before the meeting on " +
                                   to_iso_string(mt.setup().day) + " that the minutes record");
        return mt;
    }

    void apply_signed(event& e, const step_options* live) {
        require_facts(e, {});
        const meeting& mt = minuted_meeting(e);
        const minutes_record now = minutes_of(e.subject);
        std::vector<std::string> presided;
        for (const auto& r : mt.rulings())
            if (const auto p = r.presiding(); p && std::find(presided.begin(), presided.end(), *p) == presided.end())
                presided.push_back(*p);
        std::optional<breach> b;
        if (now.status != minutes_status::draft)
            b = breach{"MIN-2", "the minutes of '" + e.subject + "' are " + std::string(to_string(now.status)) +
                                    " already (by " + now.signed_by + ")"};
        else if (std::find(presided.begin(), presided.end(), e.by) == presided.end())
            b = breach{"RGT-2",
                       "'" + e.by + "' did not preside at '" + e.subject +
                           "'; only the person who presided signs the minutes (who presided: " +
                           detail::events::list_text(presided) + ")",
                       true};
        settle(e, b, live);
        settle_rules(e, {"RGT-2", "MIN-2"}, live);
        auto& rec = minutes_[e.subject];
        if (rec.status == minutes_status::draft) rec.status = minutes_status::signed_;  // forced: published stays
        rec.signed_by = e.by;
        rec.signed_on = e.day;
    }

    void apply_published(event& e, const step_options* live) {
        require_facts(e, {});
        const meeting& mt = minuted_meeting(e);
        if (e.by != mt.meeting_forum().id)
            throw invalid_argument("the minutes of a meeting of '" + mt.meeting_forum().id + "' are published by it");
        const minutes_record now = minutes_of(e.subject);
        if (now.signed_on && e.day < *now.signed_on) throw invalid_argument("dated before the signing it follows");
        std::optional<breach> b;
        if (now.status == minutes_status::published)
            b = breach{"MIN-2", "the minutes of '" + e.subject + "' are published already and final"};
        else if (now.status == minutes_status::draft)
            b = breach{"MIN-2", "the minutes of '" + e.subject +
                                    "' are not signed; the person who presided signs them before they are published"};
        settle(e, b, live);
        settle_rules(e, {"MIN-2"}, live);
        auto& rec = minutes_[e.subject];
        rec.status = minutes_status::published;
        rec.published_on = e.day;
    }

    ruleset_ptr rules_;
    std::shared_ptr<const structure> graph_;
    std::vector<event> events_;
    std::map<std::string, std::size_t, std::less<>> notices_;     ///< meeting id -> index of its latest notice
    std::map<std::string, minutes_record, std::less<>> minutes_;  ///< meeting id -> its minutes' signing
    std::map<std::string, matter, std::less<>> matters_;
    std::map<std::string, meeting, std::less<>> meetings_;
};

/// The log as JSON text: `{"samverkan_event_log": 1, "ruleset": "<id>", "events": [...]}` (docs/matters.md).
/// Refuses (invalid_argument) a text that event_log_from_json would not read: larger than max_log_bytes, or
/// with text that is not UTF-8. Defined in the compiled library.
[[nodiscard]] std::string to_json(const event_log& log);

/// Reads a log that to_json wrote and replays it under `rules`. Refuses text longer than max_log_bytes and a log
/// of more than max_log_events events before any work, a schema version other than event_log_schema (a newer one
/// by name), a log of another ruleset, and malformed or rule-breaking events (log_error, naming the first).
/// Defined in the compiled library.
[[nodiscard]] event_log event_log_from_json(ruleset_ptr rules, std::string_view text);

}  // namespace samverkan
