using System.Text.Json;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using ARSoft.Tools.Net.Dns.DynamicUpdate;
using DomainCall.Dns.Tests.Servers;
using DomainCall.Engine;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DomainCall.Dns.Tests.Dns;

/// <summary>
/// The account API of a real site, with the owner's records published in Knot DNS by signed updates: registering,
/// every answer of a verification, calling a verified domain, and revoking a verification whose record went away.
/// </summary>
public sealed class DomainAccountApiTests(KnotFixture knot) : IClassFixture<KnotFixture>, IAsyncLifetime
{
    private const string Api = "call/api/domains";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private DomainCallSite _site = null!;

    public async Task InitializeAsync() => _site = await DomainCallSite.StartAsync(
        _time, options => options.Verification.Resolvers.Add(knot.EndPoint.ToString()));

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Register_GivesTheOwnerKeyAndTheExactRecordToPublish()
    {
        var domain = TestZone.UniqueName("shop");

        var (status, body) = await _site.SendAsync(HttpMethod.Post, Api, new { domain });

        Assert.Equal(201, status);
        Assert.Equal(domain, body.GetProperty("domain").GetString());
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.True(Secrets.LooksLikeToken(body.GetProperty("ownerKey").GetString()));
        var record = body.GetProperty("record");
        Assert.Equal("_domaincall-challenge." + domain, record.GetProperty("name").GetString());
        Assert.Equal("TXT", record.GetProperty("type").GetString());
        Assert.Matches("^token=[A-Za-z0-9_-]{22}$", record.GetProperty("value").GetString());
        Assert.Equal(
            _time.GetUtcNow().AddDays(7), body.GetProperty("codeExpiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Verify_BeforeAndAfterTheRecordIsPublished_SaysWhatIsWrongAndThenVerifies()
    {
        var (domain, ownerKey, value) = await RegisterAsync();
        var verify = $"{Api}/{domain}/verify";

        var missing = await _site.SendAsync(HttpMethod.Post, verify, ownerKey: ownerKey);
        await knot.PublishTxtAsync(VerificationName(domain), ["token=" + Secrets.NewToken()]);
        var wrong = await _site.SendAsync(HttpMethod.Post, verify, ownerKey: ownerKey);
        await knot.PublishTxtAsync(VerificationName(domain), [value]);
        var verified = await _site.SendAsync(HttpMethod.Post, verify, ownerKey: ownerKey);
        var status = await _site.SendAsync(HttpMethod.Get, $"{Api}/{domain}", ownerKey: ownerKey);

        AssertOutcome(missing, 422, "record-missing", "No TXT record was found");
        AssertOutcome(wrong, 409, "wrong-value", "holds a different code");
        AssertOutcome(verified, 200, "verified", "");
        Assert.Equal("verified", verified.Body.GetProperty("status").GetString());
        Assert.Equal("verified", status.Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Verify_AfterTheCodeExpired_IsGoneUntilANewCodeIsPublished()
    {
        var (domain, ownerKey, _) = await RegisterAsync();
        _time.Advance(TimeSpan.FromDays(7));

        var expired = await _site.SendAsync(HttpMethod.Post, $"{Api}/{domain}/verify", ownerKey: ownerKey);
        var renewed = await _site.SendAsync(HttpMethod.Post, $"{Api}/{domain}/code", ownerKey: ownerKey);
        var value = renewed.Body.GetProperty("record").GetProperty("value").GetString()!;
        await knot.PublishTxtAsync(VerificationName(domain), [value]);
        var verified = await _site.SendAsync(HttpMethod.Post, $"{Api}/{domain}/verify", ownerKey: ownerKey);

        AssertOutcome(expired, 410, "code-expired", "expired on");
        Assert.Equal(200, renewed.Status);
        AssertOutcome(verified, 200, "verified", "");
    }

    [Fact]
    public async Task Verify_WhenTheZoneFailsToLoad_AsksToTryAgainLater()
    {
        var domain = $"shop-{Guid.NewGuid().ToString("N")[..8]}.{TestZone.BrokenName}";
        var registered = await _site.SendAsync(HttpMethod.Post, Api, new { domain });
        var ownerKey = registered.Body.GetProperty("ownerKey").GetString();

        var failed = await _site.SendAsync(HttpMethod.Post, $"{Api}/{domain}/verify", ownerKey: ownerKey);

        AssertOutcome(failed, 503, "dns-failure", "SERVFAIL");
    }

    [Theory]
    [InlineData("co.uk", 403, "public-suffix")]
    [InlineData("shop.test", 403, "reserved")]
    [InlineData("192.0.2.1", 403, "reserved")]
    [InlineData("two..dots.net", 400, "invalid-name")]
    [InlineData(DomainCallSite.SiteDomain, 409, "already-registered")]
    public async Task Register_NameThatCannotBeRegistered_IsRefusedWithASpecificAnswer(
        string domain, int expectedStatus, string expectedError)
    {
        var (status, body) = await _site.SendAsync(HttpMethod.Post, Api, new { domain });

        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedError, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Register_AgainWhileTheFirstCodeLives_IsAConflict()
    {
        var (domain, _, _) = await RegisterAsync();

        var (status, body) = await _site.SendAsync(HttpMethod.Post, Api, new { domain });

        Assert.Equal(409, status);
        Assert.Equal("already-registered", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task StatusOrVerify_WithoutTheRightOwnerKey_IsRefused()
    {
        var (domain, _, _) = await RegisterAsync();

        var noKey = await _site.SendAsync(HttpMethod.Get, $"{Api}/{domain}");
        var wrongKey = await _site.SendAsync(HttpMethod.Post, $"{Api}/{domain}/verify", ownerKey: Secrets.NewToken());
        var unknown = await _site.SendAsync(
            HttpMethod.Get, $"{Api}/{TestZone.UniqueName()}", ownerKey: Secrets.NewToken());
        var badBody = await _site.SendAsync(HttpMethod.Post, Api, new { name = domain });

        Assert.Equal((401, "not-allowed"), (noKey.Status, noKey.Body.GetProperty("error").GetString()));
        Assert.Equal(401, wrongKey.Status);
        Assert.Equal(401, unknown.Status);
        Assert.Equal((400, "invalid-request"), (badBody.Status, badBody.Body.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task VerifiedDomain_CanBeAnsweredAndCalled_AndAPendingOneCannot()
    {
        var (domain, ownerKey, value) = await RegisterAsync();
        await using var desk = await _site.ConnectAsync();
        var pending = await Assert.ThrowsAsync<HubException>(
            () => desk.InvokeAsync<JsonElement>("JoinDesk", domain, ownerKey));
        Assert.Contains("HubException: unknown-domain:", pending.Message, StringComparison.Ordinal);

        await knot.PublishTxtAsync(VerificationName(domain), [value]);
        await _site.SendAsync(HttpMethod.Post, $"{Api}/{domain}/verify", ownerKey: ownerKey);
        var offers = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        desk.On<JsonElement>("CallOffered", offer => offers.TrySetResult(offer));
        await desk.InvokeAsync<JsonElement>("JoinDesk", domain, ownerKey);
        await using var caller = await ProvedCallerAsync();
        var placed = await caller.InvokeAsync<JsonElement>("PlaceCall", domain, "sales", "voice");

        Assert.Equal("ringing", placed.GetProperty("status").GetString());
        var offer = await offers.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(domain, offer.GetProperty("callee").GetString());
    }

    [Fact]
    public async Task Recheck_RecordGoneLongerThanTheGrace_RevokesTheVerification()
    {
        var (domain, ownerKey, value) = await RegisterAsync();
        await knot.PublishTxtAsync(VerificationName(domain), [value]);
        await _site.SendAsync(HttpMethod.Post, $"{Api}/{domain}/verify", ownerKey: ownerKey);
        var update = DnsServerFixture.NewUpdate();
        update.Updates.Add(new DeleteAllRecordsUpdate(DomainName.Parse(VerificationName(domain)), RecordType.Txt));
        await knot.SendAsync(update);
        var accounts = _site.Services.GetRequiredService<DomainAccounts>();

        await accounts.RecheckAsync(default);
        var withinGrace = await _site.SendAsync(HttpMethod.Get, $"{Api}/{domain}", ownerKey: ownerKey);
        _time.Advance(TimeSpan.FromDays(3));
        await accounts.RecheckAsync(default);
        var revoked = await _site.SendAsync(HttpMethod.Get, $"{Api}/{domain}", ownerKey: ownerKey);

        Assert.Equal("verified", withinGrace.Body.GetProperty("status").GetString());
        Assert.Contains("missing since", withinGrace.Body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("revoked", revoked.Body.GetProperty("status").GetString());
        Assert.Contains("was revoked", revoked.Body.GetProperty("message").GetString(), StringComparison.Ordinal);
        await using var caller = await ProvedCallerAsync();
        var refused = await Assert.ThrowsAsync<HubException>(
            () => caller.InvokeAsync<JsonElement>("PlaceCall", domain, "sales", "voice"));
        Assert.Contains("HubException: unknown-domain:", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recheck_RecordGone_WarnsTheDeskThenClosesItAtRevocation()
    {
        var (domain, ownerKey, value) = await RegisterAsync();
        await knot.PublishTxtAsync(VerificationName(domain), [value]);
        await _site.SendAsync(HttpMethod.Post, $"{Api}/{domain}/verify", ownerKey: ownerKey);
        await using var openDesk = await _site.ConnectAsync();
        var closed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        openDesk.On<JsonElement>("DeskClosed", message => closed.TrySetResult(message));
        var before = await openDesk.InvokeAsync<JsonElement>("JoinDesk", domain, ownerKey);
        var update = DnsServerFixture.NewUpdate();
        update.Updates.Add(new DeleteAllRecordsUpdate(DomainName.Parse(VerificationName(domain)), RecordType.Txt));
        await knot.SendAsync(update);
        var accounts = _site.Services.GetRequiredService<DomainAccounts>();

        await accounts.RecheckAsync(default);
        await using var laterDesk = await _site.ConnectAsync();
        var warned = await laterDesk.InvokeAsync<JsonElement>("JoinDesk", domain, ownerKey);
        _time.Advance(TimeSpan.FromDays(3));
        await accounts.RecheckAsync(default);
        var message = await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(JsonValueKind.Null, before.GetProperty("notice").ValueKind);
        Assert.Contains("missing since", warned.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Equal("verification-revoked", message.GetProperty("reason").GetString());
        Assert.Contains("was revoked", message.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _site.Services.GetRequiredService<Switchboard>().DeskCount(Domain.Parse(domain)));
    }

    private static string VerificationName(string domain) => "_domaincall-challenge." + domain;

    private static void AssertOutcome(
        (int Status, JsonElement Body) answer, int status, string outcome, string messagePart)
    {
        Assert.Equal(status, answer.Status);
        Assert.Equal(outcome, answer.Body.GetProperty("outcome").GetString());
        Assert.Contains(messagePart, answer.Body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private async Task<(string Domain, string OwnerKey, string Value)> RegisterAsync()
    {
        var domain = TestZone.UniqueName("shop");
        var (status, body) = await _site.SendAsync(HttpMethod.Post, Api, new { domain });
        Assert.Equal(201, status);
        return (domain, body.GetProperty("ownerKey").GetString()!,
            body.GetProperty("record").GetProperty("value").GetString()!);
    }

    private async Task<HubConnection> ProvedCallerAsync()
    {
        var caller = await _site.ConnectAsync();
        var identity = await caller.InvokeAsync<JsonElement>("GetIdentity");
        await caller.InvokeAsync<JsonElement>(
            "ProveIdentity", identity.GetProperty("name").GetString(), identity.GetProperty("code").GetString());
        return caller;
    }
}
