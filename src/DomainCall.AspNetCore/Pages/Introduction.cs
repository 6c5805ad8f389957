using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace DomainCall.Pages;

/// <summary>
/// The owner's introduction on <c>/call</c>, written in Markdown. Raw HTML in it is shown as text, and a link that
/// could run script or leave the web (such as <c>javascript:</c>) loses its address, since the page is the first
/// thing a caller sees of the business and must not be a way to attack them.
/// </summary>
internal sealed class Introduction
{
    private const int MaxSummary = 200;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .Build();

    private Introduction(string html, string summary)
    {
        Html = html;
        Summary = summary;
    }

    /// <summary>Gets the introduction as HTML, safe to place in the page.</summary>
    public string Html { get; }

    /// <summary>Gets the first paragraph as plain text, shortened for link previews.</summary>
    public string Summary { get; }

    public static Introduction Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return new Introduction("", "");
        }

        var document = Markdown.Parse(markdown, Pipeline);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { LinkRewriter = KeepSafeLink };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return new Introduction(writer.ToString(), SummaryOf(document));
    }

    private static string KeepSafeLink(string url)
    {
        if (!Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out var uri))
        {
            return "";
        }

        return !uri.IsAbsoluteUri || uri.Scheme is "http" or "https" or "mailto" or "tel" ? url : "";
    }

    private static string SummaryOf(MarkdownDocument document)
    {
        var first = document.Descendants<ParagraphBlock>().FirstOrDefault();
        if (first?.Inline is null)
        {
            return "";
        }

        var text = string.Concat(first.Inline.Descendants<Markdig.Syntax.Inlines.LiteralInline>()
            .Select(literal => literal.Content.ToString()));
        return text.Length <= MaxSummary ? text : string.Concat(text.AsSpan(0, MaxSummary - 1), "…");
    }
}
