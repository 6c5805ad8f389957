namespace DomainCall.Smtp;

/// <summary>How the connection to the mail server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS on connect for port 465, STARTTLS when the server offers it on other ports.</summary>
    Auto,

    /// <summary>No TLS: only for a mail server on the same machine or a test server.</summary>
    None,

    /// <summary>STARTTLS, required: the connection fails if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte, as on port 465.</summary>
    SslOnConnect,
}
