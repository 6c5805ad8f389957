namespace DomainCall.Engine;

/// <summary>What the caller wants to open with. Every mode also carries a text chat.</summary>
public enum CallMode
{
    /// <summary>Microphone only.</summary>
    Voice,

    /// <summary>Camera and microphone.</summary>
    Video,

    /// <summary>Text over a WebRTC data channel, no media.</summary>
    Chat,
}
