// The event log: meetings and matters as a pure function of their events, replay, the JSON form, and the
// refusal of logs that are tampered with, out of order, of a newer schema or too large.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <samverkan/event_log.hpp>
#include <samverkan/load.hpp>

#include "log_support.hpp"

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_event_log {

using namespace std::chrono;
using samverkan::adoption_state;
using samverkan::event;
using samverkan::event_kind;
using samverkan::event_log;
using samverkan::step_options;
using namespace samverkan::test;

namespace {

/// A year of the samråd: two meetings with attendance changes, three matters (one directional, adopted in part;
/// one referred back and removed; one placed on the agenda by force), an information item and a deadline.
event_log busy_log() {
    event_log log(rules_2026());
    bring_to_agenda(log, "m1");
    bring_to_agenda(log, "m2");
    log.raise("m3", "Främja hälsa", "politiskt_samrad", "lgs", raised_on);
    log.place_on_agenda("m3", placed_on, step_options{true, "the plan's deadline"});

    auto present = samrad_seats(log.rules());
    std::erase(present, "su/ord");
    auto setup = samrad_setup(meeting_day, present);
    samverkan::person eldest;
    eldest.name = "Anna Andersson";
    eldest.born = year{1950} / May / 1;
    setup.people.emplace("molndal/ord", eldest);
    log.open_meeting("samrad-1", setup);
    (void)log.consider_item("samrad-1", {});  // information from the officials (MIN-3)
    log.arrive("samrad-1", "su/ord");
    (void)log.consider("samrad-1", "m1", agreed(), true);
    log.leave("samrad-1", "goteborg/ord2");
    samverkan::agenda_item jav;
    jav.disqualified = {"narhalsan/ord"};
    jav.objections = {"su/ord"};
    jav.reason = "ask the providers";
    (void)log.consider("samrad-1", "m2", jav);
    (void)log.consider("samrad-1", "m3", agreed());
    log.set_deadline("m1", "", year{2026} / June / 30, meeting_day);
    log.record_adoption("m1", "su", adoption_state::adopted, year{2026} / April / 20, "SU 2026-00123");
    log.record_adoption("m1", "goteborg", adoption_state::adopted_with_changes, year{2026} / April / 9, "KS 2026/44");

    log.prepare("m2", "lgs_beredning", year{2026} / May / 4);
    log.place_on_agenda("m2", year{2026} / September / 1);
    log.open_meeting("samrad-2", samrad_setup(next_meeting_day, samrad_seats(log.rules(), true)));
    log.leave("samrad-2", "tandvard/ord", samverkan::leave_reason::disqualified);
    (void)log.consider("samrad-2", "m2", objected());
    return log;
}

/// Every ruling of a meeting as its steps and outcome.
std::vector<std::vector<samverkan::ruling_step>> steps_of(const samverkan::meeting& m) {
    std::vector<std::vector<samverkan::ruling_step>> out;
    for (const auto& r : m.rulings()) out.push_back(r.steps());
    return out;
}

void expect_same_state(const event_log& a, const event_log& b) {
    EXPECT_EQ(a.events(), b.events());
    EXPECT_EQ(a.matters(), b.matters());
    ASSERT_EQ(a.meetings().size(), b.meetings().size());
    for (const auto& [id, m] : a.meetings()) {
        const auto& other = b.meeting_at(id);
        EXPECT_EQ(steps_of(m), steps_of(other)) << id;
        EXPECT_EQ(m.setup().present, other.setup().present) << id;
        EXPECT_EQ(m.setup().people.size(), other.setup().people.size()) << id;
    }
    EXPECT_EQ(a.violations(), b.violations());
}

/// The index of the first event of this kind on this subject.
std::size_t index_of(const std::vector<event>& events, event_kind kind, const std::string& subject) {
    for (std::size_t i = 0; i < events.size(); ++i)
        if (events[i].kind == kind && events[i].subject == subject) return i;
    ADD_FAILURE() << "no such event";
    return 0;
}

void expect_log_error(const std::vector<event>& events, std::size_t index, const std::string& rule) {
    try {
        (void)event_log::replay(rules_2026(), events);
        ADD_FAILURE() << "expected the log to be refused at event " << index;
    } catch (const samverkan::log_error& e) {
        EXPECT_EQ(e.index(), index) << e.what();
        EXPECT_EQ(e.rule(), rule) << e.what();
        EXPECT_EQ(std::string(e.what()).rfind("event " + std::to_string(index) + ":", 0), 0u) << e.what();
    }
}

}  // namespace

TEST(EventLog, EveryStepOfMattersAndMeetingsIsAnEvent) {
    const auto log = busy_log();
    std::vector<event_kind> kinds;
    for (const auto& e : log.events()) kinds.push_back(e.kind);
    EXPECT_EQ(std::count(kinds.begin(), kinds.end(), event_kind::meeting_opened), 2);
    EXPECT_EQ(std::count(kinds.begin(), kinds.end(), event_kind::arrived), 1);
    EXPECT_EQ(std::count(kinds.begin(), kinds.end(), event_kind::left), 2);
    EXPECT_EQ(std::count(kinds.begin(), kinds.end(), event_kind::item_considered), 1);
    EXPECT_EQ(std::count(kinds.begin(), kinds.end(), event_kind::considered), 4);
    const auto& opened = log.events()[index_of(log.events(), event_kind::meeting_opened, "samrad-1")];
    EXPECT_EQ(opened.by, "politiskt_samrad");
    EXPECT_EQ(opened.day, meeting_day);
    EXPECT_NE(opened.find("person:molndal/ord"), nullptr);
    const auto& left = log.events()[index_of(log.events(), event_kind::left, "samrad-2")];
    EXPECT_EQ(left.rules, std::vector<std::string>{"QRM-4"});
    EXPECT_EQ(log.meeting_at("samrad-1").rulings().size(), 4u);
    EXPECT_EQ(log.matter_at("m2").state(), samverkan::matter_state::removed);
    EXPECT_EQ(log.matter_at("m1").history().size(), 7u);
}

TEST(EventLog, ReplayRebuildsTheSameMattersAndMeetings) {
    const auto log = busy_log();
    const auto again = event_log::replay(rules_2026(), log.events());
    expect_same_state(log, again);
    // And the replayed log goes on as the original would.
    auto a = log;
    auto b = again;
    a.record_adoption("m1", "ockero", adoption_state::declined, year{2026} / May / 5, "KS 12");
    b.record_adoption("m1", "ockero", adoption_state::declined, year{2026} / May / 5, "KS 12");
    expect_same_state(a, b);
}

TEST(EventLog, JsonRoundTripIsLossless) {
    const auto log = busy_log();
    const std::string text = to_json(log);
    EXPECT_EQ(text.rfind("{\n \"samverkan_event_log\": 1,\n \"ruleset\": \"goteborg-2026\"", 0), 0u)
        << text.substr(0, 80);
    const auto read = samverkan::event_log_from_json(rules_2026(), text);
    EXPECT_EQ(to_json(read), text);
    expect_same_state(log, read);
    EXPECT_NE(text.find("\"Trygga vårdövergångar\""), std::string::npos);
    EXPECT_NE(text.find("\"forced\": true"), std::string::npos);
}

TEST(EventLog, AnEmptyLogRoundTrips) {
    const event_log log(rules_2026());
    const auto read = samverkan::event_log_from_json(rules_2026(), to_json(log));
    EXPECT_TRUE(read.events().empty());
}

TEST(EventLog, ANewerSchemaVersionIsRefusedByName) {
    std::string text = to_json(busy_log());
    text.replace(text.find("\"samverkan_event_log\": 1"), 24, "\"samverkan_event_log\": 2");
    try {
        (void)samverkan::event_log_from_json(rules_2026(), text);
        ADD_FAILURE() << "expected a refusal";
    } catch (const samverkan::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("schema version 2, newer than version 1"), std::string::npos) << e.what();
    }
}

TEST(EventLog, MalformedJsonIsRefusedWithoutCrashing) {
    const auto rules = rules_2026();
    const std::string good = to_json(busy_log());
    EXPECT_THROW((void)samverkan::event_log_from_json(rules, "{"), samverkan::invalid_argument);
    EXPECT_THROW((void)samverkan::event_log_from_json(rules, "[]"), samverkan::invalid_argument);
    EXPECT_THROW((void)samverkan::event_log_from_json(rules, std::string(100000, '[')), samverkan::invalid_argument);
    EXPECT_THROW((void)samverkan::event_log_from_json(samverkan::load_default(year{2020} / June / 1), good),
                 samverkan::invalid_argument);  // kept under another ruleset
    std::string unknown_key = good;
    unknown_key.replace(unknown_key.find("\"by\""), 4, "\"who\"");
    EXPECT_THROW((void)samverkan::event_log_from_json(rules, unknown_key), samverkan::log_error);
    std::string bad_day = good;
    bad_day.replace(bad_day.find("\"2026-02-02\""), 12, "\"2026-02-30\"");
    EXPECT_THROW((void)samverkan::event_log_from_json(rules, bad_day), samverkan::log_error);
}

TEST(EventLog, JsonEventsOutOfOrderAreRefusedNamingTheFirst) {
    std::string text = to_json(busy_log());
    const auto first = text.find("\"seq\": 3,");
    const auto second = text.find("\"seq\": 4,");
    text.replace(second, 9, "\"seq\": 3,");
    text.replace(first, 9, "\"seq\": 4,");
    try {
        (void)samverkan::event_log_from_json(rules_2026(), text);
        ADD_FAILURE() << "expected a refusal";
    } catch (const samverkan::log_error& e) {
        EXPECT_EQ(e.index(), 3u) << e.what();
        EXPECT_NE(std::string(e.what()).find("out of order"), std::string::npos) << e.what();
    }
}

TEST(EventLog, MTG3_AReorderedLogIsRefusedAtTheFirstOffendingEvent) {
    auto events = busy_log().events();
    const auto prepared = index_of(events, event_kind::prepared, "m1");
    const auto placed = index_of(events, event_kind::placed_on_agenda, "m1");
    std::swap(events[prepared], events[placed]);  // on the agenda before it was prepared
    expect_log_error(events, prepared, "MTG-3");
}

TEST(EventLog, STR1_ATamperedPreparerIsRefused) {
    auto events = busy_log().events();
    const auto prepared = index_of(events, event_kind::prepared, "m2");
    events[prepared].by = "tema_aldre";
    expect_log_error(events, prepared, "STR-1");
}

TEST(EventLog, ATamperedOutcomeIsRefused) {
    auto events = busy_log().events();
    const auto considered = index_of(events, event_kind::considered, "m1");
    for (auto& f : events[considered].facts)
        if (f.name == "outcome") f.value = std::string("removed");
    expect_log_error(events, considered, "");
}

TEST(EventLog, TamperedRulingStepsAreRefused) {
    auto events = busy_log().events();
    const auto item = index_of(events, event_kind::item_considered, "samrad-1");
    events[item].steps.pop_back();
    expect_log_error(events, item, "");
}

TEST(EventLog, ATamperedAttendanceChangesTheNextRulingAndIsRefused) {
    auto events = busy_log().events();
    const auto arrived = index_of(events, event_kind::arrived, "samrad-1");
    events.erase(events.begin() + static_cast<std::ptrdiff_t>(arrived));  // su/ord never arrived
    // The next item then has su/ers serving for su: its recorded steps no longer match.
    expect_log_error(events, index_of(events, event_kind::considered, "m1"), "");
}

TEST(EventLog, AFlaggedEventIsAcceptedAndAnUnflaggedOneRefused) {
    auto events = busy_log().events();
    const auto forced = index_of(events, event_kind::placed_on_agenda, "m3");
    ASSERT_TRUE(events[forced].forced);
    const auto replayed = event_log::replay(rules_2026(), events);
    ASSERT_EQ(replayed.violations().size(), 1u);
    EXPECT_EQ(replayed.violations()[0].index, forced);
    EXPECT_EQ(replayed.violations()[0].rule, "MTG-3");

    auto unflagged = events;
    unflagged[forced].forced = false;
    unflagged[forced].breaks.clear();
    unflagged[forced].reason.clear();
    expect_log_error(unflagged, forced, "MTG-3");

    auto wrong_rule = events;
    wrong_rule[forced].breaks = "STR-1";
    expect_log_error(wrong_rule, forced, "MTG-3");

    auto no_reason = events;
    no_reason[forced].reason.clear();
    expect_log_error(no_reason, forced, "");

    auto flagged_needlessly = events;
    const auto prepared = index_of(events, event_kind::prepared, "m1");
    flagged_needlessly[prepared].forced = true;
    flagged_needlessly[prepared].breaks = "STR-1";
    flagged_needlessly[prepared].reason = "none";
    expect_log_error(flagged_needlessly, prepared, "");
}

TEST(EventLog, TamperedRuleIdsAreRefused) {
    auto events = busy_log().events();
    events[0].rules = {"STR-1"};
    expect_log_error(events, 0, "");
}

TEST(EventLog, AStepOnAMatterNeverRaisedIsRefused) {
    auto events = busy_log().events();
    events.erase(events.begin());  // m1 was never raised
    expect_log_error(events, 0, "");
}

TEST(EventLog, AnOversizedLogIsRefusedBeforeAnyWork) {
    std::vector<event> events(samverkan::max_log_events + 1);  // every one malformed: none is looked at
    EXPECT_THROW((void)event_log::replay(rules_2026(), events), samverkan::invalid_argument);
    std::string text(samverkan::max_log_bytes + 1, ' ');
    EXPECT_THROW((void)samverkan::event_log_from_json(rules_2026(), text), samverkan::invalid_argument);
    std::string many = "{\"samverkan_event_log\": 1, \"ruleset\": \"goteborg-2026\", \"events\": [";
    for (std::size_t i = 0; i <= samverkan::max_log_events; ++i) many += i ? ",0" : "0";
    many += "]}";
    try {
        (void)samverkan::event_log_from_json(rules_2026(), many);
        ADD_FAILURE() << "expected a refusal";
    } catch (const samverkan::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("max_log_events"), std::string::npos) << e.what();
    }
}

TEST(EventLog, RGT4_ARefusedMeetingStepLeavesTheLogUnchanged) {
    auto log = busy_log();
    expect_refused(log, [&] { log.arrive("samrad-2", "no_such/seat"); }, "RGT-4");
    EXPECT_THROW(log.arrive("no-such-meeting", "su/ord"), samverkan::unknown_id);
    auto bad = samrad_setup(meeting_day, {"goteborg/ord1"});
    bad.vice_chair = "goteborg/ord1";
    expect_refused(log, [&] { log.open_meeting("samrad-3", bad); }, "CMP-5");
    EXPECT_THROW(log.open_meeting("samrad-1", samrad_setup(meeting_day, {})), samverkan::invalid_argument);
}

TEST(EventLog, AMeetingsItemsAreDatedOnItsDay) {
    auto events = busy_log().events();
    const auto arrived = index_of(events, event_kind::arrived, "samrad-1");
    events[arrived].day = next_meeting_day;
    expect_log_error(events, arrived, "");
}

namespace {

/// JSON text without the whitespace between its tokens.
std::string without_layout(const std::string& text) {
    std::string out;
    bool in_string = false, escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == ' ' || c == '\n') {
            continue;
        }
        out += c;
    }
    return out;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST(EventLog, TheJsonExampleOfTheDocsIsWhatToJsonWrites) {
    event_log log(rules_2026());
    log.raise("m1", "Trygga vårdövergångar", "politiskt_samrad", "tema_aldre", raised_on);
    log.place_on_agenda("m1", placed_on, step_options{true, "the plan's deadline"});
    auto ordinary = samrad_seats(log.rules(), true);
    std::erase(ordinary, "su/ord");
    log.open_meeting("samrad-2026-03-13", samrad_setup(meeting_day, ordinary));
    log.arrive("samrad-2026-03-13", "su/ord");
    (void)log.consider("samrad-2026-03-13", "m1", agreed(), true);
    log.record_adoption("m1", "su", adoption_state::adopted, year{2026} / April / 20, "SU 2026-00123");

    const std::string page = read_text(std::string(SAMVERKAN_SOURCE_DIR) + "/docs/matters.md");
    const auto start = page.find("```json\n");
    ASSERT_NE(start, std::string::npos);
    const auto end = page.find("```", start + 8);
    ASSERT_NE(end, std::string::npos);
    EXPECT_EQ(without_layout(page.substr(start + 8, end - start - 8)), without_layout(to_json(log)));
}

}  // namespace unity_test_event_log
