using DomainCall.Availability;
using DomainCall.Callbacks;
using DomainCall.Dns;
using DomainCall.Engine;
using DomainCall.Notifications;

namespace DomainCall.Hosting;

/// <summary>
/// Settings for DomainCall, bound from the <c>DomainCall</c> configuration section and then from the delegate given
/// to <c>AddDomainCall</c>. Every value is checked when the application starts, and all problems are reported
/// together in one message.
/// </summary>
public sealed class DomainCallOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "DomainCall";

    /// <summary>Gets or sets the domain of the site, such as <c>example.com</c>. Required.</summary>
    /// <value>No default. <c>localhost</c> is accepted for development.</value>
    public string? SiteDomain { get; set; }

    /// <summary>
    /// Gets or sets the name of the business, shown on <c>/call</c>, on the desk and in link previews.
    /// </summary>
    /// <value>The default value is <see cref="SiteDomain"/>. At most 100 characters.</value>
    public string? BusinessName { get; set; }

    /// <summary>
    /// Gets or sets a short introduction shown on <c>/call</c> above the call screen, in Markdown. Raw HTML is shown
    /// as text, and links may only point to <c>http</c>, <c>https</c>, <c>mailto</c> and <c>tel</c> addresses.
    /// </summary>
    /// <value>No default: the page shows no introduction. At most 4,000 characters.</value>
    public string? Introduction { get; set; }

    /// <summary>
    /// Gets the STUN and TURN servers the browsers use to find a path to each other. Without any, two browsers
    /// connect only when one can reach the other directly, as on one network.
    /// </summary>
    /// <value>Empty by default.</value>
    public IList<DomainCallIceServer> IceServers { get; } = [];

    /// <summary>Gets the reasons a caller can pick. Ids must be unique.</summary>
    /// <value>When left empty, one reason: <c>general</c>, "General question".</value>
    public IList<CallReason> Reasons { get; } = [];

    /// <summary>Gets or sets how long a call rings before it counts as missed.</summary>
    /// <value>The default value is 30 seconds; allowed from 5 seconds to 5 minutes.</value>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long a guest name lives.</summary>
    /// <value>The default value is 1 hour; allowed from 10 minutes to 24 hours.</value>
    public TimeSpan GuestNameLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the zone guest names are made under.</summary>
    /// <value>The default value is <c>guest.</c> followed by <see cref="SiteDomain"/>.</value>
    public string? GuestZone { get; set; }

    /// <summary>
    /// Gets the page origins, such as <c>https://shop.example.com</c>, whose pages may connect to the signaling hub
    /// besides the site itself. Clients that send no <c>Origin</c> header, such as mobile apps, are not browsers and
    /// are let through.
    /// </summary>
    /// <value>Empty by default: only pages of the site itself may connect.</value>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>
    /// Gets or sets the address people reach the site at, such as <c>https://example.com</c>, for the links that
    /// notifications carry: an email or push notice opens a callback through it.
    /// </summary>
    /// <value>The default value is <c>https://</c> followed by <see cref="SiteDomain"/>.</value>
    public string? PublicAddress { get; set; }

    /// <summary>
    /// Gets or sets the SQLite file that keeps calls, guest names and owner keys. A relative path is taken from the
    /// application's content root. The file is created on first run.
    /// </summary>
    /// <value>The default value is <c>domaincall.db</c>.</value>
    public string StorePath { get; set; } = "domaincall.db";

    /// <summary>
    /// Gets or sets the name of an authorization policy of the host; a desk whose user meets it may answer for
    /// <see cref="SiteDomain"/> without the owner key.
    /// </summary>
    /// <value>No default: desks sign in with the owner key.</value>
    public string? DeskPolicy { get; set; }

    /// <summary>Gets or sets the largest hub message a client may send, in bytes.</summary>
    /// <value>The default value is 65,536; allowed from 8,192 to 1,048,576.</value>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Gets or sets how many hub invocations per second one connection may make on average.</summary>
    /// <value>The default value is 20; allowed from 1 to 1,000.</value>
    public int InvocationsPerSecond { get; set; } = 20;

    /// <summary>
    /// Gets or sets how many hub invocations one connection may make in a burst, as when ICE gathers.
    /// </summary>
    /// <value>The default value is 100; allowed from 1 to 10,000.</value>
    public int InvocationBurst { get; set; } = 100;

    /// <summary>
    /// Gets how owners' domains are verified: the lifetime of authorization codes and the DNS servers asked for
    /// the <c>_domaincall-challenge</c> record. Bound from <c>DomainCall:Verification</c>.
    /// </summary>
    public VerificationOptions Verification { get; } = new();

    /// <summary>
    /// Gets how guest names reach DNS: the embedded DNS server for the guest zone (on <c>127.0.0.1:5300</c> by
    /// default), where a caller's code is checked, and how long a removed name rests. Bound from
    /// <c>DomainCall:GuestDns</c>.
    /// </summary>
    public GuestDnsOptions GuestDns { get; } = new();

    /// <summary>
    /// Gets how notifications (email, Web Push, webhooks) are retried before a delivery is marked dead. Bound from
    /// <c>DomainCall:Notifications</c>.
    /// </summary>
    public NotificationOptions Notifications { get; } = new();

    /// <summary>
    /// Gets the webhooks every notification for the owner is posted to, signed. Bound from
    /// <c>DomainCall:Webhooks</c>.
    /// </summary>
    /// <value>Empty by default.</value>
    public IList<WebhookOptions> Webhooks { get; } = [];

    /// <summary>
    /// Gets when calls ring: weekly opening hours and exceptions in the owner's time zone, and the length of a
    /// callback slot. Bound from <c>DomainCall:Hours</c>.
    /// </summary>
    /// <value>Open at all hours by default.</value>
    public OpeningHoursOptions Hours { get; } = new();

    /// <summary>
    /// Gets how callers who reach nobody may ask to be called back or leave a message: slot lead time and horizon,
    /// message and voice limits, and per-address and per-email limits. Bound from <c>DomainCall:Callbacks</c>.
    /// </summary>
    public CallbackOptions Callbacks { get; } = new();
}
