using Microsoft.Extensions.Logging;

namespace DomainCall.Engine;

internal sealed partial class Switchboard
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "A desk joined for {Domain}.", EventName = "DeskJoined")]
        public static partial void DeskJoined(ILogger logger, string domain);

        [LoggerMessage(2, LogLevel.Information,
            "Call {CallId} to {Callee} is ringing on {DeskCount} desks ({Mode}, reason {Reason}).",
            EventName = "CallRinging")]
        public static partial void CallRinging(
            ILogger logger, string callId, string callee, int deskCount, string mode, string reason);

        [LoggerMessage(3, LogLevel.Information, "Call {CallId} to {Callee} was missed at once: {EndReason}.",
            EventName = "CallUnavailable")]
        public static partial void CallUnavailable(ILogger logger, string callId, string callee, string endReason);

        [LoggerMessage(4, LogLevel.Information, "Call {CallId} was answered after {RingSeconds:0.0} s.",
            EventName = "CallAccepted")]
        public static partial void CallAccepted(ILogger logger, string callId, double ringSeconds);

        [LoggerMessage(5, LogLevel.Information, "Call {CallId} was not answered: {State}, {EndReason}.",
            EventName = "CallUnanswered")]
        public static partial void CallUnanswered(ILogger logger, string callId, string state, string endReason);

        [LoggerMessage(6, LogLevel.Information, "Call {CallId} ended: {EndReason}.", EventName = "CallEnded")]
        public static partial void CallEnded(ILogger logger, string callId, string endReason);

        [LoggerMessage(7, LogLevel.Warning,
            "Connection {ConnectionId} sent for a call it is not a party to; nothing was relayed.",
            EventName = "ForeignSignalRefused")]
        public static partial void ForeignSignalRefused(ILogger logger, string connectionId);

        [LoggerMessage(8, LogLevel.Debug,
            "A party of call {CallId} could not be told of a change; it has probably gone.",
            EventName = "NotifyFailed")]
        public static partial void NotifyFailed(ILogger logger, string callId, Exception exception);

        [LoggerMessage(9, LogLevel.Error, "The ring timeout of call {CallId} could not end the call.",
            EventName = "RingTimeoutFailed")]
        public static partial void RingTimeoutFailed(ILogger logger, string callId, Exception exception);

        [LoggerMessage(10, LogLevel.Debug, "A caller proved the guest name {GuestName} in DNS.",
            EventName = "GuestProven")]
        public static partial void GuestProven(ILogger logger, string guestName);

        [LoggerMessage(11, LogLevel.Warning, "The guest name {GuestName} could not be published in DNS.",
            EventName = "GuestRegistrationFailed")]
        public static partial void GuestRegistrationFailed(ILogger logger, string guestName, Exception exception);

        [LoggerMessage(12, LogLevel.Information, "A desk of {Domain} was closed: {Reason}.", EventName = "DeskClosed")]
        public static partial void DeskClosed(ILogger logger, string domain, string reason);

        [LoggerMessage(13, LogLevel.Debug, "A closed desk of {Domain} could not be told; it went away.",
            EventName = "DeskClosedNotifyFailed")]
        public static partial void DeskClosedNotifyFailed(ILogger logger, string domain, Exception exception);
    }
}
