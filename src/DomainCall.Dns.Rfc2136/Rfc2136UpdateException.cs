namespace DomainCall.Dns.Rfc2136;

/// <summary>
/// A dynamic update that the DNS server refused or did not answer. The message says what the operator should
/// check: the server's address, the TSIG key's name and secret, or the zone's update policy.
/// </summary>
public sealed class Rfc2136UpdateException : Exception
{
    /// <summary>Creates an exception with a message saying what to check, and the server's response code.</summary>
    /// <param name="message">What failed and what to check.</param>
    /// <param name="responseCode">The server's response code, such as <c>REFUSED</c> or <c>NOTAUTH/BADSIG</c>, or
    /// <c>no answer</c>.</param>
    public Rfc2136UpdateException(string message, string responseCode)
        : base(message)
    {
        ResponseCode = responseCode;
    }

    /// <summary>
    /// Gets the server's response code, such as <c>REFUSED</c>, or <c>NOTAUTH/BADSIG</c> when a TSIG error came
    /// with it, or <c>no answer</c> when the server did not answer.
    /// </summary>
    public string ResponseCode { get; }
}
