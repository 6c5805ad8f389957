using System.Globalization;

namespace DomainCall.Availability;

/// <summary>
/// When calls ring: weekly opening hours and exceptions in the owner's time zone, and the length of a callback slot.
/// Outside these hours a call does not ring, and the caller is offered a callback instead. Bound from
/// <c>DomainCall:Hours</c>.
/// </summary>
public sealed class OpeningHoursOptions
{
    /// <summary>Gets or sets the owner's time zone, as an IANA id such as <c>Europe/Paris</c>.</summary>
    /// <value>The default value is <c>UTC</c>.</value>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Gets the weekly opening periods; a day may have several, which must not overlap. A day with none is closed.
    /// </summary>
    /// <value>Empty by default, which means open at all hours, every day.</value>
    public IList<OpeningPeriod> Weekly { get; } = [];

    /// <summary>Gets the days whose hours differ from the week's: closed, or open at special hours. One per date.
    /// </summary>
    /// <value>Empty by default.</value>
    public IList<OpeningException> Exceptions { get; } = [];

    /// <summary>Gets or sets the length of a callback slot a caller can book.</summary>
    /// <value>The default value is 15 minutes; allowed from 5 minutes to 2 hours.</value>
    public TimeSpan SlotLength { get; set; } = TimeSpan.FromMinutes(15);

    internal const int MaxNote = 200;

    internal IEnumerable<string> Validate(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(TimeZone) || OpeningSchedule.FindZone(TimeZone) is null)
        {
            failures.Add($"{prefix}TimeZone '{TimeZone}' is not a time zone this machine knows; give an IANA id " +
                "such as 'Europe/Paris' or 'America/New_York'.");
        }

        if (SlotLength < TimeSpan.FromMinutes(5) || SlotLength > TimeSpan.FromHours(2))
        {
            failures.Add(Invariant($"{prefix}SlotLength must be between 00:05:00 and 02:00:00; it is {SlotLength}."));
        }

        CheckWeekly(prefix, failures);
        CheckExceptions(prefix, failures);
        return failures;
    }

    private void CheckWeekly(string prefix, List<string> failures)
    {
        var periods = new List<(DayOfWeek Day, TimeSpan Opens, TimeSpan Closes, int Index)>();
        for (var i = 0; i < Weekly.Count; i++)
        {
            var at = Invariant($"{prefix}Weekly[{i}]");
            var period = Weekly[i];
            var day = ParseDay(period.Day);
            if (day is null)
            {
                failures.Add($"{at}:Day '{period.Day}' must be a day of the week in English, such as 'Monday'.");
            }

            if (CheckSpan(at, period.Opens, period.Closes, failures) is { } span && day is { } d)
            {
                periods.Add((d, span.Opens, span.Closes, i));
            }
        }

        foreach (var group in periods.GroupBy(p => p.Day))
        {
            var ordered = group.OrderBy(p => p.Opens).ToArray();
            for (var i = 1; i < ordered.Length; i++)
            {
                if (ordered[i].Opens < ordered[i - 1].Closes)
                {
                    var (first, second) = (Math.Min(ordered[i - 1].Index, ordered[i].Index),
                        Math.Max(ordered[i - 1].Index, ordered[i].Index));
                    failures.Add(Invariant(
                        $"{prefix}Weekly[{first}] and {prefix}Weekly[{second}] overlap on {group.Key}; ") +
                        "the periods of one day must not overlap.");
                }
            }
        }
    }

    private void CheckExceptions(string prefix, List<string> failures)
    {
        var seen = new Dictionary<DateOnly, int>();
        for (var i = 0; i < Exceptions.Count; i++)
        {
            var at = Invariant($"{prefix}Exceptions[{i}]");
            var exception = Exceptions[i];
            if (!TryParseDate(exception.Date, out var date))
            {
                failures.Add($"{at}:Date '{exception.Date}' must be a date written as YYYY-MM-DD, such as " +
                    "'2026-12-25'.");
            }
            else if (!seen.TryAdd(date, i))
            {
                failures.Add(Invariant($"{at}:Date {exception.Date} is also the date of {prefix}Exceptions[") +
                    Invariant($"{seen[date]}]; give one exception per day."));
            }

            if (exception.Closed)
            {
                if (exception.Opens is not null || exception.Closes is not null)
                {
                    failures.Add($"{at} is closed all day, so it takes no Opens or Closes; remove them, or set " +
                        "Closed to false.");
                }
            }
            else
            {
                CheckSpan(at, exception.Opens, exception.Closes, failures);
            }

            if (exception.Note is { Length: > MaxNote } || exception.Note?.Any(char.IsControl) == true)
            {
                failures.Add(Invariant($"{at}:Note must be at most {MaxNote} characters with no control characters."));
            }
        }
    }

    private static (TimeSpan Opens, TimeSpan Closes)? CheckSpan(
        string at, string? opens, string? closes, List<string> failures)
    {
        var opensTime = ParseClock(opens, allowEndOfDay: false);
        var closesTime = ParseClock(closes, allowEndOfDay: true);
        if (opensTime is null)
        {
            failures.Add($"{at}:Opens '{opens}' must be a time written as HH:mm, from 00:00 to 23:59.");
        }

        if (closesTime is null)
        {
            failures.Add($"{at}:Closes '{closes}' must be a time written as HH:mm, from 00:01 to 24:00.");
        }

        if (opensTime is not { } o || closesTime is not { } c)
        {
            return null;
        }

        if (o >= c)
        {
            failures.Add($"{at}:Opens {opens} must be before Closes {closes}; a period ends on the day it starts.");
            return null;
        }

        return (o, c);
    }

    internal static DayOfWeek? ParseDay(string? text) =>
        Enum.TryParse<DayOfWeek>(text, ignoreCase: true, out var day)
        && Enum.IsDefined(day)
        && text!.All(char.IsAsciiLetter)
            ? day
            : null;

    /// <summary>Parses <c>HH:mm</c> into the time since midnight; <c>24:00</c>, the end of the day, only when
    /// allowed.</summary>
    internal static TimeSpan? ParseClock(string? text, bool allowEndOfDay)
    {
        if (text is not { Length: 5 } || text[2] != ':' || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1])
            || !char.IsAsciiDigit(text[3]) || !char.IsAsciiDigit(text[4]))
        {
            return null;
        }

        var hours = ((text[0] - '0') * 10) + (text[1] - '0');
        var minutes = ((text[3] - '0') * 10) + (text[4] - '0');
        if (hours == 24 && minutes == 0 && allowEndOfDay)
        {
            return TimeSpan.FromHours(24);
        }

        return hours < 24 && minutes < 60 ? new TimeSpan(hours, minutes, 0) : null;
    }

    internal static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
