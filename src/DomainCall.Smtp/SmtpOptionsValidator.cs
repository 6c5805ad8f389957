using System.Globalization;
using Microsoft.Extensions.Options;

namespace DomainCall.Smtp;

/// <summary>Checks the SMTP options at start and reports all problems in one message.</summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    private const string Prefix = SmtpOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host) || options.Host.Any(char.IsControl))
        {
            failures.Add($"{Prefix}Host is required: the mail server's name, such as 'smtp.example.com'.");
        }

        if (options.Port is < 1 or > 65_535)
        {
            failures.Add(Invariant($"{Prefix}Port must be between 1 and 65535; it is {options.Port}."));
        }

        if (!Enum.IsDefined(options.Security))
        {
            failures.Add($"{Prefix}Security must be one of Auto, None, StartTls and SslOnConnect.");
        }

        if ((options.UserName is null) != (options.Password is null))
        {
            failures.Add($"{Prefix}UserName and Password go together; set both to sign in, or neither.");
        }

        if (!EmailAddresses.TryParseSender(options.From, out _))
        {
            failures.Add(
                $"{Prefix}From is required: one address emails are sent from, such as 'Example <calls@example.com>'.");
        }

        if (options.OwnerAddress is not null && !EmailAddresses.TryParseBare(options.OwnerAddress, out _))
        {
            failures.Add($"{Prefix}OwnerAddress must be one bare address, such as 'desk@example.com'.");
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add(Invariant($"{Prefix}Timeout must be between 00:00:01 and 00:05:00; it is {options.Timeout}."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
