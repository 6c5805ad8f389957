using System.Diagnostics.Metrics;

namespace DomainCall.Engine;

/// <summary>
/// The <c>DomainCall</c> meter: how many calls start, are answered, missed, rejected, and how long they ring.
/// </summary>
internal sealed class CallMetrics
{
    private readonly Counter<long> _started;
    private readonly Counter<long> _answered;
    private readonly Counter<long> _missed;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _cancelled;
    private readonly Histogram<double> _ringTime;

    public CallMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);

        var meter = meterFactory.Create(DomainCallTelemetry.Name);
        _started = meter.CreateCounter<long>("domaincall.calls.started", "{call}", "Calls placed.");
        _answered = meter.CreateCounter<long>("domaincall.calls.answered", "{call}", "Calls a desk answered.");
        _missed = meter.CreateCounter<long>("domaincall.calls.missed", "{call}", "Calls nobody answered.");
        _rejected = meter.CreateCounter<long>("domaincall.calls.rejected", "{call}", "Calls every desk declined.");
        _cancelled = meter.CreateCounter<long>("domaincall.calls.cancelled", "{call}", "Calls the caller gave up.");
        _ringTime = meter.CreateHistogram<double>(
            "domaincall.calls.ring_time", "s", "How long calls rang before they were answered or given up.");
    }

    public void Started(CallMode mode) => _started.Add(1, Tag(mode));

    public void Answered(CallMode mode, TimeSpan ringTime)
    {
        _answered.Add(1, Tag(mode));
        _ringTime.Record(ringTime.TotalSeconds, Tag(mode));
    }

    public void Unanswered(CallMode mode, CallState state, TimeSpan ringTime)
    {
        var counter = state switch
        {
            CallState.Rejected => _rejected,
            CallState.Cancelled => _cancelled,
            _ => _missed,
        };
        counter.Add(1, Tag(mode));
        _ringTime.Record(ringTime.TotalSeconds, Tag(mode));
    }

    private static KeyValuePair<string, object?> Tag(CallMode mode) => new("domaincall.call.mode", EnumText.Of(mode));
}
