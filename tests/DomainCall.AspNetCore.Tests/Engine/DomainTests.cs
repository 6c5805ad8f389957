using DomainCall.Engine;

namespace DomainCall.Tests.Engine;

public sealed class DomainTests
{
    private static readonly string Label63 = new('a', DomainNames.MaxLabelLength);

    [Fact]
    public void Parse_UnicodeName_GivesPunycode()
    {
        var domain = Domain.Parse("Bücher.Example");

        Assert.Equal("xn--bcher-kva.example", domain.Value);
    }

    [Fact]
    public void Parse_PunycodeName_IsKeptAsWritten()
    {
        var domain = Domain.Parse("xn--bcher-kva.example");

        Assert.Equal("xn--bcher-kva.example", domain.Value);
    }

    [Theory]
    [InlineData("EXAMPLE.COM")]
    [InlineData("Example.Com")]
    [InlineData("ＥＸＡＭＰＬＥ.com")]
    public void Parse_UpperCaseOrWideLetters_GivesLowerCase(string text)
    {
        Assert.Equal("example.com", Domain.Parse(text).Value);
    }

    [Fact]
    public void Parse_UpperCasePunycode_GivesLowerCase()
    {
        Assert.Equal(Domain.Parse("bücher.example"), Domain.Parse("XN--BCHER-KVA.EXAMPLE"));
    }

    [Fact]
    public void Parse_TrailingDot_IsRemoved()
    {
        Assert.Equal("example.com", Domain.Parse("example.com.").Value);
    }

    [Theory]
    [InlineData("  example.com")]
    [InlineData("example.com \t")]
    [InlineData("\n example.com. \r\n")]
    public void Parse_SurroundingWhitespace_IsTrimmed(string text)
    {
        Assert.Equal("example.com", Domain.Parse(text).Value);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("a.b")]
    [InlineData("shop-1.example.co.uk")]
    [InlineData("123.example.com")]
    [InlineData("x1.example.c0m")]
    public void Parse_OrdinaryName_IsAcceptedUnchanged(string text)
    {
        Assert.Equal(text, Domain.Parse(text).Value);
    }

    [Fact]
    public void Parse_LabelOf63Characters_IsAccepted()
    {
        var text = Label63 + ".example";

        Assert.Equal(text, Domain.Parse(text).Value);
    }

    [Fact]
    public void Parse_LabelOf64Characters_IsRefused()
    {
        var accepted = Domain.TryParse(Label63 + "a.example", out _, out var error);

        Assert.False(accepted);
        Assert.Contains("longer than 63 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NameOf253Characters_IsAccepted()
    {
        var text = DomainNames.OfLength(253);

        Assert.Equal(text, Domain.Parse(text).Value);
        Assert.Equal(text, Domain.Parse(text + ".").Value);
    }

    [Fact]
    public void Parse_NameOf254Characters_IsRefused()
    {
        var accepted = Domain.TryParse(DomainNames.OfLength(254), out _, out var error);

        Assert.False(accepted);
        Assert.Equal("A domain name is at most 253 characters; this one has 254.", error);
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData(".a")]
    [InlineData(".example.com")]
    [InlineData("example.com..")]
    public void Parse_EmptyLabel_IsRefused(string text)
    {
        var accepted = Domain.TryParse(text, out _, out var error);

        Assert.False(accepted);
        Assert.Contains("has an empty label", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-shop.example.com", "-shop")]
    [InlineData("shop-.example.com", "shop-")]
    [InlineData("example.-com", "-com")]
    public void Parse_HyphenAtStartOrEndOfLabel_IsRefused(string text, string label)
    {
        var accepted = Domain.TryParse(text, out _, out var error);

        Assert.False(accepted);
        Assert.Equal($"The label '{label}' starts or ends with a hyphen.", error);
    }

    [Theory]
    [InlineData("my_shop.example.com", "my_shop")]
    [InlineData("my shop.example.com", "my shop")]
    [InlineData("shop!.example.com", "shop!")]
    [InlineData("user@example.com", "user@example")]
    [InlineData("shop.example.com/call", "com/call")]
    public void Parse_SymbolInLabel_IsRefused(string text, string label)
    {
        var accepted = Domain.TryParse(text, out _, out var error);

        Assert.False(accepted);
        Assert.Equal($"The label '{label}' may hold only letters, digits and hyphens.", error);
    }

    [Fact]
    public void Parse_UnicodeNameWithSymbol_IsRefused()
    {
        var accepted = Domain.TryParse("bü_cher.example", out _, out var error);

        Assert.False(accepted);
        Assert.Equal("'bü_cher.example' contains characters that are not allowed in a domain name.", error);
    }

    public static TheoryData<string, string> UnicodeNamesWithAMistakeInAnotherLabel => new()
    {
        { "bücher..example", "'xn--bcher-kva..example' has an empty label (two dots in a row, or a leading dot)." },
        { "bücher.-shop.example", "The label '-shop' starts or ends with a hyphen." },
        { "bücher.my_shop.example", "The label 'my_shop' may hold only letters, digits and hyphens." },
        {
            "Bücher.123",
            "'xn--bcher-kva.123' ends in a numeric label; a domain name needs a name as its last label."
        },
    };

    [Theory]
    [MemberData(nameof(UnicodeNamesWithAMistakeInAnotherLabel))]
    public void Parse_UnicodeNameWithAMistakeInAnotherLabel_SaysWhatIsWrong(string text, string reason)
    {
        var accepted = Domain.TryParse(text, out _, out var error);

        Assert.False(accepted);
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Parse_UnicodeNameLongerThan253CharactersInPunycode_SaysHowLongItIs()
    {
        var text = string.Join('.', Enumerable.Repeat("bücher", 20));

        var accepted = Domain.TryParse(text, out _, out var error);

        Assert.False(accepted);
        Assert.Equal("A domain name is at most 253 characters; this one has 279.", error);
    }

    [Theory]
    [InlineData("192.168.0.1")]
    [InlineData("127.0.0.1.")]
    [InlineData(" 10.0.0.1 ")]
    [InlineData("::1")]
    [InlineData("[::1]")]
    [InlineData("2001:db8::1")]
    [InlineData("[2001:db8::1]")]
    public void Parse_IpAddress_IsRefusedAsAnIpAddress(string text)
    {
        var accepted = Domain.TryParse(text, out _, out var error);

        Assert.False(accepted);
        Assert.Contains("is an IP address; a domain name is required.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("example.123")]
    [InlineData("1.2.3.4.5")]
    public void Parse_NumericLastLabel_IsRefused(string text)
    {
        var accepted = Domain.TryParse(text, out _, out var error);

        Assert.False(accepted);
        Assert.Equal(
            $"'{text}' ends in a numeric label; a domain name needs a name as its last label.", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n")]
    public void TryParse_MissingName_IsRefused(string? text)
    {
        var accepted = Domain.TryParse(text, out var domain, out var error);

        Assert.False(accepted);
        Assert.Equal("A domain name is required.", error);
        Assert.Equal(default, domain);
    }

    [Fact]
    public void TryParse_OnlyADot_IsRefused()
    {
        var accepted = Domain.TryParse(".", out _, out var error);

        Assert.False(accepted);
        Assert.Equal("'.' is not a domain name.", error);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Domain.Parse(null!));
    }

    [Fact]
    public void Parse_InvalidName_ThrowsFormatExceptionWithTheReason()
    {
        var error = Assert.Throws<FormatException>(() => Domain.Parse("a..b"));

        Assert.Equal("'a..b' has an empty label (two dots in a row, or a leading dot).", error.Message);
    }

    [Fact]
    public void Parse_KilobyteOfJunk_QuotesAShortenedName()
    {
        var error = Assert.Throws<FormatException>(() => Domain.Parse(new string('!', 2000)));

        Assert.Equal($"'{new string('!', 67)}...' is not a domain name.", error.Message);
    }

    [Fact]
    public void Equals_SameNameWrittenDifferently_IsEqualWithEqualHash()
    {
        var unicode = Domain.Parse(" Bücher.EXAMPLE. ");
        var punycode = Domain.Parse("xn--bcher-kva.example");

        Assert.True(unicode == punycode);
        Assert.False(unicode != punycode);
        Assert.True(unicode.Equals((object)punycode));
        Assert.Equal(unicode.GetHashCode(), punycode.GetHashCode());
        Assert.Single(new HashSet<Domain> { unicode, punycode });
    }

    [Fact]
    public void Equals_DifferentNames_IsNotEqual()
    {
        var shop = Domain.Parse("shop.example.com");
        var example = Domain.Parse("example.com");

        Assert.True(shop != example);
        Assert.False(shop.Equals((object)example));
        Assert.False(shop.Equals("shop.example.com"));
        Assert.NotEqual(default, shop);
    }

    [Fact]
    public void Value_OfDefaultDomain_ThrowsSayingToParse()
    {
        var error = Assert.Throws<InvalidOperationException>(() => default(Domain).Value);

        Assert.Contains("Domain.Parse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_GivesTheNormalisedName()
    {
        Assert.Equal("xn--bcher-kva.example", Domain.Parse("Bücher.example").ToString());
        Assert.Equal(string.Empty, default(Domain).ToString());
    }

    [Theory]
    [InlineData("example.com", "example.com", true)]
    [InlineData("guest.example.com", "example.com", true)]
    [InlineData("swift-otter-42.guest.example.com", "example.com", true)]
    [InlineData("GUEST.Example.com.", "example.COM", true)]
    [InlineData("notexample.com", "example.com", false)]
    [InlineData("example.com", "guest.example.com", false)]
    [InlineData("example.org", "example.com", false)]
    [InlineData("example.com.evil.org", "example.com", false)]
    public void IsWithin_GivesWhetherTheNameIsTheParentOrBelowIt(string name, string parent, bool within)
    {
        Assert.Equal(within, Domain.Parse(name).IsWithin(Domain.Parse(parent)));
    }

    [Theory]
    [InlineData("guest", "guest.example.com")]
    [InlineData("Swift-Otter-42", "swift-otter-42.example.com")]
    [InlineData("bücher", "xn--bcher-kva.example.com")]
    public void Prepend_Label_GivesNormalisedSubdomain(string label, string expected)
    {
        var subdomain = Domain.Parse("example.com").Prepend(label);

        Assert.Equal(expected, subdomain.Value);
    }

    [Theory]
    [InlineData("-guest")]
    [InlineData("my guest")]
    [InlineData("")]
    public void Prepend_InvalidLabel_ThrowsFormatException(string label)
    {
        var parent = Domain.Parse("example.com");

        Assert.Throws<FormatException>(() => parent.Prepend(label));
    }

    [Fact]
    public void Prepend_ResultLongerThan253Characters_ThrowsFormatException()
    {
        var parent = Domain.Parse(DomainNames.OfLength(250));

        var error = Assert.Throws<FormatException>(() => parent.Prepend("abc"));

        Assert.Equal("A domain name is at most 253 characters; this one has 254.", error.Message);
    }
}
