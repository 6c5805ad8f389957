using DomainCall.Engine;
using DomainCall.Tests.Storage;

namespace DomainCall.Tests.Engine;

public sealed class CallRecordTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    [Fact]
    public void Times_AnsweredCall_RingUntilAcceptedAndTalkFromConnectedToEnded()
    {
        var call = Call(CallState.Ended) with
        {
            AcceptedAt = Start.AddSeconds(7),
            ConnectedAt = Start.AddSeconds(9),
            EndedAt = Start.AddSeconds(69),
            EndReason = CallEndReason.CallerHungUp,
        };

        Assert.Equal(TimeSpan.FromSeconds(7), call.RingTime);
        Assert.Equal(TimeSpan.FromSeconds(60), call.TalkTime);
    }

    [Fact]
    public void Times_UnansweredCall_RingUntilEndedWithoutTalk()
    {
        var call = Call(CallState.Missed) with
        {
            EndedAt = Start.AddSeconds(30),
            EndReason = CallEndReason.RingTimeout,
        };

        Assert.Equal(TimeSpan.FromSeconds(30), call.RingTime);
        Assert.Null(call.TalkTime);
    }

    [Fact]
    public void Times_StillRinging_AreUnknown()
    {
        var call = Call(CallState.Ringing);

        Assert.Null(call.RingTime);
        Assert.Null(call.TalkTime);
    }

    [Fact]
    public void TalkTime_ConnectedCallNotYetEnded_IsUnknown()
    {
        var call = Call(CallState.Connected) with
        {
            AcceptedAt = Start.AddSeconds(3),
            ConnectedAt = Start.AddSeconds(4),
        };

        Assert.Equal(TimeSpan.FromSeconds(3), call.RingTime);
        Assert.Null(call.TalkTime);
    }

    [Fact]
    public void TalkTime_AnsweredCallThatNeverConnected_IsUnknown()
    {
        var call = Call(CallState.Ended) with { AcceptedAt = Start.AddSeconds(2), EndedAt = Start.AddSeconds(20) };

        Assert.Equal(TimeSpan.FromSeconds(2), call.RingTime);
        Assert.Null(call.TalkTime);
    }

    private static CallRecord Call(CallState state) => TestCalls.Ringing(Start) with { State = state };
}
