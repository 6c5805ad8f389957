using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net.Dns;
using DomainCall.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DomainCall.Dns;

/// <summary>
/// The embedded DNS server: it answers for the guest zone over UDP and TCP, the way acme-dns serves a delegated
/// challenge zone, and starts and stops with the host. It stays off when another registrar publishes guest names.
/// </summary>
internal sealed partial class GuestZoneServer : IHostedService, IDisposable
{
    private const int TransportTimeoutMilliseconds = 5_000;
    private const int TcpKeepAliveMilliseconds = 10_000;

    private readonly GuestZoneResponder _responder;
    private readonly IPEndPoint _endPoint;
    private readonly Domain _zone;
    private readonly IGuestNameRegistrar _registrar;
    private readonly ILogger<GuestZoneServer> _logger;
    private DnsServer? _server;

    public GuestZoneServer(
        GuestZoneResponder responder, GuestZone zone, GuestDnsOptions options, IGuestNameRegistrar registrar,
        ILogger<GuestZoneServer> logger)
    {
        ArgumentNullException.ThrowIfNull(responder);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registrar);
        ArgumentNullException.ThrowIfNull(logger);

        _responder = responder;
        _endPoint = options.ListenEndPoint;
        _zone = zone.Apex;
        _registrar = registrar;
        _logger = logger;
    }

    /// <summary>Gets whether the server is listening.</summary>
    public bool IsListening => _server is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_registrar is not EmbeddedGuestNameRegistrar)
        {
            Log.NotServing(_logger, _zone.Value, _registrar.GetType().Name);
            return Task.CompletedTask;
        }

        var server = new DnsServer(
            new UdpServerTransport(_endPoint, TransportTimeoutMilliseconds),
            new TcpServerTransport(_endPoint, TransportTimeoutMilliseconds, TcpKeepAliveMilliseconds));
        server.QueryReceived += OnQueryReceivedAsync;
        server.ExceptionThrown += OnExceptionThrownAsync;
        try
        {
            server.Start();
        }
        catch (SocketException exception)
        {
            server.Stop();

            // Turn the socket error into the two things an operator can change: the port, or the privilege.
            var hint = exception.SocketErrorCode == SocketError.AccessDenied
                ? "ports below 1024 need the CAP_NET_BIND_SERVICE capability or root"
                : "another program may be using the port; choose another one";
            throw new InvalidOperationException(
                $"The guest zone's DNS server could not listen on {_endPoint} over UDP and TCP: {hint}. Set " +
                $"GuestDns:Address and GuestDns:Port to change where it listens.", exception);
        }

        _server = server;
        Log.Listening(_logger, _zone.Value, _endPoint.ToString());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _server, null) is { } server)
        {
            Stop(server);
            Log.Stopped(_logger, _zone.Value);
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _server, null) is { } server)
        {
            Stop(server);
        }
    }

    private static void Stop(DnsServer server)
    {
        try
        {
            server.Stop();
        }
        catch (AggregateException exception) when (exception.Flatten().InnerExceptions.All(
            inner => inner is OperationCanceledException))
        {
            // ARSoft reports its own listeners' cancellation when it is stopped before they ran; nothing failed.
        }
    }

    private Task OnQueryReceivedAsync(object sender, QueryReceivedEventArgs eventArgs)
    {
        // ARSoft answers SERVFAIL when no response is set, which is right for anything that is not a plain query.
        if (eventArgs.Query is DnsMessage query)
        {
            eventArgs.Response = _responder.Respond(query);
        }

        return Task.CompletedTask;
    }

    private Task OnExceptionThrownAsync(object sender, ExceptionEventArgs eventArgs)
    {
        Log.ServerError(_logger, eventArgs.Exception);
        return Task.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "The DNS server for the guest zone {Zone} listens on {EndPoint} over UDP and TCP.",
            EventName = "Listening")]
        public static partial void Listening(ILogger logger, string zone, string endPoint);

        [LoggerMessage(2, LogLevel.Information, "The DNS server for the guest zone {Zone} stopped.",
            EventName = "Stopped")]
        public static partial void Stopped(ILogger logger, string zone);

        [LoggerMessage(3, LogLevel.Information,
            "The embedded DNS server does not start: {Registrar} publishes the guest zone {Zone}.",
            EventName = "NotServing")]
        public static partial void NotServing(ILogger logger, string zone, string registrar);

        [LoggerMessage(4, LogLevel.Debug, "The guest zone's DNS server could not handle a query.",
            EventName = "ServerError")]
        public static partial void ServerError(ILogger logger, Exception exception);
    }
}
