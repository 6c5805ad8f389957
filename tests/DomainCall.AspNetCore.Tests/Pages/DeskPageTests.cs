using System.Net;
using DomainCall.Hosting;
using DomainCall.Pages;
using DomainCall.Tests.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DomainCall.Tests.Pages;

/// <summary>Signing in to the desk with the owner key, and what the sign-in cookie lets a desk do.</summary>
public sealed class DeskPageTests : IAsyncLifetime
{
    private SignalingServer _server = null!;

    public async Task InitializeAsync() => _server = await SignalingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Desk_BeforeSignIn_ShowsTheSignInForm()
    {
        using var browser = NewBrowser();

        var html = await browser.GetStringAsync("/call/desk");

        Assert.Contains("<label for=\"owner-key\">Owner key</label>", html);
        Assert.DoesNotContain("<domain-call-desk", html);
    }

    [Fact]
    public async Task SignIn_WithTheOwnerKey_OpensTheDesk()
    {
        using var browser = NewBrowser();

        using var response = await SignInAsync(browser, _server.OwnerKey);
        var html = await browser.GetStringAsync("/call/desk");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Contains("<domain-call-desk domain=\"example.com\"></domain-call-desk>", html);
        Assert.Contains("src=\"/call/widget/desk.js\"", html);
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_server.OwnerKey, cookie, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("")]
    [InlineData("<script>alert(1)</script>")]
    public async Task SignIn_WithAWrongKey_SaysSoAndSetsNoCookie(string key)
    {
        using var browser = NewBrowser();

        using var response = await SignInAsync(browser, key);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("That is not the owner key of example.com.", html);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public async Task SignIn_FromAPageOfAnotherSite_IsRefused()
    {
        using var browser = NewBrowser();
        using var form = new FormUrlEncodedContent([new("ownerKey", _server.OwnerKey)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/call/desk/sign-in") { Content = form };
        request.Headers.Add("Origin", "https://attacker.example.net");

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task JoinDesk_WithTheSignInCookieAndNoKey_Succeeds()
    {
        using var browser = NewBrowser(out var cookies);
        using var response = await SignInAsync(browser, _server.OwnerKey);

        await using var desk = await ConnectWithCookiesAsync(cookies);
        var joined = await desk.InvokeAsync("JoinDesk", "example.com", null);

        Assert.Equal("example.com", joined.GetProperty("domain").GetString());
    }

    [Fact]
    public async Task JoinDesk_WithTheCookieOfAReplacedOwnerKey_IsNotAllowed()
    {
        await using var server = await SignalingServer.StartAsync();
        using var browser = NewBrowser(out var cookies, server);
        using var response = await SignInAsync(browser, server.OwnerKey);
        await server.Services.GetRequiredService<OwnerKeys>().ResetAsync();

        await using var desk = await ConnectWithCookiesAsync(cookies, server);
        var error = await Assert.ThrowsAsync<HubException>(() => desk.InvokeAsync("JoinDesk", "example.com", null));
        var html = await browser.GetStringAsync("/call/desk");

        Assert.StartsWith("not-allowed:", TestClient.Refusal(error));
        Assert.Contains("Owner key", html);
    }

    [Fact]
    public async Task JoinDesk_WithAForgedCookie_IsNotAllowed()
    {
        var cookies = new CookieContainer();
        cookies.Add(new Uri(_server.BaseAddress), new Cookie(DeskSessions.CookieName, "forged-value", "/call"));

        await using var desk = await ConnectWithCookiesAsync(cookies);
        var error = await Assert.ThrowsAsync<HubException>(() => desk.InvokeAsync("JoinDesk", "example.com", null));

        Assert.StartsWith("not-allowed:", TestClient.Refusal(error));
    }

    [Fact]
    public async Task SignOut_ClosesTheDesk()
    {
        using var browser = NewBrowser();
        using var signIn = await SignInAsync(browser, _server.OwnerKey);

        using var signOut = await browser.PostAsync("/call/desk/sign-out", null);
        var html = await browser.GetStringAsync("/call/desk");

        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        Assert.Contains("Owner key", html);
        Assert.DoesNotContain("<domain-call-desk", html);
    }

    [Fact]
    public async Task Desk_AfterSignIn_HasAFormToCallAnotherDomainAsThisOne()
    {
        using var browser = NewBrowser();

        using var response = await SignInAsync(browser, _server.OwnerKey);
        var html = await browser.GetStringAsync("/call/desk");

        Assert.Contains("<form method=\"get\" action=\"/call/desk/call\">", html);
        Assert.Contains("<input type=\"hidden\" name=\"as\" value=\"example.com\">", html);
        Assert.Contains("<label for=\"call-domain\">Domain to call</label>", html);
        Assert.Contains("<input id=\"call-domain\" name=\"domain\"", html);
        Assert.Contains("<button type=\"submit\">Call a domain</button>", html);
    }

    [Fact]
    public async Task CallAnother_WithADomain_GoesToItsCallPageAskingToCallAsTheDesk()
    {
        using var browser = NewBrowser();

        using var response = await browser.GetAsync("/call/desk/call?as=example.com&domain=+Shop.Example.NET+");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/call/shop.example.net?as=example.com", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task CallAnother_WithNotADomain_SaysItCannotBeCalled()
    {
        using var browser = NewBrowser();

        using var response = await browser.GetAsync("/call/desk/call?as=example.com&domain=%3Cb%3Enope");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("&lt;b&gt;nope cannot be called here", html);
    }

    private HttpClient NewBrowser() => NewBrowser(out _);

    private HttpClient NewBrowser(out CookieContainer cookies, SignalingServer? server = null)
    {
        cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        return new HttpClient(handler) { BaseAddress = new Uri((server ?? _server).BaseAddress) };
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string key)
    {
        using var form = new FormUrlEncodedContent([new("ownerKey", key)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/call/desk/sign-in") { Content = form };
        request.Headers.Add("Origin", browser.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return await browser.SendAsync(request);
    }

    private async Task<TestClient> ConnectWithCookiesAsync(CookieContainer cookies, SignalingServer? server = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl((server ?? _server).HubAddress, http => http.Cookies = cookies)
            .Build();
        var client = new TestClient(connection);
        await connection.StartAsync();
        return client;
    }
}
