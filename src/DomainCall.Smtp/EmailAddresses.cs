using System.Diagnostics.CodeAnalysis;
using MimeKit;

namespace DomainCall.Smtp;

/// <summary>
/// The strict check an address given by someone else passes before it goes into a header: exactly one bare address,
/// no display name, no route, no line breaks or other control characters.
/// </summary>
internal static class EmailAddresses
{
    public const int MaxLength = 254;

    public static bool TryParseBare(string? text, [NotNullWhen(true)] out MailboxAddress? mailbox)
    {
        mailbox = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength || text.Any(char.IsControl))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (!MailboxAddress.TryParse(ParserOptions.Default, trimmed, out var parsed)
            || !string.IsNullOrEmpty(parsed.Name)
            || parsed.Route.Count > 0
            || !string.Equals(parsed.Address, trimmed, StringComparison.Ordinal))
        {
            return false;
        }

        var at = parsed.Address.LastIndexOf('@');
        if (at <= 0 || at == parsed.Address.Length - 1)
        {
            return false;
        }

        mailbox = parsed;
        return true;
    }

    /// <summary>Parses the configured sender, which may carry a display name but must be one address.</summary>
    public static bool TryParseSender(string? text, [NotNullWhen(true)] out MailboxAddress? mailbox)
    {
        mailbox = null;
        if (string.IsNullOrWhiteSpace(text) || text.Any(char.IsControl)
            || !MailboxAddress.TryParse(ParserOptions.Default, text.Trim(), out var parsed)
            || parsed.Route.Count > 0 || parsed.Address.IndexOf('@', StringComparison.Ordinal) <= 0)
        {
            return false;
        }

        mailbox = parsed;
        return true;
    }

    /// <summary>Turns every control character, line breaks included, into a space, so text stays on its line.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) || source[i] is '\u2028' or '\u2029' ? ' ' : source[i];
            }
        }).Trim();
    }
}
