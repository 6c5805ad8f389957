using System.Globalization;
using System.Net;
using System.Text.Json;
using DomainCall.Tests.Hosting;

namespace DomainCall.Tests.Callbacks;

/// <summary>Callers asking for callbacks and leaving messages, and the desk reading them, on a real site.</summary>
public sealed class CallbackEndpointsTests : IAsyncLifetime, IDisposable
{
    private SignalingServer _server = null!;
    private CallbackClient _caller = null!;
    private CallbackClient _desk = null!;

    public async Task InitializeAsync()
    {
        _server = await SignalingServer.StartAsync(options =>
        {
            options.Callbacks.PerAddressLimit = 10_000;
            options.Callbacks.MaxVoiceBytes = 4_096;
        });
        _caller = new CallbackClient(_server.BaseAddress);
        _desk = new CallbackClient(_server.BaseAddress);
        await _desk.SignInToDeskAsync(_server.OwnerKey);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _caller.Dispose();
        _desk.Dispose();
    }

    [Fact]
    public async Task Submit_EachKind_IsStoredAndListedOnTheDesk()
    {
        var slot = (await SlotsAsync())[3];
        var asap = await CreateAsync(
            [("kind", "asap"), ("reason", "sales"), ("name", "Ana"), ("email", "ana@example.org")]);
        var scheduled = await CreateAsync([("kind", "slot"), ("slot", slot), ("reason", "support")]);
        var message = await CreateAsync(
            [("kind", "message"), ("reason", "sales"), ("message", "Please call after 5.")]);

        Assert.Equal("new", asap.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, asap.GetProperty("slot").ValueKind);
        Assert.Equal("scheduled", scheduled.GetProperty("status").GetString());
        Assert.Equal(slot, scheduled.GetProperty("slot").GetString());
        var list = await _desk.ListAsync();
        Assert.Equal(
            [scheduled.GetProperty("id").GetString(), asap.GetProperty("id").GetString(),
                message.GetProperty("id").GetString()],
            list.Select(item => item.GetProperty("id").GetString()));
        var first = list[1];
        Assert.Equal("asap", first.GetProperty("kind").GetString());
        Assert.Equal("Ana", first.GetProperty("name").GetString());
        Assert.Equal("ana@example.org", first.GetProperty("email").GetString());
        Assert.Equal("Sales", first.GetProperty("reason").GetProperty("label").GetString());
        Assert.Equal("web visitor", first.GetProperty("contact").GetProperty("identity").GetString());
        Assert.Equal("visitor", first.GetProperty("contact").GetProperty("kind").GetString());
        Assert.Equal("Chrome on Android", first.GetProperty("contact").GetProperty("client").GetString());
        Assert.Equal("Please call after 5.", list[2].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Submit_AfterAnUnansweredCall_TakesTheCallersIdentityAndHistoryFromTheCallLog()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();
        await caller.InvokeAsync("PlaceCall", SignalingServer.SiteDomain, "sales", "voice");
        var offer = await desk.NextAsync("CallOffered");
        var callId = offer.GetProperty("callId").GetString()!;
        var guest = offer.GetProperty("caller").GetProperty("name").GetString();
        await desk.InvokeAsync("DeclineCall", callId);

        await CreateAsync([("kind", "asap"), ("reason", "sales"), ("callId", callId)]);

        var contact = (await _desk.ListAsync()).Single().GetProperty("contact");
        Assert.Equal(guest, contact.GetProperty("identity").GetString());
        Assert.Equal("guest", contact.GetProperty("kind").GetString());
        Assert.Equal(1, contact.GetProperty("calls").GetInt32());
        Assert.Equal(JsonValueKind.String, contact.GetProperty("firstCall").ValueKind);
    }

    [Fact]
    public async Task Submit_TheSameKeyAndContentAgain_ReturnsTheSameIdAndTokenAndStoresNothingMore()
    {
        var key = CallbackClient.NewKey();
        (string, string)[] fields = [("kind", "message"), ("reason", "sales"), ("message", "Hello")];
        using var first = await _caller.PostAsync(key, fields, CallbackClient.WebmVoice);
        using var second = await _caller.PostAsync(key, fields, CallbackClient.WebmVoice);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Single(await _desk.ListAsync());
    }

    [Fact]
    public async Task Submit_TheSameKeyWithOtherContent_IsRefusedAsReused()
    {
        var key = CallbackClient.NewKey();
        using var first = await _caller.PostAsync(key, [("kind", "message"), ("reason", "sales"), ("message", "A")]);
        using var second = await _caller.PostAsync(key, [("kind", "message"), ("reason", "sales"), ("message", "B")]);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await AssertErrorAsync(second, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal("A", (await _desk.ListAsync()).Single().GetProperty("message").GetString());
    }

    [Fact]
    public async Task Submit_ABookedSlot_IsRefusedAndTheSlotIsNoLongerOffered()
    {
        var slot = (await SlotsAsync())[0];
        await CreateAsync([("kind", "slot"), ("slot", slot), ("reason", "sales")]);

        using var second = await _caller.PostAsync(
            CallbackClient.NewKey(), [("kind", "slot"), ("slot", slot), ("reason", "support")]);

        await AssertErrorAsync(second, HttpStatusCode.Conflict, "slot-taken");
        Assert.DoesNotContain(slot, await SlotsAsync());
    }

    [Fact]
    public async Task Submit_TwoRequestsForOneSlotAtOnce_ExactlyOneWins()
    {
        var slot = (await SlotsAsync())[5];
        var posts = Enumerable.Range(0, 8).Select(_ => _caller.PostAsync(
            CallbackClient.NewKey(), [("kind", "slot"), ("slot", slot), ("reason", "sales")]));

        var responses = await Task.WhenAll(posts);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(await _desk.ListAsync());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(-60)]
    [InlineData(60 * 24 * 15)]
    public async Task Submit_ASlotInsideTheLeadTimePastOrBeyondTheHorizon_IsRefused(int minutesFromNow)
    {
        var now = DateTimeOffset.UtcNow;
        var quarter = TimeSpan.FromMinutes(15).Ticks;
        var start = new DateTimeOffset(
            (now.AddMinutes(minutesFromNow).UtcTicks + quarter - 1) / quarter * quarter, TimeSpan.Zero);

        using var response = await _caller.PostAsync(
            CallbackClient.NewKey(),
            [
                ("kind", "slot"),
                ("slot", start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
                ("reason", "sales"),
            ]);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "slot-unavailable");
        Assert.Empty(await _desk.ListAsync());
    }

    [Fact]
    public async Task Slots_StartAfterTheLeadTimeAndEndWithinTheHorizon()
    {
        using var response = await _caller.Http.GetAsync("/call/api/slots");
        var body = await CallbackClient.JsonAsync(response);
        var slots = body.GetProperty("slots").EnumerateArray().Select(s => s.GetDateTimeOffset()).ToArray();

        Assert.Equal(15, body.GetProperty("slotMinutes").GetInt32());
        Assert.Equal("UTC", body.GetProperty("timeZone").GetString());
        Assert.True(slots[0] >= DateTimeOffset.UtcNow.AddMinutes(30), $"The first slot {slots[0]} is too soon.");
        Assert.True(slots[^1] <= DateTimeOffset.UtcNow.AddDays(14), $"The last slot {slots[^1]} is too far.");
    }

    [Fact]
    public async Task Submit_TextWithMarkup_IsStoredAndReturnedAsPlainText()
    {
        const string Text = "<script>alert('x')</script> & <b>bold</b>";
        await CreateAsync([("kind", "message"), ("reason", "sales"), ("message", Text), ("name", "<i>Ana</i>")]);

        using var response = await _desk.Http.GetAsync("/call/desk/api/callbacks");
        var item = (await CallbackClient.JsonAsync(response)).GetProperty("callbacks")[0];

        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(Text, item.GetProperty("message").GetString());
        Assert.Equal("<i>Ana</i>", item.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("a@b.c\r\nBcc: x@y.z")]
    [InlineData("Ana <ana@example.org>")]
    [InlineData("ana@example.org, bob@example.org")]
    [InlineData("no-at-sign")]
    public async Task Submit_AnEmailThatIsNotOnePlainAddress_IsRefused(string email)
    {
        using var response = await _caller.PostAsync(
            CallbackClient.NewKey(), [("kind", "asap"), ("reason", "sales"), ("email", email)]);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains("email:", error, StringComparison.Ordinal);
        Assert.Empty(await _desk.ListAsync());
    }

    [Theory]
    [InlineData("kind", "later", "kind:")]
    [InlineData("reason", "unknown", "reason:")]
    [InlineData("timeZone", "Mars/Olympus", "timeZone:")]
    [InlineData("voiceSeconds", "9999", "voiceSeconds:")]
    [InlineData("push", "{\"endpoint\":\"http://push.example/1\"}", "push:")]
    [InlineData("name", "Ana\nBcc", "name:")]
    public async Task Submit_AFieldOutOfShape_IsRefusedWithASentenceNamingIt(string field, string value, string named)
    {
        var fields = new Dictionary<string, string> { ["kind"] = "asap", ["reason"] = "sales", [field] = value };

        using var response = await _caller.PostAsync(CallbackClient.NewKey(), fields.Select(p => (p.Key, p.Value)));

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithoutAnIdempotencyKey_IsRefused()
    {
        using var response = await _caller.PostAsync("short", [("kind", "asap"), ("reason", "sales")]);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid-idempotency-key");
    }

    [Fact]
    public async Task Submit_FromAForeignOrigin_IsRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/call/api/callbacks")
        {
            Content = CallbackClient.Form([("kind", "asap"), ("reason", "sales")]),
        };
        request.Headers.Add("Idempotency-Key", CallbackClient.NewKey());
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await _caller.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await _desk.ListAsync());
    }

    [Fact]
    public async Task Submit_AVoiceMessageLargerThanAllowed_IsRefusedAsTooLarge()
    {
        var voice = new byte[5_000];
        CallbackClient.WebmVoice.AsSpan(0, 4).CopyTo(voice);

        using var response = await _caller.PostAsync(
            CallbackClient.NewKey(), [("kind", "message"), ("reason", "sales")], voice);

        await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "too-large");
    }

    [Fact]
    public async Task Submit_AHugeBody_IsRefusedBeforeItIsRead()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/call/api/callbacks")
        {
            Content = CallbackClient.Form([("kind", "message"), ("reason", "sales")], new byte[8 * 1024 * 1024]),
        };
        request.Headers.Add("Idempotency-Key", CallbackClient.NewKey());
        request.Headers.ExpectContinue = true;

        using var response = await _caller.Http.SendAsync(request);

        await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "too-large");
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("audio/webm; profile=x")]
    [InlineData("audio/ogg")]
    public async Task Submit_AVoiceMessageOfAnotherType_IsRefused(string type)
    {
        using var response = await _caller.PostAsync(
            CallbackClient.NewKey(), [("kind", "message"), ("reason", "sales")], CallbackClient.WebmVoice, type);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains("voice:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Voice_IsServedBackIdenticalWithItsType()
    {
        var created = await CreateAsync(
            [("kind", "message"), ("reason", "sales"), ("voiceSeconds", "3.5")], CallbackClient.WebmVoice,
            "audio/webm;codecs=opus");
        var id = created.GetProperty("id").GetString();

        using var response = await _desk.Http.GetAsync($"/call/desk/api/callbacks/{id}/voice");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/webm; codecs=opus", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(CallbackClient.WebmVoice, await response.Content.ReadAsByteArrayAsync());
        var item = (await _desk.ListAsync()).Single();
        Assert.True(item.GetProperty("hasVoice").GetBoolean());
        Assert.Equal(3.5, item.GetProperty("voiceSeconds").GetDouble());
    }

    [Fact]
    public async Task Calendar_ForASlot_IsAnEventAnICalendarParserReadsBack()
    {
        var slot = (await SlotsAsync())[2];
        var created = await CreateAsync(
            [("kind", "slot"), ("slot", slot), ("reason", "support"), ("name", "Ana"), ("message", "About my order")]);
        var id = created.GetProperty("id").GetString();

        using var response = await _desk.Http.GetAsync($"/call/desk/api/callbacks/{id}/calendar.ics");
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal($"{id}@{SignalingServer.SiteDomain}", calendarEvent.Uid);
        var start = DateTimeOffset.Parse(slot, CultureInfo.InvariantCulture).UtcDateTime;
        Assert.Equal(start, calendarEvent.DtStart!.AsUtc);
        Assert.Equal(TimeSpan.FromMinutes(15), calendarEvent.Duration!.Value.ToTimeSpanUnspecified());
        Assert.Equal("Call back Ana (Support)", calendarEvent.Summary);
        Assert.Equal("About my order", calendarEvent.Description);
        Assert.Equal(new Uri($"{_server.BaseAddress}/call/desk?callback={id}"), calendarEvent.Url);
    }

    [Theory]
    [InlineData("/call/desk/api/callbacks")]
    [InlineData("/call/desk/api/callbacks/abc/voice")]
    [InlineData("/call/desk/api/callbacks/abc/calendar.ics")]
    public async Task DeskApi_WithoutTheDeskCookie_IsNotAllowed(string path)
    {
        using var response = await _caller.Http.GetAsync(path);

        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "not-allowed");
    }

    [Fact]
    public async Task MarkHandled_MovesTheCallbackToTheHandledList()
    {
        var created = await CreateAsync([("kind", "asap"), ("reason", "sales")]);
        var id = created.GetProperty("id").GetString()!;

        using var first = await _desk.MarkHandledAsync(id);
        using var again = await _desk.MarkHandledAsync(id);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Empty(await _desk.ListAsync());
        var handled = Assert.Single(await _desk.ListAsync("handled"));
        Assert.Equal("handled", handled.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, handled.GetProperty("handledAt").ValueKind);
    }

    [Fact]
    public async Task MarkHandled_WithoutTheDeskCookie_IsNotAllowedAndChangesNothing()
    {
        var created = await CreateAsync([("kind", "asap"), ("reason", "sales")]);

        using var response = await _caller.MarkHandledAsync(created.GetProperty("id").GetString()!);

        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "not-allowed");
        Assert.Single(await _desk.ListAsync());
    }

    private async Task<string[]> SlotsAsync()
    {
        using var response = await _caller.Http.GetAsync("/call/api/slots?days=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await CallbackClient.JsonAsync(response)).GetProperty("slots").EnumerateArray()
            .Select(s => s.GetString()!)];
    }

    private async Task<JsonElement> CreateAsync(
        (string, string)[] fields, byte[]? voice = null, string voiceType = "audio/webm")
    {
        using var response = await _caller.PostAsync(CallbackClient.NewKey(), fields, voice, voiceType);
        var body = await CallbackClient.JsonAsync(response);
        Assert.True(
            response.StatusCode == HttpStatusCode.Created, $"Expected 201 but got {response.StatusCode}: {body}");
        return body;
    }

    internal static async Task<string> AssertErrorAsync(
        HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var body = await CallbackClient.JsonAsync(response);
        Assert.True(response.StatusCode == status, $"Expected {status} but got {response.StatusCode}: {body}");
        Assert.Equal(error, body.GetProperty("error").GetString());
        var message = body.GetProperty("message").GetString()!;
        Assert.EndsWith(".", message, StringComparison.Ordinal);
        return message;
    }
}
