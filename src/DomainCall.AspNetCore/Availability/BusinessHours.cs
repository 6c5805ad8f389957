using DomainCall.Engine;

namespace DomainCall.Availability;

/// <summary>
/// When a domain answers: its weekly opening hours and exceptions in the owner's time zone, and the owner's
/// out-of-office switch. This first version is always open and has no out-of-office; the hours come next.
/// </summary>
internal sealed class BusinessHours(TimeProvider time)
{
    /// <summary>Gets the length of one callback slot.</summary>
    public TimeSpan SlotLength { get; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets whether <paramref name="domain"/> is open now, and if not, when it next opens.</summary>
    public Task<AvailabilityNow> NowAsync(Domain domain, CancellationToken cancellationToken)
    {
        _ = time.GetUtcNow();
        return Task.FromResult(new AvailabilityNow(true, null, "UTC", null));
    }

    /// <summary>
    /// Gets the starts of the slots, each <see cref="SlotLength"/> long, that lie wholly inside opening hours between
    /// <paramref name="from"/> and <paramref name="until"/>, in order, as UTC instants. Bookings are not subtracted.
    /// </summary>
    public Task<IReadOnlyList<DateTimeOffset>> SlotStartsAsync(
        Domain domain, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var starts = new List<DateTimeOffset>();
        var ticks = SlotLength.Ticks;
        for (var start = new DateTimeOffset((from.UtcTicks + ticks - 1) / ticks * ticks, TimeSpan.Zero);
             start + SlotLength <= until;
             start += SlotLength)
        {
            starts.Add(start);
        }

        return Task.FromResult<IReadOnlyList<DateTimeOffset>>(starts);
    }
}
