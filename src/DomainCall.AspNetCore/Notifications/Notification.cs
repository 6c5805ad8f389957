using System.Buffers.Text;
using System.Security.Cryptography;

namespace DomainCall.Notifications;

/// <summary>
/// One thing to tell the business or a caller, such as a new callback request. It is kept in a durable outbox and
/// handed to every <see cref="INotificationSender"/> that accepts it, each delivery retried on its own.
/// </summary>
public sealed record Notification
{
    /// <summary>Gets the notification's unique id; receivers use it to drop a delivery they already had.</summary>
    /// <value>The default value is 128 random bits, base64url encoded.</value>
    public string Id { get; init; } = NewId();

    /// <summary>Gets what the notification tells its reader.</summary>
    public required NotificationKind Kind { get; init; }

    /// <summary>Gets the domain the notification is about, such as <c>example.com</c>.</summary>
    public required string Domain { get; init; }

    /// <summary>Gets the name of the business, to sign emails and name the sender.</summary>
    public required string BusinessName { get; init; }

    /// <summary>Gets the id of the callback the notification is about.</summary>
    public required string CallbackId { get; init; }

    /// <summary>Gets a one-line subject, plain text.</summary>
    public required string Subject { get; init; }

    /// <summary>Gets the body, plain text; never read as markup.</summary>
    public required string Text { get; init; }

    /// <summary>Gets the link the reader should open: the desk for the owner, the call page for a caller.</summary>
    /// <value>No default: the notification carries no link.</value>
    public Uri? Link { get; init; }

    /// <summary>Gets who the notification is for.</summary>
    public required NotificationAudience Audience { get; init; }

    /// <summary>
    /// Gets the caller's email address, for a notification to the <see cref="NotificationAudience.Caller"/>.
    /// </summary>
    /// <value>No default: no email goes to the caller.</value>
    public string? ToEmail { get; init; }

    /// <summary>
    /// Gets the caller's email address, for a notification to the <see cref="NotificationAudience.Owner"/>: an
    /// owner who answers the email reaches the caller. Used only when it is one valid address.
    /// </summary>
    /// <value>No default.</value>
    public string? ReplyTo { get; init; }

    /// <summary>Gets the browser subscription a Web Push notification goes to.</summary>
    /// <value>No default: no push notification is sent.</value>
    public PushTarget? Push { get; init; }

    /// <summary>Gets when the notification was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    private static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
