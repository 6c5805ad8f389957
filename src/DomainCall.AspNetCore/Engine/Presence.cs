using System.Collections.Concurrent;

namespace DomainCall.Engine;

/// <summary>Which desk connections are present for which domain, on this server.</summary>
internal sealed class Presence
{
    private readonly ConcurrentDictionary<Domain, ConcurrentDictionary<string, byte>> _desks = new();

    public void Join(Domain domain, string connectionId) =>
        _desks.GetOrAdd(domain, static _ => new(StringComparer.Ordinal))[connectionId] = 0;

    public void Leave(Domain domain, string connectionId)
    {
        if (_desks.TryGetValue(domain, out var desks))
        {
            desks.TryRemove(connectionId, out _);
        }
    }

    public string[] DesksOf(Domain domain) =>
        _desks.TryGetValue(domain, out var desks) ? [.. desks.Keys] : [];
}
