using System.Collections.Frozen;

namespace DomainCall.Availability;

/// <summary>
/// The opening hours as instants: which local periods each day has in the owner's time zone, and the UTC instants
/// they start and end at. Plain calculation, with no clock and no store, so that it can be tested on its own.
/// </summary>
/// <remarks>
/// Periods are wall-clock times. Each end of a period is turned into an instant by itself, so a 09:00–17:00 day is
/// 8 hours on a day the clocks change at night, and a period that spans the change is an hour shorter or longer. A
/// local time the clocks skip stands for the moment of the change; a local time that happens twice stands for its
/// first occurrence. Slots step through local times likewise: skipped ones are left out, repeated ones offered once.
/// </remarks>
internal sealed class OpeningSchedule
{
    // Exceptions may close a long run of days; a year and a bit covers any run of holidays a business would set.
    private const int SearchDays = 400;

    private static readonly TimeSpan EndOfDay = TimeSpan.FromHours(24);

    private readonly FrozenDictionary<DayOfWeek, OpeningSpan[]> _weekly;
    private readonly FrozenDictionary<DateOnly, OpeningSpan[]> _exceptions;
    private readonly bool _allDay;

    public OpeningSchedule(
        TimeZoneInfo zone,
        string zoneId,
        IEnumerable<(DayOfWeek Day, OpeningSpan Span)> weekly,
        IEnumerable<(DateOnly Date, OpeningSpan? Span)> exceptions)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(zoneId);
        ArgumentNullException.ThrowIfNull(weekly);
        ArgumentNullException.ThrowIfNull(exceptions);

        Zone = zone;
        ZoneId = zoneId;
        var byDay = weekly.GroupBy(w => w.Day)
            .ToDictionary(g => g.Key, g => g.Select(w => w.Span).OrderBy(s => s.Opens).ToArray());
        _allDay = byDay.Count == 0;
        _weekly = byDay.ToFrozenDictionary();
        _exceptions = exceptions.ToFrozenDictionary(
            e => e.Date, e => e.Span is { } span ? new[] { span } : []);
    }

    /// <summary>Gets the owner's time zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Gets the IANA id of <see cref="Zone"/>, as configured.</summary>
    public string ZoneId { get; }

    /// <summary>Builds the schedule from options that passed validation.</summary>
    public static OpeningSchedule From(OpeningHoursOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var zone = FindZone(options.TimeZone)
            ?? throw new ArgumentException($"Unknown time zone '{options.TimeZone}'.", nameof(options));
        var weekly = options.Weekly.Select(p => (
            OpeningHoursOptions.ParseDay(p.Day)!.Value,
            new OpeningSpan(
                OpeningHoursOptions.ParseClock(p.Opens, false)!.Value,
                OpeningHoursOptions.ParseClock(p.Closes, true)!.Value)));
        var exceptions = options.Exceptions.Select(e =>
        {
            _ = OpeningHoursOptions.TryParseDate(e.Date, out var date);
            OpeningSpan? span = e.Closed
                ? null
                : new OpeningSpan(
                    OpeningHoursOptions.ParseClock(e.Opens, false)!.Value,
                    OpeningHoursOptions.ParseClock(e.Closes, true)!.Value);
            return (date, span);
        });
        return new OpeningSchedule(zone, options.TimeZone, weekly, exceptions);
    }

    /// <summary>Finds a time zone by its IANA id, or <see langword="null"/> when this machine does not know it.
    /// </summary>
    public static TimeZoneInfo? FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>Gets the owner's calendar day at <paramref name="instant"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Gets the instant the owner's day <paramref name="date"/> starts.</summary>
    public DateTimeOffset StartOf(DateOnly date) => ToInstant(date, TimeSpan.Zero);

    /// <summary>Gets the local opening periods of a day: its exception's, else its weekday's.</summary>
    public IReadOnlyList<OpeningSpan> PeriodsOn(DateOnly date)
    {
        if (_exceptions.TryGetValue(date, out var special))
        {
            return special;
        }

        if (_allDay)
        {
            return [new OpeningSpan(TimeSpan.Zero, EndOfDay)];
        }

        return _weekly.TryGetValue(date.DayOfWeek, out var periods) ? periods : [];
    }

    /// <summary>Gets whether calls ring at <paramref name="instant"/> by the hours alone.</summary>
    public bool IsOpenAt(DateTimeOffset instant)
    {
        // A period belongs to the local day it starts on, and the clock change may move the day; look at both sides.
        var date = LocalDate(instant);
        for (var day = date.AddDays(-1); day <= date; day = day.AddDays(1))
        {
            foreach (var (start, end) in IntervalsOn(day))
            {
                if (start <= instant && instant < end)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Gets the first instant at or after <paramref name="from"/> when calls ring: <paramref name="from"/> itself
    /// when open then, or <see langword="null"/> when no opening comes within a year.
    /// </summary>
    public DateTimeOffset? FirstOpenAt(DateTimeOffset from)
    {
        var date = LocalDate(from).AddDays(-1);
        for (var i = 0; i < SearchDays; i++, date = date.AddDays(1))
        {
            foreach (var (start, end) in IntervalsOn(date))
            {
                if (end > from)
                {
                    return start > from ? start : from;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Gets the starts of the slots of <paramref name="length"/> that lie wholly inside opening periods, at or after
    /// <paramref name="from"/> and ending at or before <paramref name="until"/>, in order.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> SlotStarts(DateTimeOffset from, DateTimeOffset until, TimeSpan length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);

        var starts = new List<DateTimeOffset>();
        var last = LocalDate(until);
        for (var date = LocalDate(from).AddDays(-1); date <= last; date = date.AddDays(1))
        {
            foreach (var period in PeriodsOn(date))
            {
                var end = ToInstant(date, period.Closes);
                for (var at = period.Opens; at + length <= period.Closes; at += length)
                {
                    var local = date.ToDateTime(TimeOnly.MinValue) + at;
                    if (Zone.IsInvalidTime(local))
                    {
                        continue;
                    }

                    var start = ToInstant(date, at);
                    if (start >= from && start + length <= until && start + length <= end
                        && (starts.Count == 0 || start > starts[^1]))
                    {
                        starts.Add(start);
                    }
                }
            }
        }

        return starts;
    }

    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> IntervalsOn(DateOnly date)
    {
        foreach (var period in PeriodsOn(date))
        {
            var start = ToInstant(date, period.Opens);
            var end = ToInstant(date, period.Closes);
            if (start < end)
            {
                yield return (start, end);
            }
        }
    }

    /// <summary>Turns a local day and time since its midnight into an instant, as the remarks say.</summary>
    public DateTimeOffset ToInstant(DateOnly date, TimeSpan sinceMidnight)
    {
        var local = date.ToDateTime(TimeOnly.MinValue) + sinceMidnight;

        // The clocks skip whole minutes, so the first minute they show again is the moment of the change.
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = Zone.IsAmbiguousTime(local)
            ? Zone.GetAmbiguousTimeOffsets(local).Max()
            : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }
}
