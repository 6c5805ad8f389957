namespace DomainCall.Dns;

/// <summary>What a verification found.</summary>
internal enum VerificationOutcome
{
    /// <summary>A TXT record holds the authorization code: the domain is verified.</summary>
    Verified,

    /// <summary>No <c>token=</c> TXT record exists at the challenge name.</summary>
    RecordMissing,

    /// <summary>One <c>token=</c> record exists, with another code.</summary>
    WrongValue,

    /// <summary>Several <c>token=</c> records exist and none holds the code, as when old codes were left in
    /// place.</summary>
    ConflictingRecords,

    /// <summary>The code expired before the record was checked.</summary>
    CodeExpired,

    /// <summary>DNS gave no usable answer (a timeout, SERVFAIL or REFUSED); trying again later may succeed.</summary>
    DnsFailure,

    /// <summary>The name is not a domain name, or its challenge name would be too long.</summary>
    InvalidName,

    /// <summary>The name is a public suffix, such as <c>co.uk</c>, which no single owner controls.</summary>
    PublicSuffix,

    /// <summary>The name is reserved, such as <c>localhost</c> or a name under <c>.test</c>, or an IP
    /// address.</summary>
    Reserved,
}
