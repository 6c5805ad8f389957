namespace DomainCall.Engine;

/// <summary>One call as the call log keeps it: who called whom, when, why, how, and how it ended.</summary>
/// <param name="Id">The unguessable call id.</param>
/// <param name="Callee">The domain that was called.</param>
/// <param name="Caller">The caller's guest name or verified domain.</param>
/// <param name="CallerKind">Whether <paramref name="Caller"/> is a guest name or a verified domain.</param>
/// <param name="Reason">The id of the reason the caller picked.</param>
/// <param name="Mode">Voice, video or chat.</param>
/// <param name="State">Where the call stands.</param>
/// <param name="StartedAt">When the call was placed.</param>
/// <param name="AcceptedAt">When a desk answered, if one did.</param>
/// <param name="ConnectedAt">When a party reported the connection up, if one did.</param>
/// <param name="EndedAt">When the call reached a final state.</param>
/// <param name="EndReason">Why the call reached its final state.</param>
public sealed record CallRecord(
    string Id,
    Domain Callee,
    string Caller,
    CallerKind CallerKind,
    string Reason,
    CallMode Mode,
    CallState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? AcceptedAt = null,
    DateTimeOffset? ConnectedAt = null,
    DateTimeOffset? EndedAt = null,
    CallEndReason? EndReason = null)
{
    /// <summary>Gets how long the call rang: until it was answered or, unanswered, until it ended.</summary>
    public TimeSpan? RingTime => (AcceptedAt ?? EndedAt) - StartedAt;

    /// <summary>Gets how long the parties were connected, once the call has ended.</summary>
    public TimeSpan? TalkTime => EndedAt - ConnectedAt;
}
