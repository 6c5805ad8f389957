using System.Globalization;
using DomainCall.Availability;
using DomainCall.Engine;
using DomainCall.Notifications;

namespace DomainCall.Callbacks;

/// <summary>
/// Words the notifications about a callback: to the business when one is left or its slot begins, and to the
/// caller when the business calls back or the slot begins. Every text is plain text; what the caller typed is quoted
/// as it is, and never read as markup by any sender.
/// </summary>
internal sealed class CallbackNotices(
    DomainCallSettings settings, BusinessHours hours, CallbackLinks links, TimeProvider time)
{
    /// <summary>Tells the business that a callback or a message was left; the caller's email is the Reply-To.</summary>
    public Notification Left(Callback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);

        var who = CallerOf(callback);
        var message = callback.Kind == CallbackKind.Message;
        var lines = new List<string>
        {
            message
                ? $"{who} left a message for {NameOf(callback.Domain)}."
                : $"{who} asked {NameOf(callback.Domain)} to call them back.",
            $"Reason: {ReasonOf(callback)}",
        };
        if (callback.Slot is { } slot)
        {
            lines.Add($"When: {OwnerTime(slot)}");
        }

        AddContact(callback, lines);
        return new Notification
        {
            Kind = message ? NotificationKind.MessageLeft : NotificationKind.CallbackRequested,
            Domain = callback.Domain.Value,
            BusinessName = NameOf(callback.Domain),
            CallbackId = callback.Id,
            Subject = message ? $"New message from {who}" : $"Call back {who}",
            Text = string.Join('\n', lines),
            Link = links.ForDesk(callback),
            Audience = NotificationAudience.Owner,
            ReplyTo = callback.Email,
            CreatedAt = time.GetUtcNow(),
        };
    }

    /// <summary>Reminds the business that the slot of a scheduled callback has begun.</summary>
    public Notification DueForOwner(Callback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);

        var who = CallerOf(callback);
        var lines = new List<string>
        {
            $"It is time to call {who} back.",
            $"Reason: {ReasonOf(callback)}",
            $"When: {OwnerTime(callback.Slot!.Value)}",
        };
        AddContact(callback, lines);
        return new Notification
        {
            Kind = NotificationKind.CallbackDue,
            Domain = callback.Domain.Value,
            BusinessName = NameOf(callback.Domain),
            CallbackId = callback.Id,
            Subject = $"Call {who} back now",
            Text = string.Join('\n', lines),
            Link = links.ForDesk(callback),
            Audience = NotificationAudience.Owner,
            ReplyTo = callback.Email,
            CreatedAt = time.GetUtcNow(),
        };
    }

    /// <summary>
    /// Tells the caller that the slot they booked has begun, by push if they allowed it, else by email; null when
    /// they left neither.
    /// </summary>
    public Notification? DueForCaller(Callback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);

        var business = NameOf(callback.Domain);
        var when = CallerTime(callback, callback.Slot!.Value);
        return ForCaller(
            callback,
            NotificationKind.CallbackDue,
            $"{business} will call you back now",
            $"You asked {business} to call you back at {when}. Keep this page open to be called, " +
            $"or open the link to call {business} yourself.");
    }

    /// <summary>
    /// Tells the caller that the business is calling back, by push if they allowed it, else by email; null when
    /// they left neither.
    /// </summary>
    public Notification? CallingBack(Callback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);

        var business = NameOf(callback.Domain);
        return ForCaller(
            callback,
            NotificationKind.CallingBack,
            $"{business} is calling you back",
            $"{business} tried to call you back about \"{ReasonOf(callback)}\". Open the link to call them now.");
    }

    public string NameOf(Domain domain) => domain == settings.SiteDomain ? settings.BusinessName : domain.Value;

    public string ReasonOf(Callback callback) =>
        settings.Reasons.TryGetValue(callback.ReasonId, out var reason) ? reason.Label : callback.ReasonId;

    public static string CallerOf(Callback callback) =>
        callback.Name is { Length: > 0 } name ? $"{name} ({callback.CallerName})" : callback.CallerName;

    private Notification? ForCaller(Callback callback, NotificationKind kind, string subject, string text)
    {
        // Push wakes the caller's own browser; email is the fallback, so a caller who allowed push gets no email.
        var push = callback.Push is { } subscription
            && Uri.TryCreate(subscription.Endpoint, UriKind.Absolute, out var endpoint)
                ? new PushTarget(endpoint, subscription.P256dh, subscription.Auth)
                : null;
        if (push is null && callback.Email is null)
        {
            return null;
        }

        var link = links.ForCaller(callback);
        return new Notification
        {
            Kind = kind,
            Domain = callback.Domain.Value,
            BusinessName = NameOf(callback.Domain),
            CallbackId = callback.Id,
            Subject = subject,
            Text = text,
            Link = link,
            Audience = NotificationAudience.Caller,
            ToEmail = push is null ? callback.Email : null,
            Push = push,
            CreatedAt = time.GetUtcNow(),
        };
    }

    private static void AddContact(Callback callback, List<string> lines)
    {
        if (callback.Email is { } email)
        {
            lines.Add($"Email: {email}");
        }

        lines.Add($"Browser: {callback.Client}");
        if (callback.Message is { Length: > 0 } message)
        {
            lines.Add("");
            lines.Add("Message:");
            lines.Add(message);
        }

        if (callback.HasVoice)
        {
            lines.Add("");
            lines.Add("A voice message is waiting on the desk.");
        }
    }

    private string OwnerTime(DateTimeOffset at) => Worded(at, hours.Schedule.Zone);

    // A zone the caller's browser named but this machine does not know is worded in UTC, and says so.
    private static string CallerTime(Callback callback, DateTimeOffset at) =>
        Worded(
            at,
            callback.CallerTimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
                ? zone
                : TimeZoneInfo.Utc);

    private static string Worded(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";
    }
}
