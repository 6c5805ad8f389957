using System.Globalization;
using DomainCall.Availability;
using DomainCall.Engine;
using DomainCall.Hosting;
using DomainCall.Notifications;
using DomainCall.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static DomainCall.Hosting.ApiResponses;

namespace DomainCall.Callbacks;

/// <summary>
/// The callback API: the slots on offer and the caller's submission under <c>{prefix}/api</c>, and the desk's list,
/// voice messages, calendar files and handling under <c>{prefix}/desk/api/callbacks</c>. <c>docs/callbacks.md</c>
/// describes every request and answer.
/// </summary>
internal static class CallbackEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const int ListLimit = 500;

    // Room for the text fields and the multipart framing around the largest voice message.
    private const int FormOverheadBytes = 64 * 1024;

    public static void Map(RouteGroupBuilder group, string prefix, OriginPolicy origins)
    {
        group.MapGet("/api/slots", SlotsAsync);
        group.MapPost("/api/callbacks", SubmitAsync)
            .Add(endpoint => DomainCallEndpointRouteBuilderExtensions.RefuseForeignOrigins(endpoint, origins));

        var desk = group.MapGroup("/desk/api/callbacks");
        desk.MapGet("", ListAsync);
        desk.MapGet("/{id}/voice", VoiceAsync);
        desk.MapGet("/{id}/calendar.ics", context => CalendarAsync(context, prefix));
        desk.MapPost("/{id}/handled", HandledAsync)
            .Add(endpoint => DomainCallEndpointRouteBuilderExtensions.RefuseForeignOrigins(endpoint, origins));
    }

    private static async Task SlotsAsync(HttpContext context)
    {
        // The widget may sit on a page of another origin, as for /info; slots are what the call page offers anyway.
        context.Response.Headers.AccessControlAllowOrigin = "*";
        if (await DomainAsync(context) is not { } domain)
        {
            return;
        }

        var book = context.RequestServices.GetRequiredService<CallbackBook>();
        var query = context.Request.Query;
        DateTimeOffset? from = null;
        if (query["from"].ToString() is { Length: > 0 } fromText)
        {
            if (!DateTimeOffset.TryParse(
                    fromText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid-request",
                    "from: give a UTC time such as '2026-12-04T09:00:00Z'.");
                return;
            }

            from = parsed;
        }

        var horizonDays = (int)Math.Ceiling(book.Horizon.TotalDays);
        var days = horizonDays;
        if (query["days"].ToString() is { Length: > 0 } daysText
            && (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out days)
                || days < 1 || days > horizonDays))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid-request",
                $"days: a whole number of days from 1 to {horizonDays}.");
            return;
        }

        var hours = context.RequestServices.GetRequiredService<BusinessHours>();
        var now = await hours.NowAsync(domain, context.RequestAborted);
        var slots = await book.OpenSlotsAsync(domain, from, TimeSpan.FromDays(days), context.RequestAborted);
        await WriteAsync(context, StatusCodes.Status200OK, new
        {
            slotMinutes = (int)book.SlotLength.TotalMinutes,
            timeZone = now.TimeZone,
            slots = slots.Select(slot => slot.UtcDateTime),
        });
    }

    private static async Task SubmitAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<DomainCallOptions>>().Value.Callbacks;
        var maxBody = (long)options.MaxVoiceBytes + FormOverheadBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBody;
        }

        if (context.Request.ContentLength > maxBody)
        {
            await TooLargeAsync(context, options);
            return;
        }

        if (await DomainAsync(context) is not { } domain)
        {
            return;
        }

        var key = context.Request.Headers[IdempotencyKeyHeader].ToString();
        if (!CallbackForm.IsIdempotencyKey(key))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid-idempotency-key",
                $"Send an {IdempotencyKeyHeader} header of 16 to 64 letters, digits, hyphens and underscores, " +
                "the same for every retry of one request.");
            return;
        }

        if (await ReadFormAsync(context, options, maxBody) is not { } form)
        {
            return;
        }

        var settings = context.RequestServices.GetRequiredService<DomainCallSettings>();
        var (request, error) = await CallbackForm.ReadAsync(
            form, domain, key, options, settings, context.RequestAborted);
        if (request is null)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid-request", error!);
            return;
        }

        var book = context.RequestServices.GetRequiredService<CallbackBook>();
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var client = ClientDescription.Of(context.Request.Headers.UserAgent.ToString());
        var submission = await book.SubmitAsync(request, address, client, context.RequestAborted);
        await WriteSubmissionAsync(context, submission);
    }

    private static async Task<IFormCollection?> ReadFormAsync(
        HttpContext context, CallbackOptions options, long maxBody)
    {
        if (!context.Request.HasFormContentType
            || !context.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid-request",
                "Send the request as multipart/form-data, as a browser's FormData is sent.");
            return null;
        }

        var formOptions = new FormOptions
        {
            MultipartBodyLengthLimit = maxBody,
            ValueCountLimit = 32,
            ValueLengthLimit = Math.Max(options.MaxMessageLength * 4, CallbackForm.MaxPushLength) + 1024,
        };
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, formOptions));
        try
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (CallbackForm.HasOversizeVoice(form, options))
            {
                await TooLargeAsync(context, options);
                return null;
            }

            return form;
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await TooLargeAsync(context, options);
            return null;
        }
        catch (InvalidDataException)
        {
            // The form reader's own limits: too many fields, a field too long, or a broken multipart body.
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid-request",
                "The form could not be read: a field is too long, there are too many, or the body is malformed.");
            return null;
        }
    }

    private static Task WriteSubmissionAsync(HttpContext context, Submission submission)
    {
        switch (submission.Outcome)
        {
            case SubmissionOutcome.Created:
            case SubmissionOutcome.Replayed:
                var callback = submission.Callback!;
                var status = submission.Outcome == SubmissionOutcome.Created
                    ? StatusCodes.Status201Created
                    : StatusCodes.Status200OK;
                return WriteAsync(context, status, new
                {
                    id = callback.Id,
                    token = callback.Token,
                    status = EnumText.Of(callback.Status),
                    slot = callback.Slot?.UtcDateTime,
                });
            case SubmissionOutcome.KeyReused:
                return ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request.");
            case SubmissionOutcome.SlotTaken:
                return ErrorAsync(context, StatusCodes.Status409Conflict, "slot-taken",
                    "Someone has just booked this slot; please pick another one.");
            case SubmissionOutcome.SlotUnavailable:
                return ErrorAsync(context, StatusCodes.Status400BadRequest, "slot-unavailable",
                    "This slot is not offered: it is outside opening hours, too soon, too far ahead, or past.");
            case SubmissionOutcome.TooManyForAddress:
                return TooManyAsync(context, submission.RetryAfter!.Value, "too-many-requests",
                    "Too many requests have come from your network; please try again later.");
            default:
                return TooManyAsync(context, submission.RetryAfter!.Value, "too-many-for-email",
                    "Too many requests have given this email address; please try again later or leave it out.");
        }
    }

    private static async Task ListAsync(HttpContext context)
    {
        if (await DeskDomainAsync(context) is not { } domain)
        {
            return;
        }

        var statusText = context.Request.Query["status"].ToString();
        if (statusText is not ("" or "open" or "handled"))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid-request",
                "status: say 'open' (new and scheduled) or 'handled'.");
            return;
        }

        var store = context.RequestServices.GetRequiredService<ICallbackStore>();
        var book = context.RequestServices.GetRequiredService<CallbackBook>();
        var settings = context.RequestServices.GetRequiredService<DomainCallSettings>();
        var callbacks = await store.ListAsync(domain, statusText == "handled", ListLimit, context.RequestAborted);
        var contacts = await book.ContactsAsync(domain, context.RequestAborted);
        var queue = context.RequestServices.GetRequiredService<NotificationQueue>();
        var deliveries = await queue.ListForCallbacksAsync(
            [.. callbacks.Select(callback => callback.Id)], context.RequestAborted);
        await WriteAsync(context, StatusCodes.Status200OK, new
        {
            callbacks = callbacks.Select(callback =>
                ItemOf(callback, settings, contacts, deliveries.GetValueOrDefault(callback.Id, []))),
        });
    }

    private static object ItemOf(
        Callback callback,
        DomainCallSettings settings,
        IReadOnlyDictionary<string, CallerContact> contacts,
        IReadOnlyList<NotificationDelivery> deliveries)
    {
        var contact = callback.CallerKind == CallbackCallerKind.Visitor
            ? new CallerContact(0, null, null)
            : contacts.GetValueOrDefault(callback.CallerName, new CallerContact(0, null, null));
        return new
        {
            id = callback.Id,
            kind = EnumText.Of(callback.Kind),
            status = EnumText.Of(callback.Status),
            createdAt = callback.CreatedAt.UtcDateTime,
            slot = callback.Slot?.UtcDateTime,
            reason = new { id = callback.ReasonId, label = LabelOf(settings, callback.ReasonId) },
            name = callback.Name,
            email = callback.Email,
            message = callback.Message,
            hasVoice = callback.HasVoice,
            voiceSeconds = callback.VoiceSeconds,
            handledAt = callback.HandledAt?.UtcDateTime,
            contact = new
            {
                identity = callback.CallerName,
                kind = EnumText.Of(callback.CallerKind),
                client = callback.Client,
                calls = contact.Calls,
                firstCall = contact.FirstCall?.UtcDateTime,
                lastCall = contact.LastCall?.UtcDateTime,
            },

            // A notification that failed is shown next to its callback, which stays open on the desk regardless.
            notifications = deliveries.Select(delivery => new
            {
                kind = EnumText.Of(delivery.Kind),
                channel = delivery.Channel,
                state = EnumText.Of(delivery.State),
                attempts = delivery.Attempts,
                lastError = delivery.LastError,
                lastAttemptAt = delivery.LastAttemptAt?.UtcDateTime,
            }),
        };
    }

    private static async Task VoiceAsync(HttpContext context, string id)
    {
        if (await DeskDomainAsync(context) is not { } domain)
        {
            return;
        }

        var store = context.RequestServices.GetRequiredService<ICallbackStore>();
        if (await store.FindVoiceAsync(domain, id, context.RequestAborted) is not { } voice)
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, "no-voice",
                $"{domain.Value} has no voice message with the callback id '{Shorten(id)}'.");
            return;
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        await Results.Bytes(voice.Bytes, voice.ContentType, enableRangeProcessing: true).ExecuteAsync(context);
    }

    private static async Task CalendarAsync(HttpContext context, string prefix)
    {
        if (await DeskDomainAsync(context) is not { } domain)
        {
            return;
        }

        var services = context.RequestServices;
        if (await services.GetRequiredService<ICallbackStore>().FindAsync(domain, id: (string)context.Request
                .RouteValues["id"]!, context.RequestAborted) is not { } callback)
        {
            await NoSuchCallbackAsync(context, domain);
            return;
        }

        var book = services.GetRequiredService<CallbackBook>();
        var time = services.GetRequiredService<TimeProvider>();
        var start = callback.Slot ?? await NextOpeningAsync(services, domain, time, context.RequestAborted);
        var settings = services.GetRequiredService<DomainCallSettings>();
        var request = context.Request;
        var deskPath = domain == settings.SiteDomain ? "/desk" : $"/{domain.Value}/desk";
        var link = new Uri(
            $"{request.Scheme}://{request.Host}{request.PathBase}{prefix}{deskPath}?callback={callback.Id}");
        var text = CallbackCalendar.Write(
            callback, start, book.SlotLength, LabelOf(settings, callback.ReasonId), link, time.GetUtcNow());
        context.Response.ContentType = CallbackCalendar.ContentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"callback-{callback.Id}.ics\"";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    // An asap request or a message goes in the calendar at the next time the business is open.
    private static async Task<DateTimeOffset> NextOpeningAsync(
        IServiceProvider services, Domain domain, TimeProvider time, CancellationToken cancellationToken)
    {
        var hours = services.GetRequiredService<BusinessHours>();
        var now = time.GetUtcNow();
        var horizon = services.GetRequiredService<CallbackBook>().Horizon;
        var starts = await hours.SlotStartsAsync(domain, now, now + horizon, cancellationToken);
        return starts.Count > 0 ? starts[0] : now;
    }

    private static async Task HandledAsync(HttpContext context, string id)
    {
        if (await DeskDomainAsync(context) is not { } domain)
        {
            return;
        }

        var book = context.RequestServices.GetRequiredService<CallbackBook>();
        if (!await book.HandleAsync(domain, id, context.RequestAborted))
        {
            await NoSuchCallbackAsync(context, domain);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task<Domain?> DomainAsync(HttpContext context)
    {
        var routing = context.RequestServices.GetRequiredService<DomainRouting>();
        var requested = context.Request.Query["domain"].ToString();
        if (await routing.ResolveAsync(context, requested.Length == 0 ? null : requested) is { } domain)
        {
            return domain;
        }

        await ErrorAsync(context, StatusCodes.Status404NotFound, "unknown-domain",
            $"{Shorten(requested)} is not a DomainCall domain on this server.");
        return null;
    }

    private static async Task<Domain?> DeskDomainAsync(HttpContext context)
    {
        if (await DomainAsync(context) is not { } domain)
        {
            return null;
        }

        var access = context.RequestServices.GetRequiredService<DeskAccess>();
        var grant = await access.GrantForAsync(context, context.User, domain, key: null, context.RequestAborted);
        if (grant is not { MayAnswer: true })
        {
            await ErrorAsync(context, StatusCodes.Status403Forbidden, "not-allowed",
                $"Sign in to the desk of {domain.Value}, as someone who may answer for it, to see its callbacks.");
            return null;
        }

        return domain;
    }

    private static string LabelOf(DomainCallSettings settings, string reasonId) =>
        settings.Reasons.TryGetValue(reasonId, out var reason) ? reason.Label : reasonId;

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private static Task NoSuchCallbackAsync(HttpContext context, Domain domain) =>
        ErrorAsync(context, StatusCodes.Status404NotFound, "no-such-callback",
            $"{domain.Value} has no callback with that id.");

    private static Task TooLargeAsync(HttpContext context, CallbackOptions options) =>
        ErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "too-large", string.Create(
            CultureInfo.InvariantCulture,
            $"The request is too large: a voice message may have at most {options.MaxVoiceBytes} bytes."));

    private static Task TooManyAsync(HttpContext context, TimeSpan retryAfter, string error, string message)
    {
        context.Response.Headers.RetryAfter =
            ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ErrorAsync(context, StatusCodes.Status429TooManyRequests, error, message);
    }
}
