namespace DomainCall.Callbacks;

/// <summary>
/// Hears of callbacks after they are committed, to tell the desk and send notifications. A listener's failure is
/// logged and never fails the caller's request: the callback is stored already.
/// </summary>
internal interface ICallbackListener
{
    Task CallbackStoredAsync(Callback callback, CancellationToken cancellationToken);

    Task CallbackHandledAsync(Callback callback, CancellationToken cancellationToken);
}
