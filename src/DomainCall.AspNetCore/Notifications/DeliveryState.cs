namespace DomainCall.Notifications;

/// <summary>Where one delivery of a notification over one channel stands.</summary>
internal enum DeliveryState
{
    /// <summary>Not delivered yet; it is tried again when due.</summary>
    Pending,

    /// <summary>The receiver took it.</summary>
    Sent,

    /// <summary>It failed permanently or ran out of attempts; the last error is kept.</summary>
    Dead,
}
