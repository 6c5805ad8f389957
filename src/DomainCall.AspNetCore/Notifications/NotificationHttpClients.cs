namespace DomainCall.Notifications;

/// <summary>
/// The names of the <see cref="System.Net.Http.IHttpClientFactory"/> clients DomainCall registers for notifications.
/// A custom <see cref="INotificationSender"/> that posts to addresses it did not choose itself should use
/// <see cref="PublicNetworksOnly"/>.
/// </summary>
public static class NotificationHttpClients
{
    /// <summary>
    /// A client that connects only to public addresses: it resolves the host itself at every connection and refuses
    /// loopback, private, link-local, shared (CGNAT), multicast and unspecified addresses, so that neither a
    /// configured name nor a rebinding DNS answer can reach the server's own network. It follows no redirects.
    /// </summary>
    public const string PublicNetworksOnly = "DomainCall.Notifications.PublicNetworksOnly";

    /// <summary>A client that may connect to any address, for receivers explicitly allowed on private networks.
    /// It follows no redirects.</summary>
    public const string AnyNetwork = "DomainCall.Notifications.AnyNetwork";
}
