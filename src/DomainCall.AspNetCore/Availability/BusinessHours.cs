using DomainCall.Engine;
using DomainCall.Storage;

namespace DomainCall.Availability;

/// <summary>
/// When a domain answers: the opening hours of <c>DomainCall:Hours</c> in the owner's time zone, shared by every
/// domain of this server, and the domain's own out-of-office switch, kept in the store.
/// </summary>
internal sealed class BusinessHours(TimeProvider time, DomainCallSettings settings, ICallStore store)
{
    private readonly OpeningSchedule _schedule = settings.Hours;

    /// <summary>Gets the length of one callback slot.</summary>
    public TimeSpan SlotLength { get; } = settings.SlotLength;

    /// <summary>Gets the opening hours, for the pages that word times in the owner's zone.</summary>
    public OpeningSchedule Schedule => _schedule;

    /// <summary>Gets whether <paramref name="domain"/> is open now, and if not, when it next opens.</summary>
    public async Task<AvailabilityNow> NowAsync(Domain domain, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await ActiveOutOfOfficeAsync(domain, now, cancellationToken) is { } away)
        {
            var back = away.ReturnsOn is { } day ? _schedule.FirstOpenAt(Later(now, _schedule.StartOf(day))) : null;
            return new AvailabilityNow(
                false, back, _schedule.ZoneId, new OutOfOfficeNotice(away.Message, away.ReturnsOn));
        }

        var open = _schedule.IsOpenAt(now);
        return new AvailabilityNow(open, open ? null : _schedule.FirstOpenAt(now), _schedule.ZoneId, null);
    }

    /// <summary>
    /// Gets the starts of the slots, each <see cref="SlotLength"/> long, that lie wholly inside opening hours between
    /// <paramref name="from"/> and <paramref name="until"/>, in order, as UTC instants. Days out of office, up to the
    /// return date, have none. Bookings are not subtracted.
    /// </summary>
    public async Task<IReadOnlyList<DateTimeOffset>> SlotStartsAsync(
        Domain domain, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (await ActiveOutOfOfficeAsync(domain, time.GetUtcNow(), cancellationToken) is { } away)
        {
            if (away.ReturnsOn is not { } day)
            {
                return [];
            }

            from = Later(from, _schedule.StartOf(day));
        }

        return from >= until ? [] : _schedule.SlotStarts(from, until, SlotLength);
    }

    /// <summary>
    /// Finds the domain's out-of-office switch while it is on. A switch whose return date has begun in the owner's
    /// zone counts as off, so it turns itself off without a write racing a desk that turns it on again.
    /// </summary>
    public async Task<OutOfOffice?> ActiveOutOfOfficeAsync(
        Domain domain, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var away = await store.FindOutOfOfficeAsync(domain, cancellationToken);
        return away?.ReturnsOn is { } day && _schedule.LocalDate(now) >= day ? null : away;
    }

    /// <summary>Gets the owner's calendar day now.</summary>
    public DateOnly Today => _schedule.LocalDate(time.GetUtcNow());

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
