namespace DomainCall.Callbacks;

/// <summary>What <c>CallBack</c> answers the desk.</summary>
/// <param name="Outcome"><c>ringing</c> (the caller's page is open and rings), <c>push-sent</c>, <c>email-sent</c>,
/// or <c>unreachable</c> (no open page, no push subscription and no email, or no sender for them).</param>
/// <param name="RingsUntil">Until when the desk waits for the caller, when ringing.</param>
internal sealed record CallBackResult(string Outcome, DateTimeOffset? RingsUntil);
