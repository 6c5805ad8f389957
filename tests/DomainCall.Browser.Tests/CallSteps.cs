using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DomainCall.Browser.Tests;

/// <summary>What a visitor and an owner do, by the names on the buttons they press.</summary>
public static class CallSteps
{
    public static ILocator Button(IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Picks a reason and a mode on the call screen, and presses Call.</summary>
    public static async Task CallAsync(IPage visitor, string reason = "Sales", string mode = "Voice")
    {
        await visitor.GetByRole(AriaRole.Radio, new() { Name = reason, Exact = true }).CheckAsync();
        await visitor.GetByRole(AriaRole.Radio, new() { Name = mode, Exact = true }).CheckAsync();
        await Button(visitor, "Call").ClickAsync();
        await Expect(Button(visitor, "Cancel")).ToBeVisibleAsync();
    }

    /// <summary>Answers the call ringing on the desk, and waits until both sides show the call.</summary>
    public static async Task AnswerAsync(IPage desk, IPage visitor)
    {
        await Button(desk, "Answer").ClickAsync();
        await Expect(Button(desk, "Hang up")).ToBeVisibleAsync();
        await Expect(Button(visitor, "Hang up")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Moves the keyboard focus with Tab alone until it reaches the control named <paramref name="name"/>, looking
    /// through the shadow roots the way assistive technology does.
    /// </summary>
    public static async Task TabToAsync(IPage page, string name)
    {
        for (var press = 0; press < 40; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>(FocusedName) == name)
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached a control named '{name}'.");
    }

    private const string FocusedName = """
        () => {
          let element = document.activeElement;
          while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
          if (!element) return '';
          const label = element.getAttribute('aria-label')
            ?? (element.labels && element.labels[0] ? element.labels[0].textContent : element.textContent);
          return (label ?? '').trim();
        }
        """;
}
