using DomainCall.Availability;
using DomainCall.Hosting;
using Microsoft.Extensions.Options;

namespace DomainCall.Tests.Availability;

/// <summary>The checks of <c>DomainCall:Hours</c> at start: every problem reported together, in plain words.</summary>
public sealed class OpeningHoursOptionsTests
{
    [Fact]
    public void Validate_ManyBadHours_ReportsEveryProblemTogether()
    {
        var options = new DomainCallOptions { SiteDomain = "example.com" };
        var hours = options.Hours;
        hours.TimeZone = "Mars/Olympus_Mons";
        hours.SlotLength = TimeSpan.FromMinutes(1);
        hours.Weekly.Add(new() { Day = "Funday", Opens = "09:00", Closes = "17:00" });
        hours.Weekly.Add(new() { Day = "Monday", Opens = "9am", Closes = "25:00" });
        hours.Weekly.Add(new() { Day = "Tuesday", Opens = "17:00", Closes = "09:00" });
        hours.Weekly.Add(new() { Day = "Wednesday", Opens = "09:00", Closes = "13:00" });
        hours.Weekly.Add(new() { Day = "Wednesday", Opens = "12:00", Closes = "18:00" });
        hours.Exceptions.Add(new() { Date = "2026-12-25", Closed = true, Note = "Christmas" });
        hours.Exceptions.Add(new() { Date = "2026-12-25", Opens = "10:00", Closes = "12:00" });
        hours.Exceptions.Add(new() { Date = "25/12/2026", Closed = true, Opens = "10:00" });
        hours.Exceptions.Add(new() { Date = "2026-12-31" });

        var result = new DomainCallOptionsValidator().Validate(Options.DefaultName, options);

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "DomainCall:Hours:TimeZone 'Mars/Olympus_Mons' is not a time zone this machine knows; give an IANA " +
                    "id such as 'Europe/Paris' or 'America/New_York'.",
                "DomainCall:Hours:SlotLength must be between 00:05:00 and 02:00:00; it is 00:01:00.",
                "DomainCall:Hours:Weekly[0]:Day 'Funday' must be a day of the week in English, such as 'Monday'.",
                "DomainCall:Hours:Weekly[1]:Opens '9am' must be a time written as HH:mm, from 00:00 to 23:59.",
                "DomainCall:Hours:Weekly[1]:Closes '25:00' must be a time written as HH:mm, from 00:01 to 24:00.",
                "DomainCall:Hours:Weekly[2]:Opens 17:00 must be before Closes 09:00; a period ends on the day it " +
                    "starts.",
                "DomainCall:Hours:Weekly[3] and DomainCall:Hours:Weekly[4] overlap on Wednesday; the periods of one " +
                    "day must not overlap.",
                "DomainCall:Hours:Exceptions[1]:Date 2026-12-25 is also the date of DomainCall:Hours:Exceptions[0]; " +
                    "give one exception per day.",
                "DomainCall:Hours:Exceptions[2]:Date '25/12/2026' must be a date written as YYYY-MM-DD, such as " +
                    "'2026-12-25'.",
                "DomainCall:Hours:Exceptions[2] is closed all day, so it takes no Opens or Closes; remove them, or " +
                    "set Closed to false.",
                "DomainCall:Hours:Exceptions[3]:Opens '' must be a time written as HH:mm, from 00:00 to 23:59.",
                "DomainCall:Hours:Exceptions[3]:Closes '' must be a time written as HH:mm, from 00:01 to 24:00.",
            ],
            result.Failures);
    }

    [Fact]
    public void Validate_FullWeekWithSpecialDays_Succeeds()
    {
        var options = new DomainCallOptions { SiteDomain = "example.com" };
        options.Hours.TimeZone = "America/New_York";
        options.Hours.Weekly.Add(new() { Day = "Monday", Opens = "00:00", Closes = "12:00" });
        options.Hours.Weekly.Add(new() { Day = "monday", Opens = "12:00", Closes = "24:00" });
        options.Hours.Exceptions.Add(new() { Date = "2026-07-04", Closed = true, Note = "Independence Day" });
        options.Hours.Exceptions.Add(new() { Date = "2026-12-24", Opens = "09:00", Closes = "12:00" });

        var result = new DomainCallOptionsValidator().Validate(Options.DefaultName, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }
}
