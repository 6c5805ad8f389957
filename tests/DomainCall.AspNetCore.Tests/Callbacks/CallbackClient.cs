using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DomainCall.Tests.Hosting;

namespace DomainCall.Tests.Callbacks;

/// <summary>
/// A browser's view of the callback API: it posts the widget's multipart form with an Idempotency-Key and the
/// site's Origin, and, once signed in to the desk with the owner key, reads the desk API with the desk cookie.
/// </summary>
public sealed class CallbackClient : IDisposable
{
    /// <summary>The first bytes of a WebM file, followed by filler: enough for the type check.</summary>
    public static readonly byte[] WebmVoice =
        [0x1A, 0x45, 0xDF, 0xA3, .. Enumerable.Range(0, 2_000).Select(i => (byte)i)];

    private readonly HttpClient _http;
    private readonly string _origin;

    public CallbackClient(string baseAddress)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        _http = new HttpClient(handler) { BaseAddress = new Uri(baseAddress) };
        _origin = _http.BaseAddress.GetLeftPart(UriPartial.Authority);
    }

    public HttpClient Http => _http;

    public static string NewKey() => Guid.NewGuid().ToString("N");

    public static MultipartFormDataContent Form(
        IEnumerable<(string Name, string Value)> fields, byte[]? voice = null, string voiceType = "audio/webm")
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        if (voice is not null)
        {
            var part = new ByteArrayContent(voice);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(voiceType);
            form.Add(part, "voice", "voice.webm");
        }

        return form;
    }

    public async Task<HttpResponseMessage> PostAsync(
        string key, IEnumerable<(string Name, string Value)> fields, byte[]? voice = null,
        string voiceType = "audio/webm")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/call/api/callbacks")
        {
            Content = Form(fields, voice, voiceType),
        };
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.Add("Origin", _origin);
        request.Headers.UserAgent.ParseAdd(
            "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36");
        return await _http.SendAsync(request);
    }

    public async Task SignInToDeskAsync(string ownerKey)
    {
        using var form = new FormUrlEncodedContent([new("ownerKey", ownerKey)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/call/desk/sign-in") { Content = form };
        request.Headers.Add("Origin", _origin);
        using var response = await _http.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.OK,
            $"Signing in to the desk failed: {response.StatusCode}");
    }

    public async Task<JsonElement[]> ListAsync(string status = "open")
    {
        using var response = await _http.GetAsync($"/call/desk/api/callbacks?status={status}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await JsonAsync(response)).GetProperty("callbacks").EnumerateArray()];
    }

    public async Task<HttpResponseMessage> MarkHandledAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/call/desk/api/callbacks/{id}/handled");
        request.Headers.Add("Origin", _origin);
        return await _http.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}
