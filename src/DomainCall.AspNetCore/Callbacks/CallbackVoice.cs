namespace DomainCall.Callbacks;

/// <summary>A voice message recorded in the caller's browser.</summary>
/// <param name="ContentType">Its media type, such as <c>audio/webm;codecs=opus</c>.</param>
/// <param name="Bytes">The recording as the browser made it.</param>
public sealed record CallbackVoice(string ContentType, ReadOnlyMemory<byte> Bytes);
