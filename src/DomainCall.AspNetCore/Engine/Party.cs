namespace DomainCall.Engine;

/// <summary>
/// What the switchboard knows about one connection: its guest name, its call, the domains it answers for and the
/// domains it may call as, each with who it proved to be for that domain.
/// </summary>
internal sealed class Party
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Domain, DeskGrant> _deskDomains = [];
    private readonly Dictionary<Domain, DeskGrant> _provenDomains = [];
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

    public void AddDeskDomain(Domain domain, DeskGrant grant)
    {
        lock (_gate)
        {
            _deskDomains[domain] = grant;
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
            return [.. _deskDomains.Keys];
        }
    }

    /// <summary>Lets this connection call as <paramref name="domain"/>, without being a desk of it.</summary>
    public void ProveDomain(Domain domain, DeskGrant grant)
    {
        lock (_gate)
        {
            _provenDomains[domain] = grant;
        }
    }

    /// <summary>Gets the domains this connection may call as: those it proved, and its desks that may call.</summary>
    public Domain[] CallingDomains()
    {
        lock (_gate)
        {
            return [.. _provenDomains.Keys.Union(_deskDomains.Where(d => d.Value.MayCall).Select(d => d.Key))];
        }
    }

    /// <summary>Forgets everything this connection proved or joined of <paramref name="domain"/>.</summary>
    /// <returns>Whether this connection was a desk of the domain.</returns>
    public bool ForgetDomain(Domain domain)
    {
        lock (_gate)
        {
            _provenDomains.Remove(domain);
            return _deskDomains.Remove(domain);
        }
    }

    /// <summary>
    /// Forgets whatever <paramref name="memberId"/> of <paramref name="domain"/> proved on this connection.
    /// </summary>
    /// <returns>Whether this connection was a desk of the domain as that member.</returns>
    public bool ForgetMember(Domain domain, string memberId)
    {
        lock (_gate)
        {
            if (_provenDomains.TryGetValue(domain, out var proven) && proven.MemberId == memberId)
            {
                _provenDomains.Remove(domain);
            }

            return _deskDomains.TryGetValue(domain, out var desk) && desk.MemberId == memberId
                && _deskDomains.Remove(domain);
        }
    }

    private static bool IsSpent(Lazy<Task<GuestNameGrant>> guest, DateTimeOffset now) =>
        guest.IsValueCreated && guest.Value.IsCompleted
        && (!guest.Value.IsCompletedSuccessfully || guest.Value.Result.Guest.ExpiresAt <= now);
}
