// Simulated meetings: attendance drawn at random, each meeting's first item decided as decide_item would
// (§ 4 QRM, § 5 CNS). Covers what the exact risk cannot: correlated absences (a body's calendar clash)
// and objections. Draws come from PCG (pcg64, one stream per block of 64 meetings), so the same seed
// gives the same answer whatever the thread count.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include <samverkan/batch.hpp>
#include <samverkan/kernel.hpp>
#include <samverkan/seat_mask.hpp>

namespace samverkan {

/// The most meetings one simulation draws; a larger request is refused before work starts.
inline constexpr std::uint64_t max_simulated_meetings = 100'000'000'000ULL;

/// Who comes, at random. Probabilities are used to 2⁻¹⁶ (they are drawn bit-parallel).
struct attendance_model {
    std::vector<double> present;  ///< per seat index: the probability the seat's member is present
    /// Seats absent together: with the probability, every seat of the mask is away (a calendar clash),
    /// on top of the independent draws above.
    std::vector<std::pair<seat_mask, double>> clashes;
    double objection = 0.0;  ///< the probability that a serving member objects to the item (CNS-2)
    int referrals = 0;       ///< times the matter was referred back before (CNS-3)
};

/// Counts over the simulated meetings.
struct simulation_counts {
    std::uint64_t meetings = 0;
    std::array<std::uint64_t, 6> outcomes{};  ///< by outcome code (batch.hpp: position … refused)
    std::vector<std::uint64_t> served;        ///< meetings by ordinary seats served, 0 … ordinary seats
};

/// Refuses a model that does not fit the forum (wrong length, probabilities outside [0, 1]) and a count
/// above max_simulated_meetings, before any work: invalid_argument; negative referrals: rule_violation CNS-3.
void simulation_check(const compiled_forum& cf, const attendance_model& model, std::uint64_t meetings);

/// Simulates `meetings` meetings from `seed` on `threads` threads.
[[nodiscard]] simulation_counts simulate(const compiled_forum& cf, const attendance_model& model,
                                         std::uint64_t meetings, std::uint64_t seed, unsigned threads);

/// The meetings simulate() draws, as masks: `present` gets one packed mask per meeting (words per meeting
/// as in batch_input) and `objected` whether a serving member objected. Decided by decide_batch (with an
/// objection from a serving member where `objected`), they give simulate()'s counts exactly.
void draw_meetings(const compiled_forum& cf, const attendance_model& model, std::uint64_t meetings, std::uint64_t seed,
                   std::span<std::uint64_t> present, std::span<std::uint8_t> objected);

}  // namespace samverkan
