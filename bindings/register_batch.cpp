// Batch rulings: samverkan._core.rule_batch over NumPy arrays, with the GIL released while the kernel runs.
#include <algorithm>
#include <array>
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

/// A mask argument: packed uint64 words read in place, or a boolean (N, seats) array packed block by block
/// while the kernel runs (no packed copy of the whole array is made).
struct mask_arg {
    py::object keep;                       ///< the array read
    std::span<const std::uint64_t> words;  ///< packed input, or empty
    const std::uint8_t* bytes = nullptr;   ///< boolean input, or null
};

void read_mask(const py::object& value, const char* what, const compiled_forum& cf,
               std::optional<std::size_t>& scenarios, mask_arg& arg) {
    if (value.is_none()) return;
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
        arg.keep = c;
        arg.words = {c.data(), static_cast<std::size_t>(c.size())};
        return;
    }
    if (a.dtype().kind() != 'b')
        throw invalid_argument(std::string(what) +
                               ": expected a boolean (N, seats) array or packed uint64 words, not " +
                               std::string(py::str(a.dtype())));
    if (a.ndim() != 2 || static_cast<std::size_t>(a.shape(1)) != cf.seats)
        throw invalid_argument(std::string(what) + ": a boolean array has shape (N, " + std::to_string(cf.seats) +
                               "), one column per seat of '" + cf.source->id + "' in the order of ruleset.seats()");
    const auto c = py::array_t<bool, py::array::c_style | py::array::forcecast>::ensure(a);
    rows_must_be(static_cast<std::size_t>(a.shape(0)));
    arg.keep = c;
    arg.bytes = reinterpret_cast<const std::uint8_t*>(c.data());
}

/// Scenarios decided a block at a time, boolean masks packed into a small buffer per block first.
constexpr std::size_t block_rows = 4096;

void decide_range(const compiled_forum& cf, const std::array<const mask_arg*, 3>& masks, std::size_t words,
                  int referrals, const batch_output& out, std::size_t begin, std::size_t end) {
    std::array<std::vector<std::uint64_t>, 3> buffers;
    for (std::size_t first = begin; first < end; first += block_rows) {
        const std::size_t rows = std::min(block_rows, end - first);
        std::array<std::span<const std::uint64_t>, 3> spans;
        for (std::size_t k = 0; k < 3; ++k) {
            const mask_arg& m = *masks[k];
            if (!m.words.empty()) {
                spans[k] = m.words.subspan(first * words, rows * words);
            } else if (m.bytes != nullptr) {
                buffers[k].resize(rows * words);
                pack_seat_bytes({m.bytes + first * cf.seats, rows * cf.seats}, rows, cf.seats, buffers[k]);
                spans[k] = buffers[k];
            }
        }
        const batch_input in{rows, words, spans[0], spans[1], spans[2], referrals};
        const batch_output block{out.served.subspan(first, rows), out.quorate.subspan(first, rows),
                                 out.outcome.subspan(first, rows)};
        decide_batch(cf, in, block, 0, rows);
    }
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
    if (referrals < 0)
        throw rule_violation("CNS-3", "a matter cannot have been referred back a negative number of times");
    std::optional<std::size_t> scenarios;
    mask_arg p, o, d;
    read_mask(present, "present", *cf, scenarios, p);
    read_mask(objections, "objections", *cf, scenarios, o);
    read_mask(disqualified, "disqualified", *cf, scenarios, d);
    const std::size_t n = scenarios.value_or(0);
    const std::size_t words = (cf->seats + 63) / 64;
    py::array_t<std::uint16_t> served(static_cast<py::ssize_t>(n));
    py::array_t<bool> quorate(static_cast<py::ssize_t>(n));
    py::array_t<std::uint8_t> outcome(static_cast<py::ssize_t>(n));
    const batch_output out{{served.mutable_data(), n},
                           {reinterpret_cast<std::uint8_t*>(quorate.mutable_data()), n},
                           {outcome.mutable_data(), n}};
    {
        const py::gil_scoped_release release;
        run_chunks(n, threads, [&](std::size_t begin, std::size_t end) {
            decide_range(*cf, {&p, &o, &d}, words, referrals, out, begin, end);
        });
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
