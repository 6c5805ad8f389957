namespace DomainCall.Engine;

/// <summary>
/// A reason a caller can pick on the pre-call screen, such as "Sales" or "Support". It travels with the call, is
/// shown to the callee and is kept in the call log.
/// </summary>
public sealed class CallReason
{
    /// <summary>Initializes an empty reason, for configuration binding.</summary>
    public CallReason()
    {
    }

    /// <summary>Initializes a reason.</summary>
    /// <param name="id">The stable id clients send, such as <c>sales</c>.</param>
    /// <param name="label">What the caller and the callee read, such as <c>Sales</c>.</param>
    public CallReason(string id, string label)
    {
        Id = id;
        Label = label;
    }

    /// <summary>Gets or sets the stable id: 1 to 32 lower-case letters, digits and hyphens.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets what people read: 1 to 80 characters.</summary>
    public string Label { get; set; } = string.Empty;
}
