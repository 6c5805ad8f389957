using System.Diagnostics.CodeAnalysis;

namespace DomainCall.Availability;

/// <summary>
/// A day whose hours differ from the week's: closed all day, such as a holiday, or open at special hours only.
/// </summary>
[SuppressMessage(
    "Naming", "CA1711", Justification = "An exception to the opening hours, as the Hours:Exceptions section names it.")]
public sealed class OpeningException
{
    /// <summary>Gets or sets the day, as <c>YYYY-MM-DD</c> in the owner's time zone. Required.</summary>
    public string? Date { get; set; }

    /// <summary>Gets or sets whether the day is closed all day.</summary>
    /// <value>The default value is <see langword="false"/>: the day opens from <see cref="Opens"/> to
    /// <see cref="Closes"/>, which are then required.</value>
    public bool Closed { get; set; }

    /// <summary>Gets or sets when the day opens, as <c>HH:mm</c>; only for a day that is not closed.</summary>
    public string? Opens { get; set; }

    /// <summary>Gets or sets when the day closes, as <c>HH:mm</c> up to <c>24:00</c>; only for a day that is not
    /// closed.</summary>
    public string? Closes { get; set; }

    /// <summary>Gets or sets a note for the owner, such as <c>Christmas</c>. It is not shown to callers.</summary>
    /// <value>No default. At most 200 characters.</value>
    public string? Note { get; set; }
}
