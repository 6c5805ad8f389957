using System.Globalization;
using DomainCall.Engine;
using Microsoft.Extensions.Options;

namespace DomainCall.Hosting;

/// <summary>Checks every option at start and reports all problems in one message.</summary>
internal sealed class DomainCallOptionsValidator : IValidateOptions<DomainCallOptions>
{
    private const string Prefix = DomainCallOptions.SectionName + ":";

    public static readonly TimeSpan MinRingTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxRingTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MinGuestNameLifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxGuestNameLifetime = TimeSpan.FromHours(24);
    public const int MaxReasons = 20;
    public const int MaxBusinessName = 100;
    public const int MaxIntroduction = 4_000;

    public ValidateOptionsResult Validate(string? name, DomainCallOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        CheckDomains(options, failures);
        CheckReasons(options.Reasons, failures);
        CheckPage(options, failures);
        CheckIceServers(options.IceServers, failures);
        CheckRange(failures, nameof(options.RingTimeout), options.RingTimeout, MinRingTimeout, MaxRingTimeout);
        CheckRange(
            failures, nameof(options.GuestNameLifetime), options.GuestNameLifetime,
            MinGuestNameLifetime, MaxGuestNameLifetime);
        CheckOrigins(options.AllowedOrigins, failures);
        CheckPublicAddress(options.PublicAddress, failures);
        CheckRange(failures, nameof(options.MaxMessageBytes), options.MaxMessageBytes, 8 * 1024, 1024 * 1024);
        CheckRange(failures, nameof(options.InvocationsPerSecond), options.InvocationsPerSecond, 1, 1_000);
        CheckRange(failures, nameof(options.InvocationBurst), options.InvocationBurst, 1, 10_000);

        if (string.IsNullOrWhiteSpace(options.StorePath))
        {
            failures.Add($"{Prefix}StorePath is required: the SQLite file that keeps calls, such as 'domaincall.db'.");
        }

        failures.AddRange(options.Verification.Validate(Prefix + "Verification:"));
        failures.AddRange(options.GuestDns.Validate(Prefix + "GuestDns:"));
        failures.AddRange(options.Notifications.Validate(Prefix + "Notifications:"));
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            failures.AddRange(options.Webhooks[i].Validate(string.Create(
                CultureInfo.InvariantCulture, $"{Prefix}Webhooks[{i}]:")));
        }

        failures.AddRange(options.Hours.Validate(Prefix + "Hours:"));
        failures.AddRange(options.Callbacks.Validate(Prefix + "Callbacks:"));

        if (options.DeskPolicy is not null && string.IsNullOrWhiteSpace(options.DeskPolicy))
        {
            failures.Add($"{Prefix}DeskPolicy is blank; name an authorization policy, or leave it unset.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckDomains(DomainCallOptions options, List<string> failures)
    {
        if (options.SiteDomain is null)
        {
            failures.Add($"{Prefix}SiteDomain is required: the domain callers call, such as 'example.com'.");
        }
        else if (!Domain.TryParse(options.SiteDomain, out _, out var error))
        {
            failures.Add($"{Prefix}SiteDomain is not a valid domain: {error}");
        }

        if (options.GuestZone is not null && !Domain.TryParse(options.GuestZone, out _, out var zoneError))
        {
            failures.Add($"{Prefix}GuestZone is not a valid domain: {zoneError}");
        }

        CheckGuestZoneLength(options, failures);
    }

    // Guest names are made under the zone only when a caller asks for one, which is too late to find it too long.
    private static void CheckGuestZoneLength(DomainCallOptions options, List<string> failures)
    {
        var max = GuestNameGenerator.MaxZoneLength;
        if (options.GuestZone is not null)
        {
            if (Domain.TryParse(options.GuestZone, out var zone) && zone.Value.Length > max)
            {
                failures.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{Prefix}GuestZone has {zone.Value.Length} characters; guest names need a zone of at most " +
                    $"{max}."));
            }
        }
        else if (Domain.TryParse(options.SiteDomain, out var site) && "guest.".Length + site.Value.Length > max)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{Prefix}SiteDomain has {site.Value.Length} characters, too many for guest names under 'guest.' and " +
                $"the site's domain; set {Prefix}GuestZone to a zone of at most {max} characters."));
        }
    }

    private static void CheckReasons(IList<CallReason> reasons, List<string> failures)
    {
        if (reasons.Count > MaxReasons)
        {
            failures.Add($"{Prefix}Reasons has {reasons.Count} entries; at most {MaxReasons} fit on a call screen.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < reasons.Count; i++)
        {
            var reason = reasons[i];
            if (!SignalingInput.IsReasonId(reason.Id))
            {
                failures.Add(
                    $"{Prefix}Reasons[{i}]:Id '{reason.Id}' must be 1 to 32 lower-case letters, digits and hyphens.");
            }
            else if (!seen.Add(reason.Id))
            {
                failures.Add($"{Prefix}Reasons[{i}]:Id '{reason.Id}' is used twice; reason ids must be unique.");
            }

            if (string.IsNullOrWhiteSpace(reason.Label) || reason.Label.Length > 80
                || reason.Label.Any(char.IsControl))
            {
                failures.Add($"{Prefix}Reasons[{i}]:Label must be 1 to 80 characters with no control characters.");
            }
        }
    }

    private static void CheckPage(DomainCallOptions options, List<string> failures)
    {
        if (options.BusinessName is { } name
            && (string.IsNullOrWhiteSpace(name) || name.Length > MaxBusinessName || name.Any(char.IsControl)))
        {
            failures.Add(
                $"{Prefix}BusinessName must be 1 to {MaxBusinessName} characters with no control characters.");
        }

        if (options.Introduction is { Length: > MaxIntroduction } introduction)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{Prefix}Introduction has {introduction.Length} characters; at most {MaxIntroduction} are shown."));
        }
    }

    private static void CheckIceServers(IList<DomainCallIceServer> servers, List<string> failures)
    {
        for (var i = 0; i < servers.Count; i++)
        {
            var server = servers[i];
            if (server.Urls.Count == 0)
            {
                failures.Add($"{Prefix}IceServers[{i}]:Urls is empty; give at least one 'stun:' or 'turn:' address.");
            }

            foreach (var url in server.Urls.Where(u => !IsIceUrl(u)))
            {
                failures.Add(
                    $"{Prefix}IceServers[{i}]:Urls '{url}' must start with 'stun:', 'stuns:', 'turn:' or 'turns:'.");
            }

            if (server.Urls.Any(u => u.StartsWith("turn", StringComparison.Ordinal))
                && (server.Username is null || server.Credential is null))
            {
                failures.Add($"{Prefix}IceServers[{i}] is a TURN server; it needs a Username and a Credential.");
            }
        }
    }

    private static bool IsIceUrl(string url) =>
        url.Length > "stun:".Length
        && (url.StartsWith("stun:", StringComparison.Ordinal) || url.StartsWith("stuns:", StringComparison.Ordinal)
            || url.StartsWith("turn:", StringComparison.Ordinal) || url.StartsWith("turns:", StringComparison.Ordinal));

    private static void CheckOrigins(IList<string> origins, List<string> failures)
    {
        for (var i = 0; i < origins.Count; i++)
        {
            if (OriginPolicy.Normalise(origins[i]) is null)
            {
                failures.Add(
                    $"{Prefix}AllowedOrigins[{i}] '{origins[i]}' is not an origin; write it as 'https://host[:port]'.");
            }
        }
    }

    private static void CheckPublicAddress(string? address, List<string> failures)
    {
        if (address is not null
            && (!Uri.TryCreate(address, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0))
        {
            failures.Add(
                $"{Prefix}PublicAddress '{address}' is not a site address; write it as 'https://host[:port][/path]'.");
        }
    }

    private static void CheckRange<T>(List<string> failures, string option, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture, $"{Prefix}{option} must be between {min} and {max}; it is {value}."));
        }
    }
}
