using DomainCall.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DomainCall.LoadHarness;

/// <summary>
/// A site with DomainCall on a loopback port of this process, set up as a quick start sets it up, with its SQLite
/// file in a temporary directory of its own that is deleted when the server is disposed.
/// </summary>
internal sealed class HarnessServer : IAsyncDisposable
{
    public const string SiteDomain = "example.com";
    public const string Reason = "sales";

    // The allowed maxima, far above the default 20 a second, so that the per-connection rate limit never refuses
    // or slows the harness's back-to-back invocations.
    public const int InvocationsPerSecond = 1_000;
    public const int InvocationBurst = 10_000;

    private readonly WebApplication _app;
    private readonly string _directory;

    private HarnessServer(WebApplication app, string directory, string ownerKey)
    {
        _app = app;
        _directory = directory;
        OwnerKey = ownerKey;
        HubAddress = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single() + "/call/hub";
    }

    public string HubAddress { get; }

    public string OwnerKey { get; }

    public static async Task<HarnessServer> StartAsync(CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "domaincall-load-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        // Writing log records would add its own cost to every relay measured.
        builder.Logging.ClearProviders();
        builder.Services.AddDomainCall(options =>
        {
            options.SiteDomain = SiteDomain;
            options.StorePath = Path.Combine(directory, "domaincall.db");
            options.Reasons.Add(new(Reason, "Sales"));
            options.InvocationsPerSecond = InvocationsPerSecond;
            options.InvocationBurst = InvocationBurst;
        });

        var app = builder.Build();
        app.MapDomainCall();
        try
        {
            await app.StartAsync(cancellationToken);
            var ownerKey = await app.Services.GetRequiredService<OwnerKeys>().CreateIfMissingAsync(cancellationToken)
                ?? throw new InvalidOperationException("A fresh store must make an owner key.");
            return new HarnessServer(app, directory, ownerKey);
        }
        catch
        {
            await app.DisposeAsync();
            DeleteStore(directory);
            throw;
        }
    }

    /// <summary>Makes a SignalR client for the hub over WebSockets, not yet started.</summary>
    public HubConnection NewConnection() =>
        new HubConnectionBuilder().WithUrl(HubAddress, HttpTransportType.WebSockets).Build();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        DeleteStore(_directory);
    }

    private static void DeleteStore(string directory)
    {
        // Pooled connections keep the SQLite file open, and an open file cannot be deleted on every system.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
