namespace DomainCall.Engine;

/// <summary>What <c>JoinDesk</c> answers.</summary>
internal sealed record DeskJoined(string Domain, IReadOnlyList<ReasonInfo> Reasons);
