namespace DomainCall.Dns;

/// <summary>How a TXT lookup ended.</summary>
internal enum TxtLookupStatus
{
    /// <summary>A server answered; the name may still have no TXT records.</summary>
    Answered,

    /// <summary>The name does not exist (NXDOMAIN).</summary>
    NameNotFound,

    /// <summary>No server answered in time, or none could be reached.</summary>
    NoAnswer,

    /// <summary>The server answered SERVFAIL.</summary>
    ServerFailure,

    /// <summary>The server answered REFUSED.</summary>
    Refused,

    /// <summary>Any other failure; <see cref="TxtAnswer.Detail"/> says which.</summary>
    OtherError,
}
