// MTG-1: a year's calendar of meetings: at least one ordinary meeting in each termin, extra meetings allowed,
// and dates outside the year, outside the ruleset's validity or given twice reported.
#include <gtest/gtest.h>

#include <vector>

#include <samverkan/calendar.hpp>
#include <samverkan/load.hpp>

#include "support.hpp"

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_calendar {

using namespace std::chrono;
using samverkan::calendar_issue;
using samverkan::date;
using samverkan::termin;
using samverkan::validate_calendar;

namespace {
samverkan::ruleset_ptr rules_2026() { return samverkan::load_default(year{2026} / January / 1); }
samverkan::ruleset_ptr rules_2016() { return samverkan::load_default(year{2020} / January / 1); }
}  // namespace

TEST(Calendar, MTG1_OneMeetingEachTerminKeepsTheRule) {
    EXPECT_TRUE(validate_calendar(*rules_2026(), 2026, {year{2026} / March / 13, year{2026} / September / 18}).empty());
    // MTG-1's "otherwise when needed": extra meetings are fine.
    EXPECT_TRUE(validate_calendar(*rules_2026(), 2026,
                                  {year{2026} / March / 13, year{2026} / June / 30, year{2026} / July / 1,
                                   year{2026} / December / 31})
                    .empty());
}

TEST(Calendar, MTG1_ATerminWithoutAMeetingIsReported) {
    const auto findings = validate_calendar(*rules_2026(), 2026, {year{2026} / February / 2, year{2026} / June / 30});
    ASSERT_EQ(findings.size(), 1U);
    EXPECT_EQ(findings[0].rule, "MTG-1");
    EXPECT_EQ(findings[0].issue, calendar_issue::too_few_meetings);
    EXPECT_EQ(findings[0].term, termin::autumn);
    EXPECT_EQ(findings[0].meetings, 0);
    EXPECT_FALSE(findings[0].day);

    const auto none = validate_calendar(*rules_2026(), 2026, {});
    ASSERT_EQ(none.size(), 2U);
    EXPECT_EQ(none[0].term, termin::spring);
    EXPECT_EQ(none[1].term, termin::autumn);
}

TEST(Calendar, TerminBoundariesAreJuneThirtiethAndJulyFirst) {
    EXPECT_EQ(samverkan::termin_of(year{2026} / June / 30), termin::spring);
    EXPECT_EQ(samverkan::termin_of(year{2026} / July / 1), termin::autumn);
    const auto findings = validate_calendar(*rules_2026(), 2026, {year{2026} / July / 1, year{2026} / July / 2});
    ASSERT_EQ(findings.size(), 1U);
    EXPECT_EQ(findings[0].term, termin::spring);
}

TEST(Calendar, DuplicatesAndDatesOutsideTheYearDoNotCount) {
    const auto findings = validate_calendar(
        *rules_2026(), 2026, {year{2026} / March / 13, year{2026} / March / 13, year{2027} / September / 17});
    ASSERT_EQ(findings.size(), 3U);
    EXPECT_EQ(findings[0].issue, calendar_issue::duplicate);
    EXPECT_EQ(findings[0].day, year{2026} / March / 13);
    EXPECT_EQ(findings[1].issue, calendar_issue::outside_year);
    EXPECT_EQ(findings[2].issue, calendar_issue::too_few_meetings);
    EXPECT_EQ(findings[2].term, termin::autumn);
}

TEST(Calendar, DatesOutsideTheRulesetsValidityAreReported) {
    // goteborg-2016 is in force until 2025-12-31; a 2026 calendar under it has no termin to keep.
    const auto findings = validate_calendar(*rules_2016(), 2026, {year{2026} / March / 13});
    ASSERT_EQ(findings.size(), 1U);
    EXPECT_EQ(findings[0].issue, calendar_issue::outside_validity);
    EXPECT_EQ(findings[0].rule, "");
    EXPECT_NE(findings[0].message.find("goteborg-2016"), std::string::npos);
}

TEST(Calendar, MTG1_MeetingsPerTerminOfTheRuleset) {
    const auto rs = samverkan::test::with("  meetings_per_termin: 1 ", "  meetings_per_termin: 2 ");
    const auto findings =
        validate_calendar(*rs, 2026, {year{2026} / March / 13, year{2026} / May / 8, year{2026} / September / 18});
    ASSERT_EQ(findings.size(), 1U);
    EXPECT_EQ(findings[0].term, termin::autumn);
    EXPECT_EQ(findings[0].meetings, 1);
    EXPECT_THROW((void)validate_calendar(*rules_2026(), 0, {}), samverkan::invalid_argument);
}

}  // namespace unity_test_calendar
