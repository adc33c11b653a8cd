// A meeting of a forum: for each agenda item, who serves, whether it is quorate, who presides and
// what the outcome is, each ruling explained (§ 4 QRM, § 5 CNS, § 10 RGT).
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
#include <vector>

#include <samverkan/date.hpp>
#include <samverkan/detail/enum_names.hpp>
#include <samverkan/detail/join.hpp>
#include <samverkan/errors.hpp>
#include <samverkan/explanation.hpp>
#include <samverkan/forum.hpp>
#include <samverkan/parameters.hpp>
#include <samverkan/quorum.hpp>
#include <samverkan/rotation.hpp>
#include <samverkan/ruleset.hpp>

namespace samverkan {

/// What became of an agenda item (CNS-1 … CNS-4).
enum class outcome : std::uint8_t {
    position,       ///< ställningstagande: consensus reached (CNS-1, CNS-2)
    referred_back,  ///< återremiss for renewed preparation (CNS-3)
    removed,        ///< avförd (CNS-3)
    not_quorate,    ///< not dealt with; stays on the list (CNS-4)
};

/// What the meeting chose to do with a matter without consensus (CNS-3); `unspecified` lets the
/// ruleset's `on_no_consensus` decide.
enum class no_consensus_choice : std::uint8_t { unspecified, refer_back, remove };

/// Why a member leaves between items (QRM-4, QRM-5).
enum class leave_reason : std::uint8_t {
    left,          ///< does not serve again at this meeting (QRM-5)
    disqualified,  ///< jäv: may come back and serve later (QRM-4)
};

/// The person holding a seat; birth dates decide who presides when chair and vice chair are absent.
struct person {
    std::string name;
    std::optional<date> born;
    std::optional<date> member_since;  ///< for presiding_fallback: longest_serving_then_eldest
};

/// Everything a meeting starts from.
struct meeting_setup {
    std::string forum = "politiskt_samrad";
    date day{};
    std::vector<std::string> present;  ///< seat ids present when the meeting opens
    std::vector<std::string> remote;   ///< seat ids taking part remotely (QRM-7); implies present
    std::optional<std::string> chair;
    std::optional<std::string> vice_chair;
    std::map<std::string, person, std::less<>> people;  ///< by seat id
};

/// One agenda item as put to the meeting.
struct agenda_item {
    std::string title;
    std::vector<std::string> objections;    ///< seat ids objecting (block consensus, CNS-2)
    std::vector<std::string> abstentions;   ///< seat ids standing aside (står utanför)
    std::vector<std::string> disqualified;  ///< seat ids jäviga in this item (QRM-4)
    int referrals = 0;                      ///< times the matter was referred back before (CNS-3)
    no_consensus_choice choice = no_consensus_choice::unspecified;
    std::string reason;                     ///< what renewed preparation must address (CNS-3)
};

/// The decision on one item, with the record that explains it.
struct ruling {
    std::string title;
    bool quorate = false;
    std::size_t served_ordinary = 0;  ///< ordinary seats filled by serving members
    std::size_t ordinary_seats = 0;
    std::size_t threshold = 0;        ///< QRM-3 figure
    std::vector<std::string> serving;                               ///< seat ids, sorted
    std::vector<std::pair<std::string, std::string>> substitutions; ///< (ordinary seat, substitute serving)
    std::optional<std::string> presiding;
    samverkan::outcome result = outcome::not_quorate;
    std::vector<std::string> objections;
    std::vector<std::string> abstentions;
    std::string reason;  ///< for referred_back and removed
    int referrals = 0;   ///< the matter's referral count after this item
    explanation why;

    [[nodiscard]] std::vector<std::string> rules() const { return why.rule_ids(); }
};

namespace detail {
template <>
struct enum_names<outcome> {
    static constexpr std::array<std::string_view, 4> names{"position", "referred_back", "removed", "not_quorate"};
};
template <>
struct enum_names<no_consensus_choice> {
    static constexpr std::array<std::string_view, 3> names{"unspecified", "refer_back", "remove"};
};
template <>
struct enum_names<leave_reason> {
    static constexpr std::array<std::string_view, 2> names{"left", "disqualified"};
};
}  // namespace detail

/// A meeting of one forum on one day. Attendance changes only between items (QRM-5); `consider`
/// decides an item and either returns a ruling or throws without changing the meeting.
class meeting {
public:
    meeting(ruleset_ptr rules, meeting_setup setup)
        : rules_(std::move(rules)), setup_(std::move(setup)), forum_(&rules_->forum_by_id(setup_.forum)) {
        const auto n = forum_->seats.size();
        if (n == 0) throw rule_violation("CMP-1", "forum '" + forum_->id + "' has no seats; nobody can meet in it");
        present_.assign(n, false);
        remote_.assign(n, false);
        left_.assign(n, false);
        serving_for_.assign(n, std::nullopt);
        for (const auto& id : setup_.present) present_[seat_index(id, "be present")] = true;
        for (const auto& id : setup_.remote) {
            const auto i = seat_index(id, "take part remotely");
            present_[i] = remote_[i] = true;
        }
        // CMP-5: chair and vice chair are elected from among the forum's members. Those not given come
        // from the rotation's term in force on the meeting's day (ROT-3a), as the ordinary seat of the body.
        if ((!setup_.chair || !setup_.vice_chair) && forum_->id == rules_->rotation.forum && setup_.day.ok() &&
            rules_->rotation.anchor <= setup_.day) {
            const term t = term_on(*rules_, setup_.day);
            if (!setup_.chair) setup_.chair = ordinary_seat_of(t.chair);
            if (!setup_.vice_chair) setup_.vice_chair = ordinary_seat_of(t.vice_chair);
            rotation_note_ = "chair " + t.chair + " and vice chair " + t.vice_chair + " of the rotation term " +
                             to_iso_string(t.start) + " – " + to_iso_string(t.end) + " (ROT-3a)";
        }
        if (setup_.chair) chair_ = office_seat(*setup_.chair, "chair");
        if (setup_.vice_chair) vice_ = office_seat(*setup_.vice_chair, "vice chair");
        for (const auto& [id, who] : setup_.people) (void)seat_index(id, "be listed among the people");
    }

    [[nodiscard]] const ruleset& rules() const noexcept { return *rules_; }
    [[nodiscard]] const forum& meeting_forum() const noexcept { return *forum_; }
    [[nodiscard]] const meeting_setup& setup() const noexcept { return setup_; }
    [[nodiscard]] const std::vector<ruling>& rulings() const noexcept { return rulings_; }

    /// A member arrives between items; an ordinary member takes the seat back at the next item (QRM-5).
    void arrive(std::string_view seat_id) {
        const auto i = seat_index(seat_id, "arrive");
        present_[i] = true;
        remote_[i] = false;
    }

    /// A member leaves between items. For a reason other than jäv the member does not serve again
    /// at this meeting (QRM-5).
    void leave(std::string_view seat_id, leave_reason why = leave_reason::left) {
        const auto i = seat_index(seat_id, "leave");
        present_[i] = false;
        if (why == leave_reason::left) left_[i] = true;
    }

    /// Decides one agenda item. Throws not_permitted (RGT-1, RGT-4) or rule_violation (QRM-6, CNS-2)
    /// without changing the meeting.
    ruling consider(const agenda_item& item) {
        auto [r, next] = decide(item);
        serving_for_ = std::move(next);
        rulings_.push_back(r);
        return r;
    }

private:
    using seat_flags = std::vector<bool>;
    using seat_assignment = std::vector<std::optional<std::size_t>>;  // per ordinary seat: the seat serving it

    std::size_t seat_index(std::string_view id, const char* action) const {
        if (const seat* s = forum_->find_seat(id)) return s->index;
        // RGT-4: a person who holds no seat cannot take part at all.
        throw not_permitted("RGT-4", "'" + std::string(id) + "' holds no seat in " + forum_->id + " and cannot " + action +
                                         detail::did_you_mean(id, forum_->seats | ranges::views::transform(&seat::id)));
    }

    /// The first ordinary seat of a body in this forum ("goteborg/ord1" for Göteborg).
    std::optional<std::string> ordinary_seat_of(const std::string& body_id) const {
        for (const auto& s : forum_->seats)
            if (s.body == body_id && s.kind == seat_kind::ordinary) return s.id;
        return std::nullopt;
    }

    std::size_t office_seat(const std::string& id, const char* office) const {
        if (const seat* s = forum_->find_seat(id)) return s->index;
        throw rule_violation("CMP-5", "the " + std::string(office) + " '" + id + "' holds no seat in " + forum_->id +
                                          "; the forum elects its presidium from among its members");
    }

    const seat& at(std::size_t i) const { return forum_->seats[i]; }

    bool in_scope(const seat& substitute, const seat& ordinary) const {
        switch (rules_->meeting.substitution) {
            case substitution_scope::same_body:
                return substitute.body == ordinary.body;
            case substitution_scope::same_party:
                return substitute.party == ordinary.party;
            case substitution_scope::same_side:
                return substitute.side == ordinary.side;
        }
        return false;
    }

    /// QRM-2, QRM-4, QRM-5: who fills each ordinary seat, given who is available for this item.
    seat_assignment assign(const seat_flags& available) const {
        const auto n = forum_->seats.size();
        seat_assignment next(n);
        seat_flags used(n, false);
        // Ordinary members present take their own seats; a serving substitute keeps the seat while
        // the ordinary member is still away and is not displaced by another substitute (QRM-5).
        for (std::size_t o = 0; o < n; ++o) {
            if (at(o).kind != seat_kind::ordinary) continue;
            if (available[o]) {
                next[o] = o;
            } else if (const auto s = serving_for_[o]; s && *s != o && available[*s] && !used[*s]) {
                next[o] = *s;
            } else {
                continue;
            }
            used[*next[o]] = true;
        }
        // Vacant seats go to the first available substitute in the ruleset's order (QRM-2).
        for (std::size_t o = 0; o < n; ++o) {
            if (at(o).kind != seat_kind::ordinary || next[o]) continue;
            for (std::size_t s = 0; s < n; ++s) {
                if (at(s).kind == seat_kind::substitute && available[s] && !used[s] && in_scope(at(s), at(o))) {
                    next[o] = s;
                    used[s] = true;
                    break;
                }
            }
        }
        return next;
    }

    struct presiding_result {
        std::optional<std::size_t> seat;
        std::string how;                    // the sentence for the explanation
        std::vector<std::string> unknown;   // candidates lacking the data the fallback needs
    };

    /// QRM-6: chair, vice chair, else the eldest present serving ordinary member.
    presiding_result presiding(const seat_flags& serving, bool on_site_only) const {
        const auto& p = rules_->meeting;
        auto can_preside = [&](std::size_t i) {
            if (!serving[i] || (on_site_only && remote_[i])) return false;
            return at(i).kind == seat_kind::ordinary || p.substitute_may_preside;
        };
        if (chair_ && can_preside(*chair_)) return {chair_, "the chair " + at(*chair_).id + " presides", {}};
        std::string why = chair_ ? "the chair " + at(*chair_).id + " cannot preside (absent, not serving or remote)"
                                 : "no chair was given";
        if (vice_ && can_preside(*vice_)) return {vice_, why + "; the vice chair " + at(*vice_).id + " presides", {}};
        why += vice_ ? "; the vice chair " + at(*vice_).id + " cannot preside either" : "; no vice chair was given";

        const bool by_tenure = p.presiding == presiding_fallback::longest_serving_then_eldest;
        std::optional<std::size_t> best;
        std::vector<std::string> unknown;
        auto person_of = [&](std::size_t i) -> const person* {
            const auto it = setup_.people.find(at(i).id);
            return it == setup_.people.end() ? nullptr : &it->second;
        };
        auto precedes = [&](std::size_t a, std::size_t b) {  // a presides before b
            const person* pa = person_of(a);
            const person* pb = person_of(b);
            if (by_tenure && pa->member_since != pb->member_since) return *pa->member_since < *pb->member_since;
            return *pa->born < *pb->born;  // born earlier: elder
        };
        for (std::size_t i = 0; i < forum_->seats.size(); ++i) {
            if (!can_preside(i)) continue;
            const person* who = person_of(i);
            if (who == nullptr || !who->born || (by_tenure && !who->member_since)) {
                unknown.push_back(at(i).id);
                continue;
            }
            if (!best || precedes(i, *best)) best = i;
        }
        if (!unknown.empty()) return {std::nullopt, why, unknown};
        if (!best) return {std::nullopt, why + "; no present serving member may preside", {}};
        const person* who = person_of(*best);
        return {best,
                why + "; " + (by_tenure ? "the longest-serving, then eldest, " : "the eldest ") +
                    "present serving member " + at(*best).id + (who->name.empty() ? "" : " (" + who->name + ")") +
                    ", born " + to_iso_string(*who->born) + ", presides",
                {}};
    }

    std::pair<ruling, seat_assignment> decide(const agenda_item& item) const {
        const auto& p = rules_->meeting;
        const auto n = forum_->seats.size();
        ruling r;
        r.title = item.title;
        r.referrals = item.referrals;
        if (item.referrals < 0) throw rule_violation("CNS-3", "a matter cannot have been referred back a negative number of times");

        // RGT-4 first: every id named must hold a seat.
        seat_flags disqualified(n, false);
        for (const auto& id : item.disqualified) disqualified[seat_index(id, "be disqualified")] = true;
        for (const auto& id : item.objections) (void)seat_index(id, "object");
        for (const auto& id : item.abstentions) (void)seat_index(id, "abstain");
        for (const auto& id : item.objections)
            if (std::find(item.abstentions.begin(), item.abstentions.end(), id) != item.abstentions.end())
                throw rule_violation("CNS-2", "'" + id + "' cannot both object and stand aside in one item");

        // QRM-4, QRM-5, QRM-7: who is available to serve in this item.
        auto available = [&](bool with_remote) {
            seat_flags a(n, false);
            for (std::size_t i = 0; i < n; ++i)
                a[i] = present_[i] && !left_[i] && !disqualified[i] && (!remote_[i] || with_remote);
            return a;
        };
        auto serving_of = [&](const seat_assignment& as) {
            seat_flags s(n, false);
            for (const auto& v : as)
                if (v) s[*v] = true;
            return s;
        };
        const bool any_remote = std::any_of(remote_.begin(), remote_.end(), [](bool b) { return b; });
        bool remote_counts = any_remote && p.remote.allowed;
        seat_assignment next = assign(available(remote_counts));
        auto pres = presiding(serving_of(next), p.remote.chair_on_site);
        if (remote_counts && p.remote.chair_on_site && !pres.seat && pres.unknown.empty()) {
            remote_counts = false;  // nobody on site can preside: remote presence does not count
            next = assign(available(false));
            pres = presiding(serving_of(next), true);
        }
        const seat_flags serving = serving_of(next);

        // Record who serves.
        std::vector<std::string> vacant;
        std::size_t by_substitute = 0;
        for (std::size_t o = 0; o < n; ++o) {
            if (at(o).kind != seat_kind::ordinary) continue;
            ++r.ordinary_seats;
            if (!next[o]) {
                vacant.push_back(at(o).id);
                continue;
            }
            ++r.served_ordinary;
            if (*next[o] != o) {
                ++by_substitute;
                r.substitutions.emplace_back(at(o).id, at(*next[o]).id);
            }
        }
        for (std::size_t i = 0; i < n; ++i)
            if (serving[i]) r.serving.push_back(at(i).id);
        std::sort(r.serving.begin(), r.serving.end());

        if (any_remote)
            r.why.add("QRM-7", remote_counts ? "remote participation counts as presence (allowed; the person presiding is on site)"
                                             : std::string("remote participation does not count: ") +
                                                   (p.remote.allowed ? "nobody on site can preside" : "the ruleset does not allow it"));
        if (!item.disqualified.empty())
            r.why.add("QRM-4", "disqualified (jäv) in this item, not counted: " + detail::join_ids(item.disqualified));
        std::vector<std::string> departed;
        for (std::size_t i = 0; i < n; ++i)
            if (left_[i]) departed.push_back(at(i).id);
        if (!departed.empty()) r.why.add("QRM-5", "left the meeting and do not serve again today: " + detail::join_ids(departed));
        {
            std::string text = std::to_string(r.served_ordinary - by_substitute) + " ordinary seats served by their own members";
            if (by_substitute > 0) {
                text += ", " + std::to_string(by_substitute) + " by substitutes (substitution_scope " +
                        std::string(to_string(p.substitution)) + "): ";
                for (std::size_t k = 0; k < r.substitutions.size(); ++k)
                    text += (k ? ", " : "") + r.substitutions[k].second + " for " + r.substitutions[k].first;
            }
            if (!vacant.empty()) text += "; empty: " + detail::join_ids(vacant);
            r.why.add("QRM-2", text);
        }

        // QRM-3: quorum over the ordinary seats.
        r.threshold = quorum_threshold(p.quorum, r.ordinary_seats);
        r.quorate = r.served_ordinary >= r.threshold;
        {
            const char* how = p.quorum.kind == quorum_kind::more_than_half ? "more than half"
                              : p.quorum.kind == quorum_kind::two_thirds   ? "at least two thirds"
                                                                           : "the ruleset's count";
            std::string text = std::to_string(r.served_ordinary) + " of " + std::to_string(r.ordinary_seats) +
                               " ordinary seats served; " + how + " needed, at least " + std::to_string(r.threshold);
            if (p.quorum.both_sides_present) {
                bool municipal = false, region = false;
                for (std::size_t i = 0; i < n; ++i)
                    if (serving[i]) (at(i).side == side::municipal ? municipal : region) = true;
                text += "; both sides must serve: municipalities " + std::string(municipal ? "yes" : "no") + ", region " +
                        (region ? "yes" : "no");
                r.quorate = r.quorate && municipal && region;
            }
            r.why.add("QRM-3", text + (r.quorate ? ": quorate" : ": not quorate"));
        }

        // RGT-1: only serving members take part in the consensus.
        auto check_serving = [&](const std::vector<std::string>& ids, const char* act) {
            for (const auto& id : ids) {
                const auto i = seat_index(id, act);
                if (!serving[i])
                    throw not_permitted("RGT-1", "'" + id + "' does not serve in item '" + item.title + "' and cannot " + act +
                                                     (present_[i] && !left_[i] && !disqualified[i]
                                                          ? " (attends with the right to speak, CMP-4, but takes no part)"
                                                          : " (not serving)"));
            }
        };
        check_serving(item.objections, "object");
        check_serving(item.abstentions, "abstain");

        if (!r.quorate) {
            r.result = outcome::not_quorate;
            r.why.add("CNS-4", "the item is not dealt with and stays on the list for the next meeting; no consensus was tried");
            return {std::move(r), std::move(next)};
        }

        // QRM-6: who presides.
        if (!pres.unknown.empty())
            throw rule_violation("QRM-6", pres.how + "; the fallback needs " +
                                              (p.presiding == presiding_fallback::eldest ? "birth dates" : "member_since and birth dates") +
                                              ", missing for: " + detail::join_ids(pres.unknown));
        if (pres.seat) r.presiding = at(*pres.seat).id;
        if (!rotation_note_.empty()) r.why.add("ROT-3a", "the presidium comes from the rotation: " + rotation_note_);
        r.why.add("QRM-6", pres.how);

        std::vector<std::string> attending;
        for (std::size_t i = 0; i < n; ++i)
            if (present_[i] && !left_[i] && !serving[i] && !disqualified[i]) attending.push_back(at(i).id);
        if (!attending.empty())
            r.why.add("RGT-1", "attend and may speak (CMP-4) but take no part in the consensus: " + detail::join_ids(attending));

        // CNS-2: consensus of the serving members.
        r.objections = item.objections;
        r.abstentions = item.abstentions;
        const bool unanimous = p.consensus == consensus_rule::unanimous_assent;
        const bool blocked = !item.objections.empty() || (unanimous && !item.abstentions.empty());
        {
            std::string text = std::to_string(r.serving.size()) + " serving members; ";
            text += item.objections.empty() ? "no objection" : "objection from " + detail::join_ids(item.objections);
            if (!item.abstentions.empty())
                text += "; standing aside: " + detail::join_ids(item.abstentions) +
                        (unanimous ? " (blocks: the ruleset requires unanimous assent)" : " (does not block)");
            r.why.add("CNS-2", text + (blocked ? ": no consensus" : ": consensus"));
        }
        if (!blocked) {
            r.result = outcome::position;
            r.why.add("CNS-1", "the outcome is a ställningstagande (a position), not a beslut");
            return {std::move(r), std::move(next)};
        }

        // CNS-3: återremiss or removal.
        const bool exhausted = item.referrals >= p.max_referrals;
        const auto choice = item.choice != no_consensus_choice::unspecified ? item.choice
                            : p.on_no_consensus == no_consensus_action::remove ? no_consensus_choice::remove
                                                                               : no_consensus_choice::refer_back;
        r.reason = !item.reason.empty() ? item.reason
                   : item.objections.empty()
                       ? "no unanimous assent: " + detail::join_ids(item.abstentions) + " stood aside"
                       : "objection from " + detail::join_ids(item.objections);
        if (exhausted || choice == no_consensus_choice::remove) {
            r.result = outcome::removed;
            r.why.add("CNS-3", exhausted ? "referred back " + std::to_string(item.referrals) + " time(s) before, max_referrals is " +
                                               std::to_string(p.max_referrals) + ": only removal remains; the matter is removed (avförs)"
                                         : std::string("the ") + (item.choice == no_consensus_choice::remove ? "meeting" : "ruleset") +
                                               " chose removal: the matter is removed (avförs); it may return only as a new matter");
        } else {
            r.result = outcome::referred_back;
            r.referrals = item.referrals + 1;
            r.why.add("CNS-3", "referred back (återremiss) for renewed preparation, referral " + std::to_string(r.referrals) + " of " +
                                   std::to_string(p.max_referrals) + "; to address: " + r.reason);
        }
        return {std::move(r), std::move(next)};
    }

    ruleset_ptr rules_;
    meeting_setup setup_;
    const forum* forum_;
    std::vector<bool> present_, remote_, left_;  // per seat index
    seat_assignment serving_for_;                     // per ordinary seat: who served it at the last item
    std::optional<std::size_t> chair_, vice_;
    std::string rotation_note_;  // set when chair or vice chair came from the rotation
    std::vector<ruling> rulings_;
};

}  // namespace samverkan
