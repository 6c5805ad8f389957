using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DomainCall.Engine;
using DomainCall.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace DomainCall.Callbacks;

/// <summary>
/// Reads and checks every field of a callback submission. A field that fails gets a sentence that names it; nothing
/// a caller sends is trusted, and text is kept as text.
/// </summary>
internal static class CallbackForm
{
    public const int MaxNameLength = 100;
    public const int MaxTimeZoneLength = 64;
    public const int MaxPushLength = 2_048;

    private static readonly string[] VoiceTypes = ["audio/webm", "audio/ogg", "audio/mp4"];

    /// <summary>Checks an <c>Idempotency-Key</c>: 16 to 64 letters, digits, hyphens and underscores.</summary>
    public static bool IsIdempotencyKey(string? key) =>
        key is { Length: >= 16 and <= 64 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Reads the form into a request, or gives the sentence that says what is wrong.</summary>
    public static async Task<(CallbackRequest? Request, string? Error)> ReadAsync(
        IFormCollection form, Domain domain, string key, CallbackOptions options, DomainCallSettings settings,
        CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var kind = ReadKind(form, failures);
        var slot = ReadSlot(form, kind, failures);
        var reason = Single(form, "reason", failures);
        if (reason is not null && !settings.Reasons.ContainsKey(reason))
        {
            failures.Add($"reason: '{Shorten(reason)}' is not one of this business's reasons.");
        }
        else if (reason is null && !failures.Any(f => f.StartsWith("reason", StringComparison.Ordinal)))
        {
            failures.Add("reason: pick one of the business's reasons.");
        }

        var name = ReadText(form, "name", MaxNameLength, multiline: false, failures);
        var email = ReadEmail(form, failures);
        var message = ReadText(form, "message", options.MaxMessageLength, multiline: true, failures);
        var voiceSeconds = ReadVoiceSeconds(form, options, failures);
        var timeZone = ReadTimeZone(form, failures);
        var callId = ReadCallId(form, failures);
        var push = ReadPush(form, failures);
        var voice = await ReadVoiceAsync(form, options, failures, cancellationToken);
        if (kind == CallbackKind.Message && message is null && voice is null)
        {
            failures.Add("message: write a message or record a voice message.");
        }

        if (failures.Count > 0)
        {
            return (null, string.Join(" ", failures));
        }

        var request = new CallbackRequest(
            domain, key, kind!.Value, slot, reason!, name, email, message, voice, voiceSeconds, timeZone, callId,
            push, "");
        return (request with { RequestHash = HashOf(request) }, null);
    }

    /// <summary>Tells whether a part is larger than allowed, before anything else is read.</summary>
    public static bool HasOversizeVoice(IFormCollection form, CallbackOptions options) =>
        form.Files.GetFile("voice") is { } file && file.Length > options.MaxVoiceBytes;

    private static CallbackKind? ReadKind(IFormCollection form, List<string> failures)
    {
        var text = Single(form, "kind", failures);
        if (EnumText.TryParse<CallbackKind>(text, out var kind))
        {
            return kind;
        }

        failures.Add("kind: say 'asap', 'slot' or 'message'.");
        return null;
    }

    private static DateTimeOffset? ReadSlot(IFormCollection form, CallbackKind? kind, List<string> failures)
    {
        var text = Single(form, "slot", failures);
        if (kind != CallbackKind.Slot)
        {
            if (text is not null)
            {
                failures.Add("slot: only a 'slot' request names a slot.");
            }

            return null;
        }

        if (text is not null && text.EndsWith('Z')
            && DateTimeOffset.TryParse(
                text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var slot))
        {
            return slot;
        }

        failures.Add("slot: give the slot's start as a UTC time, such as '2026-12-04T09:00:00Z'.");
        return null;
    }

    private static string? ReadText(
        IFormCollection form, string field, int maxLength, bool multiline, List<string> failures)
    {
        var text = Single(form, field, failures);
        if (text is null)
        {
            return null;
        }

        // Line breaks arrive as CRLF from a form; one spelling keeps lengths and hashes stable.
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > maxLength)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture, $"{field}: at most {maxLength} characters; it has {text.Length}."));
            return null;
        }

        if (text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\t')))
        {
            failures.Add(multiline
                ? $"{field}: control characters other than line breaks and tabs are not allowed."
                : $"{field}: one line of text, without control characters.");
            return null;
        }

        return text;
    }

    private static string? ReadEmail(IFormCollection form, List<string> failures)
    {
        var text = Single(form, "email", failures);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (EmailAddresses.TryNormalise(text, out var address))
        {
            return address;
        }

        failures.Add(
            "email: give one plain address such as 'ana@example.com', with no name, spaces or line breaks.");
        return null;
    }

    private static double? ReadVoiceSeconds(IFormCollection form, CallbackOptions options, List<string> failures)
    {
        var text = Single(form, "voiceSeconds", failures);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var max = options.MaxVoiceDuration.TotalSeconds;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds) && seconds > 0 && seconds <= max + 1)
        {
            return Math.Round(Math.Min(seconds, max), 1);
        }

        failures.Add(string.Create(
            CultureInfo.InvariantCulture, $"voiceSeconds: a number of seconds from 0 to {max}."));
        return null;
    }

    private static string? ReadTimeZone(IFormCollection form, List<string> failures)
    {
        var text = Single(form, "timeZone", failures);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length <= MaxTimeZoneLength && TimeZoneInfo.TryFindSystemTimeZoneById(text, out _))
        {
            return text;
        }

        failures.Add("timeZone: give an IANA time zone such as 'Europe/Paris'.");
        return null;
    }

    private static string? ReadCallId(IFormCollection form, List<string> failures)
    {
        var text = Single(form, "callId", failures);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Secrets.LooksLikeToken(text))
        {
            return text;
        }

        failures.Add("callId: not a call id.");
        return null;
    }

    private static CallbackPush? ReadPush(IFormCollection form, List<string> failures)
    {
        var text = Single(form, "push", failures);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // Browsers give https endpoints; an http one, such as a test push service on one's own machine, is kept
        // here and refused at delivery by the Web Push sender unless its AllowPrivateNetworks is on.
        const string Shape = "push: give the browser's PushSubscription as JSON, " +
            "{\"endpoint\": \"https://…\", \"keys\": {\"p256dh\": \"…\", \"auth\": \"…\"}}.";
        try
        {
            using var json = JsonDocument.Parse(text.Length <= MaxPushLength ? text : "null");
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("endpoint", out var endpoint) && endpoint.ValueKind == JsonValueKind.String
                && Uri.TryCreate(endpoint.GetString(), UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && root.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Object
                && KeyOf(keys, "p256dh", 65) is { } p256dh && KeyOf(keys, "auth", 16) is { } auth)
            {
                return new CallbackPush(endpoint.GetString()!, p256dh, auth);
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: the same answer as JSON of the wrong shape.
        }

        failures.Add(Shape);
        return null;
    }

    private static string? KeyOf(JsonElement keys, string name, int length)
    {
        if (!keys.TryGetProperty(name, out var key) || key.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = key.GetString()!.TrimEnd('=');
        return text.Length < 100 && Base64Url.IsValid(text, out var decoded) && decoded == length ? text : null;
    }

    private static async Task<CallbackVoice?> ReadVoiceAsync(
        IFormCollection form, CallbackOptions options, List<string> failures, CancellationToken cancellationToken)
    {
        if (form.Files.Count > 1 || (form.Files.Count == 1 && form.Files.GetFile("voice") is null))
        {
            failures.Add("voice: send at most one file, in the part named 'voice'.");
            return null;
        }

        if (form.Files.GetFile("voice") is not { } file)
        {
            return null;
        }

        if (file.Length == 0)
        {
            failures.Add("voice: the recording is empty.");
            return null;
        }

        var type = VoiceTypeOf(file.ContentType);
        using var copy = new MemoryStream((int)Math.Min(file.Length, options.MaxVoiceBytes));
        await file.CopyToAsync(copy, cancellationToken);
        var bytes = copy.ToArray();
        if (type is null || !LooksLike(type, bytes))
        {
            failures.Add("voice: send a recording of type audio/webm, audio/ogg or audio/mp4.");
            return null;
        }

        return new CallbackVoice(type, bytes);
    }

    // Only the codecs parameter is kept, so the type served back to the desk is one the form accepted.
    private static string? VoiceTypeOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !VoiceTypes.Contains(parsed.MediaType.Value?.ToLowerInvariant()))
        {
            return null;
        }

        var codecs = parsed.Parameters.Where(p => p.Name.Equals("codecs", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Value.Value?.Trim('"')).SingleOrDefault();
        if (parsed.Parameters.Count > (codecs is null ? 0 : 1)
            || (codecs is not null && (codecs.Length > 64
                || !codecs.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or ',' or '-' or ' '))))
        {
            return null;
        }

        var mediaType = parsed.MediaType.Value!.ToLowerInvariant();
        return codecs is null ? mediaType : $"{mediaType};codecs={codecs}";
    }

    // The first bytes of each container, so that what the desk plays back is audio of the declared kind.
    private static bool LooksLike(string type, byte[] bytes) =>
        type.StartsWith("audio/webm", StringComparison.Ordinal)
            ? bytes.AsSpan().StartsWith<byte>([0x1A, 0x45, 0xDF, 0xA3])
        : type.StartsWith("audio/ogg", StringComparison.Ordinal) ? bytes.AsSpan().StartsWith("OggS"u8)
        : bytes.Length >= 8 && bytes.AsSpan(4, 4).SequenceEqual("ftyp"u8);

    private static string? Single(IFormCollection form, string field, List<string> failures)
    {
        if (!form.TryGetValue(field, out var values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            failures.Add($"{field}: send it once.");
            return null;
        }

        return values[0];
    }

    private static string Shorten(string text) => text.Length <= 32 ? text : text[..32] + "…";

    private static string HashOf(CallbackRequest request)
    {
        var voiceHash = request.Voice is { } voice ? Convert.ToHexString(SHA256.HashData(voice.Bytes.Span)) : "";
        var fields = new[]
        {
            request.Domain.Value, EnumText.Of(request.Kind), request.Slot?.ToUnixTimeMilliseconds().ToString(
                CultureInfo.InvariantCulture), request.ReasonId, request.Name, request.Email, request.Message,
            request.Voice?.ContentType, voiceHash, request.VoiceSeconds?.ToString("R", CultureInfo.InvariantCulture),
            request.TimeZone, request.CallId, request.Push?.Endpoint, request.Push?.P256dh, request.Push?.Auth,
        };

        // Each field is prefixed by its length, so that no two different requests join to the same text.
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            text.Append(field is null ? "-1" : field.Length.ToString(CultureInfo.InvariantCulture)).Append(':')
                .Append(field).Append('\n');
        }

        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
