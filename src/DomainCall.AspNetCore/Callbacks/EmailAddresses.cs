using DomainCall.Engine;

namespace DomainCall.Callbacks;

/// <summary>
/// Checks a caller's email address as a mail library would before using it in a header: one plain
/// <c>local@domain</c> address, no display name, no comments, no spaces or line breaks, so nothing can be injected.
/// </summary>
internal static class EmailAddresses
{
    public const int MaxLength = 254;

    private const string LocalSymbols = "!#$%&'*+/=?^_`{|}~-";

    public static bool TryNormalise(string text, out string address)
    {
        address = string.Empty;
        if (text.Length > MaxLength || text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return false;
        }

        var at = text.LastIndexOf('@');
        if (at <= 0 || at > 64 || text.IndexOf('@') != at)
        {
            return false;
        }

        var local = text[..at];
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)
            || !local.All(c => char.IsAsciiLetterOrDigit(c) || c == '.' || LocalSymbols.Contains(c)))
        {
            return false;
        }

        // The domain is normalised (IDN to punycode, lower case) and must have at least two labels.
        if (!Domain.TryParse(text[(at + 1)..], out var domain) || !domain.Value.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        address = local + "@" + domain.Value;
        return true;
    }
}
