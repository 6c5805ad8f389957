namespace DomainCall.Availability;

/// <summary>The owner's out-of-office switch, when on: an optional message to callers and return date.</summary>
internal sealed record OutOfOfficeNotice(string? Message, DateOnly? ReturnsOn);
