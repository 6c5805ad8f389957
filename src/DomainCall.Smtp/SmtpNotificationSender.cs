using System.Globalization;
using System.Net.Sockets;
using DomainCall.Notifications;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DomainCall.Smtp;

/// <summary>
/// Sends notifications as plain-text email: to the caller's address for the caller, to the owner's address for the
/// owner, always from the configured sender. A caller's address reaches a header only after the strict check.
/// </summary>
internal sealed class SmtpNotificationSender : INotificationSender
{
    private readonly SmtpOptions _options;
    private readonly MailboxAddress _from;
    private readonly MailboxAddress? _owner;

    public SmtpNotificationSender(IOptions<SmtpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The options were validated at start; these checks only keep the compiler's null analysis honest.
        _options = options.Value;
        _from = EmailAddresses.TryParseSender(_options.From, out var from)
            ? from
            : throw new InvalidOperationException($"{SmtpOptions.SectionName}:From is not one valid address.");
        _owner = EmailAddresses.TryParseBare(_options.OwnerAddress, out var owner) ? owner : null;
    }

    public string Channel => "email";

    public bool Accepts(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);

        return notification.Audience switch
        {
            NotificationAudience.Caller => notification.ToEmail is not null,
            NotificationAudience.Owner => _owner is not null,
            _ => false,
        };
    }

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);

        var message = Compose(notification);
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(
                _options.Host!, _options.Port, SocketOptions(_options.Security), cancellationToken);
            if (_options.UserName is not null)
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException exception)
        {
            // The server's own words may repeat the address, so only the codes are kept; 5xx will not change.
            var permanent = (int)exception.StatusCode >= 500
                && exception.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted
                    or SmtpErrorCode.SenderNotAccepted;
            throw new NotificationFailedException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The mail server refused the email ({(int)exception.StatusCode}, {exception.ErrorCode})."),
                permanent,
                exception);
        }
        catch (AuthenticationException exception)
        {
            throw new NotificationFailedException(
                "The mail server did not accept the configured user name and password.", exception);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ProtocolException
            or SslHandshakeException or TimeoutException)
        {
            throw new NotificationFailedException(
                $"The mail server {_options.Host}:{_options.Port} could not be reached: {exception.Message}",
                exception);
        }
    }

    /// <summary>Builds the email for a notification.</summary>
    /// <exception cref="NotificationFailedException">The caller's address is not one valid address.</exception>
    public MimeMessage Compose(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);

        var sender = new MailboxAddress(
            string.IsNullOrEmpty(_from.Name) ? EmailAddresses.OneLine(notification.BusinessName) : _from.Name,
            _from.Address);
        var message = new MimeMessage();
        message.From.Add(sender);
        if (notification.Audience == NotificationAudience.Caller)
        {
            if (!EmailAddresses.TryParseBare(notification.ToEmail, out var caller))
            {
                throw new NotificationFailedException(
                    "The caller's email address is not one valid address, so no email was sent.", permanent: true);
            }

            message.To.Add(caller);
        }
        else
        {
            message.To.Add(_owner ?? throw new NotificationFailedException(
                $"{SmtpOptions.SectionName}:OwnerAddress is not set, so no email goes to the owner.", permanent: true));

            // Answering the email reaches the caller, but only an address that passed the strict check.
            if (EmailAddresses.TryParseBare(notification.ReplyTo, out var replyTo))
            {
                message.ReplyTo.Add(replyTo);
            }
        }

        message.Subject = EmailAddresses.OneLine(notification.Subject);
        message.Date = notification.CreatedAt;
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var text = notification.Link is null
            ? notification.Text
            : notification.Text + "\n\n" + notification.Link.AbsoluteUri;
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = text + "\n" };
        return message;
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
