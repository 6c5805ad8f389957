namespace DomainCall.Notifications;

/// <summary>
/// Thrown, inside an <see cref="System.Net.Http.HttpRequestException"/>, by the
/// <see cref="NotificationHttpClients.PublicNetworksOnly"/> client when a host resolves only to addresses outside the
/// public internet. No connection was made.
/// </summary>
public sealed class RefusedAddressException : IOException
{
    /// <summary>Creates the exception with a default message.</summary>
    public RefusedAddressException()
        : base("The host resolves only to non-public addresses; no connection was made.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which host and addresses were refused.</param>
    public RefusedAddressException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which host and addresses were refused.</param>
    /// <param name="innerException">The failure that caused it.</param>
    public RefusedAddressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
