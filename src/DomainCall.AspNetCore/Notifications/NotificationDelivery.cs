namespace DomainCall.Notifications;

/// <summary>One delivery of a notification over one channel, as the desk shows it.</summary>
/// <param name="NotificationId">The notification's id.</param>
/// <param name="Kind">What the notification told.</param>
/// <param name="Channel">The sender's channel, such as <c>email</c>.</param>
/// <param name="State">Where the delivery stands.</param>
/// <param name="Attempts">How many times it was tried.</param>
/// <param name="LastError">Why the last attempt failed, if it did.</param>
/// <param name="LastAttemptAt">When it was last tried.</param>
internal sealed record NotificationDelivery(
    string NotificationId,
    NotificationKind Kind,
    string Channel,
    DeliveryState State,
    int Attempts,
    string? LastError,
    DateTimeOffset? LastAttemptAt);
