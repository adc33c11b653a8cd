// A Python argument naming an enumerator, e.g. level="strategic": the one conversion, with one message.
#pragma once

#include <string>

#include <pybind11/pybind11.h>

#include <samverkan/detail/enum_names.hpp>

namespace samverkan::python {

/// The enumerator named `text`; ValueError "<what> must be a, b or c, not 'x'" otherwise.
template <class E>
E enum_arg(const std::string& text, const char* what) {
    if (auto e = enum_from_string<E>(text)) return *e;
    throw pybind11::value_error(std::string(what) + " must be " + detail::enum_choices<E>() + ", not '" + text + "'");
}

}  // namespace samverkan::python
