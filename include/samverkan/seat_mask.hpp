// A set of a forum's seats as bits over dense seat indices, in 64-bit words: the currency of the
// meeting kernel (kernel.hpp) and of batch rulings.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>

namespace samverkan {

/// The most seats a forum may have for the kernel; a larger forum is refused when it is compiled.
inline constexpr std::size_t max_seats = 256;
/// 64-bit words per seat mask.
inline constexpr std::size_t mask_words = max_seats / 64;
/// A seat index that names no seat.
inline constexpr std::uint16_t no_seat = 0xFFFF;

/// Seats as bits: bit i of word i / 64 is seat i. A value type with no heap memory.
class seat_mask {
public:
    constexpr seat_mask() noexcept = default;

    /// The mask whose words are `words` (bit i = seat i); words past the span are zero.
    [[nodiscard]] static constexpr seat_mask from_words(std::span<const std::uint64_t> words) noexcept {
        seat_mask m;
        for (std::size_t w = 0; w < words.size() && w < mask_words; ++w) m.words_[w] = words[w];
        return m;
    }

    /// Seats 0 … n-1.
    [[nodiscard]] static constexpr seat_mask first(std::size_t n) noexcept {
        seat_mask m;
        for (std::size_t w = 0; w < mask_words; ++w) {
            const std::size_t lo = w * 64;
            if (n >= lo + 64)
                m.words_[w] = ~std::uint64_t{0};
            else if (n > lo)
                m.words_[w] = (std::uint64_t{1} << (n - lo)) - 1;
        }
        return m;
    }

    constexpr void set(std::size_t i) noexcept { words_[i / 64] |= std::uint64_t{1} << (i % 64); }
    constexpr void reset(std::size_t i) noexcept { words_[i / 64] &= ~(std::uint64_t{1} << (i % 64)); }
    constexpr void assign(std::size_t i, bool on) noexcept { on ? set(i) : reset(i); }
    [[nodiscard]] constexpr bool test(std::size_t i) const noexcept { return (words_[i / 64] >> (i % 64)) & 1U; }

    [[nodiscard]] constexpr std::size_t count() const noexcept {
        std::size_t n = 0;
        for (const auto w : words_) n += static_cast<std::size_t>(std::popcount(w));
        return n;
    }
    [[nodiscard]] constexpr bool any() const noexcept {
        std::uint64_t all = 0;
        for (const auto w : words_) all |= w;
        return all != 0;
    }
    [[nodiscard]] constexpr bool none() const noexcept { return !any(); }

    /// The lowest seat in the set, or no_seat.
    [[nodiscard]] constexpr std::uint16_t lowest() const noexcept {
        for (std::size_t w = 0; w < mask_words; ++w)
            if (words_[w] != 0)
                return static_cast<std::uint16_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(words_[w])));
        return no_seat;
    }

    /// Calls f(i) for every seat i in the set, in increasing order.
    template <class F>
    constexpr void for_each(F&& f) const {
        for (std::size_t w = 0; w < mask_words; ++w)
            for (std::uint64_t bits = words_[w]; bits != 0; bits &= bits - 1)
                f(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
    }

    [[nodiscard]] constexpr std::span<const std::uint64_t, mask_words> words() const noexcept { return words_; }

    constexpr seat_mask& operator&=(const seat_mask& o) noexcept {
        for (std::size_t w = 0; w < mask_words; ++w) words_[w] &= o.words_[w];
        return *this;
    }
    constexpr seat_mask& operator|=(const seat_mask& o) noexcept {
        for (std::size_t w = 0; w < mask_words; ++w) words_[w] |= o.words_[w];
        return *this;
    }
    /// The seats of this mask that are not in `o`.
    [[nodiscard]] constexpr seat_mask minus(const seat_mask& o) const noexcept {
        seat_mask m = *this;
        for (std::size_t w = 0; w < mask_words; ++w) m.words_[w] &= ~o.words_[w];
        return m;
    }
    [[nodiscard]] friend constexpr seat_mask operator&(seat_mask a, const seat_mask& b) noexcept { return a &= b; }
    [[nodiscard]] friend constexpr seat_mask operator|(seat_mask a, const seat_mask& b) noexcept { return a |= b; }
    [[nodiscard]] friend constexpr bool operator==(const seat_mask&, const seat_mask&) noexcept = default;

private:
    std::array<std::uint64_t, mask_words> words_{};
};

}  // namespace samverkan
