namespace DomainCall.Engine;

/// <summary>
/// Where a call stands. A call starts <see cref="Ringing"/>; <see cref="Ended"/>, <see cref="Missed"/>,
/// <see cref="Rejected"/> and <see cref="Cancelled"/> are final.
/// </summary>
public enum CallState
{
    /// <summary>Offered to the callee's desks; nobody has answered yet.</summary>
    Ringing,

    /// <summary>A desk answered; the two parties are exchanging offers and answers.</summary>
    Accepted,

    /// <summary>A party reported that media or the data channel flows between the two browsers.</summary>
    Connected,

    /// <summary>A call that was answered has finished.</summary>
    Ended,

    /// <summary>Nobody answered: the ring timed out, every desk left, or no desk was there.</summary>
    Missed,

    /// <summary>Every desk that was offered the call declined it.</summary>
    Rejected,

    /// <summary>The caller gave up before anyone answered.</summary>
    Cancelled,
}
