using DomainCall.Engine;

namespace DomainCall.Tests.Engine;

public sealed class EnumTextTests
{
    [Fact]
    public void Of_ValueOfSeveralWords_GivesKebabCase()
    {
        Assert.Equal("caller-hung-up", EnumText.Of(CallEndReason.CallerHungUp));
        Assert.Equal("ring-timeout", EnumText.Of(CallEndReason.RingTimeout));
        Assert.Equal("nobody-available", EnumText.Of(CallEndReason.NobodyAvailable));
        Assert.Equal("all-busy", EnumText.Of(CallEndReason.AllBusy));
    }

    [Fact]
    public void Of_ValueOfOneWord_GivesTheLowerCaseWord()
    {
        Assert.Equal("ringing", EnumText.Of(CallState.Ringing));
        Assert.Equal("voice", EnumText.Of(CallMode.Voice));
        Assert.Equal("guest", EnumText.Of(CallerKind.Guest));
        Assert.Equal("cancelled", EnumText.Of(CallEndReason.Cancelled));
    }

    [Fact]
    public void Parse_TextOfEveryCallState_GivesTheValueBack() => AssertRoundTrip<CallState>();

    [Fact]
    public void Parse_TextOfEveryCallMode_GivesTheValueBack() => AssertRoundTrip<CallMode>();

    [Fact]
    public void Parse_TextOfEveryCallerKind_GivesTheValueBack() => AssertRoundTrip<CallerKind>();

    [Fact]
    public void Parse_TextOfEveryCallEndReason_GivesTheValueBack() => AssertRoundTrip<CallEndReason>();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CallerHungUp")]
    [InlineData("Caller-Hung-Up")]
    [InlineData("caller_hung_up")]
    [InlineData("callerhungup")]
    [InlineData(" caller-hung-up")]
    [InlineData("hung-up")]
    [InlineData("0")]
    public void TryParse_UnknownText_IsRefused(string? text)
    {
        Assert.False(EnumText.TryParse<CallEndReason>(text, out _));
    }

    [Fact]
    public void Parse_UnknownText_ThrowsListingTheKnownWords()
    {
        var error = Assert.Throws<FormatException>(() => EnumText.Parse<CallState>("talking"));

        Assert.Equal(
            "'talking' is not one of: accepted, cancelled, connected, ended, missed, rejected, ringing.",
            error.Message);
    }

    private static void AssertRoundTrip<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        foreach (var value in values)
        {
            var text = EnumText.Of(value);
            Assert.Matches("^[a-z]+(-[a-z]+)*$", text);
            Assert.Equal(value, EnumText.Parse<T>(text));
        }

        Assert.Equal(values.Length, EnumText.All<T>().Count());
    }
}
