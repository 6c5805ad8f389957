using DomainCall.Hosting;

namespace DomainCall.Browser.Tests;

/// <summary>
/// A site open at all hours, in the Paris time zone, whose calls ring for the shortest time allowed (5 seconds), so
/// that a call nobody answers leads to the callback options soon.
/// </summary>
public sealed class ShortRingSite : BrowserSite
{
    public const string OwnerZone = "Europe/Paris";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["DomainCall:Hours:TimeZone"] = OwnerZone,
    };

    protected override void Configure(DomainCallOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        options.RingTimeout = TimeSpan.FromSeconds(5);
    }
}
