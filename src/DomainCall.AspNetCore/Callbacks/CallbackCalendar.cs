using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace DomainCall.Callbacks;

/// <summary>Makes the <c>.ics</c> file that puts a callback in the owner's calendar, with Ical.Net.</summary>
internal static class CallbackCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>Writes one event: the slot (or <paramref name="start"/>), one slot long, with the desk link.</summary>
    public static string Write(
        Callback callback, DateTimeOffset start, TimeSpan length, string reasonLabel, Uri deskLink, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(callback);

        var who = callback.Name ?? callback.CallerName;
        var description = callback.Message is null
            ? $"{who} asked to be called back ({reasonLabel})."
            : callback.Message;
        var calendarEvent = new CalendarEvent
        {
            Uid = $"{callback.Id}@{callback.Domain.Value}",
            DtStamp = new CalDateTime(now.UtcDateTime),
            DtStart = new CalDateTime(start.UtcDateTime),
            Duration = Duration.FromTimeSpanExact(length),
            Summary = $"Call back {who} ({reasonLabel})",
            Description = description,
            Url = deskLink,
        };
        var calendar = new Calendar();
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
