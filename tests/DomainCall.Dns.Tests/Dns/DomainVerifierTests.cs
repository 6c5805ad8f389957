using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DomainCall.Dns.Tests.Servers;
using DomainCall.Engine;
using DomainCall.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DomainCall.Dns.Tests.Dns;

/// <summary>Verification against Knot DNS, with the challenge records published by signed updates.</summary>
public sealed class DomainVerifierTests(KnotFixture server) : IClassFixture<KnotFixture>
{
    private static readonly DateTimeOffset NextWeek = DateTimeOffset.UtcNow.AddDays(7);

    private readonly FakeLogger<DomainVerifier> _logger = new();

    [Fact]
    public async Task VerifyAsync_RightRecord_IsVerified()
    {
        var (domain, code) = NewDomain();
        await server.PublishTxtAsync(VerificationCodes.RecordName(domain), [VerificationCodes.RecordValue(code)]);

        var result = await Verifier().VerifyAsync(domain, code, NextWeek, CancellationToken.None);

        Assert.Equal(VerificationOutcome.Verified, result.Outcome);
        Assert.True(result.IsVerified);
        Assert.Equal($"{domain} is verified: the TXT record at _domaincall-challenge.{domain} holds the " +
            "authorization code.", result.Message);
    }

    [Fact]
    public async Task VerifyAsync_NoRecord_IsRecordMissingAndGivesTheExactRecord()
    {
        var (domain, code) = NewDomain();

        var result = await Verifier().VerifyAsync(domain, code, NextWeek, CancellationToken.None);

        Assert.Equal(VerificationOutcome.RecordMissing, result.Outcome);
        Assert.StartsWith($"No TXT record was found at _domaincall-challenge.{domain}. Add this record at your DNS " +
            $"provider: _domaincall-challenge.{domain}. TXT \"token={code}\".",
            result.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_OnlyOtherTxtRecords_IsRecordMissingAndCountsThem()
    {
        var (domain, code) = NewDomain();
        await server.PublishTxtAsync(VerificationCodes.RecordName(domain), ["v=spf1 -all"], ["hello"]);

        var result = await Verifier().VerifyAsync(domain, code, NextWeek, CancellationToken.None);

        Assert.Equal(VerificationOutcome.RecordMissing, result.Outcome);
        Assert.Contains("has 2 TXT record(s), but none starts with 'token='", result.Message, StringComparison.Ordinal);
        Assert.Contains($"TXT \"token={code}\"", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_WrongValue_SaysSoAndGivesTheRecord()
    {
        var (domain, code) = NewDomain();
        await server.PublishTxtAsync(
            VerificationCodes.RecordName(domain), [VerificationCodes.RecordValue(Secrets.NewToken())]);

        var result = await Verifier().VerifyAsync(domain, code, NextWeek, CancellationToken.None);

        Assert.Equal(VerificationOutcome.WrongValue, result.Outcome);
        Assert.Equal(1, result.TokenRecordCount);
        Assert.StartsWith($"The TXT record at _domaincall-challenge.{domain} holds a different code; only the code " +
            $"issued last counts. Change the record to: _domaincall-challenge.{domain}. TXT \"token={code}\".",
            result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_TwoConflictingRecords_SaysHowManyWereFound()
    {
        var (domain, code) = NewDomain();
        await server.PublishTxtAsync(
            VerificationCodes.RecordName(domain),
            [VerificationCodes.RecordValue(Secrets.NewToken())],
            [VerificationCodes.RecordValue(Secrets.NewToken())]);

        var result = await Verifier().VerifyAsync(domain, code, NextWeek, CancellationToken.None);

        Assert.Equal(VerificationOutcome.ConflictingRecords, result.Outcome);
        Assert.Equal(2, result.TokenRecordCount);
        Assert.StartsWith($"_domaincall-challenge.{domain} has 2 TXT records starting with 'token=', and none of " +
            "them holds the current code. Remove the old records and keep only this one: ", result.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_OneOfSeveralRecordsMatches_IsVerified()
    {
        var (domain, code) = NewDomain();
        await server.PublishTxtAsync(
            VerificationCodes.RecordName(domain),
            [VerificationCodes.RecordValue(Secrets.NewToken())],
            ["google-site-verification=abc"],
            [VerificationCodes.RecordValue(code)]);

        var result = await Verifier().VerifyAsync(domain, code, NextWeek, CancellationToken.None);

        Assert.Equal(VerificationOutcome.Verified, result.Outcome);
        Assert.Equal(2, result.TokenRecordCount);
    }

    [Fact]
    public async Task VerifyAsync_RecordOfSeveralStrings_IsJoinedBeforeComparing()
    {
        var (domain, code) = NewDomain();
        await server.PublishTxtAsync(VerificationCodes.RecordName(domain), ["token=", code[..10], code[10..]]);

        var result = await Verifier().VerifyAsync(domain, code, NextWeek, CancellationToken.None);

        Assert.Equal(VerificationOutcome.Verified, result.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_UnicodeSpellingOfAnIdnDomain_FindsThePunycodeRecord()
    {
        var label = "bücher-" + Guid.NewGuid().ToString("N")[..6];
        var unicode = $"{label}.{TestZone.Name}";
        var punycode = Domain.Parse(unicode).Value;
        var code = Secrets.NewToken();
        Assert.StartsWith("xn--", punycode, StringComparison.Ordinal);
        await server.PublishTxtAsync("_domaincall-challenge." + punycode, [VerificationCodes.RecordValue(code)]);

        var result = await Verifier().VerifyAsync(unicode, code, NextWeek, CancellationToken.None);

        Assert.Equal(VerificationOutcome.Verified, result.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_ExpiredCode_IsCodeExpiredWithoutAsking()
    {
        var (domain, code) = NewDomain();
        await server.PublishTxtAsync(VerificationCodes.RecordName(domain), [VerificationCodes.RecordValue(code)]);
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 5, 1, 12, 0, 0, TimeSpan.Zero));

        var result = await Verifier(time: time).VerifyAsync(
            domain, code, time.GetUtcNow().AddSeconds(-1), CancellationToken.None);

        Assert.Equal(VerificationOutcome.CodeExpired, result.Outcome);
        Assert.Equal($"The authorization code for {domain} expired on 2030-05-01 11:59 UTC. Ask for a new code, " +
            "publish it in place of the old one, and verify again.", result.Message);
    }

    [Fact]
    public async Task VerifyAsync_NothingListening_IsDnsFailureQuickly()
    {
        var (domain, code) = NewDomain();
        var lookup = new TxtLookup(
            [new IPEndPoint(IPAddress.Loopback, FreeLoopbackPort.Find())], TimeSpan.FromMilliseconds(300), retries: 0);
        var clock = Stopwatch.StartNew();

        var result = await Verifier(lookup).VerifyAsync(domain, code, NextWeek, CancellationToken.None);

        Assert.Equal(VerificationOutcome.DnsFailure, result.Outcome);
        Assert.Contains("did not answer in time", result.Message, StringComparison.Ordinal);
        Assert.Contains("try again in a few minutes", result.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"It took {clock.Elapsed}.");
    }

    [Fact]
    public async Task VerifyAsync_ServerThatNeverAnswers_TimesOutAsDnsFailure()
    {
        var (domain, code) = NewDomain();
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var lookup = new TxtLookup([(IPEndPoint)silent.LocalEndPoint!], TimeSpan.FromMilliseconds(300), retries: 0);
        var clock = Stopwatch.StartNew();

        var result = await Verifier(lookup).VerifyAsync(domain, code, NextWeek, CancellationToken.None);

        Assert.Equal(VerificationOutcome.DnsFailure, result.Outcome);
        Assert.Contains("did not answer in time", result.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task VerifyAsync_ZoneThatFailsToLoad_IsServfailToTryAgain()
    {
        var domain = Domain.Parse("shop." + TestZone.BrokenName);

        var result = await Verifier().VerifyAsync(domain, Secrets.NewToken(), NextWeek, CancellationToken.None);

        Assert.Equal(VerificationOutcome.DnsFailure, result.Outcome);
        Assert.Contains("failed with SERVFAIL (server failure)", result.Message, StringComparison.Ordinal);
        Assert.Contains("try again in a few minutes", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_ServerThatDoesNotServeTheDomain_IsRefusedAsDnsFailure()
    {
        var domain = Domain.Parse("shop.not-served.org");

        var result = await Verifier().VerifyAsync(domain, Secrets.NewToken(), NextWeek, CancellationToken.None);

        Assert.Equal(VerificationOutcome.DnsFailure, result.Outcome);
        Assert.Contains("(REFUSED)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_AuthoritativeServers_AreFoundThroughTheZonesNsAndGlue()
    {
        var (domain, code) = NewDomain();
        await server.PublishTxtAsync(VerificationCodes.RecordName(domain), [VerificationCodes.RecordValue(code)]);
        var lookup = new TxtLookup(
            [server.EndPoint], TimeSpan.FromSeconds(2), retries: 0, authoritative: true,
            authoritativePort: server.Port);

        var result = await Verifier(lookup).VerifyAsync(domain, code, NextWeek, CancellationToken.None);

        Assert.Equal(VerificationOutcome.Verified, result.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_AuthoritativeServersOnAnotherPort_AreAskedThere()
    {
        var (domain, code) = NewDomain();
        await server.PublishTxtAsync(VerificationCodes.RecordName(domain), [VerificationCodes.RecordValue(code)]);
        var lookup = new TxtLookup(
            [server.EndPoint], TimeSpan.FromMilliseconds(300), retries: 0, authoritative: true,
            authoritativePort: FreeLoopbackPort.Find());

        var result = await Verifier(lookup).VerifyAsync(domain, code, NextWeek, CancellationToken.None);

        Assert.Equal(VerificationOutcome.DnsFailure, result.Outcome);
    }

    [Theory]
    [InlineData("localhost", nameof(VerificationOutcome.Reserved))]
    [InlineData("shop.test", nameof(VerificationOutcome.Reserved))]
    [InlineData("192.0.2.1", nameof(VerificationOutcome.Reserved))]
    [InlineData("net", nameof(VerificationOutcome.PublicSuffix))]
    [InlineData("shop..example.net", nameof(VerificationOutcome.InvalidName))]
    public async Task VerifyAsync_NameThatCannotBeVerified_IsRefusedWithoutAsking(string name, string outcome)
    {
        var lookup = new TxtLookup(
            [new IPEndPoint(IPAddress.Loopback, FreeLoopbackPort.Find())], TimeSpan.FromSeconds(5), retries: 0);
        var clock = Stopwatch.StartNew();

        var result = await Verifier(lookup).VerifyAsync(name, Secrets.NewToken(), NextWeek, CancellationToken.None);

        Assert.Equal(outcome, result.Outcome.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "No DNS query should have been sent.");
    }

    [Fact]
    public async Task VerifyAsync_DomainTooLongForTheChallengeName_IsInvalidName()
    {
        var domain = Domain.Parse(string.Join('.', Enumerable.Repeat(new string('a', 55), 4)) + ".example-shop.net");

        var result = await Verifier().VerifyAsync(domain, Secrets.NewToken(), NextWeek, CancellationToken.None);

        Assert.Equal(VerificationOutcome.InvalidName, result.Outcome);
        Assert.Contains("would have more than 253 characters", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_AnyOutcome_LogsTheOutcomeButNeverTheCode()
    {
        var (domain, code) = NewDomain();
        await server.PublishTxtAsync(
            VerificationCodes.RecordName(domain), [VerificationCodes.RecordValue(Secrets.NewToken())]);

        await Verifier().VerifyAsync(domain, code, NextWeek, CancellationToken.None);

        var record = _logger.LatestRecord;
        Assert.Equal($"Verification of {domain} failed: WrongValue.", record.Message);
        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), r => r.Message.Contains(code, StringComparison.Ordinal));
    }

    private static (Domain Domain, string Code) NewDomain() =>
        (Domain.Parse(TestZone.UniqueName("shop")), Secrets.NewToken());

    private DomainVerifier Verifier(TxtLookup? lookup = null, TimeProvider? time = null) => new(
        lookup ?? new TxtLookup([server.EndPoint], TimeSpan.FromSeconds(2), retries: 0),
        new DomainNamePolicy(PublicSuffixList.TopLevelOnly),
        time ?? TimeProvider.System,
        _logger);
}
