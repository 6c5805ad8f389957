namespace DomainCall.Browser.Tests;

/// <summary>
/// A class of browser tests sharing one site and one Chromium; after each test, every visitor's and owner's browser
/// context is closed and the server has ended their calls and desks, so no test sees another's leftovers.
/// </summary>
public abstract class BrowserTest(BrowserSite site) : IClassFixture<BrowserSite>, IAsyncLifetime
{
    protected BrowserSite Site { get; } = site;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Site.CloseContextsAsync();
}
