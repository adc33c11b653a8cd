// The umbrella header: everything but the DOT export (structure_dot.hpp).
#pragma once

#include <samverkan/body.hpp>
#include <samverkan/date.hpp>
#include <samverkan/errors.hpp>
#include <samverkan/event.hpp>
#include <samverkan/event_log.hpp>
#include <samverkan/explanation.hpp>
#include <samverkan/forum.hpp>
#include <samverkan/kernel.hpp>
#include <samverkan/load.hpp>
#include <samverkan/matter.hpp>
#include <samverkan/meeting.hpp>
#include <samverkan/parameters.hpp>
#include <samverkan/problem.hpp>
#include <samverkan/quorum.hpp>
#include <samverkan/relation.hpp>
#include <samverkan/risk.hpp>
#include <samverkan/rotation.hpp>
#include <samverkan/rules.hpp>
#include <samverkan/ruleset.hpp>
#include <samverkan/ruleset_check.hpp>
#include <samverkan/ruling.hpp>
#include <samverkan/seat.hpp>
#include <samverkan/seat_mask.hpp>
#include <samverkan/source_mark.hpp>
#include <samverkan/structure.hpp>
