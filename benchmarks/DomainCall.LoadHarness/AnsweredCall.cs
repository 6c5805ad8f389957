using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace DomainCall.LoadHarness;

/// <summary>
/// A call answered through the protocol, between a caller connection and a desk connection of its own (a desk in
/// a call is busy), with a table of when the caller sent each numbered signal and when the desk received it.
/// </summary>
internal sealed class AnsweredCall : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly HubConnection _caller;
    private readonly HubConnection _desk;
    private readonly long[] _sentAt;
    private readonly long[] _arrivedAt;
    private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrivals;
    private string? _callId;

    private AnsweredCall(HarnessServer server, int signals)
    {
        _caller = server.NewConnection();
        _desk = server.NewConnection();
        _sentAt = new long[signals];
        _arrivedAt = new long[signals];

        // The clock is read first, before the sequence number is parsed out of the signal.
        _desk.On<RelayedSignal>(
            "ReceiveIceCandidate",
            signal => Arrived(Stopwatch.GetTimestamp(), Signals.SequenceOfCandidate(signal.Candidate!)));
        _desk.On<RelayedSignal>(
            "ReceiveOffer", signal => Arrived(Stopwatch.GetTimestamp(), Signals.SequenceOfOffer(signal.Sdp!)));
    }

    /// <summary>
    /// Connects a desk and a caller, and has the caller place a call that the desk answers: PlaceCall, CallOffered
    /// on the desk, AcceptCall, CallAccepted on the caller.
    /// </summary>
    public static async Task<AnsweredCall> EstablishAsync(
        HarnessServer server, int signals, CancellationToken cancellationToken)
    {
        var call = new AnsweredCall(server, signals);
        try
        {
            await call.PlaceAndAnswerAsync(server, cancellationToken);
            return call;
        }
        catch
        {
            await call.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Sends every signal of the table from the caller, each after the previous invocation completed, and waits
    /// until the desk has received them all. With a <paramref name="pace"/>, sends one signal per period from
    /// <paramref name="startDelay"/> on; without, sends them back to back.
    /// </summary>
    public async Task RelayAsync(
        SignalKind kind, TimeSpan pace, TimeSpan startDelay, CancellationToken cancellationToken)
    {
        var method = kind == SignalKind.IceCandidate ? "SendIceCandidate" : "SendOffer";
        await Task.Delay(startDelay, cancellationToken);
        using var timer = pace > TimeSpan.Zero ? new PeriodicTimer(pace) : null;
        for (var sequence = 0; sequence < _sentAt.Length; sequence++)
        {
            if (timer is not null)
            {
                await timer.WaitForNextTickAsync(cancellationToken);
            }

            object signal = kind == SignalKind.IceCandidate ? Signals.Candidate(sequence) : Signals.Offer(sequence);
            _sentAt[sequence] = Stopwatch.GetTimestamp();
            await _caller.InvokeAsync(method, _callId, signal, cancellationToken);
        }

        await _allArrived.Task.WaitAsync(Patience, cancellationToken);
    }

    /// <summary>Gets, for each signal, the time from just before its invocation to its arrival on the desk.</summary>
    public IEnumerable<long> LatencyTicks() => _arrivedAt.Zip(_sentAt, (arrived, sent) => arrived - sent);

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Hanging up writes the end of the call before the connections go, so that no store write of this call
            // is left to overlap the next measurement.
            if (_callId is not null && _caller.State == HubConnectionState.Connected)
            {
                await _caller.InvokeAsync("HangUp", _callId).WaitAsync(Patience);
            }
        }
        finally
        {
            await Task.WhenAll(_caller.DisposeAsync().AsTask(), _desk.DisposeAsync().AsTask());
        }
    }

    private async Task PlaceAndAnswerAsync(HarnessServer server, CancellationToken cancellationToken)
    {
        var offered = NextCallId(_desk, "CallOffered");
        var accepted = NextCallId(_caller, "CallAccepted");
        await _desk.StartAsync(cancellationToken);
        await _desk.InvokeAsync<JsonElement>("JoinDesk", HarnessServer.SiteDomain, server.OwnerKey, cancellationToken);
        await _caller.StartAsync(cancellationToken);
        var identity = await _caller.InvokeAsync<JsonElement>("GetIdentity", cancellationToken);
        await _caller.InvokeAsync<JsonElement>(
            "ProveIdentity", identity.GetProperty("name").GetString(), identity.GetProperty("code").GetString(),
            cancellationToken);

        var placed = await _caller.InvokeAsync<JsonElement>(
            "PlaceCall", HarnessServer.SiteDomain, HarnessServer.Reason, "voice", cancellationToken);
        if (placed.GetProperty("status").GetString() is var status and not "ringing")
        {
            throw new InvalidOperationException($"PlaceCall answered '{status}'; the call's own desk should ring.");
        }

        var callId = await offered.WaitAsync(Patience, cancellationToken);
        await _desk.InvokeAsync<JsonElement>("AcceptCall", callId, cancellationToken);
        _callId = await accepted.WaitAsync(Patience, cancellationToken);
    }

    private static Task<string> NextCallId(HubConnection connection, string eventName)
    {
        var callId = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>(
            eventName, payload => callId.TrySetResult(payload.GetProperty("callId").GetString()!));
        return callId.Task;
    }

    private void Arrived(long timestamp, int sequence)
    {
        _arrivedAt[sequence] = timestamp;
        if (Interlocked.Increment(ref _arrivals) == _arrivedAt.Length)
        {
            _allArrived.TrySetResult();
        }
    }
}
