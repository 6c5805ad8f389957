namespace DomainCall.Notifications;

/// <summary>A delivery claimed from the outbox, with the notification it carries.</summary>
internal sealed record OutboxRow(long RowId, string Channel, int Attempts, Notification Notification);
