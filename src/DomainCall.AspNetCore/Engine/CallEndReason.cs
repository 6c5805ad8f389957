namespace DomainCall.Engine;

/// <summary>Why a call reached its final state; kept in the call log beside the outcome.</summary>
public enum CallEndReason
{
    /// <summary>The caller hung up.</summary>
    CallerHungUp,

    /// <summary>The callee hung up.</summary>
    CalleeHungUp,

    /// <summary>The caller's connection closed.</summary>
    CallerLeft,

    /// <summary>The answering desk's connection closed, or every ringing desk's did.</summary>
    CalleeLeft,

    /// <summary>The caller cancelled while it rang.</summary>
    Cancelled,

    /// <summary>Every desk declined.</summary>
    Declined,

    /// <summary>Nobody answered within the ring timeout.</summary>
    RingTimeout,

    /// <summary>No desk was present for the domain when the call was placed.</summary>
    NobodyAvailable,

    /// <summary>Every desk present was already in a call.</summary>
    AllBusy,

    /// <summary>The domain was closed, by its opening hours or its out-of-office switch, so no desk rang.</summary>
    Closed,
}
