using DomainCall.Engine;

namespace DomainCall.Storage;

/// <summary>A row of the <c>guest_names</c> table as SQL sees it: Unix milliseconds for times.</summary>
internal sealed class GuestRow
{
    public string Name { get; set; } = string.Empty;

    public long CreatedAt { get; set; }

    public long ExpiresAt { get; set; }

    public string CodeHash { get; set; } = string.Empty;

    public GuestName ToGuestName() =>
        new(Domain.Parse(Name), UnixTime.Of(CreatedAt), UnixTime.Of(ExpiresAt), CodeHash);
}
