using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DomainCall.Hosting;

/// <summary>
/// Serves the widget's scripts and styles from the resources of this assembly, where the build put them, so a site
/// needs no static files of its own. Files under <c>chunks/</c> carry a hash of their content in their name and are
/// cached for a year; the entry files keep their names and are revalidated with their entity tag.
/// </summary>
internal sealed class WidgetAssets
{
    private const string ResourcePrefix = "DomainCall.Widget/";
    private const string ImmutableFolder = "chunks/";
    private const string PushWorker = "push-worker.js";

    private readonly FrozenDictionary<string, WidgetAsset> _assets;

    public WidgetAssets()
        : this(ReadResources())
    {
    }

    internal WidgetAssets(IReadOnlyDictionary<string, byte[]> files)
    {
        _assets = files
            .Where(f => !IsCompressedCopy(f.Key))
            .ToFrozenDictionary(f => f.Key, f => Describe(f.Key, f.Value, files), StringComparer.Ordinal);
    }

    public IEnumerable<string> Paths => _assets.Keys;

    public Task ServeAsync(HttpContext context, string? path)
    {
        ArgumentNullException.ThrowIfNull(context);

        var response = context.Response;
        if (path is null || !_assets.TryGetValue(path, out var asset))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = asset.Immutable ? "public, max-age=31536000, immutable" : "no-cache";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.XContentTypeOptions = "nosniff";

        // Module scripts are fetched in CORS mode, and a page on another origin may embed the button; the files are
        // public and carry no cookies, so any origin may read them.
        response.Headers.AccessControlAllowOrigin = "*";

        // The push worker lives under {prefix}/widget/ but handles the notifications of the whole {prefix}/.
        if (path == PushWorker)
        {
            var full = $"{context.Request.PathBase}{context.Request.Path}";
            response.Headers["Service-Worker-Allowed"] = full[..^("widget/".Length + PushWorker.Length)];
        }

        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var (body, encoding) = Choose(asset, context.Request.Headers.AcceptEncoding.ToString());
        response.ContentType = asset.ContentType;
        response.ContentLength = body.Length;
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }

        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static (ReadOnlyMemory<byte> Body, string? Encoding) Choose(WidgetAsset asset, string acceptEncoding)
    {
        if (asset.Brotli is { } brotli && Accepts(acceptEncoding, "br"))
        {
            return (brotli, "br");
        }

        if (asset.Gzip is { } gzip && Accepts(acceptEncoding, "gzip"))
        {
            return (gzip, "gzip");
        }

        return (asset.Content, null);
    }

    private static bool Accepts(string acceptEncoding, string coding) =>
        acceptEncoding.Split(',').Any(part =>
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            return string.Equals(pieces[0], coding, StringComparison.OrdinalIgnoreCase)
                && !pieces.Skip(1).Any(p => p.Replace(" ", "", StringComparison.Ordinal) is "q=0" or "q=0.0");
        });

    private static WidgetAsset Describe(string path, byte[] content, IReadOnlyDictionary<string, byte[]> files) =>
        new(
            content,
            files.TryGetValue(path + ".gz", out var gzip) ? gzip : null,
            files.TryGetValue(path + ".br", out var brotli) ? brotli : null,
            ContentTypeOf(path),
            $"\"{WebEncoders.Base64UrlEncode(SHA256.HashData(content), 0, 16)}\"",
            path.StartsWith(ImmutableFolder, StringComparison.Ordinal));

    private static string ContentTypeOf(string path) => Path.GetExtension(path) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".map" => "application/json; charset=utf-8",
        _ => "application/octet-stream",
    };

    private static bool IsCompressedCopy(string path) =>
        path.EndsWith(".gz", StringComparison.Ordinal) || path.EndsWith(".br", StringComparison.Ordinal);

    private static Dictionary<string, byte[]> ReadResources()
    {
        var assembly = typeof(WidgetAssets).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[name[ResourcePrefix.Length..].Replace('\\', '/')] = copy.ToArray();
        }

        return files;
    }
}
