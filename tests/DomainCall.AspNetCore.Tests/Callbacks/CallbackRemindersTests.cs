using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DomainCall.Callbacks;
using DomainCall.Engine;
using DomainCall.Storage;
using DomainCall.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DomainCall.Tests.Callbacks;

/// <summary>
/// The reminder of a scheduled callback, on a site whose clock the test moves: the desk hears of it when the slot
/// begins, not before, and only once.
/// </summary>
public sealed class CallbackRemindersTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private SignalingServer _server = null!;
    private CallbackClient _visitor = null!;

    public async Task InitializeAsync()
    {
        _server = await SignalingServer.StartAsync(
            configureHost: host => host.Services.AddSingleton<TimeProvider>(_time));
        _visitor = new CallbackClient(_server.BaseAddress);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _visitor.Dispose();

    [Fact]
    public async Task SlotBegins_ScheduledCallback_RemindsTheDeskOnce()
    {
        await using var desk = await _server.ConnectDeskAsync();
        var slots = await _visitor.Http.GetFromJsonAsync<JsonElement>("/call/api/slots");
        var slotText = slots.GetProperty("slots")[0].GetString()!;
        var slot = slots.GetProperty("slots")[0].GetDateTimeOffset();
        using var response = await _visitor.PostAsync(
            CallbackClient.NewKey(),
            [("kind", "slot"), ("slot", slotText), ("reason", "support"), ("name", "Ada")]);
        Assert.True(
            response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await CallbackClient.JsonAsync(response)).GetProperty("id").GetString()!;
        await desk.NextAsync("CallbacksChanged");
        var reminders = _server.Services.GetRequiredService<CallbackReminders>();

        var early = await reminders.RemindDueAsync(default);
        // Moving the clock also wakes the service's own round; whichever round comes first reminds.
        _time.SetUtcNow(slot + TimeSpan.FromSeconds(1));
        await reminders.RemindDueAsync(default);
        var due = await desk.NextAsync("CallbackDue");
        var again = await reminders.RemindDueAsync(default);

        Assert.Equal(0, early);
        Assert.Equal(id, due.GetProperty("callbackId").GetString());
        Assert.Equal(slot, due.GetProperty("slot").GetDateTimeOffset());
        Assert.Equal("Support", due.GetProperty("reason").GetString());
        Assert.StartsWith("Ada", due.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, again);
        var stored = await _server.Services.GetRequiredService<ICallbackStore>()
            .FindAsync(Domain.Parse(SignalingServer.SiteDomain), id, default);
        Assert.NotNull(stored!.RemindedAt);
        Assert.False(desk.HasUnreadEvent, "The desk was reminded more than once.");
    }
}
