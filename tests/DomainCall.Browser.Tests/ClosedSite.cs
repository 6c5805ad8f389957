namespace DomainCall.Browser.Tests;

/// <summary>
/// A site whose only opening hours are from 09:00 to 17:00, Paris time, on the day after tomorrow: closed whenever the
/// tests run, with a next opening the call screen must show in the caller's own zone.
/// </summary>
public sealed class ClosedSite : BrowserSite
{
    public const string OwnerZone = "Europe/Paris";

    public ClosedSite()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(OwnerZone);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date;
        var day = today.AddDays(2);
        var opens = day.AddHours(9);
        NextOpening = new DateTimeOffset(opens, zone.GetUtcOffset(opens));
        Settings = new Dictionary<string, string?>
        {
            ["DomainCall:Hours:TimeZone"] = OwnerZone,
            ["DomainCall:Hours:Weekly:0:Day"] = day.DayOfWeek.ToString(),
            ["DomainCall:Hours:Weekly:0:Opens"] = "09:00",
            ["DomainCall:Hours:Weekly:0:Closes"] = "17:00",
        };
    }

    /// <summary>Gets when the site opens next.</summary>
    public DateTimeOffset NextOpening { get; }

    protected override IReadOnlyDictionary<string, string?> Settings { get; }
}
