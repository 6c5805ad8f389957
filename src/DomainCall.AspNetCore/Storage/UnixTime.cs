namespace DomainCall.Storage;

/// <summary>Times are stored as Unix milliseconds, so that SQL compares them as numbers.</summary>
internal static class UnixTime
{
    public static DateTimeOffset Of(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public static DateTimeOffset? OfNullable(long? milliseconds) => milliseconds is { } ms ? Of(ms) : null;
}
