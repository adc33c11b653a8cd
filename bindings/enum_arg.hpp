// A Python argument naming an enumerator, e.g. level="strategic": the one conversion, with one message.
#pragma once

#include <string>

#include <samverkan/detail/enum_names.hpp>
#include <samverkan/errors.hpp>

namespace samverkan::python {

/// The enumerator named `text`; invalid_argument (Python ArgumentError, a ValueError) "<what> must be a, b or
/// c, not 'x'" otherwise.
template <class E>
E enum_arg(const std::string& text, const char* what) {
    if (auto e = enum_from_string<E>(text)) return *e;
    throw invalid_argument(std::string(what) + " must be " + detail::enum_choices<E>() + ", not '" + text + "'");
}

}  // namespace samverkan::python
