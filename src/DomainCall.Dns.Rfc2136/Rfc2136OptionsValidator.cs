using System.Globalization;
using System.Net;
using DomainCall.Engine;
using Microsoft.Extensions.Options;

namespace DomainCall.Dns.Rfc2136;

/// <summary>Checks the RFC 2136 options at start and reports every problem in one message.</summary>
internal sealed class Rfc2136OptionsValidator : IValidateOptions<Rfc2136Options>
{
    private const string Prefix = Rfc2136Options.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, Rfc2136Options options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        if (!IPAddress.TryParse(options.Server, out _))
        {
            failures.Add(options.Server is null
                ? $"{Prefix}Server is required: the IP address of the zone's primary server, such as '192.0.2.53'."
                : $"{Prefix}Server '{options.Server}' is not an IP address, such as '192.0.2.53'.");
        }

        if (options.Port is < 1 or > 65_535)
        {
            failures.Add(Invariant($"{Prefix}Port must be between 1 and 65535; it is {options.Port}."));
        }

        if (options.Zone is null)
        {
            failures.Add(
                $"{Prefix}Zone is required: the zone that holds the guest names, such as 'guest.example.com'.");
        }
        else if (!Domain.TryParse(options.Zone, out _, out var zoneError))
        {
            failures.Add($"{Prefix}Zone is not a valid domain: {zoneError}");
        }

        CheckKey(options, failures);
        CheckRange(failures, nameof(options.Ttl), options.Ttl, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        CheckRange(
            failures,
            nameof(options.Timeout),
            options.Timeout,
            TimeSpan.FromMilliseconds(100),
            TimeSpan.FromMinutes(1));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckKey(Rfc2136Options options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.KeyName))
        {
            failures.Add($"{Prefix}KeyName is required: the name of the TSIG key, exactly as the server knows it.");
        }
        else if (!ARSoft.Tools.Net.DomainName.TryParse(options.KeyName.Trim(), out _))
        {
            failures.Add($"{Prefix}KeyName '{options.KeyName}' is not a valid key name, such as 'domaincall-key'.");
        }

        if (!TsigAlgorithms.TryParse(options.Algorithm, out _))
        {
            failures.Add(
                $"{Prefix}Algorithm '{options.Algorithm}' is not supported; use one of " +
                $"{string.Join(", ", TsigAlgorithms.Names)}.");
        }

        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            failures.Add($"{Prefix}Secret is required: the TSIG key's secret in base64.");
        }
        else if (!TryDecodeSecret(options.Secret, out var secret) || secret.Length < 16)
        {
            failures.Add($"{Prefix}Secret is not a base64 secret of at least 16 bytes, as tsig-keygen or keymgr make.");
        }
    }

    internal static bool TryDecodeSecret(string text, out byte[] secret)
    {
        secret = new byte[text.Length];
        if (!Convert.TryFromBase64String(text.Trim(), secret, out var written))
        {
            secret = [];
            return false;
        }

        secret = secret[..written];
        return true;
    }

    private static void CheckRange(List<string> failures, string option, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add(Invariant($"{Prefix}{option} must be between {min} and {max}; it is {value}."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
