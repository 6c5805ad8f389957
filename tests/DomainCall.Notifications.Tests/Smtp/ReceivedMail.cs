using MimeKit;

namespace DomainCall.Notifications.Tests.Smtp;

internal sealed record ReceivedMail(
    string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, MimeMessage Message, byte[] Raw);
