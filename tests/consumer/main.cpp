// Loads the embedded ruleset in force on a date and prints figures a user would check.
#include <iostream>

#include <samverkan/samverkan.hpp>

int main() {
    using namespace std::chrono;
    const auto rs = samverkan::load_default(year{2026} / March / 13);
    const samverkan::structure s(rs);
    const auto& samrad = rs->forum_by_id("politiskt_samrad");
    std::cout << rs->id << ' ' << samrad.seats.size() << ' ' << samrad.count(samverkan::seat_kind::ordinary) << ' '
              << samverkan::quorum_threshold(rs->meeting.quorum, samrad.count(samverkan::seat_kind::ordinary)) << ' '
              << s.adopters_of("politiskt_samrad").size() << '\n';
    return s.validate().empty() ? 0 : 1;
}
