using System.Collections.Frozen;
using DomainCall.Availability;
using DomainCall.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DomainCall.Engine;

/// <summary>The validated options, parsed once into the types the engine works with.</summary>
internal sealed class DomainCallSettings
{
    public DomainCallSettings(IOptions<DomainCallOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);

        var value = options.Value;
        SiteDomain = Domain.Parse(value.SiteDomain!);
        GuestZone = value.GuestZone is null ? SiteDomain.Prepend("guest") : Domain.Parse(value.GuestZone);
        Reasons = value.Reasons.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
        ReasonList = [.. value.Reasons];
        BusinessName = value.BusinessName ?? SiteDomain.Value;
        Introduction = value.Introduction;
        IceServers = [.. value.IceServers];
        RingTimeout = value.RingTimeout;
        GuestNameLifetime = value.GuestNameLifetime;
        GuestNameCooldown = value.GuestDns.RemovalCooldown;
        StorePath = Path.GetFullPath(value.StorePath, environment.ContentRootPath);
        DeskPolicy = value.DeskPolicy;
        PublicAddress = (value.PublicAddress ?? "https://" + SiteDomain.Value).TrimEnd('/');
        InvocationsPerSecond = value.InvocationsPerSecond;
        InvocationBurst = value.InvocationBurst;
        Hours = OpeningSchedule.From(value.Hours);
        SlotLength = value.Hours.SlotLength;
    }

    public Domain SiteDomain { get; }

    public Domain GuestZone { get; }

    public FrozenDictionary<string, CallReason> Reasons { get; }

    public IReadOnlyList<CallReason> ReasonList { get; }

    public string BusinessName { get; }

    public string? Introduction { get; }

    public IReadOnlyList<DomainCallIceServer> IceServers { get; }

    public TimeSpan RingTimeout { get; }

    public TimeSpan GuestNameLifetime { get; }

    /// <summary>Gets how long a guest name whose records were removed rests before it is handed out again.</summary>
    public TimeSpan GuestNameCooldown { get; }

    public string StorePath { get; }

    public string? DeskPolicy { get; }

    /// <summary>Gets the address the site is reached at, without a trailing slash, for links in notifications.
    /// </summary>
    public string PublicAddress { get; }

    public int InvocationsPerSecond { get; }

    public int InvocationBurst { get; }

    /// <summary>Gets the opening hours in the owner's time zone.</summary>
    public OpeningSchedule Hours { get; }

    /// <summary>Gets the length of a callback slot.</summary>
    public TimeSpan SlotLength { get; }
}
