using System.Collections.Concurrent;
using DomainCall.Engine;

namespace DomainCall.Dns;

/// <summary>
/// The guest records the embedded DNS server serves, kept in memory. The embedded registrar writes them; at start
/// they are filled again from the store, which is the durable copy.
/// </summary>
internal sealed class GuestRecordSet
{
    private readonly ConcurrentDictionary<Domain, GuestRecord> _records = new();
    private long _serial;

    public GuestRecordSet(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);

        // Starting from the clock keeps the SOA serial growing across restarts, as secondaries and caches expect.
        _serial = time.GetUtcNow().ToUnixTimeSeconds();
    }

    /// <summary>Gets the SOA serial: it grows with every change.</summary>
    public uint Serial => unchecked((uint)Interlocked.Read(ref _serial));

    /// <summary>Gets how many names the set holds, expired ones included until they are removed.</summary>
    public int Count => _records.Count;

    public void Set(GuestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);

        _records[record.Name] = record;
        Interlocked.Increment(ref _serial);
    }

    public bool Remove(Domain name)
    {
        var removed = _records.TryRemove(name, out _);
        if (removed)
        {
            Interlocked.Increment(ref _serial);
        }

        return removed;
    }

    /// <summary>Finds the records of a name that has not expired at <paramref name="now"/>.</summary>
    public GuestRecord? Find(Domain name, DateTimeOffset now) =>
        _records.TryGetValue(name, out var record) && record.ExpiresAt > now ? record : null;

    /// <summary>Drops every name that expired at or before <paramref name="now"/>.</summary>
    /// <returns>How many names were dropped.</returns>
    public int RemoveExpired(DateTimeOffset now)
    {
        var removed = 0;
        foreach (var (name, record) in _records)
        {
            if (record.ExpiresAt <= now && _records.TryRemove(new KeyValuePair<Domain, GuestRecord>(name, record)))
            {
                removed++;
            }
        }

        if (removed > 0)
        {
            Interlocked.Increment(ref _serial);
        }

        return removed;
    }
}
