using System.IO.Compression;
using System.Net;
using System.Text;
using DomainCall.Hosting;
using Microsoft.AspNetCore.Http;

namespace DomainCall.Tests.Hosting;

public sealed class WidgetAssetsTests
{
    private static readonly byte[] Entry = Encoding.UTF8.GetBytes("export const button = 1;");
    private static readonly byte[] Chunk = Encoding.UTF8.GetBytes("export const screen = 2;");

    private readonly WidgetAssets _assets = new(new Dictionary<string, byte[]>
    {
        ["domain-call.js"] = Entry,
        ["domain-call.js.gz"] = Gzip(Entry),
        ["domain-call.js.br"] = [1, 2, 3],
        ["chunks/call-screen-ABC123.js"] = Chunk,
        ["page.css"] = Encoding.UTF8.GetBytes("body{}"),
    });

    [Fact]
    public async Task Serve_EntryFile_IsRevalidatedEachTime()
    {
        var context = await ServeAsync("domain-call.js");

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("no-cache", context.Response.Headers.CacheControl);
        Assert.Equal("text/javascript; charset=utf-8", context.Response.ContentType);
        Assert.Equal(Entry, Body(context));
    }

    [Fact]
    public async Task Serve_HashedChunk_IsCachedForAYear()
    {
        var context = await ServeAsync("chunks/call-screen-ABC123.js");

        Assert.Equal("public, max-age=31536000, immutable", context.Response.Headers.CacheControl);
    }

    [Fact]
    public async Task Serve_WithMatchingETag_AnswersNotModifiedWithNoBody()
    {
        var first = await ServeAsync("domain-call.js");

        var second = await ServeAsync("domain-call.js", ifNoneMatch: first.Response.Headers.ETag.ToString());

        Assert.Equal(StatusCodes.Status304NotModified, second.Response.StatusCode);
        Assert.Empty(Body(second));
    }

    [Fact]
    public async Task Serve_ToABrowserThatAcceptsGzip_SendsTheGzipCopy()
    {
        var context = await ServeAsync("domain-call.js", acceptEncoding: "gzip, deflate");

        Assert.Equal("gzip", context.Response.Headers.ContentEncoding);
        Assert.Equal(Entry, Gunzip(Body(context)));
        Assert.Equal("Accept-Encoding", context.Response.Headers.Vary);
    }

    [Fact]
    public async Task Serve_ToABrowserThatAcceptsBrotli_PrefersBrotli()
    {
        var context = await ServeAsync("domain-call.js", acceptEncoding: "gzip, deflate, br");

        Assert.Equal("br", context.Response.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Serve_CodingRefusedWithQZero_IsNotUsed()
    {
        var context = await ServeAsync("domain-call.js", acceptEncoding: "br;q=0, gzip");

        Assert.Equal("gzip", context.Response.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("missing.js")]
    [InlineData("domain-call.js.gz")]
    [InlineData("../appsettings.json")]
    public async Task Serve_UnknownPath_IsNotFound(string path)
    {
        var context = await ServeAsync(path);

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        Assert.Empty(Body(context));
    }

    [Fact]
    public void TheBuiltAssembly_CarriesTheWidget()
    {
        var assets = new WidgetAssets();

        Assert.Contains("domain-call.js", assets.Paths);
        Assert.Contains("desk.js", assets.Paths);
        Assert.Contains("page.css", assets.Paths);
        Assert.Contains("push-worker.js", assets.Paths);
        Assert.Contains(assets.Paths, p => p.StartsWith("chunks/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_OverHttp_GivesTheScriptToAnyOrigin()
    {
        await using var server = await SignalingServer.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All });
        using var request = new HttpRequestMessage(HttpMethod.Get, server.BaseAddress + "/call/widget/domain-call.js");
        request.Headers.Add("Origin", "https://shop.example.org");
        request.Headers.Add("Accept-Encoding", "br");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("domain-call", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Serve_PushWorker_MayControlTheWholePrefixAndIsRevalidated()
    {
        await using var server = await SignalingServer.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(server.BaseAddress + "/call/widget/push-worker.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/call/", response.Headers.GetValues("Service-Worker-Allowed").Single());
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Contains("showNotification", await response.Content.ReadAsStringAsync());
    }

    private async Task<DefaultHttpContext> ServeAsync(
        string path, string? ifNoneMatch = null, string? acceptEncoding = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = new MemoryStream();
        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        if (acceptEncoding is not null)
        {
            context.Request.Headers.AcceptEncoding = acceptEncoding;
        }

        await _assets.ServeAsync(context, path);
        return context;
    }

    private static byte[] Body(DefaultHttpContext context) => ((MemoryStream)context.Response.Body).ToArray();

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    private static byte[] Gunzip(byte[] content)
    {
        using var input = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
