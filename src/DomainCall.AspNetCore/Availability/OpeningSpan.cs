namespace DomainCall.Availability;

/// <summary>One local opening period of a day, as times since its midnight; <see cref="Closes"/> may be 24 hours.
/// </summary>
internal readonly record struct OpeningSpan(TimeSpan Opens, TimeSpan Closes);
