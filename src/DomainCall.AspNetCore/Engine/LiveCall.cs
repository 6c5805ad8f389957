using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace DomainCall.Engine;

/// <summary>
/// A call in progress, held in memory by the server that placed it. The store decides every state change; this
/// object mirrors the outcome and answers the hot question of the signaling path: who is the other party?
/// </summary>
[SuppressMessage(
    "Reliability",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "A SemaphoreSlim holds an unmanaged handle only once its AvailableWaitHandle is read; never here.")]
internal sealed class LiveCall
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly HashSet<string> _ringingDesks;
    private int _declines;
    private string? _calleeConnectionId;

    public LiveCall(
        CallRecord record, CallerIdentity caller, string callerConnectionId, IReadOnlyCollection<string> desks)
    {
        Record = record;
        Caller = caller;
        CallerConnectionId = callerConnectionId;
        OfferedDesks = desks;
        _ringingDesks = [.. desks];
    }

    public CallRecord Record { get; }

    public string Id => Record.Id;

    /// <summary>Gets the caller as the desks see it.</summary>
    public CallerIdentity Caller { get; }

    public string CallerConnectionId { get; }

    public IReadOnlyCollection<string> OfferedDesks { get; }

    /// <summary>Gets the desk that answered, once one has.</summary>
    public string? CalleeConnectionId => Volatile.Read(ref _calleeConnectionId);

    public CallState State { get; private set; } = CallState.Ringing;

    public ITimer? RingTimer { get; set; }

    public Activity? Activity { get; set; }

    /// <summary>
    /// Returns the other party's connection, or <see langword="null"/> for anyone who is not a party.
    /// </summary>
    public string? PeerOf(string connectionId)
    {
        var callee = CalleeConnectionId;
        if (callee is null)
        {
            return null;
        }

        return connectionId == CallerConnectionId ? callee : connectionId == callee ? CallerConnectionId : null;
    }

    public bool IsParty(string connectionId) => PeerOf(connectionId) is not null;

    public bool WasOfferedTo(string connectionId) => OfferedDesks.Contains(connectionId);

    /// <summary>
    /// Runs <paramref name="announce"/> while no other announcement of this call runs, so that its parties hear of
    /// an answer and of an end in the order in which they happened.
    /// </summary>
    public async Task InTurnAsync(Func<Task> announce)
    {
        await _turn.WaitAsync();
        try
        {
            await announce();
        }
        finally
        {
            _turn.Release();
        }
    }

    public void MarkAccepted(string deskConnectionId)
    {
        lock (_gate)
        {
            State = CallState.Accepted;
            Volatile.Write(ref _calleeConnectionId, deskConnectionId);
        }
    }

    public void MarkState(CallState state)
    {
        lock (_gate)
        {
            State = state;
        }
    }

    /// <summary>
    /// Stops ringing on one desk because it declined or left. Returns the state the call must end in when no desk
    /// rings any more: rejected when every desk offered the call declined it, missed when some desk left without an
    /// answer; <see langword="null"/> while a desk still rings.
    /// </summary>
    public CallState? StopRinging(string deskConnectionId, bool declined)
    {
        lock (_gate)
        {
            if (State != CallState.Ringing || !_ringingDesks.Remove(deskConnectionId))
            {
                return null;
            }

            if (declined)
            {
                _declines++;
            }

            if (_ringingDesks.Count > 0)
            {
                return null;
            }

            return _declines == OfferedDesks.Count ? CallState.Rejected : CallState.Missed;
        }
    }
}
