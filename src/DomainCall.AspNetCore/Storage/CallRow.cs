using DomainCall.Engine;

namespace DomainCall.Storage;

/// <summary>A row of the <c>calls</c> table as SQL sees it: text for enums, Unix milliseconds for times.</summary>
internal sealed class CallRow
{
    public string Id { get; set; } = string.Empty;

    public string Callee { get; set; } = string.Empty;

    public string Caller { get; set; } = string.Empty;

    public string CallerKind { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;

    public string Mode { get; set; } = string.Empty;

    public string State { get; set; } = string.Empty;

    public long StartedAt { get; set; }

    public long? AcceptedAt { get; set; }

    public long? ConnectedAt { get; set; }

    public long? EndedAt { get; set; }

    public string? EndReason { get; set; }

    public static CallRow From(CallRecord call) => new()
    {
        Id = call.Id,
        Callee = call.Callee.Value,
        Caller = call.Caller,
        CallerKind = EnumText.Of(call.CallerKind),
        Reason = call.Reason,
        Mode = EnumText.Of(call.Mode),
        State = EnumText.Of(call.State),
        StartedAt = call.StartedAt.ToUnixTimeMilliseconds(),
        AcceptedAt = call.AcceptedAt?.ToUnixTimeMilliseconds(),
        ConnectedAt = call.ConnectedAt?.ToUnixTimeMilliseconds(),
        EndedAt = call.EndedAt?.ToUnixTimeMilliseconds(),
        EndReason = call.EndReason is { } reason ? EnumText.Of(reason) : null,
    };

    public CallRecord ToRecord() => new(
        Id,
        Domain.Parse(Callee),
        Caller,
        EnumText.Parse<CallerKind>(CallerKind),
        Reason,
        EnumText.Parse<CallMode>(Mode),
        EnumText.Parse<CallState>(State),
        UnixTime.Of(StartedAt),
        UnixTime.OfNullable(AcceptedAt),
        UnixTime.OfNullable(ConnectedAt),
        UnixTime.OfNullable(EndedAt),
        EndReason is null ? null : EnumText.Parse<CallEndReason>(EndReason));
}
