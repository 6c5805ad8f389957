using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace DomainCall.Pages;

/// <summary>
/// Writes the HTML around the pages DomainCall serves itself, and the headers that lock them down: a Content
/// Security Policy that allows only the site's own scripts, styles and connections, so that nothing a caller or an
/// owner types can ever run as script.
/// </summary>
internal static class PageShell
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "media-src 'self' blob: mediastream:; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>Writes one page.</summary>
    /// <param name="context">The request being answered.</param>
    /// <param name="statusCode">The status of the answer.</param>
    /// <param name="page">The title, preview text and body of the page.</param>
    /// <returns>A task that completes when the page is written.</returns>
    public static Task WriteAsync(HttpContext context, int statusCode, Page page)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers.CacheControl = "no-store";
        return response.WriteAsync(Render(context.Request, page), context.RequestAborted);
    }

    private static string Render(HttpRequest request, Page page)
    {
        var html = HtmlEncoder.Default;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        var head = new StringBuilder()
            .Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(html.Encode(page.Title)).Append("</title>\n");
        if (page.Description.Length > 0)
        {
            head.Append("<meta name=\"description\" content=\"").Append(html.Encode(page.Description)).Append("\">\n")
                .Append("<meta property=\"og:description\" content=\"").Append(html.Encode(page.Description))
                .Append("\">\n");
        }

        head.Append("<meta property=\"og:type\" content=\"website\">\n")
            .Append("<meta property=\"og:title\" content=\"").Append(html.Encode(page.Title)).Append("\">\n")
            .Append("<meta property=\"og:site_name\" content=\"").Append(html.Encode(page.SiteName)).Append("\">\n")
            .Append("<meta property=\"og:url\" content=\"").Append(html.Encode(url)).Append("\">\n")
            .Append("<meta name=\"twitter:card\" content=\"summary\">\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(html.Encode(page.AssetBase)).Append("/page.css\">\n");

        // An empty icon, so browsers do not ask the site for a /favicon.ico it may not have.
        head.Append("<link rel=\"icon\" href=\"data:,\">\n");
        foreach (var script in page.Scripts)
        {
            head.Append("<script type=\"module\" src=\"").Append(html.Encode(page.AssetBase)).Append('/')
                .Append(html.Encode(script)).Append("\"></script>\n");
        }

        return head.Append("</head>\n<body>\n").Append(page.Body).Append("\n</body>\n</html>\n").ToString();
    }
}
