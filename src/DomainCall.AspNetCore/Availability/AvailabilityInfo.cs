using System.Globalization;
using System.Text.Json.Serialization;

namespace DomainCall.Availability;

/// <summary>
/// Availability as the hub and <c>/call/info</c> send it: instants as UTC text ending in <c>Z</c>, and dates as
/// <c>YYYY-MM-DD</c>.
/// </summary>
/// <param name="Domain">The domain, in the <c>AvailabilityChanged</c> event only.</param>
/// <param name="Open">Whether calls ring now.</param>
/// <param name="NextOpening">When calls ring again, or <see langword="null"/>.</param>
/// <param name="TimeZone">The owner's IANA time zone.</param>
/// <param name="OutOfOffice">The out-of-office notice while it is on, else <see langword="null"/>.</param>
internal sealed record AvailabilityInfo(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Domain,
    bool Open,
    string? NextOpening,
    string TimeZone,
    AvailabilityInfo.Notice? OutOfOffice)
{
    public static AvailabilityInfo From(AvailabilityNow now, string? domain = null)
    {
        ArgumentNullException.ThrowIfNull(now);

        return new AvailabilityInfo(
            domain,
            now.Open,
            now.NextOpening is { } next ? Instant(next) : null,
            now.TimeZone,
            now.OutOfOffice is { } away
                ? new Notice(away.Message, away.ReturnsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                : null);
    }

    /// <summary>Writes an instant as ISO 8601 UTC, such as <c>2026-12-04T09:00:00Z</c>.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The out-of-office notice.</summary>
    /// <param name="Message">The owner's message, plain text, or null.</param>
    /// <param name="ReturnsOn">The day of return as <c>YYYY-MM-DD</c>, or null.</param>
    internal sealed record Notice(string? Message, string? ReturnsOn);
}
