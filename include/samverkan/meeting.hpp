// A meeting of a forum: a thin stateful shell over the kernel (kernel.hpp). It turns seat ids into masks,
// keeps who is present between items (QRM-5) and records each item's ruling (ruling.hpp).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <range/v3/view/transform.hpp>

#include <samverkan/date.hpp>
#include <samverkan/detail/enum_names.hpp>
#include <samverkan/detail/nearest.hpp>
#include <samverkan/errors.hpp>
#include <samverkan/kernel.hpp>
#include <samverkan/rotation.hpp>
#include <samverkan/ruleset.hpp>
#include <samverkan/ruling.hpp>

namespace samverkan {

/// Why a member leaves between items (QRM-4, QRM-5).
enum class leave_reason : std::uint8_t {
    left,          ///< does not serve again at this meeting (QRM-5)
    disqualified,  ///< jäv: may come back and serve later (QRM-4)
};

/// One agenda item as put to the meeting.
struct agenda_item {
    std::string title;
    std::vector<std::string> objections;    ///< seat ids objecting (block consensus, CNS-2)
    std::vector<std::string> abstentions;   ///< seat ids standing aside (står utanför)
    std::vector<std::string> disqualified;  ///< seat ids jäviga in this item (QRM-4)
    int referrals = 0;                      ///< times the matter was referred back before (CNS-3)
    no_consensus_choice choice = no_consensus_choice::unspecified;
    std::string reason;  ///< what renewed preparation must address (CNS-3)
};

namespace detail {
template <>
struct enum_names<leave_reason> {
    static constexpr std::array<std::string_view, 2> names{"left", "disqualified"};
};
}  // namespace detail

/// A meeting of one forum on one day. Attendance changes only between items (QRM-5); `consider`
/// decides an item through the kernel and either returns a ruling or throws without changing the meeting.
class meeting {
public:
    meeting(ruleset_ptr rules, const meeting_setup& setup)
        : meeting(compile_forum(std::move(rules), setup.forum), meeting_setup(setup)) {}

    /// A meeting of an already compiled forum (compile once, meet many times); setup.forum must name it.
    meeting(compiled_forum_ptr forum, meeting_setup setup) {
        auto ctx = std::make_shared<meeting_context>();
        ctx->forum = std::move(forum);
        ctx->setup = std::move(setup);
        context_ = ctx;  // completed below; shared as const by the rulings
        const meeting_setup& given = ctx->setup;
        const compiled_forum& cf = *ctx->forum;
        const ruleset& rs = *cf.rules;
        if (given.forum != cf.source->id)
            throw invalid_argument("meeting_setup.forum is '" + given.forum + "' but the compiled forum is '" +
                                   cf.source->id + "'");
        // § 0: a meeting is held under the version in force on its day.
        if (!given.day.ok()) throw invalid_argument("meeting_setup.day is not a calendar date");
        if (!rs.in_force_on(given.day))
            throw no_ruleset_in_force("ruleset " + rs.id + " is in force " + to_iso_string(rs.valid_from) + " – " +
                                      (rs.valid_to ? to_iso_string(*rs.valid_to) : std::string("until replaced")) +
                                      "; a meeting on " + to_iso_string(given.day) + " is outside it");
        present_ = mask_of(given.present, "be present", "present");
        remote_ = mask_of(given.remote, "take part remotely", "remote");
        present_ |= remote_;
        for (const auto& [id, who] : given.people) (void)index_of(id, "be listed among the people");

        // CMP-5: chair and vice chair hold ordinary seats of the forum, two different seats. Offices not given
        // come from the rotation's term in force on the day (ROT-3a), as the body's first ordinary seat.
        ctx->chair = given.chair;
        ctx->vice_chair = given.vice_chair;
        if ((!ctx->chair || !ctx->vice_chair) && cf.source->id == rs.rotation.forum &&
            rs.rotation.anchor <= given.day) {
            const term t = term_on(rs, given.day);
            if (!ctx->chair) ctx->chair = ordinary_seat_of(t.chair);
            if (!ctx->vice_chair) ctx->vice_chair = ordinary_seat_of(t.vice_chair);
            ctx->rotation = rotation_source{t.chair, t.vice_chair, t.start, t.end};
        }
        if (ctx->chair) ctx->order.chair = office_seat(*ctx->chair, "chair");
        if (ctx->vice_chair) ctx->order.vice_chair = office_seat(*ctx->vice_chair, "vice chair");
        if (ctx->chair && ctx->vice_chair && *ctx->chair == *ctx->vice_chair)
            throw rule_violation(
                "CMP-5", "chair and vice chair are both '" + *ctx->chair + "'; they must be two different seats");
        rank_people(*ctx);
    }

    [[nodiscard]] const ruleset& rules() const noexcept { return *compiled().rules; }
    [[nodiscard]] const forum& meeting_forum() const noexcept { return *compiled().source; }
    [[nodiscard]] const compiled_forum& compiled() const noexcept { return *context_->forum; }
    /// The setup exactly as given; derived values (such as offices from the rotation) are in context().
    [[nodiscard]] const meeting_setup& setup() const noexcept { return context_->setup; }
    [[nodiscard]] const meeting_context& context() const noexcept { return *context_; }
    [[nodiscard]] const std::vector<ruling>& rulings() const noexcept { return rulings_; }

    /// A member arrives between items, on site or remotely (QRM-7); an ordinary member takes the seat
    /// back at the next item (QRM-5). A member who left (not for jäv) attends but does not serve again.
    void arrive(std::string_view seat_id, bool remote = false) {
        const auto i = index_of(seat_id, "arrive");
        present_.set(i);
        remote_.assign(i, remote);
    }

    /// A member leaves between items. For a reason other than jäv the member does not serve again at
    /// this meeting (QRM-5).
    void leave(std::string_view seat_id, leave_reason why = leave_reason::left) {
        const auto i = index_of(seat_id, "leave");
        present_.reset(i);
        if (why == leave_reason::left) left_.set(i);
    }

    /// Decides one agenda item. Throws not_permitted (RGT-1, RGT-4), rule_violation (CNS-2, CNS-3) or
    /// invalid_argument (a seat named twice) without changing the meeting.
    ruling consider(const agenda_item& item) {
        item_masks in;
        in.present = present_;
        in.remote = remote_;
        in.left = left_;
        in.disqualified = mask_of(item.disqualified, "be disqualified", "disqualified");
        in.objections = mask_of(item.objections, "object", "objections");
        in.abstentions = mask_of(item.abstentions, "abstain", "abstentions");
        in.referrals = item.referrals;
        in.choice = item.choice;
        const item_ruling out = decide_item(compiled(), context_->order, in, previous_);
        if (out.refused != refusal::none) refuse(out, in, item.title);
        previous_ = out.assignment;
        rulings_.emplace_back(context_, item.title, item.reason, in, out);
        return rulings_.back();
    }

private:
    std::uint16_t index_of(std::string_view id, const char* action) const {
        if (const auto i = compiled().find(id)) return *i;
        // RGT-4: a person who holds no seat cannot take part at all.
        const auto& seats = meeting_forum().seats;
        throw not_permitted("RGT-4", "'" + std::string(id) + "' holds no seat in " + meeting_forum().id +
                                         " and cannot " + action +
                                         detail::did_you_mean(id, seats | ranges::views::transform(&seat::id)));
    }

    seat_mask mask_of(const std::vector<std::string>& ids, const char* action, const char* list) const {
        seat_mask m;
        for (const auto& id : ids) {
            const auto i = index_of(id, action);
            if (m.test(i)) throw invalid_argument("seat '" + id + "' is given twice in " + list);
            m.set(i);
        }
        return m;
    }

    std::optional<std::string> ordinary_seat_of(const std::string& body_id) const {
        for (const auto& s : meeting_forum().seats)
            if (s.body == body_id && s.kind == seat_kind::ordinary) return s.id;
        return std::nullopt;
    }

    std::uint16_t office_seat(const std::string& id, const char* office) const {
        const auto i = compiled().find(id);
        if (!i)
            throw rule_violation("CMP-5", "the " + std::string(office) + " '" + id + "' holds no seat in " +
                                              meeting_forum().id +
                                              "; the forum elects its chair and vice chair from among its members");
        if (!compiled().ordinary.test(*i))
            throw rule_violation("CMP-5", "the " + std::string(office) + " '" + id +
                                              "' is a substitute seat; chair and vice chair hold ordinary seats");
        return *i;
    }

    /// QRM-6: the fallback's order among the people whose data it needs (earlier member_since first under
    /// longest_serving_then_eldest, then the earlier birth date; ties in seat order).
    static void rank_people(meeting_context& ctx) {
        const compiled_forum& cf = *ctx.forum;
        const bool by_tenure = cf.params.presiding == presiding_fallback::longest_serving_then_eldest;
        std::vector<std::pair<std::uint16_t, const person*>> known;
        for (const auto& [id, who] : ctx.setup.people)
            if (who.born && (!by_tenure || who.member_since)) known.emplace_back(*cf.find(id), &who);
        std::sort(known.begin(), known.end(), [&](const auto& a, const auto& b) {
            if (by_tenure && *a.second->member_since != *b.second->member_since)
                return *a.second->member_since < *b.second->member_since;
            if (*a.second->born != *b.second->born) return *a.second->born < *b.second->born;
            return a.first < b.first;
        });
        for (std::size_t k = 0; k < known.size(); ++k) {
            ctx.order.ranked.set(known[k].first);
            ctx.order.rank[known[k].first] = static_cast<std::uint16_t>(k);
        }
    }

    [[noreturn]] void refuse(const item_ruling& out, const item_masks& in, const std::string& title) const {
        const std::string who = out.refused_seat == no_seat ? std::string() : compiled().at(out.refused_seat).id;
        switch (out.refused) {
            case refusal::negative_referrals:
                throw rule_violation("CNS-3", "a matter cannot have been referred back a negative number of times");
            case refusal::objects_and_abstains:
                throw rule_violation("CNS-2", "'" + who + "' cannot both object and stand aside in one item");
            case refusal::objector_not_serving:
            case refusal::abstainer_not_serving: {
                const bool attends = in.present.minus(in.left).minus(in.disqualified).test(out.refused_seat);
                throw not_permitted(
                    "RGT-1",
                    "'" + who + "' does not serve in item '" + title + "' and cannot " +
                        (out.refused == refusal::objector_not_serving ? "object" : "abstain") +
                        (attends ? " (attends with the right to speak, CMP-4, but takes no part)" : " (not serving)"));
            }
            case refusal::none:
                break;
        }
        throw error("internal: refuse() called without a refusal");
    }

    std::shared_ptr<const meeting_context> context_;
    seat_mask present_, remote_, left_;
    seat_assignment previous_ = empty_assignment();
    std::vector<ruling> rulings_;
};

}  // namespace samverkan
