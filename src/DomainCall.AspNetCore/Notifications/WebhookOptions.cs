namespace DomainCall.Notifications;

/// <summary>
/// A webhook: every notification for the owner is posted to <see cref="Url"/> as JSON, signed with
/// <see cref="Secret"/> in the <c>DomainCall-Signature</c> header. Bound from <c>DomainCall:Webhooks:N</c>.
/// </summary>
public sealed class WebhookOptions
{
    /// <summary>The fewest characters a webhook secret may have.</summary>
    public const int MinSecretLength = 32;

    /// <summary>Gets or sets the address notifications are posted to. Required; <c>https</c> unless
    /// <see cref="AllowPrivateNetworks"/> is set.</summary>
    /// <value>No default.</value>
    public Uri? Url { get; set; }

    /// <summary>
    /// Gets or sets the secret the body is signed with (HMAC-SHA256, UTF-8 bytes of the secret as the key).
    /// Required; at least <see cref="MinSecretLength"/> characters.
    /// </summary>
    /// <value>No default.</value>
    public string? Secret { get; set; }

    /// <summary>
    /// Gets or sets whether the webhook may reach loopback, private, link-local and other non-public addresses,
    /// and plain <c>http</c>. Off, the address the host name resolves to is checked at every delivery, and a
    /// non-public one is refused before any connection is made.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowPrivateNetworks { get; set; }

    internal IEnumerable<string> Validate(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);

        return ValidateCore(prefix);
    }

    private IEnumerable<string> ValidateCore(string prefix)
    {
        if (Url is null || !Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttps && Url.Scheme != Uri.UriSchemeHttp))
        {
            yield return $"{prefix}Url is required: an absolute 'https://' address that receives the notifications.";
        }
        else if (Url.Scheme != Uri.UriSchemeHttps && !AllowPrivateNetworks)
        {
            yield return $"{prefix}Url '{Url}' must use https; plain http is allowed only with AllowPrivateNetworks.";
        }
        else if (!string.IsNullOrEmpty(Url.UserInfo))
        {
            yield return $"{prefix}Url must not hold a user name or password; the body is signed with Secret instead.";
        }

        if (Secret is null || Secret.Length < MinSecretLength)
        {
            yield return $"{prefix}Secret must have at least {MinSecretLength} characters, such as 32 random bytes " +
                "in base64; the receiver checks the signature with it.";
        }
    }
}
