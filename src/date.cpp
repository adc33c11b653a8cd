// ISO 8601 date parsing with the date library (libstdc++ 12 has no std::chrono::parse).
#include <sstream>
#include <string>

#include <date/date.h>

#include <samverkan/date.hpp>

namespace samverkan {

std::optional<date> parse_iso_date(std::string_view text) {
    // Exactly YYYY-MM-DD: ten characters, digits but for the two dashes (no sign, no short fields).
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) return std::nullopt;
    // Years 0001 … 9999: a year 0000 is in no calendar anyone writes a date of governance in.
    if (text.substr(0, 4) == "0000") return std::nullopt;
    std::istringstream in{std::string(text)};
    ::date::year_month_day parsed{};
    in >> ::date::parse("%Y-%m-%d", parsed);
    if (in.fail() || !parsed.ok() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
    return date{std::chrono::sys_days{std::chrono::days{::date::sys_days{parsed}.time_since_epoch().count()}}};
}

}  // namespace samverkan
