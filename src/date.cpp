// ISO 8601 date parsing with the date library (libstdc++ 12 has no std::chrono::parse).
#include <sstream>
#include <string>

#include <date/date.h>

#include <samverkan/date.hpp>

namespace samverkan {

std::optional<date> parse_iso_date(std::string_view text) {
    if (text.size() != 10) return std::nullopt;  // exactly YYYY-MM-DD
    std::istringstream in{std::string(text)};
    ::date::year_month_day parsed{};
    in >> ::date::parse("%Y-%m-%d", parsed);
    if (in.fail() || !parsed.ok() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
    return date{std::chrono::sys_days{std::chrono::days{::date::sys_days{parsed}.time_since_epoch().count()}}};
}

}  // namespace samverkan
