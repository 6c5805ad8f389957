using DomainCall.Engine;

namespace DomainCall.Dns;

/// <summary>
/// The default registrar: it hands guest records to the embedded DNS server, which serves the guest zone.
/// </summary>
internal sealed class EmbeddedGuestNameRegistrar : IGuestNameRegistrar
{
    private readonly GuestRecordSet _records;
    private readonly Domain _zone;

    public EmbeddedGuestNameRegistrar(GuestRecordSet records, Domain zone)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentException.ThrowIfNullOrEmpty(zone.ToString(), nameof(zone));

        _records = records;
        _zone = zone;
    }

    public Task RegisterAsync(GuestRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!IsDirectlyBelow(record.Name, _zone))
        {
            throw new ArgumentException(
                $"The guest name {record.Name} is not one label below the guest zone {_zone}.", nameof(record));
        }

        cancellationToken.ThrowIfCancellationRequested();
        _records.Set(record);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(Domain name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name.ToString(), nameof(name));

        cancellationToken.ThrowIfCancellationRequested();
        _records.Remove(name);
        return Task.CompletedTask;
    }

    // Guest names are one label below the zone, so the server never has to answer for names in between.
    internal static bool IsDirectlyBelow(Domain name, Domain zone)
    {
        var value = name.Value;
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && string.Equals(value[(dot + 1)..], zone.Value, StringComparison.Ordinal);
    }
}
