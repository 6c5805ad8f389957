namespace DomainCall.Availability;

/// <summary>
/// A domain's out-of-office switch as the store keeps it. While it is on, calls to the domain do not ring and callers
/// are offered a callback; it turns itself off when the owner's day <paramref name="ReturnsOn"/> begins.
/// </summary>
/// <param name="Message">The owner's message to callers, plain text of at most 500 characters, or
/// <see langword="null"/>.</param>
/// <param name="ReturnsOn">The owner's day of return, in the owner's time zone, or <see langword="null"/> when the
/// switch stays on until it is switched off.</param>
/// <param name="SetAt">When the switch was turned on.</param>
public sealed record OutOfOffice(string? Message, DateOnly? ReturnsOn, DateTimeOffset SetAt);
