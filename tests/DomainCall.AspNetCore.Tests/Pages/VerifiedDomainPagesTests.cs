using System.Net;
using System.Text.Json;
using DomainCall.Engine;
using DomainCall.Storage;
using DomainCall.Tests.Hosting;
using DomainCall.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DomainCall.Tests.Pages;

/// <summary>
/// One server answering for a verified domain besides its own: the pages pick the domain from <c>/call/{domain}</c>
/// or from the Host header, and a domain that is not verified gets a plain "not a DomainCall domain" page.
/// </summary>
/// <remarks>The accounts are written to the store as verified; the lookups that verify them are tested against Knot
/// DNS in the DNS tests.</remarks>
public sealed class VerifiedDomainPagesTests : IAsyncLifetime
{
    private const string Verified = "shop.example.net";
    private const string Pending = "pending.example.net";

    private SignalingServer _server = null!;
    private string _ownerKey = null!;

    public async Task InitializeAsync()
    {
        _server = await SignalingServer.StartAsync(options => options.BusinessName = "Bikes & Co");
        _ownerKey = await VerifiedDomains.AddAsync(_server.Services, Verified);
        var store = _server.Services.GetRequiredService<ICallStore>();
        var now = DateTimeOffset.UtcNow;
        await store.SaveDomainAccountAsync(
            new DomainAccount(Domain.Parse(Pending), Secrets.NewToken(), now.AddDays(7)), create: true, default);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CallPage_ForAVerifiedDomainInThePath_ShowsThatDomainsCallScreen()
    {
        using var http = NewBrowser();

        var html = await http.GetStringAsync($"/call/{Verified}");

        Assert.Contains($"<h1>{Verified}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<domain-call inline domain=\"{Verified}\"></domain-call>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bikes", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallPage_WithTheVerifiedDomainAsHost_ShowsThatDomain_AndAnUnknownHostShowsTheSite()
    {
        using var http = NewBrowser();
        using var forVerified = new HttpRequestMessage(HttpMethod.Get, "/call") { Headers = { Host = Verified } };
        using var forOther = new HttpRequestMessage(HttpMethod.Get, "/call") { Headers = { Host = Pending } };

        var verified = await (await http.SendAsync(forVerified)).Content.ReadAsStringAsync();
        var other = await (await http.SendAsync(forOther)).Content.ReadAsStringAsync();

        Assert.Contains(
            $"<domain-call inline domain=\"{Verified}\"></domain-call>", verified, StringComparison.Ordinal);
        Assert.Contains("<domain-call inline domain=\"example.com\"></domain-call>", other, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/call/" + Pending)]
    [InlineData("/call/unknown.example.net")]
    [InlineData("/call/" + Pending + "/desk")]
    public async Task Pages_ForADomainThatIsNotVerified_SayItIsNotADomainCallDomain(string path)
    {
        using var http = NewBrowser();

        using var response = await http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Not a DomainCall domain</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<domain-call", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_ForAVerifiedDomain_DescribesIt_AndForAPendingOneIsNotFound()
    {
        using var http = NewBrowser();

        var info = JsonDocument.Parse(await http.GetStringAsync($"/call/info?domain={Verified}")).RootElement;
        using var pending = await http.GetAsync($"/call/info?domain={Pending}");

        Assert.Equal(Verified, info.GetProperty("domain").GetString());
        Assert.Equal(Verified, info.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, pending.StatusCode);
    }

    [Fact]
    public async Task Desk_ForAVerifiedDomain_SignsInWithItsOwnKeyAndAnswersForIt()
    {
        var cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = new Uri(_server.BaseAddress) };
        using var siteKey = await SignInAsync(browser, _server.OwnerKey);
        using var ownKey = await SignInAsync(browser, _ownerKey);
        var desk = await browser.GetStringAsync($"/call/{Verified}/desk");

        Assert.Equal(HttpStatusCode.Unauthorized, siteKey.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, ownKey.StatusCode);
        Assert.Equal($"/call/{Verified}/desk", ownKey.Headers.Location?.OriginalString);
        Assert.Contains($"<domain-call-desk domain=\"{Verified}\"></domain-call-desk>", desk, StringComparison.Ordinal);
        var connection = new HubConnectionBuilder()
            .WithUrl(_server.HubAddress, http => http.Cookies = cookies)
            .Build();
        await using var client = new TestClient(connection);
        await connection.StartAsync();
        var joined = await client.InvokeAsync("JoinDesk", Verified, null);
        Assert.Equal(Verified, joined.GetProperty("domain").GetString());
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string key)
    {
        using var form = new FormUrlEncodedContent([new("ownerKey", key)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/call/{Verified}/desk/sign-in")
        {
            Content = form,
        };
        request.Headers.Add("Origin", browser.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return await browser.SendAsync(request);
    }

    private HttpClient NewBrowser() => new() { BaseAddress = new Uri(_server.BaseAddress) };
}
