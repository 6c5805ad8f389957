namespace DomainCall.Notifications;

/// <summary>Who a notification is for.</summary>
public enum NotificationAudience
{
    /// <summary>The business: the owner and the team answering for the domain.</summary>
    Owner,

    /// <summary>The caller who asked to be called back.</summary>
    Caller,
}
