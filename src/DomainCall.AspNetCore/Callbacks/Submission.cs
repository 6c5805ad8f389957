namespace DomainCall.Callbacks;

/// <summary>The answer to a caller's submission: the stored callback, or why there is none.</summary>
internal sealed record Submission(SubmissionOutcome Outcome, Callback? Callback = null, TimeSpan? RetryAfter = null);
