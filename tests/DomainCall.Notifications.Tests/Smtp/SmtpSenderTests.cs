using System.Text;
using DomainCall.Notifications.Tests.Shared;
using DomainCall.Smtp;
using MimeKit;

namespace DomainCall.Notifications.Tests.Smtp;

public sealed class SmtpSenderTests : IDisposable
{
    private readonly TestSmtpServer _server = new();
    private readonly TempStore _store = new();

    public void Dispose()
    {
        _server.Dispose();
        _store.Dispose();
    }

    private OutboxRig Rig(string? ownerAddress = "desk@example.com", int maxAttempts = 6)
    {
        var sender = new SmtpNotificationSender(Microsoft.Extensions.Options.Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = _server.Port,
            Security = SmtpSecurity.None,
            From = "calls@example.com",
            OwnerAddress = ownerAddress,
        }));
        return new OutboxRig(_store.Path, [sender], new NotificationOptions { MaxAttempts = maxAttempts });
    }

    private async Task<ReceivedMail> DeliverOneAsync(OutboxRig rig, Notification notification)
    {
        await rig.Queue.EnqueueAsync(notification, CancellationToken.None);
        await rig.DeliverUntilSettledAsync();
        Assert.Equal(DeliveryState.Sent, (await rig.SingleDeliveryAsync(notification)).State);
        return Assert.Single(_server.Received);
    }

    [Fact]
    public async Task Send_CallerNotification_GoesToTheCallerFromTheFixedSender()
    {
        var notification = TestNotifications.ForCaller(toEmail: "ada@example.net");

        var mail = await DeliverOneAsync(Rig(), notification);

        Assert.Equal("calls@example.com", mail.EnvelopeFrom);
        Assert.Equal(["ada@example.net"], mail.EnvelopeTo);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(mail.Message.From));
        Assert.Equal(("Example Shop", "calls@example.com"), (from.Name, from.Address));
        Assert.Equal("ada@example.net", Assert.IsType<MailboxAddress>(Assert.Single(mail.Message.To)).Address);
        Assert.Empty(mail.Message.ReplyTo);
        Assert.Equal("Example Shop is calling you back", mail.Message.Subject);
        Assert.Equal("auto-generated", mail.Message.Headers["Auto-Submitted"]);
        var body = mail.Message.TextBody;
        Assert.Contains("Open the link to take the call.", body, StringComparison.Ordinal);
        Assert.Contains("https://example.com/call?callback=abc&token=xyz", body, StringComparison.Ordinal);
        Assert.Null(mail.Message.HtmlBody);
    }

    [Fact]
    public async Task Send_OwnerNotification_GoesToTheOwnerWithTheCallerInReplyTo()
    {
        var notification = TestNotifications.ForOwner(replyTo: "ada@example.net");

        var mail = await DeliverOneAsync(Rig(), notification);

        Assert.Equal(["desk@example.com"], mail.EnvelopeTo);
        Assert.Equal("calls@example.com", Assert.IsType<MailboxAddress>(Assert.Single(mail.Message.From)).Address);
        Assert.Equal("ada@example.net", Assert.IsType<MailboxAddress>(Assert.Single(mail.Message.ReplyTo)).Address);
        Assert.Contains("https://example.com/call/desk?callback=abc", mail.Message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ada@example.net\r\nBcc: victim@example.org")]
    [InlineData("ada@example.net\nBcc: victim@example.org")]
    [InlineData("Boss <boss@example.com>")]
    [InlineData("\"boss@example.com\" <ada@example.net>")]
    [InlineData("ada@example.net, victim@example.org")]
    [InlineData("ada@example.net; victim@example.org")]
    [InlineData("not an address")]
    public async Task Send_ReplyToThatIsNotOneBareAddress_IsLeftOut(string replyTo)
    {
        var notification = TestNotifications.ForOwner(replyTo: replyTo);

        var mail = await DeliverOneAsync(Rig(), notification);

        Assert.Equal(["desk@example.com"], mail.EnvelopeTo);
        Assert.Empty(mail.Message.ReplyTo);
        Assert.Empty(mail.Message.Bcc);
        Assert.Empty(mail.Message.Cc);
        Assert.DoesNotContain("victim", Encoding.ASCII.GetString(mail.Raw), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_SubjectWithLineBreaks_StaysOneHeader()
    {
        var notification = TestNotifications.ForOwner(
            subject: "Call back Ada\r\nBcc: victim@example.org\r\n\r\nInjected body");

        var mail = await DeliverOneAsync(Rig(), notification);

        Assert.Equal(["desk@example.com"], mail.EnvelopeTo);
        Assert.Empty(mail.Message.Bcc);
        Assert.DoesNotContain(mail.Message.Headers, h => h.Field == "Bcc");
        Assert.Equal("Call back Ada  Bcc: victim@example.org    Injected body", mail.Message.Subject);
        Assert.DoesNotContain("Injected body", mail.Message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ada@example.net\r\nBcc: victim@example.org")]
    [InlineData("Ada <ada@example.net>")]
    [InlineData("ada@example.net, victim@example.org")]
    public async Task Send_CallerAddressThatIsNotOneBareAddress_IsDeadWithoutSending(string toEmail)
    {
        var rig = Rig();
        var notification = TestNotifications.ForCaller(toEmail: toEmail);

        await rig.Queue.EnqueueAsync(notification, CancellationToken.None);
        await rig.DeliverUntilSettledAsync();

        Assert.Empty(_server.Received);
        var delivery = await rig.SingleDeliveryAsync(notification);
        Assert.Equal(DeliveryState.Dead, delivery.State);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal("The caller's email address is not one valid address, so no email was sent.", delivery.LastError);
    }

    [Fact]
    public async Task Enqueue_OwnerNotificationWithoutOwnerAddress_IsNotQueued()
    {
        var rig = Rig(ownerAddress: null);

        var channels = await rig.Queue.EnqueueAsync(TestNotifications.ForOwner(), CancellationToken.None);

        Assert.Empty(channels);
    }

    [Fact]
    public async Task Send_ServerDown_IsRetriedThenDead()
    {
        var rig = Rig(maxAttempts: 2);
        _server.Dispose();
        var notification = TestNotifications.ForCaller();

        await rig.Queue.EnqueueAsync(notification, CancellationToken.None);
        await rig.DeliverUntilSettledAsync();

        var delivery = await rig.SingleDeliveryAsync(notification);
        Assert.Equal(DeliveryState.Dead, delivery.State);
        Assert.Equal(2, delivery.Attempts);
        Assert.StartsWith($"The mail server 127.0.0.1:{_server.Port} could not be reached", delivery.LastError,
            StringComparison.Ordinal);
    }
}
