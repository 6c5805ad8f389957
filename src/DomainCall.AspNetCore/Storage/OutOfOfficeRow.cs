using System.Globalization;
using DomainCall.Availability;

namespace DomainCall.Storage;

/// <summary>A row of the <c>out_of_office</c> table as SQL sees it: Unix milliseconds, and the date as text.</summary>
internal sealed class OutOfOfficeRow
{
    private const string DateFormat = "yyyy-MM-dd";

    public string? Message { get; set; }

    public string? ReturnsOn { get; set; }

    public long SetAt { get; set; }

    public static OutOfOfficeRow From(OutOfOffice outOfOffice) => new()
    {
        Message = outOfOffice.Message,
        ReturnsOn = outOfOffice.ReturnsOn?.ToString(DateFormat, CultureInfo.InvariantCulture),
        SetAt = outOfOffice.SetAt.ToUnixTimeMilliseconds(),
    };

    public OutOfOffice ToOutOfOffice() => new(
        Message,
        ReturnsOn is null ? null : DateOnly.ParseExact(ReturnsOn, DateFormat, CultureInfo.InvariantCulture),
        UnixTime.Of(SetAt));
}
