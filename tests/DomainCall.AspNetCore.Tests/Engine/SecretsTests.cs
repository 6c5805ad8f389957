using System.Buffers.Text;
using DomainCall.Engine;

namespace DomainCall.Tests.Engine;

public sealed class SecretsTests
{
    [Fact]
    public void NewToken_Is22UrlSafeCharactersOf16RandomBytes()
    {
        var token = Secrets.NewToken();

        Assert.Equal(22, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", token);
        Assert.Equal(16, Base64Url.DecodeFromChars(token).Length);
    }

    [Fact]
    public void NewToken_TenThousandTokens_AreAllDistinct()
    {
        var tokens = Enumerable.Range(0, 10_000).Select(_ => Secrets.NewToken()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(10_000, tokens.Count);
    }

    [Fact]
    public void LooksLikeToken_NewTokens_AreAccepted()
    {
        for (var i = 0; i < 1_000; i++)
        {
            var token = Secrets.NewToken();
            Assert.True(Secrets.LooksLikeToken(token), token);
        }
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("0123456789-_abcdefABCD")]
    public void LooksLikeToken_22UrlSafeCharacters_IsAccepted(string text)
    {
        Assert.True(Secrets.LooksLikeToken(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789-_abcdefABC")]
    [InlineData("0123456789-_abcdefABCDE")]
    [InlineData("0123456789+/abcdefABCD")]
    [InlineData("0123456789-_abcdefAB==")]
    [InlineData("0123456789-_abcdef ABC")]
    [InlineData("0123456789-_abcdefABCé")]
    [InlineData("0123456789-_abcdefABC\0")]
    public void LooksLikeToken_WrongLengthOrCharacters_IsRefused(string? text)
    {
        Assert.False(Secrets.LooksLikeToken(text));
    }

    [Fact]
    public void MatchesHash_RightSecret_IsTrue()
    {
        var key = Secrets.NewToken();
        var hash = Secrets.Hash(key);

        Assert.True(Secrets.MatchesHash(key, hash));
    }

    [Fact]
    public void MatchesHash_WrongSecret_IsFalse()
    {
        var key = Secrets.NewToken();
        var hash = Secrets.Hash(key);

        var oneCharacterOff = (key[0] == 'A' ? "B" : "A") + key[1..];

        Assert.False(Secrets.MatchesHash(Secrets.NewToken(), hash));
        Assert.False(Secrets.MatchesHash(oneCharacterOff, hash));
        Assert.False(Secrets.MatchesHash(key, hash[..16]));
    }
}
