// Simulated meetings (simulate.hpp). Attendance is drawn 64 meetings at a time, one bit per meeting in a
// word per seat; where the forum takes the batch kernel's fast form the rules are applied to those words
// directly (bit-sliced), otherwise each meeting goes through decide_item.
#include <samverkan/simulate.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <mutex>
#include <string>

#include <pcg_random.hpp>

#include <samverkan/errors.hpp>

namespace samverkan {
namespace {

constexpr std::uint64_t lanes = 64;

/// A probability as a multiple of 2⁻¹⁶.
std::uint32_t quantize(double p) noexcept {
    return static_cast<std::uint32_t>(std::clamp(std::lround(p * 65536.0), 0L, 65536L));
}

/// 64 independent draws, each 1 with probability t / 2¹⁶: the binary digits of t, least significant first,
/// each folding in one random word by OR (digit 1) or AND (digit 0).
std::uint64_t bernoulli(pcg64& rng, std::uint32_t t) noexcept {
    if (t == 0) return 0;
    if (t >= 65536) return ~std::uint64_t{0};
    int j = std::countr_zero(t);
    std::uint64_t w = rng();
    for (++j; j < 16; ++j) w = ((t >> j) & 1U) ? (w | rng()) : (w & rng());
    return w;
}

struct prepared {
    std::vector<std::uint32_t> present;  // per seat
    std::vector<std::pair<seat_mask, std::uint32_t>> clashes;
    std::uint32_t objection = 0;
};

prepared prepare(const attendance_model& m) {
    prepared p;
    for (const double x : m.present) p.present.push_back(quantize(x));
    for (const auto& [seats, q] : m.clashes) p.clashes.emplace_back(seats, quantize(q));
    p.objection = quantize(m.objection);
    return p;
}

/// Block b of 64 meetings: a word per seat (bit l = meeting l is attended) and the objection word.
void draw_block(const compiled_forum& cf, const prepared& p, std::uint64_t seed, std::uint64_t block,
                std::span<std::uint64_t> words, std::uint64_t& objected) noexcept {
    pcg64 rng(seed, block);  // one stream per block: the same draws whatever thread takes it
    for (std::size_t s = 0; s < cf.seats; ++s) words[s] = bernoulli(rng, p.present[s]);
    for (const auto& [seats, q] : p.clashes) {
        const std::uint64_t away = bernoulli(rng, q);
        (seats & cf.all).for_each([&](std::size_t s) { words[s] &= ~away; });
    }
    objected = bernoulli(rng, p.objection);
}

/// The bit-sliced form of the rules, for forums in the batch kernel's fast form (one substitute per body
/// with substitutes, same_body): per ordinary seat, the substitute that fills it.
struct sliced_form {
    std::vector<std::pair<std::uint16_t, std::uint16_t>> seats;  // (ordinary, its substitute or no_seat)
    int bits = 1;                                                // of the served counter
};

sliced_form make_sliced(const compiled_forum& cf) {
    sliced_form f;
    cf.ordinary.for_each([&](std::size_t o) {
        const auto sub = cf.own_substitutes[o].lowest();
        f.seats.emplace_back(static_cast<std::uint16_t>(o), sub);
    });
    f.bits = static_cast<int>(std::bit_width(cf.ordinary_count));
    return f;
}

void count_lanes(simulation_counts& c, std::uint8_t code, std::uint64_t lanes_mask) {
    c.outcomes[code] += static_cast<std::uint64_t>(std::popcount(lanes_mask));
}

/// QRM-2, QRM-3, QRM-6, CNS-2, CNS-3 on 64 meetings at once.
void decide_sliced(const compiled_forum& cf, const sliced_form& f, std::span<const std::uint64_t> words,
                   std::uint64_t objected, std::uint64_t valid, std::uint8_t blocked, simulation_counts& c) {
    std::array<std::uint64_t, 16> counter{};
    std::uint64_t eligible = 0, municipal = 0, region = 0;
    for (const auto& [o, sub] : f.seats) {
        const std::uint64_t own = words[o];
        const std::uint64_t substitute = sub == no_seat ? 0 : words[sub] & ~own;  // serves only for an empty seat
        std::uint64_t carry = own | substitute;                                   // the seat is filled
        for (int j = 0; j < f.bits; ++j) {                                        // counter += filled
            const std::uint64_t t = counter[static_cast<std::size_t>(j)] & carry;
            counter[static_cast<std::size_t>(j)] ^= carry;
            carry = t;
        }
        eligible |= cf.params.substitute_may_preside ? (own | substitute) : own;
        (cf.municipal.test(o) ? municipal : region) |= own | substitute;
    }
    // served >= threshold, digit by digit from the top.
    std::uint64_t greater = 0, equal = ~std::uint64_t{0};
    const auto threshold = static_cast<std::uint64_t>(cf.threshold);
    const bool reachable = threshold < (std::uint64_t{1} << f.bits);
    for (int j = f.bits - 1; j >= 0; --j) {
        const std::uint64_t digit = counter[static_cast<std::size_t>(j)];
        const std::uint64_t want = ((threshold >> j) & 1U) ? ~std::uint64_t{0} : 0;
        greater |= equal & digit & ~want;
        equal &= ~(digit ^ want);
    }
    std::uint64_t quorate = reachable ? (greater | equal) : 0;
    if (cf.params.quorum.both_sides_present) quorate &= municipal & region;
    const std::uint64_t dealt = quorate & eligible;
    count_lanes(c, static_cast<std::uint8_t>(outcome::not_quorate), ~quorate & valid);
    count_lanes(c, static_cast<std::uint8_t>(outcome::not_dealt_with), quorate & ~eligible & valid);
    count_lanes(c, blocked, dealt & objected & valid);
    count_lanes(c, static_cast<std::uint8_t>(outcome::position), dealt & ~objected & valid);
    for (std::size_t k = 0; k < c.served.size(); ++k) {
        std::uint64_t m = valid;
        for (int j = 0; j < f.bits; ++j)
            m &= ((k >> j) & 1U) ? counter[static_cast<std::size_t>(j)] : ~counter[static_cast<std::size_t>(j)];
        c.served[k] += static_cast<std::uint64_t>(std::popcount(m));
    }
}

/// The meeting in lane `l` of a block, as item masks.
item_masks lane_masks(const compiled_forum& cf, std::span<const std::uint64_t> words, std::size_t l) {
    item_masks in;
    for (std::size_t s = 0; s < cf.seats; ++s)
        if ((words[s] >> l) & 1U) in.present.set(s);
    return in;
}

/// Each meeting through decide_item: the general form, for any forum.
void decide_lanes(const compiled_forum& cf, std::span<const std::uint64_t> words, std::uint64_t objected,
                  std::uint64_t valid, int referrals, std::uint8_t blocked, simulation_counts& c) {
    static const presiding_order nobody_named{};
    static const seat_assignment first_item = empty_assignment();
    for (std::size_t l = 0; l < lanes; ++l) {
        if (!((valid >> l) & 1U)) continue;
        item_masks in = lane_masks(cf, words, l);
        in.referrals = referrals;
        const item_ruling r = decide_item(cf, nobody_named, in, first_item);
        auto code = static_cast<std::uint8_t>(r.result);
        if (r.result == outcome::position && ((objected >> l) & 1U)) code = blocked;  // a serving member objects
        ++c.outcomes[code];
        ++c.served[r.served];
    }
}

}  // namespace

void simulation_check(const compiled_forum& cf, const attendance_model& model, std::uint64_t meetings) {
    if (meetings > max_simulated_meetings)
        throw invalid_argument("n is " + std::to_string(meetings) + "; one simulation draws at most " +
                               std::to_string(max_simulated_meetings) + " meetings");
    if (model.present.size() != cf.seats)
        throw invalid_argument("attendance has " + std::to_string(model.present.size()) + " probabilities; forum '" +
                               cf.source->id + "' has " + std::to_string(cf.seats) + " seats");
    auto probability = [](double p, const std::string& what) {
        if (!(p >= 0.0 && p <= 1.0))
            throw invalid_argument(what + " must be a probability in [0, 1], not " + std::to_string(p));
    };
    for (std::size_t s = 0; s < cf.seats; ++s) probability(model.present[s], "attendance of '" + cf.at(s).id + "'");
    for (const auto& [seats, q] : model.clashes) probability(q, "a clash's probability");
    probability(model.objection, "objection");
    if (model.referrals < 0)
        throw rule_violation("CNS-3", "a matter cannot have been referred back a negative number of times");
}

simulation_counts simulate(const compiled_forum& cf, const attendance_model& model, std::uint64_t meetings,
                           std::uint64_t seed, unsigned threads) {
    simulation_check(cf, model, meetings);
    const prepared p = prepare(model);
    const bool sliced = batch_has_fast_form(cf);
    const sliced_form f = sliced ? make_sliced(cf) : sliced_form{};
    const std::uint8_t blocked = blocked_outcome(cf, model.referrals);
    const std::uint64_t blocks = (meetings + lanes - 1) / lanes;
    simulation_counts total;
    total.meetings = meetings;
    total.served.assign(cf.ordinary_count + 1, 0);
    std::mutex merge;
    run_chunks(static_cast<std::size_t>(blocks), threads, [&](std::size_t begin, std::size_t end) {
        simulation_counts c;
        c.served.assign(cf.ordinary_count + 1, 0);
        std::vector<std::uint64_t> words(cf.seats);
        for (std::size_t b = begin; b < end; ++b) {
            std::uint64_t objected = 0;
            draw_block(cf, p, seed, b, words, objected);
            const std::uint64_t left = meetings - b * lanes;
            const std::uint64_t valid = left >= lanes ? ~std::uint64_t{0} : (std::uint64_t{1} << left) - 1;
            if (sliced)
                decide_sliced(cf, f, words, objected, valid, blocked, c);
            else
                decide_lanes(cf, words, objected, valid, model.referrals, blocked, c);
        }
        const std::lock_guard lock(merge);  // integer sums: the order of merging does not matter
        for (std::size_t k = 0; k < c.outcomes.size(); ++k) total.outcomes[k] += c.outcomes[k];
        for (std::size_t k = 0; k < c.served.size(); ++k) total.served[k] += c.served[k];
    });
    return total;
}

void draw_meetings(const compiled_forum& cf, const attendance_model& model, std::uint64_t meetings, std::uint64_t seed,
                   std::span<std::uint64_t> present, std::span<std::uint8_t> objected) {
    simulation_check(cf, model, meetings);
    const std::size_t w = (cf.seats + 63) / 64;
    if (present.size() < meetings * w || objected.size() < meetings)
        throw invalid_argument("draw_meetings: the output spans are too short");
    const prepared p = prepare(model);
    std::vector<std::uint64_t> words(cf.seats);
    for (std::uint64_t b = 0; b * lanes < meetings; ++b) {
        std::uint64_t obj = 0;
        draw_block(cf, p, seed, b, words, obj);
        for (std::size_t l = 0; l < lanes && b * lanes + l < meetings; ++l) {
            const std::size_t i = b * lanes + l;
            const auto masks = lane_masks(cf, words, l);
            for (std::size_t k = 0; k < w; ++k) present[i * w + k] = masks.present.words()[k];
            objected[i] = (obj >> l) & 1U;
        }
    }
}

}  // namespace samverkan
