using DomainCall.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDomainCall();

var app = builder.Build();
app.MapDomainCall();
app.MapGet("/", () => Results.Text(
    "This site answers calls with DomainCall. Desks and callers connect to the signaling hub at /call/hub.",
    "text/plain"));

// The owner key is shown once, when it is made; only its hash is kept. Run with --reset-owner-key to replace it.
var ownerKeys = app.Services.GetRequiredService<OwnerKeys>();
var newKey = args.Contains("--reset-owner-key")
    ? await ownerKeys.ResetAsync()
    : await ownerKeys.CreateIfMissingAsync();

app.Lifetime.ApplicationStarted.Register(() =>
{
    var address = app.Urls.FirstOrDefault() ?? "http://localhost:5000";
    Console.WriteLine();
    Console.WriteLine($"DomainCall is running. Signaling hub: {address}/call/hub");
    Console.WriteLine(newKey is null
        ? "Desks sign in with the owner key printed at first run (restart with --reset-owner-key if it is lost)."
        : $"Owner key (shown only now; desks sign in with it): {newKey}");
    Console.WriteLine();
});

await app.RunAsync();
