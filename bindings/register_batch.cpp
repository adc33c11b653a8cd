// Batch rulings: samverkan._core.rule_batch over NumPy arrays, with the GIL released while the kernel runs.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <samverkan/batch.hpp>
#include <samverkan/simulate.hpp>

#include "handles.hpp"
#include "register.hpp"

namespace py = pybind11;

namespace samverkan::python {

namespace {

/// The most threads rule_batch starts.
constexpr unsigned max_threads = 256;

/// A mask argument as packed words: a packed uint64 array is read in place; a boolean (N, seats) array is
/// packed into `packed`, in `threads` threads.
struct mask_arg {
    py::object keep;  ///< the array the words are read from
    std::vector<std::uint64_t> packed;
};

std::span<const std::uint64_t> words_of(const py::object& value, const char* what, const compiled_forum& cf,
                                        std::optional<std::size_t>& scenarios, unsigned threads, mask_arg& arg) {
    if (value.is_none()) return {};
    auto& storage = arg.packed;
    const std::size_t words = (cf.seats + 63) / 64;
    const py::array a = py::array::ensure(value);
    if (!a) throw invalid_argument(std::string(what) + ": expected a NumPy array");
    auto rows_must_be = [&](std::size_t n) {
        if (scenarios && *scenarios != n)
            throw invalid_argument(std::string(what) + " has " + std::to_string(n) + " scenarios, present has " +
                                   std::to_string(*scenarios));
        scenarios = n;
    };
    if (a.dtype().is(py::dtype::of<std::uint64_t>())) {
        const bool flat = a.ndim() == 1 && words == 1;
        if (!flat && !(a.ndim() == 2 && static_cast<std::size_t>(a.shape(1)) == words))
            throw invalid_argument(std::string(what) + ": packed masks of forum '" + cf.source->id +
                                   "' have shape (N, " + std::to_string(words) + ")" + (words == 1 ? " or (N,)" : ""));
        const auto c = py::array_t<std::uint64_t, py::array::c_style | py::array::forcecast>::ensure(a);
        rows_must_be(static_cast<std::size_t>(a.shape(0)));
        arg.keep = c;  // C-ordered words are read where they are
        return {c.data(), static_cast<std::size_t>(c.size())};
    }
    if (a.dtype().kind() != 'b')
        throw invalid_argument(std::string(what) +
                               ": expected a boolean (N, seats) array or packed uint64 words, not " +
                               std::string(py::str(a.dtype())));
    if (a.ndim() != 2 || static_cast<std::size_t>(a.shape(1)) != cf.seats)
        throw invalid_argument(std::string(what) + ": a boolean array has shape (N, " + std::to_string(cf.seats) +
                               "), one column per seat of '" + cf.source->id + "' in the order of ruleset.seats()");
    const auto c = py::array_t<bool, py::array::c_style | py::array::forcecast>::ensure(a);
    const auto rows = static_cast<std::size_t>(a.shape(0));
    rows_must_be(rows);
    storage.resize(rows * words);
    const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(c.data()), rows * cf.seats);
    {
        const py::gil_scoped_release release;
        run_chunks(rows, threads, [&](std::size_t begin, std::size_t end) {
            pack_seat_bytes(bytes.subspan(begin * cf.seats, (end - begin) * cf.seats), end - begin, cf.seats,
                            std::span<std::uint64_t>(storage).subspan(begin * words, (end - begin) * words));
        });
    }
    return storage;
}

py::dict rule_batch(const ruleset_handle& rs, const std::string& forum_id, const py::object& present,
                    const py::object& objections, const py::object& disqualified, int referrals,
                    std::optional<unsigned> threads_arg) {
    const auto cf = rs.compiled(forum_id);
    const unsigned threads = threads_arg.value_or(std::max(1U, std::thread::hardware_concurrency()));
    if (threads < 1 || threads > max_threads)
        throw invalid_argument("threads must be between 1 and " + std::to_string(max_threads) + ", not " +
                               std::to_string(threads));
    if (present.is_none())
        throw invalid_argument("present: expected a boolean (N, seats) array or packed uint64 words");
    std::optional<std::size_t> scenarios;
    mask_arg p, o, d;
    batch_input in;
    in.words = (cf->seats + 63) / 64;
    in.present = words_of(present, "present", *cf, scenarios, threads, p);
    in.objections = words_of(objections, "objections", *cf, scenarios, threads, o);
    in.disqualified = words_of(disqualified, "disqualified", *cf, scenarios, threads, d);
    in.scenarios = scenarios.value_or(0);
    in.referrals = referrals;
    const auto n = static_cast<py::ssize_t>(in.scenarios);
    py::array_t<std::uint16_t> served(n);
    py::array_t<bool> quorate(n);
    py::array_t<std::uint8_t> outcome(n);
    const batch_output out{{served.mutable_data(), in.scenarios},
                           {reinterpret_cast<std::uint8_t*>(quorate.mutable_data()), in.scenarios},
                           {outcome.mutable_data(), in.scenarios}};
    batch_check(*cf, in, out);
    {
        const py::gil_scoped_release release;
        run_chunks(in.scenarios, threads,
                   [&](std::size_t begin, std::size_t end) { decide_batch(*cf, in, out, begin, end); });
    }
    py::dict result;
    result["served"] = served;
    result["quorate"] = quorate;
    result["outcome"] = outcome;
    return result;
}

/// Seat ids as a mask; an id that holds no seat is refused as a meeting refuses it (RGT-4).
seat_mask seats_of(const compiled_forum& cf, const std::vector<std::string>& ids, const char* what) {
    seat_mask m;
    for (const auto& id : ids) {
        const auto i = cf.find(id);
        if (!i) throw not_permitted("RGT-4", "'" + id + "' in " + what + " holds no seat in " + cf.source->id);
        m.set(*i);
    }
    return m;
}

py::dict simulate_meetings(const ruleset_handle& rs, const std::string& forum_id, std::vector<double> present,
                           const std::vector<std::pair<std::vector<std::string>, double>>& clashes, double objection,
                           int referrals, std::uint64_t n, std::uint64_t seed, std::optional<unsigned> threads_arg) {
    const auto cf = rs.compiled(forum_id);
    const unsigned threads = threads_arg.value_or(std::max(1U, std::thread::hardware_concurrency()));
    if (threads < 1 || threads > max_threads)
        throw invalid_argument("threads must be between 1 and " + std::to_string(max_threads) + ", not " +
                               std::to_string(threads));
    attendance_model model;
    model.present = std::move(present);
    for (const auto& [ids, q] : clashes) model.clashes.emplace_back(seats_of(*cf, ids, "a clash"), q);
    model.objection = objection;
    model.referrals = referrals;
    simulation_check(*cf, model, n);
    simulation_counts counts;
    {
        const py::gil_scoped_release release;
        counts = simulate(*cf, model, n, seed, threads);
    }
    py::dict result;
    result["meetings"] = counts.meetings;
    result["outcomes"] = std::vector<std::uint64_t>(counts.outcomes.begin(), counts.outcomes.end());
    result["served"] = counts.served;
    return result;
}

}  // namespace

void register_batch(py::module_& m) {
    m.def("simulate", &simulate_meetings, py::arg("ruleset"), py::arg("forum"), py::arg("present"), py::arg("clashes"),
          py::arg("objection"), py::arg("referrals"), py::arg("n"), py::arg("seed"), py::arg("threads") = py::none(),
          "Simulates n meetings' first items: counts by outcome code and by ordinary seats served.");
    m.def("rule_batch", &rule_batch, py::arg("ruleset"), py::arg("forum"), py::arg("present"),
          py::arg("objections") = py::none(), py::arg("disqualified") = py::none(), py::arg("referrals") = 0,
          py::arg("threads") = py::none(),
          "Decides N scenarios of one forum, each as the first item of a meeting: served, quorate, outcome codes.");
    m.def("batch_has_fast_form", [](const ruleset_handle& rs, const std::string& forum_id) {
        return batch_has_fast_form(*rs.compiled(forum_id));
    });
    m.attr("REFUSED") = refused_code;
}

}  // namespace samverkan::python
