using System.Text.Json;
using DomainCall.Hosting;
using DomainCall.Smtp;
using DomainCall.WebPush;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDomainCall();

// Email only when a mail server is named, so that the quick start runs with nothing configured.
var smtp = builder.Configuration.GetSection(SmtpOptions.SectionName);
var emailLine = "Email:                  off (set DomainCall__Smtp__Host, __From and __OwnerAddress to send it)";
if (!string.IsNullOrWhiteSpace(smtp["Host"]))
{
    builder.Services.AddDomainCallSmtp();
    emailLine = $"Email:                  on, through {smtp["Host"]}:{smtp["Port"] ?? "587"}";
}

// Web Push with the configured VAPID keys, or else with a pair made at first run and kept next to the store, so
// that browsers stay subscribed across restarts.
var push = builder.Configuration.GetSection(WebPushOptions.SectionName);
var keysPath = Path.Combine(
    Path.GetDirectoryName(Path.GetFullPath(
        builder.Configuration["DomainCall:StorePath"] ?? "domaincall.db", builder.Environment.ContentRootPath))!,
    "quickstart-vapid.json");
var keys = string.IsNullOrWhiteSpace(push["PublicKey"]) ? LoadOrCreateVapidKeys(keysPath) : null;
var siteDomain = builder.Configuration["DomainCall:SiteDomain"] ?? "localhost";
builder.Services.AddDomainCallWebPush(options =>
{
    options.Subject ??= $"mailto:owner@{siteDomain}";
    if (keys is not null)
    {
        options.PublicKey = keys.PublicKey;
        options.PrivateKey = keys.PrivateKey;
    }
});
var publicKey = keys?.PublicKey ?? push["PublicKey"]!;
var pushLine = $"Web Push:               on, VAPID public key {publicKey[..Math.Min(12, publicKey.Length)]}… " +
    (keys is null ? "(from configuration)" : $"(kept in {keysPath})");

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
    Console.WriteLine($"  {emailLine}");
    Console.WriteLine($"  {pushLine}");
    Console.WriteLine(newKey is null
        ? "The desk signs in with the owner key printed at first run (restart with --reset-owner-key if it is lost)."
        : $"Owner key (shown only now; the desk signs in with it): {newKey}");
    Console.WriteLine();
});

await app.RunAsync();

// The private key is a secret: the file is readable by its owner only.
static VapidKeyPair LoadOrCreateVapidKeys(string path)
{
    if (File.Exists(path))
    {
        return JsonSerializer.Deserialize<VapidKeyPair>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path} holds no VAPID keys; delete it to make new ones.");
    }

    var keys = VapidKeys.Generate();
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
    if (!OperatingSystem.IsWindows())
    {
        file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    }

    using (var stream = new FileStream(path, file))
    {
        JsonSerializer.Serialize(stream, keys, new JsonSerializerOptions { WriteIndented = true });
    }

    return keys;
}
