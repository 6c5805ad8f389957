using DomainCall.Engine;

namespace DomainCall.Tests.Engine;

public sealed class CallStatesTests
{
    private static readonly HashSet<(CallState From, CallState To)> AllowedMoves =
    [
        (CallState.Ringing, CallState.Accepted),
        (CallState.Ringing, CallState.Missed),
        (CallState.Ringing, CallState.Rejected),
        (CallState.Ringing, CallState.Cancelled),
        (CallState.Accepted, CallState.Connected),
        (CallState.Accepted, CallState.Ended),
        (CallState.Connected, CallState.Ended),
    ];

    public static TheoryData<CallState, CallState, bool> EveryPairOfStates()
    {
        var data = new TheoryData<CallState, CallState, bool>();
        foreach (var from in Enum.GetValues<CallState>())
        {
            foreach (var to in Enum.GetValues<CallState>())
            {
                data.Add(from, to, AllowedMoves.Contains((from, to)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPairOfStates))]
    public void CanMove_EveryPairOfStates_FollowsTheStateMachine(CallState from, CallState to, bool allowed)
    {
        Assert.Equal(allowed, CallStates.CanMove(from, to));
        Assert.Equal(allowed, CallStates.SourcesOf(to).Contains(from));
    }

    [Fact]
    public void SourcesOf_Ringing_IsEmpty()
    {
        Assert.Empty(CallStates.SourcesOf(CallState.Ringing));
    }

    [Theory]
    [InlineData(CallState.Ringing, false)]
    [InlineData(CallState.Accepted, false)]
    [InlineData(CallState.Connected, false)]
    [InlineData(CallState.Ended, true)]
    [InlineData(CallState.Missed, true)]
    [InlineData(CallState.Rejected, true)]
    [InlineData(CallState.Cancelled, true)]
    public void IsFinal_GivesWhetherNothingMoreHappens(CallState state, bool final)
    {
        Assert.Equal(final, CallStates.IsFinal(state));
    }

    [Theory]
    [InlineData(CallState.Ended)]
    [InlineData(CallState.Missed)]
    [InlineData(CallState.Rejected)]
    [InlineData(CallState.Cancelled)]
    public void CanMove_FromFinalState_IsRefusedToEveryState(CallState final)
    {
        Assert.All(Enum.GetValues<CallState>(), to => Assert.False(CallStates.CanMove(final, to)));
    }
}
