using System.Globalization;
using DomainCall.Engine;

namespace DomainCall.Dns;

/// <summary>
/// The rules of the Public Suffix List (https://publicsuffix.org/list/), which names the suffixes such as
/// <c>co.uk</c> or <c>github.io</c> under which unrelated owners register names.
/// </summary>
/// <remarks>
/// Rules follow the list's format: one rule a line; <c>//</c> starts a comment; <c>*.</c> at the left stands for any
/// one label; <c>!</c> marks an exception to a wildcard. A name that no rule matches has its last label as public
/// suffix, so every top-level domain is one even when the list is empty. The list writes internationalised rules in
/// Unicode; they are kept in punycode, as <see cref="Domain"/> is. A wildcard elsewhere than the leftmost label is
/// not supported; the list has none.
/// </remarks>
internal sealed class PublicSuffixList
{
    /// <summary>Where Debian, Ubuntu and Fedora install the list (package <c>publicsuffix</c>).</summary>
    public const string SystemPath = "/usr/share/publicsuffix/public_suffix_list.dat";

    private static readonly IdnMapping Idn = new() { AllowUnassigned = true };

    private readonly HashSet<string> _rules;
    private readonly HashSet<string> _wildcards;
    private readonly HashSet<string> _exceptions;

    private PublicSuffixList(HashSet<string> rules, HashSet<string> wildcards, HashSet<string> exceptions)
    {
        _rules = rules;
        _wildcards = wildcards;
        _exceptions = exceptions;
    }

    /// <summary>Gets a list with no rules, where only top-level domains are public suffixes.</summary>
    public static PublicSuffixList TopLevelOnly { get; } = new([], [], []);

    /// <summary>Gets how many rules the list holds.</summary>
    public int Count => _rules.Count + _wildcards.Count + _exceptions.Count;

    public static PublicSuffixList Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);

        var rules = new HashSet<string>(StringComparer.Ordinal);
        var wildcards = new HashSet<string>(StringComparer.Ordinal);
        var exceptions = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var rule = line.Trim();
            var end = rule.IndexOfAny([' ', '\t']);
            rule = end < 0 ? rule : rule[..end];
            if (rule.Length == 0 || rule.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (rule.StartsWith('!'))
            {
                AddRule(exceptions, rule[1..]);
            }
            else if (rule.StartsWith("*.", StringComparison.Ordinal))
            {
                AddRule(wildcards, rule[2..]);
            }
            else
            {
                AddRule(rules, rule);
            }
        }

        return new PublicSuffixList(rules, wildcards, exceptions);
    }

    public static PublicSuffixList Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Parse(reader);
    }

    /// <summary>
    /// Loads the list from <paramref name="configuredPath"/> when it is set, otherwise from the system's copy at
    /// <see cref="SystemPath"/> when there is one.
    /// </summary>
    /// <returns>The list, or <see cref="TopLevelOnly"/> when neither file exists; <paramref name="source"/> then is
    /// <see langword="null"/>, and the caller should warn that only top-level domains are refused.</returns>
    public static PublicSuffixList LoadDefault(string? configuredPath, out string? source)
    {
        source = configuredPath ?? (File.Exists(SystemPath) ? SystemPath : null);
        return source is null ? TopLevelOnly : Load(source);
    }

    /// <summary>Tells whether <paramref name="domain"/> is itself a public suffix, such as <c>co.uk</c>.</summary>
    public bool IsPublicSuffix(Domain domain) => GetPublicSuffix(domain).Length == domain.Value.Length;

    /// <summary>Finds the public suffix of a name: <c>co.uk</c> for <c>shop.example.co.uk</c>.</summary>
    public string GetPublicSuffix(Domain domain)
    {
        var name = domain.Value;
        var starts = LabelStarts(name);

        // An exception rule wins over every other rule, and names the suffix one label shorter than itself.
        for (var i = 0; i < starts.Count; i++)
        {
            if (_exceptions.Contains(name[starts[i]..]))
            {
                return i + 1 < starts.Count ? name[starts[i + 1]..] : name[starts[i]..];
            }
        }

        // Otherwise the matching rule with the most labels wins; starts run from the longest suffix to the shortest.
        for (var i = 0; i < starts.Count; i++)
        {
            var suffix = name[starts[i]..];
            if (_rules.Contains(suffix) || (i + 1 < starts.Count && _wildcards.Contains(name[starts[i + 1]..])))
            {
                return suffix;
            }
        }

        return name[starts[^1]..];
    }

    private static List<int> LabelStarts(string name)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '.')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static void AddRule(HashSet<string> set, string rule)
    {
        try
        {
            set.Add(Idn.GetAscii(rule).ToLowerInvariant());
        }
        catch (ArgumentException)
        {
            // A rule that is not a name could never match a Domain, so leaving it out changes no answer.
        }
    }
}
