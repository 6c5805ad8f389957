using System.Net.Http.Json;
using System.Text.Json;
using DomainCall.Hosting;
using DomainCall.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DomainCall.Dns.Tests.Servers;

/// <summary>
/// A site with DomainCall on a loopback port, its own store file, and its guest zone's DNS server on a free port,
/// for tests that pair the whole server with a real authoritative DNS server.
/// </summary>
public sealed class DomainCallSite : IAsyncDisposable
{
    public const string SiteDomain = "example.com";

    private readonly WebApplication _app;
    private readonly string _directory;

    private DomainCallSite(WebApplication app, string directory)
    {
        _app = app;
        _directory = directory;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<DomainCallSite> StartAsync(
        TimeProvider time, Action<DomainCallOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "domaincall-site-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(time);
        builder.Services.AddDomainCall(options =>
        {
            options.SiteDomain = SiteDomain;
            options.StorePath = Path.Combine(directory, "domaincall.db");
            options.Reasons.Add(new("sales", "Sales"));
            options.GuestDns.Port = FreeLoopbackPort.Find();
            configure?.Invoke(options);
        });
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapDomainCall();
        await app.StartAsync();
        return new DomainCallSite(app, directory);
    }

    public async Task<HubConnection> ConnectAsync()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(BaseAddress, "call/hub")).Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Sends a JSON request and gives the status and the JSON answer.</summary>
    public async Task<(int Status, JsonElement Body)> SendAsync(
        HttpMethod method, string path, object? body = null, string? ownerKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ownerKey is not null)
        {
            request.Headers.Add("DomainCall-Owner-Key", ownerKey);
        }

        using var response = await Http.SendAsync(request);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ((int)response.StatusCode, json);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
