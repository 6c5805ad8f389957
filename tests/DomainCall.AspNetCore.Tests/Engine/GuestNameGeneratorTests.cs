using DomainCall.Engine;

namespace DomainCall.Tests.Engine;

public sealed class GuestNameGeneratorTests
{
    private static readonly Domain Zone = Domain.Parse("guest.example.com");

    [Fact]
    public void Next_MakesAdjectiveNounNumberUnderTheZone()
    {
        var generator = new GuestNameGenerator(Zone);

        for (var i = 0; i < 2_000; i++)
        {
            var name = generator.Next();
            Assert.Matches(@"^[a-z]+-[a-z]+-[1-9][0-9]\.guest\.example\.com$", name.Value);
        }
    }

    [Fact]
    public void Next_GivesValidDomainsWithinTheZone()
    {
        var generator = new GuestNameGenerator(Zone);

        for (var i = 0; i < 2_000; i++)
        {
            var name = generator.Next();
            Assert.Equal(name, Domain.Parse(name.Value));
            Assert.True(name.IsWithin(Zone), name.Value);
            Assert.NotEqual(Zone, name);
        }
    }

    [Fact]
    public void Zone_IsTheZoneGiven()
    {
        Assert.Equal(Zone, new GuestNameGenerator(Zone).Zone);
    }

    [Fact]
    public void Capacity_Is64AdjectivesBy64NounsBy90Numbers()
    {
        Assert.Equal(64 * 64 * 90, GuestNameGenerator.Capacity);
    }

    [Fact]
    public void Next_UnderAZoneOfTheLongestLengthAllowed_MakesValidNames()
    {
        var zone = Domain.Parse(DomainNames.OfLength(GuestNameGenerator.MaxZoneLength));
        var generator = new GuestNameGenerator(zone);

        // The longest names, with a seven-letter adjective and a seven-letter noun, come about once in 340 draws.
        var longest = Enumerable.Range(0, 20_000).Max(_ => generator.Next().Value.Length);

        Assert.Equal(253, longest);
    }

    [Fact]
    public void Next_FiveThousandDraws_AreNearlyAllDistinct()
    {
        var generator = new GuestNameGenerator(Zone);

        var names = Enumerable.Range(0, 5_000).Select(_ => generator.Next()).ToHashSet();

        // Among 368,640 names about 34 of 5,000 draws repeat an earlier one; 100 would be far outside chance.
        Assert.True(names.Count > 4_900, $"Only {names.Count} of 5,000 names were distinct.");
    }
}
