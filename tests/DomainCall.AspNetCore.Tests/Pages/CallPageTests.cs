using System.Net;
using System.Text.Json;
using DomainCall.Tests.Hosting;

namespace DomainCall.Tests.Pages;

/// <summary>The page a shared <c>example.com/call</c> link opens, and the information the widget reads.</summary>
public sealed class CallPageTests : IAsyncLifetime
{
    private SignalingServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await SignalingServer.StartAsync(options =>
        {
            options.BusinessName = "Bikes & Co <Ltd>";
            options.Introduction = "We fix **bikes** the same day. <script>alert(1)</script>";
            options.IceServers.Add(new() { Urls = { "stun:stun.example.com:3478" } });
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CallPage_ShowsTheBusinessTheIntroductionAndTheCallScreen()
    {
        using var http = NewBrowser();
        var html = await http.GetStringAsync("/call");

        Assert.Contains("<h1>Bikes &amp; Co &lt;Ltd&gt;</h1>", html);
        Assert.Contains("<strong>bikes</strong>", html);
        Assert.Contains("<domain-call inline domain=\"example.com\"></domain-call>", html);
        Assert.Contains("<script type=\"module\" src=\"/call/widget/domain-call.js\"></script>", html);
    }

    [Fact]
    public async Task CallPage_HasNoInlineScriptAndNoInlineStyle()
    {
        using var http = NewBrowser();
        var html = await http.GetStringAsync("/call");

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<script", html.Replace("<script type=\"module\" src=", "", StringComparison.Ordinal));
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("<style", html);
    }

    [Fact]
    public async Task CallPage_SendsAStrictContentSecurityPolicy()
    {
        using var http = NewBrowser();
        using var response = await http.GetAsync("/call");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("style-src 'self'", policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("unsafe", policy);
    }

    [Fact]
    public async Task CallPage_PreviewsWellWhenShared()
    {
        using var http = NewBrowser();
        var html = await http.GetStringAsync("/call");

        Assert.Contains("<meta property=\"og:title\" content=\"Call Bikes &amp; Co &lt;Ltd&gt;\">", html);
        Assert.Contains("<meta property=\"og:description\" content=\"We fix bikes the same day.", html);
        Assert.Contains($"<meta property=\"og:url\" content=\"{_server.BaseAddress}/call\">", html);
        Assert.Contains("<meta property=\"og:type\" content=\"website\">", html);
    }

    [Fact]
    public async Task Info_GivesWhatTheWidgetNeeds()
    {
        using var http = NewBrowser();
        using var response = await http.GetAsync("/call/info");
        var info = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("example.com", info.GetProperty("domain").GetString());
        Assert.Equal("Bikes & Co <Ltd>", info.GetProperty("name").GetString());
        Assert.Equal(["sales", "support"], info.GetProperty("reasons").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(["voice", "video", "chat"], info.GetProperty("modes").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("stun:stun.example.com:3478",
            info.GetProperty("iceServers")[0].GetProperty("urls")[0].GetString());
    }

    [Fact]
    public async Task CallPage_UnderAnotherPrefix_PointsItsScriptsThere()
    {
        await using var server = await SignalingServer.StartAsync(pattern: "/talk");
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseAddress) };

        var html = await http.GetStringAsync("/talk");

        Assert.Contains("src=\"/talk/widget/domain-call.js\"", html);
    }

    [Fact]
    public async Task CallPage_WithAsADomain_AsksTheWidgetToCallAsIt()
    {
        using var http = NewBrowser();
        var html = await http.GetStringAsync("/call?as=Shop.Example.NET");

        Assert.Contains("<domain-call inline domain=\"example.com\" as=\"shop.example.net\"></domain-call>", html);
    }

    [Theory]
    [InlineData("\"><script>alert(1)</script>")]
    [InlineData("not a domain")]
    [InlineData("")]
    public async Task CallPage_WithAsNotADomain_IgnoresIt(string value)
    {
        using var http = NewBrowser();
        var html = await http.GetStringAsync($"/call?as={Uri.EscapeDataString(value)}");

        Assert.Contains("<domain-call inline domain=\"example.com\"></domain-call>", html);
        Assert.DoesNotContain(" as=", html);
    }

    private HttpClient NewBrowser() => new() { BaseAddress = new Uri(_server.BaseAddress) };
}
