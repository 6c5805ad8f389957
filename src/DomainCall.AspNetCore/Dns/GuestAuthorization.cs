namespace DomainCall.Dns;

/// <summary>What the DNS of a guest name said about the code a caller presented.</summary>
internal enum GuestAuthorization
{
    /// <summary>A TXT record of the guest name holds the hash of the code.</summary>
    Authorized,

    /// <summary>The guest name has no guest TXT record: it expired, was removed, or never existed.</summary>
    NoRecord,

    /// <summary>The guest name's TXT records hold the hash of another code.</summary>
    WrongCode,

    /// <summary>DNS gave no usable answer; the caller may try again.</summary>
    DnsFailure,
}
