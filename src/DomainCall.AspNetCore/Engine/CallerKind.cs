namespace DomainCall.Engine;

/// <summary>How a caller is identified to the callee.</summary>
public enum CallerKind
{
    /// <summary>An anonymous caller with a short-lived guest name.</summary>
    Guest,

    /// <summary>A caller calling as a domain whose control was verified.</summary>
    Verified,
}
