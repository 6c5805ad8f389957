namespace DomainCall.Hosting;

/// <summary>One built widget file, with its precompressed forms and the headers it is served with.</summary>
/// <param name="Content">The file as built.</param>
/// <param name="Gzip">The file compressed with gzip, or null when the build made none.</param>
/// <param name="Brotli">The file compressed with Brotli, or null when the build made none.</param>
/// <param name="ContentType">The media type, with its charset.</param>
/// <param name="ETag">A strong entity tag made from the content.</param>
/// <param name="Immutable">Whether the name carries a hash of the content, so it may be cached for a year.</param>
internal sealed record WidgetAsset(
    ReadOnlyMemory<byte> Content,
    ReadOnlyMemory<byte>? Gzip,
    ReadOnlyMemory<byte>? Brotli,
    string ContentType,
    string ETag,
    bool Immutable);
