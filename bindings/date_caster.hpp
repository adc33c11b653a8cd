// datetime.date <-> std::chrono::year_month_day, the one place dates cross the language border.
#pragma once

#include <chrono>

#include <pybind11/pybind11.h>

#include <datetime.h>

namespace pybind11::detail {

template <>
struct type_caster<std::chrono::year_month_day> {
    PYBIND11_TYPE_CASTER(std::chrono::year_month_day, const_name("datetime.date"));

    bool load(handle src, bool) {
        if (!PyDateTimeAPI) PyDateTime_IMPORT;
        if (!src || !PyDate_Check(src.ptr())) return false;
        value = std::chrono::year{PyDateTime_GET_YEAR(src.ptr())} /
                std::chrono::month{static_cast<unsigned>(PyDateTime_GET_MONTH(src.ptr()))} /
                std::chrono::day{static_cast<unsigned>(PyDateTime_GET_DAY(src.ptr()))};
        return true;
    }

    static handle cast(const std::chrono::year_month_day& d, return_value_policy, handle) {
        if (!PyDateTimeAPI) PyDateTime_IMPORT;
        return PyDate_FromDate(static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
                               static_cast<int>(static_cast<unsigned>(d.day())));
    }
};

}  // namespace pybind11::detail
