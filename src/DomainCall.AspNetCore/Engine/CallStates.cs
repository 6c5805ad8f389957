namespace DomainCall.Engine;

/// <summary>
/// The call state machine: which states a call may move to from which. A store applies a move only when the call's
/// current state is one of <see cref="SourcesOf"/> the target, and it does so atomically.
/// </summary>
public static class CallStates
{
    private static readonly CallState[] FromRinging = [CallState.Ringing];
    private static readonly CallState[] FromAccepted = [CallState.Accepted];
    private static readonly CallState[] FromAnswered = [CallState.Accepted, CallState.Connected];
    private static readonly CallState[] FromNowhere = [];

    /// <summary>Gets the states from which a call may move to <paramref name="target"/>.</summary>
    /// <param name="target">The state a call is to move to.</param>
    /// <returns>The allowed source states; empty for <see cref="CallState.Ringing"/>, where every call
    /// starts.</returns>
    public static IReadOnlyList<CallState> SourcesOf(CallState target) => target switch
    {
        CallState.Accepted or CallState.Missed or CallState.Rejected or CallState.Cancelled => FromRinging,
        CallState.Connected => FromAccepted,
        CallState.Ended => FromAnswered,
        _ => FromNowhere,
    };

    /// <summary>Tells whether a call may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="to">The wanted state.</param>
    /// <returns><see langword="true"/> when the state machine allows the move.</returns>
    public static bool CanMove(CallState from, CallState to) => SourcesOf(to).Contains(from);

    /// <summary>Tells whether a state is final: nothing more happens to a call in it.</summary>
    /// <param name="state">The state.</param>
    /// <returns><see langword="true"/> for ended, missed, rejected and cancelled.</returns>
    public static bool IsFinal(CallState state) =>
        state is CallState.Ended or CallState.Missed or CallState.Rejected or CallState.Cancelled;
}
