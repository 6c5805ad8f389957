using System.Net;
using DomainCall.Notifications.Tests.Smtp;
using DomainCall.Smtp;
using DomainCall.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace DomainCall.Tests.Callbacks;

/// <summary>
/// Callbacks by email, end to end through a real SMTP server on loopback: the business hears of a callback with the
/// caller in Reply-To, and "call back now" for a caller whose page is closed mails them the link that calls back.
/// </summary>
public sealed class CallbackEmailTests : IAsyncLifetime, IDisposable
{
    private const string Site = SignalingServer.SiteDomain;

    private readonly TestSmtpServer _mail = new();
    private SignalingServer _server = null!;
    private CallbackClient _visitor = null!;

    public async Task InitializeAsync()
    {
        _server = await SignalingServer.StartAsync(
            options => options.PublicAddress = "https://www.example.com",
            host => host.Services.AddDomainCallSmtp(smtp =>
            {
                smtp.Host = "127.0.0.1";
                smtp.Port = _mail.Port;
                smtp.Security = SmtpSecurity.None;
                smtp.From = "calls@example.com";
                smtp.OwnerAddress = "owner@example.com";
            }));
        _visitor = new CallbackClient(_server.BaseAddress);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _visitor.Dispose();
        _mail.Dispose();
    }

    [Fact]
    public async Task Submit_WithEmail_MailsTheOwnerWithTheCallerInReplyToAndTheirTextAsText()
    {
        using var response = await _visitor.PostAsync(
            CallbackClient.NewKey(),
            [("kind", "message"), ("reason", "sales"), ("name", "Ada"), ("email", "ada@example.net"),
             ("message", "<b>Call</b> me\r\nBcc: victim@example.org")]);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await CallbackClient.JsonAsync(response)).GetProperty("id").GetString()!;

        var mail = await NextMailAsync(to: "owner@example.com");

        Assert.Equal("calls@example.com", Assert.IsType<MailboxAddress>(Assert.Single(mail.Message.From)).Address);
        Assert.Equal("ada@example.net", Assert.IsType<MailboxAddress>(Assert.Single(mail.Message.ReplyTo)).Address);
        Assert.Empty(mail.Message.Bcc);
        Assert.DoesNotContain("victim@example.org", mail.EnvelopeTo);
        Assert.Equal("New message from Ada (web visitor)", mail.Message.Subject);
        Assert.Contains("Reason: Sales", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<b>Call</b> me", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains(
            $"https://www.example.com/call/desk?callback={id}", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Null(mail.Message.HtmlBody);
    }

    [Fact]
    public async Task CallBack_CallerPageClosed_MailsTheCallerTheLinkThatCallsTheBusinessBack()
    {
        await using var desk = await _server.ConnectDeskAsync();
        using var response = await _visitor.PostAsync(
            CallbackClient.NewKey(), [("kind", "asap"), ("reason", "support"), ("email", "grace@example.net")]);
        var body = await CallbackClient.JsonAsync(response);
        var (id, token) = (body.GetProperty("id").GetString()!, body.GetProperty("token").GetString()!);
        await desk.NextAsync("CallbacksChanged");

        var result = await desk.InvokeAsync("CallBack", Site, id, "voice");
        var mail = await NextMailAsync(to: "grace@example.net");

        Assert.Equal("email-sent", result.GetProperty("outcome").GetString());
        Assert.Equal("example.com is calling you back", mail.Message.Subject);
        Assert.Empty(mail.Message.ReplyTo);
        Assert.Contains(
            $"https://www.example.com/call?callback={id}&token={token}",
            mail.Message.TextBody,
            StringComparison.Ordinal);
    }

    // Mail goes out from the background dispatcher, shortly after the request that queued it.
    private async Task<ReceivedMail> NextMailAsync(string to)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_mail.Received.FirstOrDefault(m => m.EnvelopeTo.Contains(to)) is { } mail)
            {
                return mail;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No mail reached {to} within 15 seconds; received {_mail.Received.Count}.");
    }
}
