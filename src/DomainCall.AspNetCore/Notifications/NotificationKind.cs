namespace DomainCall.Notifications;

/// <summary>What a notification tells its reader.</summary>
public enum NotificationKind
{
    /// <summary>A caller asked to be called back, as soon as possible or in a slot.</summary>
    CallbackRequested,

    /// <summary>A caller left a text or voice message.</summary>
    MessageLeft,

    /// <summary>The slot of a scheduled callback has begun.</summary>
    CallbackDue,

    /// <summary>The business is calling the caller back now.</summary>
    CallingBack,
}
