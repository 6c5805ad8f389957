using DomainCall.Engine;
using DomainCall.Hosting;
using DomainCall.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace DomainCall.Browser.Tests;

/// <summary>
/// A real site with DomainCall on a loopback port, and one headless Chromium with a fake camera and microphone that
/// opens it as visitors and owners do. One is shared by the tests of a class; each visitor or desk gets a browser
/// context of its own, as if on a device of its own. A site configured otherwise (closed hours, a short ring) derives
/// from it and overrides <see cref="Configure"/>.
/// </summary>
public class BrowserSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>A page of the business's own, embedding the button under a strict Content Security Policy.</summary>
    public const string ShopPath = "/shop";

    public const string ShopPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "media-src 'self' blob: mediastream:; base-uri 'none'; form-action 'self'";

    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--autoplay-policy=no-user-gesture-required",
    ];

    private readonly string _directory =
        Path.Combine(Path.GetTempPath(), "domaincall-browser-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A second domain this site answers for, verified here, whose desk can call the site as itself.</summary>
    public const string OtherDomain = "shop.example.net";

    private static readonly Domain SiteDomain = Domain.Parse("localhost");

    private readonly List<IBrowserContext> _contexts = [];
    private WebApplication _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser? _refusingBrowser;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseAddress { get; private set; } = null!;

    public string OwnerKey { get; private set; } = null!;

    /// <summary>The owner key of <see cref="OtherDomain"/>.</summary>
    public string OtherOwnerKey { get; private set; } = null!;

    internal Switchboard Switchboard => _app.Services.GetRequiredService<Switchboard>();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}: install Debian's 'chromium' package " +
                "(./test.sh does so).");
        }

        await StartSiteAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>
    /// Opens a page as a new visitor, on a phone-sized screen unless told otherwise; <paramref name="timeZone"/> puts
    /// the browser in another IANA time zone than the machine's, with British English for predictable times.
    /// </summary>
    public async Task<IPage> OpenAsync(string path, int width = 360, int height = 740, string? timeZone = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress,
            ViewportSize = new() { Width = width, Height = height },
            TimezoneId = timeZone,
            Locale = timeZone is null ? null : "en-GB",
        });
        _contexts.Add(context);
        await context.AddInitScriptAsync(PeerWatch.Script);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>
    /// Opens a page in a browser that refuses the camera and microphone, as when a visitor has blocked them.
    /// </summary>
    public async Task<IPage> OpenWithMicrophoneDeniedAsync(string path)
    {
        _refusingBrowser ??= await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = [.. ChromiumArguments.Where(a => a != "--use-fake-ui-for-media-stream")],
        });
        var context = await _refusingBrowser.NewContextAsync(new() { BaseURL = BaseAddress });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>Opens the desk and signs in with the owner key, as the owner does; waits until it is online.</summary>
    public Task<IPage> OpenDeskAsync(string? timeZone = null) =>
        OpenDeskAsync("/call/desk", SiteDomain, OwnerKey, timeZone);

    /// <summary>Opens the desk of <see cref="OtherDomain"/> and signs in with its owner key.</summary>
    public Task<IPage> OpenOtherDeskAsync() =>
        OpenDeskAsync($"/call/{OtherDomain}/desk", Domain.Parse(OtherDomain), OtherOwnerKey);

    private async Task<IPage> OpenDeskAsync(string path, Domain domain, string ownerKey, string? timeZone = null)
    {
        var desks = Switchboard.DeskCount(domain);
        var desk = await OpenAsync(path, width: 1024, height: 768, timeZone: timeZone);
        await desk.GetByLabel("Owner key").FillAsync(ownerKey);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WaitUntilAsync(() => Switchboard.DeskCount(domain) > desks, "the desk to join");
        return desk;
    }

    /// <summary>Closes every visitor's and owner's browser context, as after each test.</summary>
    public async Task CloseContextsAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        _contexts.Clear();
        await WaitUntilAsync(
            () => Switchboard.LiveCallCount == 0 && Switchboard.DeskCount(SiteDomain) == 0,
            "the server to end every call and close every desk");
    }

    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 15 seconds for {what}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Gets configuration the site starts with, such as <c>DomainCall:Hours:TimeZone</c>; bound like a host's
    /// appsettings.json, so a setting reaches the options it names.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>Changes the site's options in code, after the shared ones are set.</summary>
    /// <param name="options">The options of the site.</param>
    protected virtual void Configure(DomainCallOptions options)
    {
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        if (_refusingBrowser is not null)
        {
            await _refusingBrowser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task StartSiteAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.Services.AddDomainCall(options =>
        {
            options.SiteDomain = "localhost";
            options.BusinessName = "Bikes & Co";
            options.Introduction = "We fix **bikes** the same day.";
            options.StorePath = Path.Combine(_directory, "domaincall.db");
            options.Reasons.Add(new("sales", "Sales"));
            options.Reasons.Add(new("support", "Support"));
            options.GuestDns.Port = FreeLoopbackPort.Find();
            Configure(options);
        });

        _app = builder.Build();
        _app.MapDomainCall();
        _app.MapGet(ShopPath, WriteShopPageAsync);
        await _app.StartAsync();
        BaseAddress = _app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        OwnerKey = await _app.Services.GetRequiredService<OwnerKeys>().CreateIfMissingAsync()
            ?? throw new InvalidOperationException("A fresh store must make an owner key.");
        OtherOwnerKey = await VerifiedDomains.AddAsync(_app.Services, OtherDomain);
    }

    private static Task WriteShopPageAsync(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = ShopPolicy;
        return context.Response.WriteAsync("""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Bikes &amp; Co</title>
            <script type="module" src="/call/widget/domain-call.js"></script>
            </head>
            <body>
            <main>
            <h1>Bikes &amp; Co</h1>
            <p>Questions about a repair?</p>
            <domain-call label="Call us"></domain-call>
            </main>
            </body>
            </html>
            """);
    }
}
