using DomainCall.Engine;

namespace DomainCall.Pages;

/// <summary>Which desk a page shows, and where it lives.</summary>
/// <param name="Domain">The domain the desk answers for.</param>
/// <param name="Name">The name shown: the business name, or the domain.</param>
/// <param name="Prefix">DomainCall's route prefix, such as <c>/call</c>.</param>
/// <param name="Path">The desk's own path, such as <c>/call/desk</c> or <c>/call/shop.example.net/desk</c>.</param>
internal sealed record DeskAddress(Domain Domain, string Name, string Prefix, string Path);
