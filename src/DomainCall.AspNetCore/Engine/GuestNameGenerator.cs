using System.Security.Cryptography;

namespace DomainCall.Engine;

/// <summary>
/// Makes guest names of the form <c>adjective-noun-NN.guest-zone</c>. The words are short, plain and friendly, so
/// that a callee can read a name aloud; 64 adjectives, 64 nouns and 90 numbers give 368,640 names per zone.
/// </summary>
internal sealed class GuestNameGenerator(Domain zone)
{
    private static readonly string[] Adjectives =
    [
        "amber", "bold", "brave", "bright", "brisk", "calm", "clever", "cosy", "crisp", "curious", "daring", "deft",
        "eager", "early", "fair", "fancy", "fleet", "fond", "frank", "fresh", "gentle", "glad", "golden", "grand",
        "happy", "hardy", "honest", "jolly", "keen", "kind", "lively", "loyal", "lucky", "merry", "mellow", "mighty",
        "modest", "neat", "nimble", "noble", "patient", "plucky", "polite", "proud", "quick", "quiet", "rapid",
        "ready", "sharp", "shiny", "smart", "snug", "sunny", "swift", "tidy", "trusty", "upbeat", "vivid", "warm",
        "wise", "witty", "young", "zesty", "zippy",
    ];

    private static readonly string[] Nouns =
    [
        "badger", "beaver", "bison", "crane", "cricket", "dolphin", "dove", "eagle", "falcon", "ferret", "finch",
        "fox", "gecko", "gull", "hare", "hawk", "heron", "ibis", "jay", "koala", "lark", "lemur", "lion", "llama",
        "lynx", "marten", "mole", "moose", "newt", "otter", "owl", "panda", "parrot", "pelican", "penguin", "puffin",
        "quail", "rabbit", "raven", "robin", "salmon", "seal", "shrew", "sparrow", "squid", "stoat", "swan", "tapir",
        "tern", "tiger", "toad", "trout", "turtle", "vole", "walrus", "weasel", "whale", "wolf", "wombat", "wren",
        "yak", "zebra", "magpie", "kestrel",
    ];

    /// <summary>Gets the length of the longest label this generator makes, such as <c>curious-penguin-42</c>.</summary>
    public static int MaxLabelLength { get; } =
        Adjectives.Max(a => a.Length) + Nouns.Max(n => n.Length) + "--NN".Length;

    /// <summary>Gets the length of the longest zone that leaves room for every name this generator makes.</summary>
    public static int MaxZoneLength => Domain.MaxNameLength - MaxLabelLength - ".".Length;

    /// <summary>Gets how many different names this generator can make.</summary>
    public static int Capacity => Adjectives.Length * Nouns.Length * 90;

    /// <summary>Gets the zone the names are made under.</summary>
    public Domain Zone { get; } = zone;

    /// <summary>Makes a random name; whether it is free is for the store to say.</summary>
    public Domain Next()
    {
        var adjective = Adjectives[RandomNumberGenerator.GetInt32(Adjectives.Length)];
        var noun = Nouns[RandomNumberGenerator.GetInt32(Nouns.Length)];
        var number = RandomNumberGenerator.GetInt32(10, 100);
        return Zone.Prepend($"{adjective}-{noun}-{number}");
    }
}
