using DomainCall.Pages;

namespace DomainCall.Tests.Pages;

public sealed class IntroductionTests
{
    [Fact]
    public void Render_Markdown_GivesHtml()
    {
        var introduction = Introduction.Render("We sell **bikes**. See [our shop](https://example.com/shop).");

        Assert.Contains("<strong>bikes</strong>", introduction.Html);
        Assert.Contains("<a href=\"https://example.com/shop\">our shop</a>", introduction.Html);
    }

    [Fact]
    public void Render_RawHtml_IsShownAsText()
    {
        var introduction = Introduction.Render("Hello <script>alert(1)</script> <img src=x onerror=alert(2)>");

        Assert.DoesNotContain("<script", introduction.Html);
        Assert.DoesNotContain("<img", introduction.Html);
        Assert.Contains("&lt;script&gt;", introduction.Html);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<b>x</b>")]
    [InlineData("vbscript:msgbox")]
    public void Render_LinkThatCouldRunScript_LosesItsAddress(string url)
    {
        var introduction = Introduction.Render($"[click]({url})");

        Assert.Contains("<a href=\"\">click</a>", introduction.Html);
    }

    [Theory]
    [InlineData("mailto:hello@example.com")]
    [InlineData("tel:+441234567890")]
    [InlineData("/opening-hours")]
    public void Render_SafeLink_IsKept(string url)
    {
        var introduction = Introduction.Render($"[here]({url})");

        Assert.Contains($"href=\"{url}\"", introduction.Html);
    }

    [Fact]
    public void Summary_IsTheFirstParagraphAsPlainText()
    {
        var introduction = Introduction.Render("We fix **bikes** the same day.\n\nSecond paragraph.");

        Assert.Equal("We fix bikes the same day.", introduction.Summary);
    }

    [Fact]
    public void Summary_OfALongParagraph_IsShortened()
    {
        var introduction = Introduction.Render(new string('a', 500));

        Assert.Equal(200, introduction.Summary.Length);
        Assert.EndsWith("…", introduction.Summary);
    }

    [Fact]
    public void Render_Nothing_GivesNothing()
    {
        var introduction = Introduction.Render(null);

        Assert.Equal("", introduction.Html);
        Assert.Equal("", introduction.Summary);
    }
}
