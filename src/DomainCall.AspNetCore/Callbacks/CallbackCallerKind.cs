namespace DomainCall.Callbacks;

/// <summary>How the caller who asked for a callback is known.</summary>
public enum CallbackCallerKind
{
    /// <summary>By the guest name of the unanswered call the request follows.</summary>
    Guest,

    /// <summary>By the verified domain of the unanswered call the request follows.</summary>
    Verified,

    /// <summary>Only as a web visitor: the request names no call of the domain.</summary>
    Visitor,
}
