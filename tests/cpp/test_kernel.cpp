// The meeting kernel (kernel.hpp) and rulings as data (ruling.hpp): masks over several words, no heap
// allocation per item, every kind of step rendered in both languages.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <samverkan/kernel.hpp>
#include <samverkan/load.hpp>
#include <samverkan/meeting.hpp>
#include <samverkan/rules.hpp>

#include "support.hpp"

// Counts heap allocations, so a test can show that deciding an item makes none.
namespace {
std::atomic<long> allocations{0};
}  // namespace

void* operator new(std::size_t n) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
    throw std::bad_alloc();
}
// The nothrow forms (std::stable_sort's temporary buffer uses them) must come from the same heap as the
// deletes below, or a sanitizer sees a mismatched pair.
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    allocations.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(n == 0 ? 1 : n);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }

using namespace std::chrono;
using samverkan::seat_mask;

namespace {

const samverkan::date meeting_day = year{2026} / March / 13;

/// The 2026 ruleset with `n` more ordinary Göteborg seats (goteborg/ord10, …) in the samråd.
samverkan::ruleset_ptr with_more_goteborg_seats(int n) {
    const std::string first = "      - {id: dn_goteborg/ord, kind: ordinary, body: dn_goteborg}";
    std::string extra;
    for (int i = 10; i < 10 + n; ++i)
        extra += "\n      - {id: goteborg/ord" + std::to_string(i) + ", kind: ordinary, body: goteborg}";
    return samverkan::test::with(first, first + extra);
}

samverkan::item_masks everyone_present(const samverkan::compiled_forum& cf) {
    samverkan::item_masks in;
    in.present = cf.all;
    return in;
}

}  // namespace

TEST(SeatMask, BitsAcrossWords) {
    seat_mask m = seat_mask::first(130);
    EXPECT_EQ(m.count(), 130u);
    EXPECT_TRUE(m.test(129));
    EXPECT_FALSE(m.test(130));
    m.reset(0);
    m.reset(64);
    EXPECT_EQ(m.lowest(), 1u);
    std::vector<std::size_t> seen;
    (m & seat_mask::first(66)).for_each([&](std::size_t i) { seen.push_back(i); });
    EXPECT_EQ(seen.size(), 64u);
    EXPECT_EQ(seen.back(), 65u);
    EXPECT_EQ(seat_mask{}.lowest(), samverkan::no_seat);
    EXPECT_EQ(seat_mask::first(samverkan::max_seats).count(), samverkan::max_seats);
}

TEST(Kernel, DecidingAnItemAllocatesNothing) {
    const auto cf = samverkan::compile_forum(samverkan::load_default(meeting_day), "politiskt_samrad");
    samverkan::presiding_order order;
    order.chair = *cf->find("goteborg/ord1");
    auto in = everyone_present(*cf);
    in.objections.set(*cf->find("su/ord"));
    const auto previous = samverkan::empty_assignment();
    const long before = allocations.load();
    const auto r = samverkan::decide_item(*cf, order, in, previous);
    EXPECT_EQ(allocations.load(), before);
    EXPECT_EQ(r.result, samverkan::outcome::referred_back);
    EXPECT_EQ(r.served, 15u);
}

TEST(Kernel, InputBitsBeyondTheForumAreIgnored) {
    const auto cf = samverkan::compile_forum(samverkan::load_default(meeting_day), "politiskt_samrad");
    auto in = everyone_present(*cf);
    in.present = seat_mask::first(samverkan::max_seats);
    in.objections.set(200);
    const auto r = samverkan::decide_item(*cf, {}, in, samverkan::empty_assignment());
    EXPECT_EQ(r.refused, samverkan::refusal::none);
    EXPECT_EQ(r.served, 15u);
    EXPECT_EQ(r.result, samverkan::outcome::position);
}

TEST(Kernel, ForumsAboveSixtyFourSeatsUseSeveralWords) {
    // 80 more Göteborg seats: 107 seats, 95 ordinary, so quorum is 48 (QRM-3).
    const auto rs = with_more_goteborg_seats(80);
    const auto cf = samverkan::compile_forum(rs, "politiskt_samrad");
    ASSERT_EQ(cf->seats, 107u);
    EXPECT_EQ(cf->threshold, 48u);
    samverkan::meeting_setup s;
    s.day = meeting_day;
    s.chair = "goteborg/ord89";
    for (const auto& seat : rs->forum_by_id("politiskt_samrad").seats)
        if (seat.kind == samverkan::seat_kind::ordinary && seat.id.find("goteborg/ord") == 0)
            s.present.push_back(seat.id);
    samverkan::meeting m(rs, s);
    const auto r = m.consider({"Ärende", {}, {}, {}, 0, samverkan::no_consensus_choice::unspecified, ""});
    EXPECT_EQ(r.served(), 83u);  // goteborg/ord1…3 and ord10…89
    EXPECT_TRUE(r.quorate());
    EXPECT_EQ(r.presiding(), "goteborg/ord89");
}

TEST(Kernel, ForumWithMoreSeatsThanTheKernelTakesIsRefusedWhenCompiled) {
    const auto rs = with_more_goteborg_seats(290);  // 317 seats
    EXPECT_THROW((void)samverkan::compile_forum(rs, "politiskt_samrad"), samverkan::invalid_argument);
}

// ---- every kind of step, in both languages --------------------------------------------------------

namespace {

using samverkan::agenda_item;
using samverkan::meeting;
using samverkan::meeting_setup;

std::vector<std::string> seat_ids(const samverkan::ruleset& rs, bool ordinary_only) {
    std::vector<std::string> out;
    for (const auto& s : rs.forum_by_id("politiskt_samrad").seats)
        if (!ordinary_only || s.kind == samverkan::seat_kind::ordinary) out.push_back(s.id);
    return out;
}

std::vector<std::string> without(std::vector<std::string> ids, const std::vector<std::string>& drop) {
    std::erase_if(ids, [&](const std::string& id) { return std::find(drop.begin(), drop.end(), id) != drop.end(); });
    return ids;
}

agenda_item item(std::vector<std::string> objections = {}, std::vector<std::string> abstentions = {},
                 std::vector<std::string> disqualified = {}, int referrals = 0,
                 samverkan::no_consensus_choice choice = samverkan::no_consensus_choice::unspecified) {
    return {"Ärende", std::move(objections), std::move(abstentions), std::move(disqualified), referrals, choice, ""};
}

/// Rulings that between them take every kind of step the catalogue words.
std::vector<samverkan::ruling> rulings_of_every_kind() {
    std::vector<samverkan::ruling> out;
    const auto rs = samverkan::load_default(meeting_day);
    auto run = [&](const samverkan::ruleset_ptr& r, meeting_setup s, const std::vector<agenda_item>& items,
                   auto between) {
        s.day = meeting_day;
        meeting m(r, s);
        between(m);
        for (const auto& it : items) out.push_back(m.consider(it));
    };
    auto nothing = [](meeting&) {};
    meeting_setup s;
    // Offices from the rotation (ROT-3a); a jävig member and a substitute (QRM-4, QRM-2); left (QRM-5); an
    // abstention; an objection referred back, then removed when exhausted, then removed by choice.
    s.present = without(seat_ids(*rs, false), {"goteborg/ord3", "tandvard/ord"});  // the vice chair presides
    s.remote = {"su/ord"};
    run(rs, s,
        {item({}, {"partille/ord"}, {"narhalsan/ord"}), item({"molndal/ord"}), item({"molndal/ord"}, {}, {}, 1),
         item({"molndal/ord"}, {}, {}, 0, samverkan::no_consensus_choice::remove)},
        [](meeting& m) { m.leave("ockero/ord"); });
    // Not quorate (CNS-4); chair and vice chair absent with and without birth dates; no offices given.
    s = {};
    s.present = {"goteborg/ord1", "molndal/ord"};
    s.chair = "goteborg/ord1";
    s.vice_chair = "regionhalsan/ord";
    run(rs, s, {item()}, nothing);
    s.present = seat_ids(*rs, true);  // the chair presides
    run(rs, s, {item()}, nothing);
    s.present = without(seat_ids(*rs, true), {"goteborg/ord1", "regionhalsan/ord"});
    run(rs, s, {item()}, nothing);
    for (const auto& id : s.present) s.people[id] = {"Namn", year{1960} / January / 1, year{2019} / January / 1};
    run(rs, s, {item()}, nothing);
    // The rotation's anchor moved past the day: neither office is known (QRM-6).
    s.chair.reset();
    s.vice_chair.reset();
    const auto unanchored = samverkan::test::with("anchor: 2015-01-01", "anchor: 2027-01-01");
    run(unanchored, s, {item()}, nothing);
    // Longest serving (QRM-6); both sides (QRM-3); nobody may preside; remote not allowed; nobody on site.
    const auto tenure =
        samverkan::test::with("presiding_fallback: eldest", "presiding_fallback: longest_serving_then_eldest");
    s.chair = "goteborg/ord1";
    s.vice_chair = "regionhalsan/ord";
    run(tenure, s, {item()}, nothing);
    const auto both = samverkan::test::with("quorum_both_sides_present: false", "quorum_both_sides_present: true");
    s.people.clear();
    s.present = {"dn_goteborg/ers", "dn_vastra/ers",          "regionhalsan/ers",       "narhalsan/ers",
                 "tandvard/ers",    "habilitering_halsa/ers", "sjukhusen_i_vaster/ers", "su/ers"};
    run(both, s, {item()}, nothing);
    s.remote = {"goteborg/ord1"};
    run(samverkan::test::with("remote: {allowed: true", "remote: {allowed: false"), s, {item()}, nothing);
    run(rs, s, {item()}, nothing);
    return out;
}

}  // namespace

TEST(Explanation, EveryStepKindIsTakenAndRenderedInBothLanguages) {
    std::set<std::pair<std::string, std::string>> taken;
    for (const auto& r : rulings_of_every_kind()) {
        for (const auto& s : r.steps()) taken.emplace(s.rule, s.kind);
        const auto sv = r.explain(samverkan::language::sv);
        const auto en = r.explain(samverkan::language::en);
        EXPECT_EQ(sv.find('{'), std::string::npos) << sv;
        EXPECT_EQ(en.find('{'), std::string::npos) << en;
        EXPECT_NE(sv, en);
        EXPECT_EQ(r.explain(), sv);  // Swedish is the default
    }
    std::set<std::pair<std::string, std::string>> catalogue;
    for (const auto& w : samverkan::step_wordings()) {
        catalogue.emplace(w.rule, w.kind);
        EXPECT_FALSE(w.en.empty());
        EXPECT_FALSE(w.sv.empty());
        EXPECT_NE(w.en, w.sv) << w.rule << " " << w.kind;
        EXPECT_NE(samverkan::find_rule(w.rule), nullptr) << w.rule;
    }
    EXPECT_EQ(taken, catalogue);
}

TEST(Explanation, RulesHaveSwedishTitlesAndStatements) {
    for (const auto& r : samverkan::rules()) {
        EXPECT_FALSE(r.title_sv.empty()) << r.id;
        EXPECT_FALSE(r.statement_sv.empty()) << r.id;
    }
}
