namespace DomainCall.Browser.Tests;

/// <summary>A class of browser tests on the shared site, which takes calls at all hours.</summary>
public abstract class BrowserTest(BrowserSite site) : BrowserTest<BrowserSite>(site);
