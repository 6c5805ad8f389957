namespace DomainCall.Callbacks;

/// <summary>Sent to a caller waiting for a callback when a desk calls them back now.</summary>
/// <param name="CallbackId">The callback being returned.</param>
/// <param name="Domain">The domain calling back.</param>
/// <param name="Name">The name of the business calling back.</param>
/// <param name="Mode">The mode the desk asks for: <c>voice</c>, <c>video</c> or <c>chat</c>.</param>
/// <param name="RingsUntil">When the desk stops waiting for the caller to answer.</param>
internal sealed record CallingBack(
    string CallbackId, string Domain, string Name, string Mode, DateTimeOffset RingsUntil);
