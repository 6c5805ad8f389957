namespace DomainCall.Browser.Tests;

/// <summary>The media bytes a page's live peer connections have received and sent, by kind.</summary>
public sealed class MediaBytes
{
    public long AudioReceived { get; set; }

    public long VideoReceived { get; set; }

    public long AudioSent { get; set; }

    public long VideoSent { get; set; }
}
