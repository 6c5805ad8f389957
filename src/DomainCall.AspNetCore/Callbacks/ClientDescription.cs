namespace DomainCall.Callbacks;

/// <summary>Words a User-Agent header as the desk shows it, such as <c>Chrome on Android</c>.</summary>
internal static class ClientDescription
{
    public static string Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown client";
        }

        var browser = Browser(userAgent);
        var system = System(userAgent);
        return system is null ? browser : $"{browser} on {system}";
    }

    // The order matters: Edge and Opera also say Chrome, and Chrome also says Safari.
    private static string Browser(string agent) =>
        Has(agent, "Edg/") ? "Edge"
        : Has(agent, "OPR/") ? "Opera"
        : Has(agent, "Firefox/") || Has(agent, "FxiOS/") ? "Firefox"
        : Has(agent, "Chrome/") || Has(agent, "CriOS/") ? "Chrome"
        : Has(agent, "Safari/") ? "Safari"
        : "A program";

    private static string? System(string agent) =>
        Has(agent, "Android") ? "Android"
        : Has(agent, "iPhone") || Has(agent, "iPad") ? "iOS"
        : Has(agent, "CrOS") ? "ChromeOS"
        : Has(agent, "Windows") ? "Windows"
        : Has(agent, "Mac OS X") || Has(agent, "Macintosh") ? "macOS"
        : Has(agent, "Linux") ? "Linux"
        : null;

    private static bool Has(string agent, string word) => agent.Contains(word, StringComparison.Ordinal);
}
