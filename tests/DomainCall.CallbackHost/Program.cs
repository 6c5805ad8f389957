// Usage: DomainCall.CallbackHost <store path> <HTTP port> <guest DNS port>
// Serves DomainCall for example.com on 127.0.0.1 with limits high enough for a burst of a thousand requests, and
// prints "ready" once it listens.
using System.Globalization;

var storePath = args[0];
var port = int.Parse(args[1], CultureInfo.InvariantCulture);
var dnsPort = int.Parse(args[2], CultureInfo.InvariantCulture);

var builder = WebApplication.CreateBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.Services.AddDomainCall(options =>
{
    options.SiteDomain = "example.com";
    options.StorePath = storePath;
    options.GuestDns.Port = dnsPort;
    options.Callbacks.PerAddressLimit = 1_000_000;
    options.Callbacks.PerEmailLimit = 1_000_000;
});

var app = builder.Build();
app.MapDomainCall();
await app.StartAsync();
Console.WriteLine("ready");
await app.WaitForShutdownAsync();
