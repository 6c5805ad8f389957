using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace DomainCall.Pages;

/// <summary>The page for a domain this server does not answer for: not registered, not yet verified, or revoked.
/// </summary>
internal static class UnknownDomainPage
{
    public static Task WriteAsync(HttpContext context, string prefix, string name)
    {
        var html = HtmlEncoder.Default;
        var body =
            "<main class=\"call-page\">\n" +
            "<h1>Not a DomainCall domain</h1>\n" +
            $"<p>{html.Encode(name)} cannot be called here: it is not a verified DomainCall domain on this " +
            "server.</p>\n" +
            "</main>";
        var page = new Page("Not a DomainCall domain", "", name, $"{prefix}/widget", [], body);
        return PageShell.WriteAsync(context, StatusCodes.Status404NotFound, page);
    }
}
