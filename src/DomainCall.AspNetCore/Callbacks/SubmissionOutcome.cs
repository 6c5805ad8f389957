namespace DomainCall.Callbacks;

/// <summary>What became of a caller's submission.</summary>
internal enum SubmissionOutcome
{
    Created,
    Replayed,
    KeyReused,
    SlotTaken,
    SlotUnavailable,
    TooManyForAddress,
    TooManyForEmail,
}
