// What a Python Meeting holds. It stands alone until it considers a matter, or until its notice or minutes are
// asked for; then it is opened in an event log (the matter's, or one of its own) with every step it has taken
// so far, and from then on the log holds it and takes its steps (one log per history). Its minutes (MIN-1), its
// notice (MTG-2) and its attendance register are drawn from the same steps as its rulings.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <samverkan/event_log.hpp>
#include <samverkan/meeting.hpp>

#include "handles.hpp"
#include "log_handle.hpp"

namespace samverkan::python {

struct arrival {
    std::string seat;
    bool remote = false;
};
struct departure {
    std::string seat;
    leave_reason why = leave_reason::left;
};

/// A meeting and the Python Ruleset it was made from. It stands alone until it considers a matter; then it is
/// opened in the matter's event log with every step it has taken so far, and from then on the log holds it and
/// takes its steps (one log per history).
struct meeting_handle {
    meeting core;
    std::shared_ptr<ruleset_handle> rules;
    std::string id;                         ///< its id in the log; chosen when it joins one, unless given
    std::shared_ptr<event_log_handle> log;  ///< the log that holds it, once it has joined one
    std::vector<std::variant<arrival, departure, agenda_item>> steps;  ///< what it did while it stood alone

    [[nodiscard]] const meeting& view() const { return log ? log->core.meeting_at(id) : core; }

    /// Takes `step` on the log `to`: a meeting that stands alone is first opened there with the steps it has
    /// taken so far, which the log decides again. All on a copy of the log, so that a refusal anywhere leaves
    /// the log, and the meeting standing alone, as they were.
    template <class Step>
    auto in_log(const std::shared_ptr<event_log_handle>& to, Step step) {
        if (log == to) return step(to->core, id);
        if (log) throw invalid_argument("the meeting is kept in another event log than the matter's");
        if (to->rules->rules->id != rules->rules->id)
            throw invalid_argument("the meeting is under ruleset '" + rules->rules->id + "', the matter under '" +
                                   to->rules->rules->id + "'");
        std::string chosen = id;
        if (chosen.empty()) {
            const std::string base = core.setup().forum + "-" + to_iso_string(core.setup().day);
            chosen = base;
            for (int n = 2; to->core.meetings().contains(chosen); ++n) chosen = base + "-" + std::to_string(n);
        }
        event_log copy = to->core;
        copy.open_meeting(chosen, core.setup());
        for (const auto& s : steps) {
            if (const auto* a = std::get_if<arrival>(&s))
                copy.arrive(chosen, a->seat, a->remote);
            else if (const auto* d = std::get_if<departure>(&s))
                copy.leave(chosen, d->seat, d->why);
            else
                (void)copy.consider_item(chosen, std::get<agenda_item>(s));
        }
        auto result = step(copy, chosen);
        to->core = std::move(copy);
        id = std::move(chosen);
        log = to;
        steps.clear();
        return result;
    }

    /// The log that holds the meeting: the one it joined, or else a new log of its own, which it joins now with
    /// every step so far (its notice and minutes are read from a log).
    event_log_handle& joined() {
        if (!log) {
            auto own = std::make_shared<event_log_handle>(event_log_handle{event_log(rules->rules), rules});
            (void)in_log(own, [](event_log&, const std::string&) { return 0; });
        }
        return *log;
    }
};

}  // namespace samverkan::python
