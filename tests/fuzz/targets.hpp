// The fuzz targets' bodies, shared by the libFuzzer entry points (tests/fuzz/fuzz_*.cpp) and by the regression
// test that runs every seed and every input a fuzzer ever found (tests/cpp/test_fuzz_corpus.cpp), so a crash
// found once stays fixed in every build.
//
// Each function takes any bytes. Refusals by the library (samverkan::error and its kinds) are expected; a crash,
// a sanitizer report, another exception or a broken property (below) is a finding: it prints what broke and
// aborts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include <samverkan/changes.hpp>
#include <samverkan/errors.hpp>
#include <samverkan/event_log.hpp>
#include <samverkan/kernel.hpp>
#include <samverkan/load.hpp>
#include <samverkan/meeting.hpp>
#include <samverkan/structure.hpp>

namespace samverkan::fuzz {

[[noreturn]] inline void finding(const std::string& what) {
    std::fprintf(stderr, "fuzz finding: %s\n", what.c_str());
    std::abort();
}

/// Bytes read one at a time; zeros once they run out.
class byte_reader {
public:
    byte_reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    std::uint8_t next() {
        if (at_ == size_) return 0;
        return data_[at_++];
    }
    [[nodiscard]] bool done() const { return at_ == size_; }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t at_ = 0;
};

/// A ruleset the library accepted writes itself out (to_yaml) as text that loads back to an equal ruleset.
inline void check_round_trip(const ruleset& rs, std::string_view what) {
    std::string text;
    ruleset_ptr back;
    try {
        text = to_yaml(rs);
        back = load_from_string(text, "round trip");
    } catch (const std::exception& e) {
        finding(std::string(what) + ": to_yaml of an accepted ruleset does not load back: " + e.what() + "\n" + text);
    }
    const auto differences = diff(rs, *back);
    if (!differences.empty())
        finding(std::string(what) + ": the ruleset loaded back from to_yaml differs at " + differences.front().path);
}

/// Ruleset YAML in: load, validate, compile every forum, write out and load back.
inline int ruleset_text(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    ruleset_ptr rs;
    try {
        rs = load_from_string(text, "fuzz.yaml");
    } catch (const error&) {
        return 0;
    }
    (void)structure(rs).validate();
    for (const auto& f : rs->forums) {
        try {
            (void)compile_forum(rs, f.id);
        } catch (const error&) {
        }
    }
    check_round_trip(*rs, "ruleset");
    return 0;
}

/// A change file in: read it, apply it to the embedded version it names or the one in force on its date, write
/// the result out and load it back.
inline int change_text(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto set = changes_from_string(text, "fuzz-change.yaml");
        ruleset_ptr base = embedded_versions().back();
        for (const auto& v : embedded_versions())
            if (v->id == set.base || (set.base.empty() && set.effective && v->in_force_on(*set.effective))) base = v;
        const auto changed = with_changes(*base, set);
        (void)diff(*base, *changed);
        check_round_trip(*changed, "change");
    } catch (const error&) {
    }
    return 0;
}

/// A meeting in: the version and forum, who is present, then a sequence of arrivals, departures and items, each
/// from the bytes. A refused item must leave the meeting as it was; a ruling must be consistent with itself.
inline int meeting_steps(const std::uint8_t* data, std::size_t size) {
    byte_reader in(data, size);
    const auto& versions = embedded_versions();
    const auto& rs = versions[in.next() % versions.size()];
    const auto& forum = rs->forums[in.next() % rs->forums.size()];
    const auto& seats = forum.seats;
    auto seat_id = [&]() -> std::string {
        const auto b = in.next();
        if (b == 255) return "no/such_seat";
        return seats.empty() ? std::string("no/such_seat") : seats[b % seats.size()].id;
    };
    meeting_setup setup;
    setup.forum = forum.id;
    setup.day = rs->valid_from;
    for (const auto& s : seats)
        if (in.next() % 4 != 0) setup.present.push_back(s.id);
    if (in.next() % 8 == 0) setup.remote.push_back(seat_id());
    if (in.next() % 4 == 0) setup.chair = seat_id();
    if (in.next() % 4 == 0) setup.vice_chair = seat_id();
    if (in.next() % 4 == 0)
        for (const auto& id : setup.present)
            setup.people[id] = person{id, date{std::chrono::year{1950 + in.next() % 50} / 1 / 1}, std::nullopt};
    std::optional<meeting> m;
    try {
        m.emplace(rs, setup);
    } catch (const error&) {
        return 0;
    }
    for (int step = 0; step < 64 && !in.done(); ++step) {
        try {
            switch (in.next() % 4) {
                case 0:
                    m->arrive(seat_id(), in.next() % 2 == 1);
                    break;
                case 1:
                    m->leave(seat_id(), in.next() % 2 == 1 ? leave_reason::disqualified : leave_reason::left);
                    break;
                default: {
                    agenda_item item;
                    item.title = "Ärende";
                    for (int k = in.next() % 4; k > 0; --k) item.objections.push_back(seat_id());
                    for (int k = in.next() % 3; k > 0; --k) item.abstentions.push_back(seat_id());
                    for (int k = in.next() % 3; k > 0; --k) item.disqualified.push_back(seat_id());
                    item.referrals = static_cast<int>(in.next() % 5) - 1;
                    item.choice = static_cast<no_consensus_choice>(in.next() % 3);
                    const auto before = m->rulings().size();
                    try {
                        const auto r = m->consider(item);
                        if (m->rulings().size() != before + 1) finding("a ruling was not recorded once");
                        if (r.result() == outcome::position && !r.quorate()) finding("a position without quorum");
                        if (r.served() > forum.seats.size()) finding("more seats served than the forum has");
                        if (r.explain().empty() || r.explain(language::en).empty()) finding("an empty explanation");
                    } catch (const error&) {
                        if (m->rulings().size() != before) finding("a refused item changed the meeting");
                        throw;
                    }
                }
            }
        } catch (const error&) {
        }
    }
    return 0;
}

/// An event log's JSON in, read and replayed under the ruleset it names (an embedded version). An accepted log
/// writes itself out as text that reads back to the same text.
inline int event_log_text(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const auto& rs : embedded_versions()) {
        std::string once;
        try {
            once = to_json(event_log_from_json(rs, text));
        } catch (const error&) {
            continue;
        }
        try {
            if (to_json(event_log_from_json(rs, once)) != once)
                finding("event log: to_json does not read back the same");
        } catch (const std::exception& e) {
            finding(std::string("event log: to_json of an accepted log does not read back: ") + e.what());
        }
    }
    return 0;
}

}  // namespace samverkan::fuzz
