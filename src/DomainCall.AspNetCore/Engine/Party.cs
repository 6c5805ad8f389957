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
    private Lazy<Task<GuestNameGrant>>? _guest;
    private GuestNameGrant? _proven;

    /// <summary>
    /// Returns this connection's guest name and code, reserving a new one through <paramref name="reserve"/> when it
    /// has none, or when its name has expired. Concurrent first requests share one reservation.
    /// </summary>
    public Task<GuestNameGrant> GuestAsync(Func<Task<GuestNameGrant>> reserve, DateTimeOffset now)
    {
        Lazy<Task<GuestNameGrant>> guest;
        lock (_gate)
        {
            if (_guest is null || IsSpent(_guest, now))
            {
                _guest = new Lazy<Task<GuestNameGrant>>(reserve);
            }

            guest = _guest;
        }

        return guest.Value;
    }

    /// <summary>
    /// Makes <paramref name="grant"/> this connection's identity, after DNS confirmed its code: from now on it calls
    /// as that name, and <see cref="GuestAsync"/> gives it back, even when another connection reserved it.
    /// </summary>
    public void Prove(GuestNameGrant grant)
    {
        lock (_gate)
        {
            // Created at once, so that the name counts as spent from its expiry on, like a reserved one.
            _guest = new Lazy<Task<GuestNameGrant>>(() => Task.FromResult(grant));
            _ = _guest.Value;
            _proven = grant;
        }
    }

    /// <summary>Gets the guest name this connection proved, while it is alive at <paramref name="now"/>.</summary>
    public GuestName? ProvenGuest(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _proven is { } proven && proven.Guest.ExpiresAt > now ? proven.Guest : null;
        }
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

    private static bool IsSpent(Lazy<Task<GuestNameGrant>> guest, DateTimeOffset now) =>
        guest.IsValueCreated && guest.Value.IsCompleted
        && (!guest.Value.IsCompletedSuccessfully || guest.Value.Result.Guest.ExpiresAt <= now);
}
