namespace DomainCall.Callbacks;

/// <summary>What a caller who reached nobody asked for.</summary>
public enum CallbackKind
{
    /// <summary>To be called back as soon as possible.</summary>
    Asap,

    /// <summary>To be called back in a chosen slot.</summary>
    Slot,

    /// <summary>A text or voice message, with no request to be called at a set time.</summary>
    Message,
}
