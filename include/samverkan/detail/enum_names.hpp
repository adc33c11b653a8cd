// One table of names per enum, so each enum's text form is written once.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace samverkan::detail {

/// Specialise with `static constexpr std::array names{...}` in enumerator order.
template <class E>
struct enum_names;

template <class E>
concept named_enum = requires { enum_names<E>::names; };

/// "a, b or c": the accepted names, for error messages.
template <named_enum E>
std::string enum_choices() {
    std::string out;
    const auto& names = enum_names<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
        out += names[i];
    }
    return out;
}

}  // namespace samverkan::detail

namespace samverkan {

/// The text form of an enumerator, as rulesets and Python spell it.
template <detail::named_enum E>
[[nodiscard]] constexpr std::string_view to_string(E value) noexcept {
    return detail::enum_names<E>::names[static_cast<std::size_t>(value)];
}

/// The enumerator spelled `text`, or nullopt.
template <detail::named_enum E>
[[nodiscard]] constexpr std::optional<E> enum_from_string(std::string_view text) noexcept {
    const auto& names = detail::enum_names<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == text) return static_cast<E>(i);
    return std::nullopt;
}

}  // namespace samverkan
