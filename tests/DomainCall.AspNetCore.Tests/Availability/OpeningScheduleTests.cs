using DomainCall.Availability;

namespace DomainCall.Tests.Availability;

/// <summary>
/// The schedule maths on plain instants: weekly periods, exceptions, several periods a day, and the days the clocks
/// change in Europe/Paris and America/New_York.
/// </summary>
public sealed class OpeningScheduleTests
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly string[] WorkingDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    [Theory]
    [InlineData("2026-12-04T07:59:00Z", false)]
    [InlineData("2026-12-04T08:00:00Z", true)]
    [InlineData("2026-12-04T16:29:00Z", true)]
    [InlineData("2026-12-04T16:30:00Z", false)]
    [InlineData("2026-12-05T10:00:00Z", false)]
    public void IsOpenAt_WeekdayHoursInParis_FollowsTheLocalClock(string instant, bool open)
    {
        var schedule = Schedule("Europe/Paris", Weekdays("09:00", "17:30"));

        Assert.Equal(open, schedule.IsOpenAt(At(instant)));
    }

    [Fact]
    public void FirstOpenAt_BetweenTwoPeriodsOfADay_IsTheAfternoonOpening()
    {
        var schedule = Schedule(
            "UTC", [Period("Monday", "09:00", "12:00"), Period("Monday", "14:00", "18:00")]);

        Assert.False(schedule.IsOpenAt(At("2026-12-07T12:30:00Z")));
        Assert.Equal(At("2026-12-07T14:00:00Z"), schedule.FirstOpenAt(At("2026-12-07T12:30:00Z")));
        Assert.Equal(At("2026-12-07T10:00:00Z"), schedule.FirstOpenAt(At("2026-12-07T10:00:00Z")));
    }

    [Fact]
    public void FirstOpenAt_FridayEvening_IsMondayMorningInTheOwnersZone()
    {
        var schedule = Schedule("Europe/Paris", Weekdays("09:00", "17:30"));

        // Friday 4 December 2026, 18:00 in Paris; Monday 7 December opens at 09:00 Paris, 08:00 UTC.
        Assert.Equal(At("2026-12-07T08:00:00Z"), schedule.FirstOpenAt(At("2026-12-04T17:00:00Z")));
    }

    [Fact]
    public void FirstOpenAt_BeforeAHolidayAndAWeekend_SkipsThemAll()
    {
        var schedule = Schedule(
            "Europe/Paris", Weekdays("09:00", "17:30"), [Closed("2026-12-25"), Closed("2026-12-28")]);

        // Thursday 24 December after hours: Friday 25 is Christmas, then the weekend, then Monday 28 is closed too.
        Assert.Equal(At("2026-12-29T08:00:00Z"), schedule.FirstOpenAt(At("2026-12-24T17:00:00Z")));
        Assert.False(schedule.IsOpenAt(At("2026-12-25T10:00:00Z")));
    }

    [Fact]
    public void IsOpenAt_OnADayOfSpecialHours_FollowsTheExceptionInsteadOfTheWeek()
    {
        var schedule = Schedule(
            "Europe/Paris", Weekdays("09:00", "17:30"), [Special("2026-12-24", "07:00", "12:00")]);

        Assert.True(schedule.IsOpenAt(At("2026-12-24T06:30:00Z")));
        Assert.False(schedule.IsOpenAt(At("2026-12-24T12:00:00Z")));
        Assert.Equal(At("2026-12-25T08:00:00Z"), schedule.FirstOpenAt(At("2026-12-24T11:00:00Z")));
    }

    [Theory]
    [InlineData("Europe/Paris", "2026-03-29", "2026-03-29T07:00:00Z", "2026-03-29T15:00:00Z")]
    [InlineData("Europe/Paris", "2026-10-25", "2026-10-25T08:00:00Z", "2026-10-25T16:00:00Z")]
    [InlineData("America/New_York", "2026-03-08", "2026-03-08T13:00:00Z", "2026-03-08T21:00:00Z")]
    [InlineData("America/New_York", "2026-11-01", "2026-11-01T14:00:00Z", "2026-11-01T22:00:00Z")]
    public void SlotStarts_NineToFiveOnADayTheClocksChange_AreEightHoursOfLocalTime(
        string zone, string date, string opens, string lastSlotEnds)
    {
        var schedule = Schedule(zone, [Period("Sunday", "09:00", "17:00")]);
        var day = At(date + "T00:00:00Z");

        var slots = schedule.SlotStarts(day.AddDays(-1), day.AddDays(2), Hour);

        Assert.Equal(8, slots.Count);
        Assert.Equal(At(opens), slots[0]);
        Assert.Equal(At(lastSlotEnds), slots[^1] + Hour);
        Assert.True(schedule.IsOpenAt(At(opens)));
        Assert.False(schedule.IsOpenAt(At(opens) - TimeSpan.FromMinutes(1)));
        Assert.False(schedule.IsOpenAt(At(lastSlotEnds)));
    }

    [Fact]
    public void SlotStarts_AcrossTheSpringChangeInParis_SkipTheLocalTimesThatDoNotExist()
    {
        // On 29 March 2026 Paris clocks go from 02:00 straight to 03:00 (01:00 UTC).
        var schedule = Schedule("Europe/Paris", [Period("Sunday", "01:00", "04:00")]);

        var slots = schedule.SlotStarts(At("2026-03-28T00:00:00Z"), At("2026-03-30T00:00:00Z"), Quarter);

        var expected = Enumerable.Range(0, 8).Select(i => At("2026-03-29T00:00:00Z") + (i * Quarter));
        Assert.Equal(expected, slots);
        Assert.True(schedule.IsOpenAt(At("2026-03-29T01:59:00Z")));
        Assert.False(schedule.IsOpenAt(At("2026-03-29T02:00:00Z")));
    }

    [Fact]
    public void FirstOpenAt_OpeningAtALocalTimeThatDoesNotExist_OpensWhenTheClocksJump()
    {
        var schedule = Schedule("Europe/Paris", [Period("Sunday", "02:30", "05:00")]);

        Assert.Equal(At("2026-03-29T01:00:00Z"), schedule.FirstOpenAt(At("2026-03-29T00:00:00Z")));
        Assert.False(schedule.IsOpenAt(At("2026-03-29T00:59:00Z")));
        Assert.True(schedule.IsOpenAt(At("2026-03-29T01:00:00Z")));
    }

    [Fact]
    public void SlotStarts_AcrossTheAutumnChangeInNewYork_OfferTheRepeatedHourOnce()
    {
        // On 1 November 2026 New York clocks go from 02:00 EDT back to 01:00 EST (06:00 UTC): 01:00 to 02:00 twice.
        var schedule = Schedule("America/New_York", [Period("Sunday", "00:00", "04:00")]);

        var slots = schedule.SlotStarts(At("2026-10-31T00:00:00Z"), At("2026-11-02T00:00:00Z"), Hour);

        Assert.Equal(
            [At("2026-11-01T04:00:00Z"), At("2026-11-01T05:00:00Z"), At("2026-11-01T07:00:00Z"),
                At("2026-11-01T08:00:00Z")],
            slots);

        // The period itself lasts five real hours, the repeated one included.
        Assert.True(schedule.IsOpenAt(At("2026-11-01T06:30:00Z")));
        Assert.True(schedule.IsOpenAt(At("2026-11-01T08:59:00Z")));
        Assert.False(schedule.IsOpenAt(At("2026-11-01T09:00:00Z")));
    }

    [Fact]
    public void SlotStarts_AroundTwoPeriods_LieWhollyInsideThem()
    {
        var schedule = Schedule("UTC", [Period("Monday", "09:00", "10:00"), Period("Monday", "14:00", "14:40")]);

        var slots = schedule.SlotStarts(At("2026-12-07T09:05:00Z"), At("2026-12-07T20:00:00Z"), Quarter);

        Assert.Equal(
            [At("2026-12-07T09:15:00Z"), At("2026-12-07T09:30:00Z"), At("2026-12-07T09:45:00Z"),
                At("2026-12-07T14:00:00Z"), At("2026-12-07T14:15:00Z")],
            slots);
    }

    [Fact]
    public void SlotStarts_EndingBeforeAPeriodCloses_StopAtUntil()
    {
        var schedule = Schedule("UTC", [Period("Monday", "09:00", "17:00")]);

        var slots = schedule.SlotStarts(At("2026-12-07T00:00:00Z"), At("2026-12-07T09:40:00Z"), Quarter);

        Assert.Equal([At("2026-12-07T09:00:00Z"), At("2026-12-07T09:15:00Z")], slots);
    }

    [Fact]
    public void EmptyWeek_IsOpenAtAllHours_WithSlotsOnTheQuarterHours()
    {
        var schedule = Schedule("UTC", []);

        var slots = schedule.SlotStarts(At("2026-12-05T23:40:00Z"), At("2026-12-06T00:31:00Z"), Quarter);

        Assert.True(schedule.IsOpenAt(At("2026-12-05T03:17:00Z")));
        Assert.Equal(At("2026-12-05T03:17:00Z"), schedule.FirstOpenAt(At("2026-12-05T03:17:00Z")));
        Assert.Equal(
            [At("2026-12-05T23:45:00Z"), At("2026-12-06T00:00:00Z"), At("2026-12-06T00:15:00Z")], slots);
    }

    [Fact]
    public void EmptyWeek_WithAClosedDay_OpensAgainAtTheNextMidnight()
    {
        var schedule = Schedule("Europe/Paris", [], [Closed("2026-12-25")]);

        Assert.False(schedule.IsOpenAt(At("2026-12-25T12:00:00Z")));
        Assert.Equal(At("2026-12-25T23:00:00Z"), schedule.FirstOpenAt(At("2026-12-25T12:00:00Z")));
    }

    internal static OpeningSchedule Schedule(
        string zone, IEnumerable<OpeningPeriod> weekly, IEnumerable<OpeningException>? exceptions = null)
    {
        var options = new OpeningHoursOptions { TimeZone = zone };
        foreach (var period in weekly)
        {
            options.Weekly.Add(period);
        }

        foreach (var exception in exceptions ?? [])
        {
            options.Exceptions.Add(exception);
        }

        Assert.Empty(options.Validate("Hours:"));
        return OpeningSchedule.From(options);
    }

    internal static OpeningPeriod[] Weekdays(string opens, string closes) =>
        [.. WorkingDays.Select(d => Period(d, opens, closes))];

    internal static OpeningPeriod Period(string day, string opens, string closes) =>
        new() { Day = day, Opens = opens, Closes = closes };

    internal static OpeningException Closed(string date) => new() { Date = date, Closed = true };

    internal static OpeningException Special(string date, string opens, string closes) =>
        new() { Date = date, Opens = opens, Closes = closes };

    internal static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, null);
}
