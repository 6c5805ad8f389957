using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace DomainCall.Engine;

/// <summary>
/// A normalised domain name: internationalised names in punycode, lower case, no trailing dot,
/// validated label by label. Every part of DomainCall that names a domain carries this type.
/// </summary>
/// <remarks>
/// A label is 1 to 63 characters of ASCII letters, digits and hyphens that neither starts nor ends with a hyphen;
/// the whole name is at most 253 characters. IP literals are refused. A single label such as <c>localhost</c> is
/// accepted, so that a site can be developed locally.
/// </remarks>
public readonly struct Domain : IEquatable<Domain>
{
    internal const int MaxNameLength = 253;
    private const int MaxLabelLength = 63;

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    private readonly string? _value;

    private Domain(string value) => _value = value;

    /// <summary>Gets the normalised name, for example <c>xn--bcher-kva.example</c>.</summary>
    public string Value =>
        _value ?? throw new InvalidOperationException("This domain was never set: use Domain.Parse.");

    /// <summary>Parses and normalises a domain name.</summary>
    /// <param name="text">The name as a person wrote it, in Unicode or punycode, with or without a trailing
    /// dot.</param>
    /// <returns>The normalised domain.</returns>
    /// <exception cref="FormatException">The text is not a valid domain name; the message says why.</exception>
    public static Domain Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        return TryParse(text, out var domain, out var error) ? domain : throw new FormatException(error);
    }

    /// <summary>Parses and normalises a domain name without throwing.</summary>
    /// <param name="text">The name as a person wrote it.</param>
    /// <param name="domain">The normalised domain when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is a valid domain name.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Domain domain) =>
        TryParse(text, out domain, out _);

    /// <summary>Parses and normalises a domain name without throwing, saying why a name was refused.</summary>
    /// <param name="text">The name as a person wrote it.</param>
    /// <param name="domain">The normalised domain when the text is valid.</param>
    /// <param name="error">A sentence saying what is wrong with the text when it is refused.</param>
    /// <returns><see langword="true"/> when the text is a valid domain name.</returns>
    public static bool TryParse(
        [NotNullWhen(true)] string? text, out Domain domain, [NotNullWhen(false)] out string? error)
    {
        domain = default;
        error = Check(text, out var normalised);
        if (error is not null)
        {
            return false;
        }

        domain = new Domain(normalised!);
        return true;
    }

    /// <summary>Tells whether this domain equals <paramref name="parent"/> or lies below it.</summary>
    /// <param name="parent">The possible parent, for example <c>example.com</c> for <c>guest.example.com</c>.</param>
    /// <returns><see langword="true"/> when this domain is <paramref name="parent"/> or one of its
    /// subdomains.</returns>
    public bool IsWithin(Domain parent) =>
        Value == parent.Value || Value.EndsWith("." + parent.Value, StringComparison.Ordinal);

    /// <summary>Makes the subdomain <c>label.this</c>.</summary>
    /// <param name="label">One label, such as <c>guest</c>.</param>
    /// <returns>The subdomain.</returns>
    /// <exception cref="FormatException">The result would not be a valid domain name.</exception>
    public Domain Prepend(string label) => Parse(label + "." + Value);

    /// <inheritdoc />
    public bool Equals(Domain other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Domain other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Returns the normalised name.</summary>
    /// <returns>The normalised name, or an empty string for the default value.</returns>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Compares two domains by their normalised names.</summary>
    public static bool operator ==(Domain left, Domain right) => left.Equals(right);

    /// <summary>Compares two domains by their normalised names.</summary>
    public static bool operator !=(Domain left, Domain right) => !left.Equals(right);

    private static string? Check(string? text, out string? normalised)
    {
        normalised = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return "A domain name is required.";
        }

        var name = text.Trim();
        if (name.EndsWith('.'))
        {
            name = name[..^1];
        }

        if (name.Length == 0 || name.Length > 1024)
        {
            return $"'{Shorten(text)}' is not a domain name.";
        }

        if (name.StartsWith('[') || IPAddress.TryParse(name, out _))
        {
            return $"'{Shorten(text)}' is an IP address; a domain name is required.";
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(name).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            // IdnMapping refuses empty labels, spaces, symbols, disallowed code points and long names alike;
            // converting label by label lets the label checks below give the precise reason where they can.
            var asciiError = TryGetAsciiByLabel(name, out var labels) ? CheckLabels(labels) : null;
            return asciiError ?? $"'{Shorten(text)}' contains characters that are not allowed in a domain name.";
        }

        var error = CheckLabels(ascii);
        if (error is not null)
        {
            return error;
        }

        normalised = ascii;
        return null;
    }

    private static bool TryGetAsciiByLabel(string name, out string ascii)
    {
        var labels = name.Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i].All(char.IsAscii))
            {
                continue;
            }

            try
            {
                labels[i] = Idn.GetAscii(labels[i]);
            }
            catch (ArgumentException)
            {
                // The mistake is inside this Unicode label, and IdnMapping does not say which it is.
                ascii = string.Empty;
                return false;
            }
        }

        ascii = string.Join('.', labels).ToLowerInvariant();
        return true;
    }

    private static string? CheckLabels(string ascii)
    {
        if (ascii.Length > MaxNameLength)
        {
            return $"A domain name is at most {MaxNameLength} characters; this one has {ascii.Length}.";
        }

        var labels = ascii.Split('.');
        foreach (var label in labels)
        {
            if (label.Length == 0)
            {
                return $"'{Shorten(ascii)}' has an empty label (two dots in a row, or a leading dot).";
            }

            if (label.Length > MaxLabelLength)
            {
                return $"The label '{Shorten(label)}' is longer than {MaxLabelLength} characters.";
            }

            if (label.StartsWith('-') || label.EndsWith('-'))
            {
                return $"The label '{label}' starts or ends with a hyphen.";
            }

            if (!label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return $"The label '{Shorten(label)}' may hold only letters, digits and hyphens.";
            }
        }

        if (labels[^1].All(char.IsAsciiDigit))
        {
            return $"'{Shorten(ascii)}' ends in a numeric label; a domain name needs a name as its last label.";
        }

        return null;
    }

    // Keeps error messages readable when someone sends a kilobyte of junk as a domain.
    private static string Shorten(string text) => text.Length <= 70 ? text : text[..67] + "...";
}
