using System.Collections.Concurrent;
using System.Net;
using DomainCall.Callbacks;
using DomainCall.Storage;
using DomainCall.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DomainCall.Tests.Callbacks;

/// <summary>Listeners hear of a callback only once it is committed, and a failing one does not fail the caller.
/// </summary>
public sealed class CallbackListenerTests : IAsyncLifetime, IDisposable
{
    private readonly RecordingListener _recording = new();
    private SignalingServer _server = null!;
    private CallbackClient _caller = null!;

    public async Task InitializeAsync()
    {
        _server = await SignalingServer.StartAsync(configureHost: builder =>
        {
            builder.Services.AddSingleton<ICallbackListener, ThrowingListener>();
            builder.Services.AddSingleton<ICallbackListener>(sp =>
            {
                _recording.Store = sp.GetRequiredService<ICallbackStore>();
                return _recording;
            });
        });
        _caller = new CallbackClient(_server.BaseAddress);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _caller.Dispose();

    [Fact]
    public async Task Submit_WithListeners_TellsThemAfterCommitEvenWhenOneThrows()
    {
        using var response = await _caller.PostAsync(CallbackClient.NewKey(), [("kind", "asap"), ("reason", "sales")]);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await CallbackClient.JsonAsync(response)).GetProperty("id").GetString();
        var (heard, foundInStore) = Assert.Single(_recording.Stored);
        Assert.Equal(id, heard.Id);
        Assert.True(foundInStore, "The listener was told before the callback could be read from the store.");
        var warning = Assert.Single(_server.Logs.GetSnapshot(), r => r.Id.Name == "ListenerFailed");
        Assert.Equal(LogLevel.Warning, warning.Level);
    }

    [Fact]
    public async Task MarkHandled_WithListeners_TellsThemOnce()
    {
        using var desk = new CallbackClient(_server.BaseAddress);
        await desk.SignInToDeskAsync(_server.OwnerKey);
        using var response = await _caller.PostAsync(CallbackClient.NewKey(), [("kind", "asap"), ("reason", "sales")]);
        var id = (await CallbackClient.JsonAsync(response)).GetProperty("id").GetString()!;

        (await desk.MarkHandledAsync(id)).Dispose();
        (await desk.MarkHandledAsync(id)).Dispose();

        var handled = Assert.Single(_recording.Handled);
        Assert.Equal(CallbackStatus.Handled, handled.Status);
    }

    private sealed class RecordingListener : ICallbackListener
    {
        public ICallbackStore? Store { get; set; }

        public ConcurrentQueue<(Callback Callback, bool FoundInStore)> Stored { get; } = new();

        public ConcurrentQueue<Callback> Handled { get; } = new();

        public async Task CallbackStoredAsync(Callback callback, CancellationToken cancellationToken)
        {
            var found = await Store!.FindAsync(callback.Domain, callback.Id, cancellationToken);
            Stored.Enqueue((callback, found is not null));
        }

        public Task CallbackHandledAsync(Callback callback, CancellationToken cancellationToken)
        {
            Handled.Enqueue(callback);
            return Task.CompletedTask;
        }
    }

    private sealed class ThrowingListener : ICallbackListener
    {
        public Task CallbackStoredAsync(Callback callback, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The notification service is down.");

        public Task CallbackHandledAsync(Callback callback, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The notification service is down.");
    }
}
