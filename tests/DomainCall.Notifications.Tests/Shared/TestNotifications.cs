namespace DomainCall.Notifications.Tests.Shared;

internal static class TestNotifications
{
    public static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    public static Notification ForOwner(string? replyTo = "caller@example.net", string subject = "Call back Ada") =>
        new()
        {
            Kind = NotificationKind.CallbackRequested,
            Domain = "example.com",
            BusinessName = "Example Shop",
            CallbackId = "cb-" + Guid.NewGuid().ToString("N"),
            Subject = subject,
            Text = "Ada asked to be called back as soon as possible.\nReason: General question",
            Link = new Uri("https://example.com/call/desk?callback=abc"),
            Audience = NotificationAudience.Owner,
            ReplyTo = replyTo,
            CreatedAt = Now,
        };

    public static Notification ForCaller(string? toEmail = "ada@example.net", PushTarget? push = null) =>
        new()
        {
            Kind = NotificationKind.CallingBack,
            Domain = "example.com",
            BusinessName = "Example Shop",
            CallbackId = "cb-" + Guid.NewGuid().ToString("N"),
            Subject = "Example Shop is calling you back",
            Text = "Open the link to take the call.",
            Link = new Uri("https://example.com/call?callback=abc&token=xyz"),
            Audience = NotificationAudience.Caller,
            ToEmail = toEmail,
            Push = push,
            CreatedAt = Now,
        };
}
