using System.Globalization;
using Microsoft.Extensions.Options;

namespace DomainCall.WebPush;

/// <summary>Checks the Web Push options at start and reports all problems in one message.</summary>
internal sealed class WebPushOptionsValidator : IValidateOptions<WebPushOptions>
{
    private const string Prefix = WebPushOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, WebPushOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        if (!IsSubject(options.Subject))
        {
            failures.Add($"{Prefix}Subject is required: a 'mailto:' or 'https:' address where push services can " +
                "reach you, such as 'mailto:admin@example.com'.");
        }

        if (VapidKeys.Check(options.PublicKey, options.PrivateKey) is { } keyProblem)
        {
            failures.Add(Prefix + keyProblem);
        }

        if (options.TimeToLive < TimeSpan.Zero || options.TimeToLive > TimeSpan.FromDays(28))
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{Prefix}TimeToLive must be between 00:00:00 and 28.00:00:00; it is {options.TimeToLive}."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSubject(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject) || subject.Any(char.IsControl))
        {
            return false;
        }

        if (subject.StartsWith("mailto:", StringComparison.Ordinal))
        {
            return subject.IndexOf('@', StringComparison.Ordinal) > "mailto:".Length;
        }

        return Uri.TryCreate(subject, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
    }
}
