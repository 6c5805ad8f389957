namespace DomainCall.Engine;

/// <summary>
/// What the switchboard knows about one connection: its guest name, its call, the domains it answers for.
/// </summary>
internal sealed class Party
{
    private readonly Lock _gate = new();
    private readonly HashSet<Domain> _deskDomains = [];
    private LiveCall? _outgoing;
    private LiveCall? _answered;
    private Lazy<Task<GuestName>>? _guest;

    /// <summary>
    /// Returns this connection's guest name, reserving a new one through <paramref name="reserve"/> when it has
    /// none, or when its name has expired. Concurrent first requests share one reservation.
    /// </summary>
    public Task<GuestName> GuestAsync(Func<Task<GuestName>> reserve, DateTimeOffset now)
    {
        Lazy<Task<GuestName>> guest;
        lock (_gate)
        {
            if (_guest is null || IsSpent(_guest, now))
            {
                _guest = new Lazy<Task<GuestName>>(reserve);
            }

            guest = _guest;
        }

        return guest.Value;
    }

    /// <summary>Gets the call this connection placed, until it ends. A caller places one call at a time.</summary>
    public LiveCall? Outgoing => Volatile.Read(ref _outgoing);

    /// <summary>Gets the call this desk answered, until it ends. A desk is in one call at a time.</summary>
    public LiveCall? Answered => Volatile.Read(ref _answered);

    public bool TryBeginOutgoing(LiveCall call) => Interlocked.CompareExchange(ref _outgoing, call, null) is null;

    public void EndOutgoing(LiveCall call) => Interlocked.CompareExchange(ref _outgoing, null, call);

    public bool TryBeginAnswered(LiveCall call) => Interlocked.CompareExchange(ref _answered, call, null) is null;

    public void EndAnswered(LiveCall call) => Interlocked.CompareExchange(ref _answered, null, call);

    public void AddDeskDomain(Domain domain)
    {
        lock (_gate)
        {
            _deskDomains.Add(domain);
        }
    }

    public bool RemoveDeskDomain(Domain domain)
    {
        lock (_gate)
        {
            return _deskDomains.Remove(domain);
        }
    }

    public Domain[] DeskDomains()
    {
        lock (_gate)
        {
            return [.. _deskDomains];
        }
    }

    private static bool IsSpent(Lazy<Task<GuestName>> guest, DateTimeOffset now) =>
        guest.IsValueCreated && guest.Value.IsCompleted
        && (!guest.Value.IsCompletedSuccessfully || guest.Value.Result.ExpiresAt <= now);
}
