namespace DomainCall.LoadHarness;

/// <summary>
/// One measurement: <paramref name="Calls"/> answered calls at once, in each of which the caller relays
/// <paramref name="RelaysPerCall"/> signals to its desk, one after another.
/// </summary>
/// <param name="Pace">
/// The period between two signals of one call, as a browser trickling candidates spaces them; zero sends each
/// signal as soon as the previous invocation completed.
/// </param>
internal sealed record Scenario(SignalKind Signal, int Calls, int RelaysPerCall, TimeSpan Pace = default);
