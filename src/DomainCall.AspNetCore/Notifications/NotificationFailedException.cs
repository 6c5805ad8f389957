namespace DomainCall.Notifications;

/// <summary>
/// Thrown by an <see cref="INotificationSender"/> when a delivery failed. The message is stored with the delivery
/// and shown on the desk, so it must hold no secrets.
/// </summary>
public sealed class NotificationFailedException : Exception
{
    /// <summary>Creates an exception for a failure that may pass, so the delivery is retried.</summary>
    public NotificationFailedException()
        : this("The notification could not be delivered.", permanent: false)
    {
    }

    /// <summary>Creates an exception for a failure that may pass, so the delivery is retried.</summary>
    /// <param name="message">What went wrong, as a sentence for the owner.</param>
    public NotificationFailedException(string message)
        : this(message, permanent: false)
    {
    }

    /// <summary>Creates an exception for a failure that may pass, so the delivery is retried.</summary>
    /// <param name="message">What went wrong, as a sentence for the owner.</param>
    /// <param name="innerException">The failure that caused it.</param>
    public NotificationFailedException(string message, Exception? innerException)
        : this(message, permanent: false, innerException)
    {
    }

    /// <summary>Creates an exception for a failed delivery.</summary>
    /// <param name="message">What went wrong, as a sentence for the owner.</param>
    /// <param name="permanent">
    /// <see langword="true"/> when trying again cannot help, as for an unknown address: the delivery is then
    /// marked dead at once.
    /// </param>
    /// <param name="innerException">The failure that caused it.</param>
    public NotificationFailedException(string message, bool permanent, Exception? innerException = null)
        : base(message, innerException)
    {
        Permanent = permanent;
    }

    /// <summary>Gets whether trying again cannot help.</summary>
    public bool Permanent { get; }
}
