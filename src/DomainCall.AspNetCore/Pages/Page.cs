namespace DomainCall.Pages;

/// <summary>What one page shows.</summary>
/// <param name="Title">The title, for the tab and for link previews.</param>
/// <param name="Description">A sentence for link previews; empty for none.</param>
/// <param name="SiteName">The business name, for link previews.</param>
/// <param name="AssetBase">Where the widget's files are served, such as <c>/call/widget</c>.</param>
/// <param name="Scripts">The widget's entry files the page loads, such as <c>domain-call.js</c>.</param>
/// <param name="Body">The body's HTML, already encoded.</param>
internal sealed record Page(
    string Title, string Description, string SiteName, string AssetBase, IReadOnlyList<string> Scripts, string Body);
