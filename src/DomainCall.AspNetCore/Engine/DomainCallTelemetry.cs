using System.Diagnostics;

namespace DomainCall.Engine;

/// <summary>The names under which DomainCall publishes traces and metrics.</summary>
public static class DomainCallTelemetry
{
    /// <summary>
    /// The name of the <see cref="System.Diagnostics.ActivitySource"/> and of the meter: <c>DomainCall</c>.
    /// </summary>
    public const string Name = "DomainCall";

    internal static readonly ActivitySource ActivitySource = new(Name);
}
