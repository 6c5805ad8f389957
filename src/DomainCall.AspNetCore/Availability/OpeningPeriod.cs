namespace DomainCall.Availability;

/// <summary>One weekly opening period, such as Monday from 09:00 to 17:30, in the owner's time zone.</summary>
public sealed class OpeningPeriod
{
    /// <summary>Gets or sets the day of the week, in English: <c>Monday</c> to <c>Sunday</c>. Required.</summary>
    public string? Day { get; set; }

    /// <summary>Gets or sets when the period opens, as <c>HH:mm</c> on a 24-hour clock, such as <c>09:00</c>.</summary>
    /// <value>Required; from <c>00:00</c> to <c>23:59</c>.</value>
    public string? Opens { get; set; }

    /// <summary>Gets or sets when the period closes, as <c>HH:mm</c>, after <see cref="Opens"/>.</summary>
    /// <value>Required; from <c>00:01</c> to <c>24:00</c>, which is the end of the day.</value>
    public string? Closes { get; set; }
}
