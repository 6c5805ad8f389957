namespace DomainCall.Engine;

/// <summary>What a member of a domain may do for it; an owner may always do both.</summary>
[Flags]
public enum MemberRights
{
    /// <summary>Nothing; no member is stored with no right.</summary>
    None = 0,

    /// <summary>Answer calls for the domain on a desk.</summary>
    Answer = 1,

    /// <summary>Call out as the domain, with no guest name.</summary>
    Call = 2,
}
