namespace DomainCall.Callbacks;

/// <summary>Where a callback stands.</summary>
public enum CallbackStatus
{
    /// <summary>Waiting for the business: a request to be called as soon as possible, or a message.</summary>
    New,

    /// <summary>Waiting for its slot.</summary>
    Scheduled,

    /// <summary>Dealt with by someone at the desk.</summary>
    Handled,
}
