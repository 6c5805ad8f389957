namespace DomainCall.Dns;

/// <summary>The result of a TXT lookup: the text of each record found, strings of one record joined.</summary>
/// <param name="Status">How the lookup ended.</param>
/// <param name="Records">The text of each TXT record; empty unless <paramref name="Status"/> is
/// <see cref="TxtLookupStatus.Answered"/>.</param>
/// <param name="Detail">For a failure, a short technical description, such as the server that did not
/// answer.</param>
internal sealed record TxtAnswer(TxtLookupStatus Status, IReadOnlyList<string> Records, string? Detail = null)
{
    public static TxtAnswer Failure(TxtLookupStatus status, string detail) => new(status, [], detail);
}
