using System.Net;
using DomainCall.Tests.Hosting;

namespace DomainCall.Tests.Callbacks;

/// <summary>The per-address and per-email limits that keep the form from flooding a business or a mailbox.</summary>
public sealed class CallbackLimitsTests : IAsyncLifetime, IDisposable
{
    private SignalingServer _server = null!;
    private CallbackClient _caller = null!;

    public async Task InitializeAsync()
    {
        _server = await SignalingServer.StartAsync(options =>
        {
            options.Callbacks.PerAddressLimit = 4;
            options.Callbacks.PerEmailLimit = 2;
        });
        _caller = new CallbackClient(_server.BaseAddress);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _caller.Dispose();

    [Fact]
    public async Task Submit_MoreThanTheAddressLimit_IsRefusedWithRetryAfter()
    {
        for (var i = 0; i < 4; i++)
        {
            using var accepted = await _caller.PostAsync(
                CallbackClient.NewKey(), [("kind", "asap"), ("reason", "sales")]);
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        using var refused = await _caller.PostAsync(CallbackClient.NewKey(), [("kind", "asap"), ("reason", "sales")]);

        var message = await CallbackEndpointsTests.AssertErrorAsync(
            refused, HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.Contains("Too many requests have come from your network", message, StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A refusal must say when to retry.");
    }

    [Fact]
    public async Task Submit_MoreThanTheEmailLimit_IsRefusedForThatAddressOnly()
    {
        for (var i = 0; i < 2; i++)
        {
            using var accepted = await _caller.PostAsync(
                CallbackClient.NewKey(), [("kind", "asap"), ("reason", "sales"), ("email", "victim@example.org")]);
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        using var refused = await _caller.PostAsync(
            CallbackClient.NewKey(), [("kind", "asap"), ("reason", "sales"), ("email", "VICTIM@example.org")]);
        using var other = await _caller.PostAsync(
            CallbackClient.NewKey(), [("kind", "asap"), ("reason", "sales"), ("email", "ana@example.org")]);

        var message = await CallbackEndpointsTests.AssertErrorAsync(
            refused, HttpStatusCode.TooManyRequests, "too-many-for-email");
        Assert.Contains("this email address", message, StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A refusal must say when to retry.");
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Fact]
    public async Task Submit_RetriesOfOneRequest_DoNotCountTowardsTheLimit()
    {
        var key = CallbackClient.NewKey();
        for (var i = 0; i < 8; i++)
        {
            using var response = await _caller.PostAsync(key, [("kind", "asap"), ("reason", "sales")]);
            Assert.True(response.IsSuccessStatusCode, $"Retry {i} was refused: {response.StatusCode}");
        }

        using var fresh = await _caller.PostAsync(CallbackClient.NewKey(), [("kind", "asap"), ("reason", "sales")]);

        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);
    }
}
