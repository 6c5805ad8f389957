using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace DomainCall.Engine;

/// <summary>
/// The kebab-case words that stand for enum values on the wire and in the store, such as <c>ringing</c> and
/// <c>caller-hung-up</c>. One spelling everywhere keeps the protocol, the database and the logs alike.
/// </summary>
internal static class EnumText
{
    public static string Of<T>(T value)
        where T : struct, Enum => Names<T>.ByValue[value];

    public static bool TryParse<T>([NotNullWhen(true)] string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        return text is not null && Names<T>.ByText.TryGetValue(text, out value);
    }

    public static T Parse<T>(string text)
        where T : struct, Enum =>
        TryParse<T>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not one of: {string.Join(", ", All<T>())}.");

    public static IEnumerable<string> All<T>()
        where T : struct, Enum => Names<T>.ByText.Keys.Order(StringComparer.Ordinal);

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue =
            Enum.GetValues<T>().ToFrozenDictionary(
                v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, T> ByText =
            ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
