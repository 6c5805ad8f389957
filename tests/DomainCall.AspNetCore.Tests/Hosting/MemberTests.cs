using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DomainCall.Engine;
using DomainCall.Storage;
using DomainCall.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DomainCall.Tests.Hosting;

/// <summary>
/// Members of a domain over HTTP and the real SignalR client: invites by one-time link, rights to answer and to
/// call, and removal that closes an open desk at once.
/// </summary>
public sealed class MemberTests : IAsyncLifetime, IDisposable
{
    private const string Site = SignalingServer.SiteDomain;
    private const string Shop = "shop.example.net";

    private static readonly string[] AnswerOnly = ["answer"];

    private SignalingServer _server = null!;
    private HttpClient _http = null!;
    private string _shopKey = null!;

    public async Task InitializeAsync()
    {
        _server = await SignalingServer.StartAsync();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(_server.BaseAddress),
        };

        _shopKey = await VerifiedDomains.AddAsync(_server.Services, Shop);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Invite_WithTheSiteOwnerKey_GivesAOneTimeLinkToTheJoinPage()
    {
        var invite = await InviteAsync(Site, _server.OwnerKey, "Ana", "answer");

        var link = invite.GetProperty("link").GetString()!;
        Assert.StartsWith(_server.BaseAddress + "/call/desk/join?code=", link, StringComparison.Ordinal);
        Assert.Equal(["answer"], invite.GetProperty("rights").EnumerateArray().Select(r => r.GetString()));
        var html = await _http.GetStringAsync(link);
        Assert.Contains("<button type=\"submit\">Join</button>", html);
        Assert.Contains("invites Ana to answer its calls", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task JoinDesk_MemberAllowedOnlyToCall_IsNotAllowed()
    {
        var (_, key) = await AddMemberAsync(Shop, _shopKey, "call");
        await using var member = await _server.ConnectUnprovedAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => member.InvokeAsync("JoinDesk", Shop, key));
        var proven = await member.InvokeAsync("ProveDomain", Shop, key);

        Assert.StartsWith("not-allowed:", TestClient.Refusal(error), StringComparison.Ordinal);
        Assert.Equal("verified", proven.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task PlaceCall_FromAMemberAllowedOnlyToCall_CallsAsTheDomain()
    {
        var (_, key) = await AddMemberAsync(Shop, _shopKey, "call");
        await using var desk = await _server.ConnectDeskAsync();
        await using var member = await _server.ConnectUnprovedAsync();
        await member.InvokeAsync("ProveDomain", Shop, key);

        await member.InvokeAsync("PlaceCall", Site, "sales", "voice");

        var caller = (await desk.NextAsync("CallOffered")).GetProperty("caller");
        Assert.Equal(Shop, caller.GetProperty("name").GetString());
        Assert.Equal("verified", caller.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task AnswerOnlyMember_AnswersCallsButCannotCallAsTheDomain()
    {
        var (_, key) = await AddMemberAsync(Shop, _shopKey, "answer");
        await using var member = await _server.ConnectUnprovedAsync();
        await member.InvokeAsync("JoinDesk", Shop, key);
        await using var caller = await _server.ConnectAsync();

        await caller.InvokeAsync("PlaceCall", Shop, "sales", "voice");
        var callId = (await member.NextAsync("CallOffered")).GetProperty("callId").GetString();
        await member.InvokeAsync("AcceptCall", callId);
        await caller.NextAsync("CallAccepted");
        await member.InvokeAsync("HangUp", callId);

        await using var siteDesk = await _server.ConnectDeskAsync();
        var placeError = await Assert.ThrowsAsync<HubException>(
            () => member.InvokeAsync("PlaceCall", Site, "sales", "voice"));
        var proveError = await Assert.ThrowsAsync<HubException>(() => member.InvokeAsync("ProveDomain", Shop, key));
        Assert.StartsWith("identity-required:", TestClient.Refusal(placeError), StringComparison.Ordinal);
        Assert.StartsWith("not-allowed:", TestClient.Refusal(proveError), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveMember_WithAnOpenDesk_ClosesItAtOnceAndItsKeyAndCookieStopWorking()
    {
        using var browser = NewBrowser(out var cookies);
        var invite = await InviteAsync(Shop, _shopKey, "Ana", "answer", "call");
        var code = new Uri(invite.GetProperty("link").GetString()!).Query["?code=".Length..];
        using var joined = await browser.PostAsync(
            "/call/desk/join", new FormUrlEncodedContent([new("code", code)]));
        Assert.Equal(HttpStatusCode.SeeOther, joined.StatusCode);
        Assert.Equal($"/call/{Shop}/desk", joined.Headers.Location!.OriginalString);
        var deskPage = await browser.GetStringAsync($"/call/{Shop}/desk");
        Assert.Contains($"Answering calls for {Shop} as Ana", deskPage);
        await using var desk = await ConnectWithCookiesAsync(cookies);
        await desk.InvokeAsync("JoinDesk", Shop, null);
        var memberId = (await ListMembersAsync(Shop, _shopKey)).Single().GetProperty("id").GetString();

        using var removal = await SendAsOwnerAsync(HttpMethod.Delete, $"/call/api/domains/{Shop}/members/{memberId}",
            _shopKey);

        Assert.Equal(HttpStatusCode.NoContent, removal.StatusCode);
        var closed = await desk.NextAsync("DeskClosed");
        Assert.Equal(("member-removed", Shop), (closed.GetProperty("reason").GetString(),
            closed.GetProperty("domain").GetString()));
        Assert.Equal(0, _server.Services.GetRequiredService<Switchboard>().DeskCount(Domain.Parse(Shop)));
        await using var caller = await _server.ConnectAsync();
        var placed = await caller.InvokeAsync("PlaceCall", Shop, "sales", "voice");
        Assert.Equal("unavailable", placed.GetProperty("status").GetString());
        Assert.False(desk.HasUnreadEvent);
        var rejoin = await Assert.ThrowsAsync<HubException>(() => desk.InvokeAsync("JoinDesk", Shop, null));
        Assert.StartsWith("not-allowed:", TestClient.Refusal(rejoin), StringComparison.Ordinal);
        Assert.Contains("Owner key", await browser.GetStringAsync($"/call/{Shop}/desk"));
    }

    [Fact]
    public async Task RemoveMember_TheirKeyNoLongerJoinsADesk()
    {
        var (memberId, key) = await AddMemberAsync(Site, _server.OwnerKey, "answer");

        using var removal = await SendAsOwnerAsync(
            HttpMethod.Delete, $"/call/api/domains/{Site}/members/{memberId}", _server.OwnerKey);
        await using var member = await _server.ConnectUnprovedAsync();
        var error = await Assert.ThrowsAsync<HubException>(() => member.InvokeAsync("JoinDesk", Site, key));

        Assert.Equal(HttpStatusCode.NoContent, removal.StatusCode);
        Assert.StartsWith("not-allowed:", TestClient.Refusal(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_WithACodeUsedAlready_IsRefused()
    {
        var invite = await InviteAsync(Site, _server.OwnerKey, "Ana", "answer");
        var code = new Uri(invite.GetProperty("link").GetString()!).Query["?code=".Length..];
        using var first = await _http.PostAsync("/call/desk/join", new FormUrlEncodedContent([new("code", code)]));

        using var second = await _http.PostAsync("/call/desk/join", new FormUrlEncodedContent([new("code", code)]));

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.Contains("was used already", await second.Content.ReadAsStringAsync());
        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.Single(await ListMembersAsync(Site, _server.OwnerKey));
    }

    [Fact]
    public async Task Join_WithAnExpiredInvite_IsRefused()
    {
        var code = Secrets.NewToken();
        var now = DateTimeOffset.UtcNow;
        await _server.Services.GetRequiredService<ICallStore>().AddInviteAsync(
            new MemberInvite(Domain.Parse(Site), Secrets.Hash(code), "Ana", MemberRights.Answer, now.AddDays(-8),
                now.AddDays(-1)),
            default);

        using var page = await _http.GetAsync($"/call/desk/join?code={code}");
        using var join = await _http.PostAsync("/call/desk/join", new FormUrlEncodedContent([new("code", code)]));

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("expired", await join.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Gone, join.StatusCode);
        Assert.Empty(await ListMembersAsync(Site, _server.OwnerKey));
    }

    [Fact]
    public async Task Register_TakingOverALapsedRegistration_VoidsTheInvitesItsFormerHolderSent()
    {
        const string Lapsed = "lapsed-bikes.org";
        var store = _server.Services.GetRequiredService<ICallStore>();
        var formerKey = Secrets.NewToken();
        var now = DateTimeOffset.UtcNow;
        await store.SaveDomainAccountAsync(
            new DomainAccount(Domain.Parse(Lapsed), Secrets.NewToken(), now.AddDays(1)), create: true, default);
        await store.SaveOwnerKeyHashAsync(Domain.Parse(Lapsed), Secrets.Hash(formerKey), replace: false, default);
        var invite = await InviteAsync(Lapsed, formerKey, "Mallory", "answer", "call");
        await store.SaveDomainAccountAsync(
            new DomainAccount(Domain.Parse(Lapsed), Secrets.NewToken(), now.AddDays(-1)), create: false, default);

        using var register = await _http.PostAsJsonAsync("/call/api/domains", new { domain = Lapsed });
        var code = new Uri(invite.GetProperty("link").GetString()!).Query["?code=".Length..];
        using var join = await _http.PostAsync("/call/desk/join", new FormUrlEncodedContent([new("code", code)]));

        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        Assert.NotEqual(HttpStatusCode.SeeOther, join.StatusCode);
        Assert.False(join.Headers.Contains("Set-Cookie"));
        var newKey = (await register.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ownerKey").GetString()!;
        Assert.Empty(await ListMembersAsync(Lapsed, newKey));
    }

    [Fact]
    public async Task InviteAndRemove_WithoutTheOwnerKey_AreRefusedAndChangeNothing()
    {
        var (memberId, _) = await AddMemberAsync(Shop, _shopKey, "answer");

        using var invite = await SendAsOwnerAsync(HttpMethod.Post, $"/call/api/domains/{Shop}/invites",
            Secrets.NewToken(), JsonContent.Create(new { label = "Eve", rights = AnswerOnly }));
        using var removeWithSiteKey = await SendAsOwnerAsync(
            HttpMethod.Delete, $"/call/api/domains/{Shop}/members/{memberId}", _server.OwnerKey);
        using var removeWithNoKey = await _http.DeleteAsync($"/call/api/domains/{Shop}/members/{memberId}");
        using var list = await _http.GetAsync($"/call/api/domains/{Shop}/members");

        Assert.Equal(HttpStatusCode.Unauthorized, invite.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, removeWithSiteKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, removeWithNoKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        var members = await ListMembersAsync(Shop, _shopKey);
        Assert.Equal(memberId, Assert.Single(members).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("""{"label": "", "rights": ["answer"]}""")]
    [InlineData("""{"label": "Ana", "rights": []}""")]
    [InlineData("""{"label": "Ana", "rights": ["admin"]}""")]
    [InlineData("""{"label": "Ana\nBob", "rights": ["call"]}""")]
    public async Task Invite_WithABadBody_IsRefusedWith400(string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await SendAsOwnerAsync(
            HttpMethod.Post, $"/call/api/domains/{Site}/invites", _server.OwnerKey, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<JsonElement> InviteAsync(string domain, string ownerKey, string label, params string[] rights)
    {
        using var response = await SendAsOwnerAsync(
            HttpMethod.Post, $"/call/api/domains/{domain}/invites", ownerKey,
            JsonContent.Create(new { label, rights }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // A client that is not a browser asks for JSON, and gets the member key to join desks with.
    private async Task<(string MemberId, string Key)> AddMemberAsync(
        string domain, string ownerKey, params string[] rights)
    {
        var invite = await InviteAsync(domain, ownerKey, "Ana", rights);
        var code = new Uri(invite.GetProperty("link").GetString()!).Query["?code=".Length..];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/call/desk/join")
        {
            Content = new FormUrlEncodedContent([new("code", code)]),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var joined = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (joined.GetProperty("memberId").GetString()!, joined.GetProperty("memberKey").GetString()!);
    }

    private async Task<JsonElement[]> ListMembersAsync(string domain, string ownerKey)
    {
        using var response = await SendAsOwnerAsync(HttpMethod.Get, $"/call/api/domains/{domain}/members", ownerKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("members").EnumerateArray()];
    }

    private async Task<HttpResponseMessage> SendAsOwnerAsync(
        HttpMethod method, string path, string ownerKey, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("DomainCall-Owner-Key", ownerKey);
        return await _http.SendAsync(request);
    }

    private HttpClient NewBrowser(out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        return new HttpClient(handler) { BaseAddress = new Uri(_server.BaseAddress) };
    }

    private async Task<TestClient> ConnectWithCookiesAsync(CookieContainer cookies)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(_server.HubAddress, http => http.Cookies = cookies)
            .Build();
        var client = new TestClient(connection);
        await connection.StartAsync();
        return client;
    }
}
