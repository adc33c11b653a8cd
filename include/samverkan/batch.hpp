// Batch rulings: many attendance scenarios of one forum decided at once, each as the first agenda item of
// a meeting (§ 4 QRM, § 5 CNS, RGT-1). The same compiled forum and the same rules as decide_item
// (kernel.hpp): a fast bit-parallel form where the forum's layout allows it, decide_item itself otherwise,
// and tests that hold the two to the same answer on every scenario.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>

#include <samverkan/kernel.hpp>

namespace samverkan {

/// Outcome code of a scenario the rules refuse: an objection from a seat that does not serve (RGT-1).
/// The other codes are those of `outcome` (position 0, referred_back 1, removed 2, not_quorate 3,
/// not_dealt_with 4).
inline constexpr std::uint8_t refused_code = 5;

/// The outcome of a quorate item with a presiding member and an objection: återremiss, or removal once
/// max_referrals is reached or when the ruleset removes (CNS-3), as decide_item decides it when the meeting
/// makes no choice.
[[nodiscard]] inline std::uint8_t blocked_outcome(const compiled_forum& cf, int referrals) noexcept {
    const bool remove =
        referrals >= cf.params.max_referrals || cf.params.on_no_consensus == no_consensus_action::remove;
    return static_cast<std::uint8_t>(remove ? outcome::removed : outcome::referred_back);
}

/// Scenarios as packed seat bitsets: `words` 64-bit words per scenario per mask, bit i of the
/// scenario's words = seat i. `objections` and `disqualified` may be empty (nobody).
struct batch_input {
    std::size_t scenarios = 0;
    std::size_t words = 1;                        ///< words per scenario: (seats + 63) / 64
    std::span<const std::uint64_t> present;       ///< scenarios × words
    std::span<const std::uint64_t> objections;    ///< empty, or scenarios × words
    std::span<const std::uint64_t> disqualified;  ///< empty, or scenarios × words (QRM-4)
    int referrals = 0;                            ///< times the matter was referred back before (CNS-3)
};

/// Per scenario: ordinary seats served, quorate (0/1), and the outcome code.
struct batch_output {
    std::span<std::uint16_t> served;
    std::span<std::uint8_t> quorate;
    std::span<std::uint8_t> outcome;
};

/// Whether the forum takes the bit-parallel form: at most 64 seats, substitution_scope same_body, and every
/// body with substitutes has exactly one ordinary seat and one substitute (true of the default samråd).
[[nodiscard]] bool batch_has_fast_form(const compiled_forum& cf) noexcept;

/// Decides scenarios [begin, end) of `in` into `out`. Spans must hold `in.scenarios` (× words) entries and
/// `in.referrals` must be 0 or more; batch_check() says so. Allocates nothing and throws nothing.
void decide_batch(const compiled_forum& cf, const batch_input& in, const batch_output& out, std::size_t begin,
                  std::size_t end) noexcept;

/// Refuses (invalid_argument, or rule_violation CNS-3 for negative referrals) input that decide_batch
/// cannot take: spans of the wrong size, a word count that does not fit the forum.
void batch_check(const compiled_forum& cf, const batch_input& in, const batch_output& out);

/// Runs f(begin, end) over [0, n) in `threads` contiguous chunks, each on a thread of its own (the calling
/// thread takes the first). The split depends only on n and threads, and each scenario's answer only on
/// itself, so the results are the same whatever the thread count.
void run_chunks(std::size_t n, unsigned threads, const std::function<void(std::size_t, std::size_t)>& f);

/// Packs a C-ordered (rows × seats) array of bytes into rows × words 64-bit words (bit i = column i; any
/// nonzero byte is true, as NumPy reads a boolean).
void pack_seat_bytes(std::span<const std::uint8_t> bytes, std::size_t rows, std::size_t seats,
                     std::span<std::uint64_t> words) noexcept;

}  // namespace samverkan
