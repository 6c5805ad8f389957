using DomainCall.Hosting;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDomainCall();

var app = builder.Build();

// The business's own page, with the call button on it, under a strict Content Security Policy.
app.UseDefaultFiles();
app.UseStaticFiles(new StaticFileOptions
{
    OnPrepareResponse = file => file.Context.Response.Headers.ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "media-src 'self' blob: mediastream:; base-uri 'none'; form-action 'self'",
});
app.MapDomainCall();

// The owner key is shown once, when it is made; only its hash is kept. Run with --reset-owner-key to replace it.
var ownerKeys = app.Services.GetRequiredService<OwnerKeys>();
var newKey = args.Contains("--reset-owner-key")
    ? await ownerKeys.ResetAsync()
    : await ownerKeys.CreateIfMissingAsync();

var guestDns = app.Services.GetRequiredService<IOptions<DomainCallOptions>>().Value.GuestDns;
app.Lifetime.ApplicationStarted.Register(() =>
{
    var address = app.Urls.FirstOrDefault() ?? "http://localhost:5000";
    var dns = $"{guestDns.Address} port {guestDns.Port}";
    Console.WriteLine();
    Console.WriteLine($"DomainCall is running. The business's page: {address}/");
    Console.WriteLine($"  Callers call at:        {address}/call");
    Console.WriteLine($"  The owner answers at:   {address}/call/desk");
    Console.WriteLine($"  Guest names in DNS:     {dns} (UDP and TCP), for example:");
    Console.WriteLine($"    kdig @{guestDns.Address} -p {guestDns.Port} <guest name> TXT");
    Console.WriteLine(newKey is null
        ? "The desk signs in with the owner key printed at first run (restart with --reset-owner-key if it is lost)."
        : $"Owner key (shown only now; the desk signs in with it): {newKey}");
    Console.WriteLine();
});

await app.RunAsync();
