using System.Text.Json.Serialization;
using DomainCall.Availability;

namespace DomainCall.Engine;

/// <summary>What <c>JoinDesk</c> answers.</summary>
/// <param name="Domain">The domain the desk answers for.</param>
/// <param name="Reasons">The reasons callers pick from.</param>
/// <param name="Notice">A warning for the owner, such as a verification record found missing; null when all is
/// well.</param>
/// <param name="Availability">Whether calls ring now: the opening hours and the out-of-office switch.</param>
internal sealed record DeskJoined(
    string Domain,
    IReadOnlyList<ReasonInfo> Reasons,
    string? Notice = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AvailabilityInfo? Availability = null);
