using Microsoft.AspNetCore.Http;

namespace DomainCall.Hosting;

/// <summary>
/// How DomainCall's HTTP APIs answer: JSON that no cache keeps, and refusals as <c>{ error, message }</c>, a
/// kebab-case code to branch on and a sentence to show.
/// </summary>
internal static class ApiResponses
{
    public static Task WriteAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(body, context.RequestAborted);
    }

    public static Task ErrorAsync(HttpContext context, int status, string error, string message) =>
        WriteAsync(context, status, new { error, message });
}
