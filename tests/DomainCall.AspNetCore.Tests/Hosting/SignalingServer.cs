using DomainCall.Hosting;
using DomainCall.Testing;
using DomainCall.Tests.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace DomainCall.Tests.Hosting;

/// <summary>
/// A real site with DomainCall on a loopback port, with its own SQLite file, as a quick start would run it.
/// One is shared by the tests of a class; each test makes its own connections.
/// </summary>
public sealed class SignalingServer : IAsyncDisposable
{
    public const string SiteDomain = "example.com";

    private readonly WebApplication _app;
    private readonly string _directory;

    private SignalingServer(WebApplication app, string directory, string ownerKey)
    {
        _app = app;
        _directory = directory;
        OwnerKey = ownerKey;
        BaseAddress = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
    }

    public string BaseAddress { get; }

    public string HubAddress => BaseAddress + "/call/hub";

    public string OwnerKey { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Gets every log record the server wrote, at every level.</summary>
    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public static async Task<SignalingServer> StartAsync(
        Action<DomainCallOptions>? configure = null,
        Action<WebApplicationBuilder>? configureHost = null,
        Action<DomainCallEndpointConventionBuilder>? configureEndpoints = null,
        string pattern = "/call")
    {
        var directory = Path.Combine(Path.GetTempPath(), "domaincall-tests", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddFakeLogging();
        builder.Services.AddDomainCall(options =>
        {
            options.SiteDomain = SiteDomain;
            options.StorePath = Path.Combine(directory, "domaincall.db");
            options.Reasons.Add(new("sales", "Sales"));
            options.Reasons.Add(new("support", "Support"));

            // Test servers run side by side, so each one's guest zone server takes a port of its own.
            options.GuestDns.Port = FreeLoopbackPort.Find();
            configure?.Invoke(options);
        });
        configureHost?.Invoke(builder);

        var app = builder.Build();
        var endpoints = app.MapDomainCall(pattern);
        configureEndpoints?.Invoke(endpoints);
        await app.StartAsync();
        var ownerKey = await app.Services.GetRequiredService<OwnerKeys>().CreateIfMissingAsync()
            ?? throw new InvalidOperationException("A fresh store must make an owner key.");
        return new SignalingServer(app, directory, ownerKey);
    }

    /// <summary>Connects a caller that has proved its guest name, as the widget does before it calls.</summary>
    public async Task<TestClient> ConnectAsync()
    {
        var caller = await ConnectUnprovedAsync();
        await caller.ProveGuestNameAsync();
        return caller;
    }

    /// <summary>Connects without asking for a guest name.</summary>
    public async Task<TestClient> ConnectUnprovedAsync()
    {
        var connection = new HubConnectionBuilder().WithUrl(HubAddress).Build();
        var client = new TestClient(connection);
        await connection.StartAsync();
        return client;
    }

    public async Task<TestClient> ConnectDeskAsync()
    {
        var desk = await ConnectUnprovedAsync();
        await desk.Connection.InvokeAsync<object>("JoinDesk", SiteDomain, OwnerKey);
        return desk;
    }

    /// <summary>
    /// Places a call from <paramref name="caller"/> that <paramref name="desk"/> answers, and returns its id.
    /// </summary>
    public static async Task<string> PlaceAndAnswerAsync(TestClient desk, TestClient caller, string mode = "voice")
    {
        await caller.InvokeAsync("PlaceCall", SiteDomain, "sales", mode);
        var callId = (await desk.NextAsync("CallOffered")).GetProperty("callId").GetString()!;
        await desk.InvokeAsync("AcceptCall", callId);
        await caller.NextAsync("CallAccepted");
        return callId;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();

        // A server given a store of its own never makes the SQLite file, nor its directory.
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
