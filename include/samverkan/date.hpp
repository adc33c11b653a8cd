// Calendar dates: the library's one date type and its ISO 8601 text form.
#pragma once

#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace samverkan {

/// A calendar day; every date in the library is one of these.
using date = std::chrono::year_month_day;

/// The last day the library handles: the largest date the ISO 8601 form YYYY-MM-DD (and Python's
/// datetime.date) can write. What would reach past it is refused, never wrapped.
inline constexpr date max_date{std::chrono::year{9999}, std::chrono::December, std::chrono::day{31}};

/// Today's date in the local time zone (as Python's date.today()); UTC where none is set.
[[nodiscard]] inline date today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    if (localtime_r(&now, &local) == nullptr)
        return date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    return std::chrono::year{local.tm_year + 1900} / std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)} /
           std::chrono::day{static_cast<unsigned>(local.tm_mday)};
}

/// "YYYY-MM-DD".
[[nodiscard]] inline std::string to_iso_string(date d) {
    std::array<char, 16> buf{};
    std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf.data();
}

/// Parses "YYYY-MM-DD"; nullopt unless the whole text is a real calendar date.
/// Defined in the compiled library (it uses the date library's parser).
[[nodiscard]] std::optional<date> parse_iso_date(std::string_view text);

}  // namespace samverkan
