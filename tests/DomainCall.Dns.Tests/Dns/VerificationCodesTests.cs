using System.Buffers.Text;
using DomainCall.Engine;
using Microsoft.Extensions.Time.Testing;

namespace DomainCall.Dns.Tests.Dns;

public sealed class VerificationCodesTests
{
    private static readonly DateTimeOffset Now = new(2030, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Issue_NewCode_Is128RandomBitsValidForTheLifetime()
    {
        var codes = new VerificationCodes(new FakeTimeProvider(Now), TimeSpan.FromDays(7));

        var challenge = codes.Issue(Domain.Parse("example.co.uk"));

        Assert.Equal(16, Base64Url.DecodeFromChars(challenge.Code).Length);
        Assert.Equal(Now.AddDays(7), challenge.ExpiresAt);
        Assert.NotEqual(challenge.Code, codes.Issue(Domain.Parse("example.co.uk")).Code);
    }

    [Fact]
    public void Issue_RecordToPublish_IsTheChallengeTxtRecord()
    {
        var codes = new VerificationCodes(new FakeTimeProvider(Now), TimeSpan.FromDays(7));

        var challenge = codes.Issue(Domain.Parse("Bücher.example"));

        Assert.Equal("_domaincall-challenge.xn--bcher-kva.example", challenge.RecordName);
        Assert.Equal("token=" + challenge.Code, challenge.RecordValue);
        Assert.Equal(
            $"_domaincall-challenge.xn--bcher-kva.example. TXT \"token={challenge.Code}\"", challenge.RecordText);
    }

    [Fact]
    public void Issue_DomainTooLongForTheChallengeName_IsRefused()
    {
        var codes = new VerificationCodes(new FakeTimeProvider(Now), TimeSpan.FromDays(7));
        var domain = Domain.Parse(string.Join('.', Enumerable.Repeat(new string('a', 60), 4)));

        var refusal = Assert.Throws<ArgumentException>(() => codes.Issue(domain));

        Assert.Contains("would have more than 253 characters", refusal.Message, StringComparison.Ordinal);
    }
}
