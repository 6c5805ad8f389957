// Usage: DomainCall.StoreRacer <store path> <file of call ids> <start time, Unix ms>
// Waits until the start time, then tries to answer every call in the file and prints the ids it won, one a line.
using DomainCall.Engine;
using DomainCall.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var storePath = args[0];
var callIds = await File.ReadAllLinesAsync(args[1]);
var start = DateTimeOffset.FromUnixTimeMilliseconds(
    long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));

var builder = Host.CreateApplicationBuilder();
builder.Services.AddDomainCall(options =>
{
    options.SiteDomain = "example.com";
    options.StorePath = storePath;
});
using var host = builder.Build();
var store = host.Services.GetRequiredService<ICallStore>();
await store.InitializeAsync(default);

// Both processes begin together, so their answers collide on the same calls.
while (DateTimeOffset.UtcNow < start)
{
    Thread.SpinWait(1_000);
}

foreach (var callId in callIds)
{
    if (await store.TryMoveCallAsync(callId, CallState.Accepted, DateTimeOffset.UtcNow, null, default))
    {
        Console.WriteLine(callId);
    }
}
