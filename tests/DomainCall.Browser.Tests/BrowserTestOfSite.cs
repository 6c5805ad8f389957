namespace DomainCall.Browser.Tests;

/// <summary>
/// A class of browser tests sharing one site and one Chromium; after each test, every visitor's and owner's browser
/// context is closed and the server has ended their calls and desks, so no test sees another's leftovers.
/// </summary>
/// <typeparam name="TSite">The site the class runs against: the shared one, or one configured otherwise.</typeparam>
public abstract class BrowserTest<TSite>(TSite site) : IClassFixture<TSite>, IAsyncLifetime
    where TSite : BrowserSite
{
    protected TSite Site { get; } = site;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Site.CloseContextsAsync();
}
