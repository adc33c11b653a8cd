// Batch rulings (batch.hpp). Compiled, not in the header, so that the hot loop can be built for several
// instruction sets at once (hardware popcount where the processor has it) while the library stays portable.
#include <samverkan/batch.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <samverkan/errors.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace samverkan {
namespace {

/// The bit-parallel form of a forum: each substitute's bit moves onto its body's one ordinary seat.
struct fast_form {
    std::uint64_t all = 0, ordinary = 0, substitute = 0, municipal = 0, region = 0;
    int shifts = 0;
    std::array<int, 8> delta{};                  ///< substitute index − ordinary index
    std::array<std::uint64_t, 8> substitutes{};  ///< the substitutes with that delta
    std::uint16_t threshold = 0;
    bool both_sides = false;
    bool substitute_may_preside = false;
    std::uint8_t blocked = 0;  ///< the outcome when an objection blocks: referred_back or removed (CNS-3)
};

/// Moves bits `d` places down (up for negative d): a substitute's bit onto its ordinary seat.
constexpr std::uint64_t down(std::uint64_t x, int d) noexcept { return d >= 0 ? x >> d : x << -d; }
constexpr std::uint64_t up(std::uint64_t x, int d) noexcept { return d >= 0 ? x << d : x >> -d; }

bool make_fast_form(const compiled_forum& cf, int referrals, fast_form& f) noexcept {
    if (cf.seats > 64 || cf.params.substitution != substitution_scope::same_body) return false;
    f.all = cf.all.words()[0];
    f.ordinary = cf.ordinary.words()[0];
    f.substitute = cf.substitute.words()[0];
    f.municipal = cf.municipal.words()[0];
    f.region = cf.region.words()[0];
    bool ok = true;
    cf.substitute.for_each([&](std::size_t s) {
        // QRM-2 under same_body: the substitute's body must have exactly one ordinary seat and one substitute.
        const seat_mask own = cf.own_substitutes[s];
        std::uint16_t ordinary = no_seat;
        int ordinaries = 0;
        cf.ordinary.for_each([&](std::size_t o) {
            if (cf.own_substitutes[o] == own) {
                ordinary = static_cast<std::uint16_t>(o);
                ++ordinaries;
            }
        });
        if (ordinaries != 1 || own.count() != 1) {
            ok = false;
            return;
        }
        const int d = static_cast<int>(s) - static_cast<int>(ordinary);
        int k = 0;
        while (k < f.shifts && f.delta[static_cast<std::size_t>(k)] != d) ++k;
        if (k == f.shifts) {
            if (f.shifts == static_cast<int>(f.delta.size())) {
                ok = false;
                return;
            }
            f.delta[static_cast<std::size_t>(f.shifts++)] = d;
        }
        f.substitutes[static_cast<std::size_t>(k)] |= std::uint64_t{1} << s;
    });
    f.threshold = static_cast<std::uint16_t>(cf.threshold);
    f.both_sides = cf.params.quorum.both_sides_present;
    f.substitute_may_preside = cf.params.substitute_may_preside;
    f.blocked = blocked_outcome(cf, referrals);
    return ok;
}

/// The number of set bits, by halving sums: plain integer operations that vectorise, where std::popcount
/// does not (there is no vector popcount before AVX-512).
constexpr std::uint16_t count_bits(std::uint64_t x) noexcept {
    x = x - ((x >> 1) & 0x5555555555555555ULL);
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return static_cast<std::uint16_t>((x * 0x0101010101010101ULL) >> 56);
}

/// One scenario in the bit-parallel form; the same rules as decide_item for a first item without remote members.
template <int Shifts>
inline void fast_one(const fast_form& f, std::uint64_t present, std::uint64_t objections, std::uint64_t disqualified,
                     std::uint16_t& served_out, std::uint8_t& quorate_out, std::uint8_t& outcome_out) noexcept {
    const std::uint64_t available = present & f.all & ~disqualified;  // QRM-4
    const std::uint64_t own = available & f.ordinary;
    const std::uint64_t subs = available & f.substitute;
    std::uint64_t moved = 0, serving_subs = 0;
    for (int k = 0; k < Shifts; ++k) {
        const std::uint64_t s = subs & f.substitutes[static_cast<std::size_t>(k)];
        const int d = f.delta[static_cast<std::size_t>(k)];
        moved |= down(s, d);              // QRM-2: a substitute fills its body's empty seat
        serving_subs |= s & ~up(own, d);  // ... and serves only when that seat is empty
    }
    const std::uint64_t serving = own | serving_subs;
    const std::uint16_t served = count_bits(own | moved);
    const std::uint64_t objecting = objections & f.all;
    const bool refused = (objecting & ~serving) != 0;  // RGT-1
    const bool quorate = served >= f.threshold &&      // QRM-3
                         (!f.both_sides || ((serving & f.municipal) != 0 && (serving & f.region) != 0));
    const std::uint64_t eligible = f.substitute_may_preside ? serving : own;  // QRM-6 (no remote members here)
    auto result = static_cast<std::uint8_t>(outcome::position);
    if (objecting != 0) result = f.blocked;  // CNS-2, CNS-3
    if (eligible == 0) result = static_cast<std::uint8_t>(outcome::not_dealt_with);
    if (!quorate) result = static_cast<std::uint8_t>(outcome::not_quorate);  // CNS-4
    if (refused) result = refused_code;
    served_out = served;
    quorate_out = quorate && !refused ? 1 : 0;  // a refused scenario is no ruling
    outcome_out = result;
}

// Not under ThreadSanitizer (the loader runs an ifunc resolver before the TSan runtime is up, and the
// instrumented resolver crashes) and not in a coverage build (where each clone would count its lines apart).
template <int Shifts, bool Objections, bool Disqualified>
#if defined(__x86_64__) && !defined(__clang__) && !defined(__SANITIZE_THREAD__) && !defined(SAMVERKAN_NO_TARGET_CLONES)
[[gnu::target_clones("default", "popcnt", "arch=haswell")]]
#endif
void fast_loop(const fast_form& f, const batch_input& in, const batch_output& out, std::size_t begin, std::size_t end) {
    const std::uint64_t* present = in.present.data();
    const std::uint64_t* objections = in.objections.data();
    const std::uint64_t* disqualified = in.disqualified.data();
    std::uint16_t* served = out.served.data();
    std::uint8_t* quorate = out.quorate.data();
    std::uint8_t* outcome = out.outcome.data();
    for (std::size_t i = begin; i < end; ++i)
        fast_one<Shifts>(f, present[i], Objections ? objections[i] : 0, Disqualified ? disqualified[i] : 0, served[i],
                         quorate[i], outcome[i]);
}

/// The loop for this many shifts, with or without objections and disqualifications.
template <int Shifts>
void fast_dispatch(const fast_form& f, const batch_input& in, const batch_output& out, std::size_t begin,
                   std::size_t end) {
    const bool obj = !in.objections.empty(), disq = !in.disqualified.empty();
    if (obj && disq) return fast_loop<Shifts, true, true>(f, in, out, begin, end);
    if (obj) return fast_loop<Shifts, true, false>(f, in, out, begin, end);
    if (disq) return fast_loop<Shifts, false, true>(f, in, out, begin, end);
    fast_loop<Shifts, false, false>(f, in, out, begin, end);
}

void general_loop(const compiled_forum& cf, const batch_input& in, const batch_output& out, std::size_t begin,
                  std::size_t end) noexcept {
    static const presiding_order nobody_named{};  // outcome and quorum never depend on who presides
    static const seat_assignment first_item = empty_assignment();
    const std::size_t w = in.words;
    auto mask = [&](std::span<const std::uint64_t> words, std::size_t i) {
        return words.empty() ? seat_mask{} : seat_mask::from_words(words.subspan(i * w, w));
    };
    for (std::size_t i = begin; i < end; ++i) {
        item_masks item;
        item.present = mask(in.present, i);
        item.objections = mask(in.objections, i);
        item.disqualified = mask(in.disqualified, i);
        item.referrals = in.referrals;
        const item_ruling r = decide_item(cf, nobody_named, item, first_item);
        out.served[i] = r.served;
        out.quorate[i] = r.refused == refusal::none && r.quorate ? 1 : 0;
        out.outcome[i] = r.refused != refusal::none ? refused_code : static_cast<std::uint8_t>(r.result);
    }
}

}  // namespace

bool batch_has_fast_form(const compiled_forum& cf) noexcept {
    fast_form f;
    return make_fast_form(cf, 0, f);
}

void decide_batch(const compiled_forum& cf, const batch_input& in, const batch_output& out, std::size_t begin,
                  std::size_t end) noexcept {
    fast_form f;
    if (in.words == 1 && make_fast_form(cf, in.referrals, f)) {
        switch (f.shifts) {
            case 0:
                return fast_dispatch<0>(f, in, out, begin, end);
            case 1:
                return fast_dispatch<1>(f, in, out, begin, end);
            case 2:
                return fast_dispatch<2>(f, in, out, begin, end);
            default:
                return fast_dispatch<8>(f, in, out, begin, end);
        }
    }
    general_loop(cf, in, out, begin, end);
}

void batch_check(const compiled_forum& cf, const batch_input& in, const batch_output& out) {
    const std::size_t words = (cf.seats + 63) / 64;
    if (in.words != words)
        throw invalid_argument("packed masks of forum '" + cf.source->id + "' take " + std::to_string(words) +
                               " word(s) per scenario, not " + std::to_string(in.words));
    auto check = [&](std::span<const std::uint64_t> s, const char* what, bool optional) {
        if (optional && s.empty()) return;
        if (s.size() != in.scenarios * words)
            throw invalid_argument(std::string(what) + " holds " + std::to_string(s.size()) + " words; " +
                                   std::to_string(in.scenarios) + " scenarios need " +
                                   std::to_string(in.scenarios * words));
    };
    check(in.present, "present", false);
    check(in.objections, "objections", true);
    check(in.disqualified, "disqualified", true);
    if (out.served.size() < in.scenarios || out.quorate.size() < in.scenarios || out.outcome.size() < in.scenarios)
        throw invalid_argument("the output arrays are shorter than the number of scenarios");
    if (in.referrals < 0)
        throw rule_violation("CNS-3", "a matter cannot have been referred back a negative number of times");
}

void run_chunks(std::size_t n, unsigned threads, const std::function<void(std::size_t, std::size_t)>& f) {
    const std::size_t t = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(n, 1));
    std::vector<std::thread> workers;
    workers.reserve(t - 1);
    auto bound = [&](std::size_t k) { return n / t * k + std::min(k, n % t); };
    for (std::size_t k = 1; k < t; ++k) workers.emplace_back(f, bound(k), bound(k + 1));
    f(bound(0), bound(1));
    for (auto& w : workers) w.join();
}

namespace {

/// Bit i of `bits` = byte i of `bytes` is nonzero; `bits` holds at least (n + 7) / 8 + 8 bytes.
void bytes_to_bits(const std::uint8_t* bytes, std::size_t n, std::uint8_t* bits) noexcept {
    constexpr std::uint64_t gather = 0x0102040810204080ULL;  // 8 bytes of 0/1 -> 8 bits, byte i to bit i
    std::size_t c = 0;
#if defined(__SSE2__)
    for (; c + 16 <= n; c += 16) {  // 16 bytes at a time: compare with zero, gather the sign bits
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + c));
        const auto zero = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128())));
        const auto set = static_cast<std::uint16_t>(~zero);
        std::memcpy(bits + c / 8, &set, 2);
    }
#endif
    for (; c + 8 <= n; c += 8) {
        std::uint64_t eight;
        std::memcpy(&eight, bytes + c, 8);
        // The top bit of each nonzero byte, moved to the byte's bottom bit; then 8 bytes to 8 bits.
        eight = (((eight & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL) | eight) & 0x8080808080808080ULL;
        bits[c / 8] = static_cast<std::uint8_t>(((eight >> 7) * gather) >> 56);
    }
    if (c < n) {
        std::uint8_t last = 0;
        for (std::size_t k = c; k < n; ++k)
            last = static_cast<std::uint8_t>(last | ((bytes[k] != 0 ? 1U : 0U) << (k - c)));
        bits[c / 8] = last;
    }
}

}  // namespace

void pack_seat_bytes(std::span<const std::uint8_t> bytes, std::size_t rows, std::size_t seats,
                     std::span<std::uint64_t> words) noexcept {
    const std::size_t w = (seats + 63) / 64;
    if (seats > 0 && seats <= 56) {
        // The rows are one stream of bits: pack it whole, then cut each row's bits out with one unaligned read.
        std::vector<std::uint8_t> bits((rows * seats + 7) / 8 + 8, 0);
        bytes_to_bits(bytes.data(), rows * seats, bits.data());
        const std::uint64_t mask = (std::uint64_t{1} << seats) - 1;
        for (std::size_t r = 0; r < rows; ++r) {
            const std::size_t b = r * seats;
            std::uint64_t eight;
            std::memcpy(&eight, bits.data() + b / 8, 8);
            words[r] = (eight >> (b % 8)) & mask;
        }
        return;
    }
    std::array<std::uint8_t, 8 + 8> chunk{};  // one word's worth of bits, with room for the unaligned read
    for (std::size_t r = 0; r < rows; ++r) {
        const std::uint8_t* row = bytes.data() + r * seats;
        for (std::size_t k = 0; k < w; ++k) {
            const std::size_t first = k * 64, count = std::min<std::size_t>(64, seats - first);
            chunk.fill(0);
            bytes_to_bits(row + first, count, chunk.data());
            std::uint64_t word;
            std::memcpy(&word, chunk.data(), 8);
            words[r * w + k] = word;
        }
    }
}

}  // namespace samverkan
