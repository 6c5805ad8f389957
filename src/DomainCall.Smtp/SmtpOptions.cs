namespace DomainCall.Smtp;

/// <summary>
/// The mail server DomainCall sends its emails through, and the addresses it uses. Bound from
/// <c>DomainCall:Smtp</c>; every value is checked when the application starts, and all problems are reported
/// together.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "DomainCall:Smtp";

    /// <summary>Gets or sets the mail server's host name or IP address. Required.</summary>
    /// <value>No default.</value>
    public string? Host { get; set; }

    /// <summary>Gets or sets the mail server's port.</summary>
    /// <value>The default value is 587 (submission with STARTTLS); allowed from 1 to 65,535.</value>
    public int Port { get; set; } = 587;

    /// <summary>Gets or sets how the connection is protected.</summary>
    /// <value>The default value is <see cref="SmtpSecurity.Auto"/>.</value>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>Gets or sets the user name to sign in with; set it together with <see cref="Password"/>.</summary>
    /// <value>No default: the server is used without signing in.</value>
    public string? UserName { get; set; }

    /// <summary>Gets or sets the password to sign in with.</summary>
    /// <value>No default.</value>
    public string? Password { get; set; }

    /// <summary>
    /// Gets or sets the sender of every email, such as <c>Example Shop &lt;calls@example.com&gt;</c>. Required. A
    /// caller's address never goes here; it goes into <c>Reply-To</c> of emails to the owner.
    /// </summary>
    /// <value>No default.</value>
    public string? From { get; set; }

    /// <summary>Gets or sets the address emails for the owner go to, such as <c>desk@example.com</c>.</summary>
    /// <value>No default: the owner gets no email, and only callers are emailed.</value>
    public string? OwnerAddress { get; set; }

    /// <summary>Gets or sets how long one exchange with the mail server may take.</summary>
    /// <value>The default value is 30 seconds; allowed from 1 second to 5 minutes.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
