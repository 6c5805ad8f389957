namespace DomainCall.Availability;

/// <summary>Whether a domain answers calls now.</summary>
/// <param name="Open">Whether calls ring now: inside opening hours and not out of office.</param>
/// <param name="NextOpening">When calls ring again, when they do not now; <see langword="null"/> when open, or
/// when no opening is known.</param>
/// <param name="TimeZone">The owner's IANA time zone, such as <c>Europe/Paris</c>.</param>
/// <param name="OutOfOffice">The owner's out-of-office notice, when it is switched on.</param>
internal sealed record AvailabilityNow(
    bool Open, DateTimeOffset? NextOpening, string TimeZone, OutOfOfficeNotice? OutOfOffice);
