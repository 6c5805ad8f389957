using DomainCall.Dns.Tests.Servers;
using DomainCall.Engine;

namespace DomainCall.Dns.Tests.Dns;

public sealed class PublicSuffixListTests
{
    // A few rules in the list's own format, with its comments, wildcards, exceptions and Unicode.
    private const string Rules = """
        // ===BEGIN ICANN DOMAINS===
        uk
        co.uk

        // ck : wildcard with an exception
        *.ck
        !www.ck
        jp
        kawasaki.jp
        *.kawasaki.jp
        !city.kawasaki.jp
        公司.cn
        cn
        // ===BEGIN PRIVATE DOMAINS===
        github.io   trailing text after whitespace is ignored
        """;

    private static readonly PublicSuffixList List = PublicSuffixList.Parse(new StringReader(Rules));

    [Theory]
    [InlineData("co.uk", "co.uk")]
    [InlineData("example.co.uk", "co.uk")]
    [InlineData("shop.example.co.uk", "co.uk")]
    [InlineData("example.uk", "uk")]
    [InlineData("foo.ck", "foo.ck")]
    [InlineData("shop.foo.ck", "foo.ck")]
    [InlineData("www.ck", "ck")]
    [InlineData("a.b.kawasaki.jp", "b.kawasaki.jp")]
    [InlineData("city.kawasaki.jp", "kawasaki.jp")]
    [InlineData("shop.city.kawasaki.jp", "kawasaki.jp")]
    [InlineData("user.github.io", "github.io")]
    [InlineData("example.unlisted", "unlisted")]
    public void GetPublicSuffix_RulesOfEachKind_FindTheLongestMatch(string name, string suffix)
    {
        Assert.Equal(suffix, List.GetPublicSuffix(Domain.Parse(name)));
    }

    [Theory]
    [InlineData("co.uk", true)]
    [InlineData("uk", true)]
    [InlineData("example.co.uk", false)]
    [InlineData("foo.ck", true)]
    [InlineData("www.ck", false)]
    [InlineData("city.kawasaki.jp", false)]
    [InlineData("github.io", true)]
    [InlineData("unlisted", true)]
    [InlineData("example.unlisted", false)]
    public void IsPublicSuffix_NameItself_IsJudged(string name, bool expected)
    {
        Assert.Equal(expected, List.IsPublicSuffix(Domain.Parse(name)));
    }

    [Fact]
    public void Parse_UnicodeRule_IsKeptInPunycode()
    {
        Assert.True(List.IsPublicSuffix(Domain.Parse("公司.cn")));
        Assert.Equal("xn--55qx5d.cn", List.GetPublicSuffix(Domain.Parse("shop.xn--55qx5d.cn")));
    }

    [Fact]
    public void Parse_CommentsAndBlankLines_AreNotRules()
    {
        Assert.Equal(11, List.Count);
    }

    [Fact]
    public void TopLevelOnly_EveryTopLevelDomain_IsAPublicSuffix()
    {
        Assert.True(PublicSuffixList.TopLevelOnly.IsPublicSuffix(Domain.Parse("com")));
        Assert.False(PublicSuffixList.TopLevelOnly.IsPublicSuffix(Domain.Parse("co.uk")));
    }

    [Fact]
    public void Load_TheSystemsCopy_KnowsTheCommonSuffixes()
    {
        Assert.True(
            File.Exists(PublicSuffixList.SystemPath),
            $"{PublicSuffixList.SystemPath} is missing: install the Debian package 'publicsuffix' " +
            "(apt-get install -y publicsuffix) and run the tests again.");

        var list = PublicSuffixList.Load(PublicSuffixList.SystemPath);

        Assert.True(list.Count > 5_000, $"Only {list.Count} rules were read.");
        Assert.True(list.IsPublicSuffix(Domain.Parse("co.uk")));
        Assert.True(list.IsPublicSuffix(Domain.Parse("github.io")));
        Assert.True(list.IsPublicSuffix(Domain.Parse("com")));
        Assert.False(list.IsPublicSuffix(Domain.Parse("example.co.uk")));
        Assert.False(list.IsPublicSuffix(Domain.Parse(TestZone.Name)));
    }

    [Fact]
    public void LoadDefault_ConfiguredFile_IsReadInsteadOfTheSystemsCopy()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "example-suffix.net\n");

            var list = PublicSuffixList.LoadDefault(path, out var source);

            Assert.Equal(path, source);
            Assert.Equal(1, list.Count);
            Assert.True(list.IsPublicSuffix(Domain.Parse("example-suffix.net")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadDefault_NothingConfigured_ReadsTheSystemsCopy()
    {
        var list = PublicSuffixList.LoadDefault(configuredPath: null, out var source);

        Assert.Equal(PublicSuffixList.SystemPath, source);
        Assert.True(list.IsPublicSuffix(Domain.Parse("co.uk")));
    }
}
