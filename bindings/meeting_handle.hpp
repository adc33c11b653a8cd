// What a Python Meeting holds: its ruleset and the event log it is kept in, so that its minutes (MIN-1), its
// notice (MTG-2) and its attendance register are drawn from the same steps as its rulings.
#pragma once

#include <memory>
#include <string>
#include <utility>

#include <samverkan/event_log.hpp>
#include <samverkan/meeting.hpp>

#include "handles.hpp"

namespace samverkan::python {

struct meeting_handle {
    meeting_handle(std::shared_ptr<ruleset_handle> rs, const meeting_setup& setup)
        : log(std::make_shared<event_log>(rs->rules)), rules(std::move(rs)) {
        log->open_meeting(id, setup);
    }

    /// The meeting as the log keeps it.
    [[nodiscard]] const meeting& core() const { return log->meeting_at(id); }

    std::shared_ptr<event_log> log;
    std::shared_ptr<ruleset_handle> rules;
    std::string id = "meeting";  ///< the meeting's id in its log
};

}  // namespace samverkan::python
