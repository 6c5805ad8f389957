using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using DomainCall.Dns;
using DomainCall.Engine;
using DomainCall.Hosting;
using DomainCall.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DomainCall.Benchmarks;

/// <summary>
/// The signaling path against the store: relaying an offer, an answer or an ICE candidate between the two parties
/// of an answered call, next to one durable write of the kind the switchboard makes at every state transition.
/// </summary>
/// <remarks>
/// The switchboard is the real one over a real SQLite file; only the network is replaced, by
/// <see cref="DiscardingPartyChannel"/>, so what is measured is the engine's own work. Each call in
/// <see cref="LiveCalls"/> is placed and accepted through the switchboard, as a caller and a desk would.
/// </remarks>
[Config(typeof(QuickRunConfig))]
[MemoryDiagnoser]
public class SignalingPathBenchmarks : IDisposable
{
    private const string Reason = "general";

    private static readonly Domain Site = Domain.Parse("example.com");

    // A port apart from the quick start's 5300, so that a benchmark can run beside it.
    private static readonly GuestDnsOptions GuestDnsOptions = new() { Port = 5399 };

    private readonly DiscardingPartyChannel _channel = new();
    private string _directory = null!;
    private ServiceProvider _services = null!;
    private SqliteCallStore _store = null!;
    private Switchboard _switchboard = null!;
    private GuestZoneServer _guestDns = null!;
    private string _caller = null!;
    private string _desk = null!;
    private SessionDescription _offer = null!;
    private SessionDescription _answer = null!;
    private IceCandidate _candidate = null!;
    private CallRecord _ringing = null!;

    /// <summary>Gets or sets how many answered calls are live on the server while one of them signals.</summary>
    [Params(1, 1000)]
    public int LiveCalls { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _directory = Directory.CreateTempSubdirectory("domaincall-benchmarks-").FullName;
        var options = new DomainCallOptions { SiteDomain = Site.Value, StorePath = "domaincall.db" };
        options.Reasons.Add(new CallReason(Reason, "General question"));
        var environment = new HostingEnvironment
        {
            ApplicationName = "DomainCall.Benchmarks",
            EnvironmentName = "Production",
            ContentRootPath = _directory,
            ContentRootFileProvider = new NullFileProvider(),
        };
        var settings = new DomainCallSettings(Options.Create(options), environment);

        _store = new SqliteCallStore(settings.StorePath);
        await _store.InitializeAsync(CancellationToken.None);
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new CallMetrics(_services.GetRequiredService<IMeterFactory>());
        _switchboard = new Switchboard(
            _store, _channel, settings, StartGuestDns(settings.GuestZone), CreateAuthorizer(), TimeProvider.System,
            metrics, NullLogger<Switchboard>.Instance);

        var callId = await AnswerCallsAsync();
        _caller = CallerOf(0);
        _desk = DeskOf(0);
        _offer = new SessionDescription(callId, SampleSdp.Offer);
        _answer = new SessionDescription(callId, SampleSdp.Answer);
        _candidate = new IceCandidate(
            callId,
            "candidate:842163049 1 udp 1677729535 203.0.113.7 54400 typ srflx raddr 192.0.2.10 rport 54400 " +
            "generation 0 ufrag Vd3q network-cost 999",
            "0",
            0,
            "Vd3q");
        _ringing = new CallRecord(
            "template", Site, "swift-otter-42.guest.example.com", CallerKind.Guest, Reason, CallMode.Video,
            CallState.Ringing, DateTimeOffset.UtcNow);
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _services.Dispose();
        _guestDns.Dispose();

        // Pooled connections keep the file open, and the directory cannot go while they do.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Stops the guest zone's DNS server, when BenchmarkDotNet has not run the clean-up.</summary>
    public void Dispose()
    {
        _guestDns?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public Task RelayIceCandidate() => _switchboard.RelayIceCandidateAsync(_caller, _candidate);

    [Benchmark]
    public Task RelayOffer() => _switchboard.RelayOfferAsync(_caller, _offer);

    [Benchmark]
    public Task RelayAnswer() => _switchboard.RelayAnswerAsync(_desk, _answer);

    /// <summary>
    /// A transition write: one new call row, committed with <c>synchronous=FULL</c> as the switchboard does when a
    /// call is placed. A state move on an existing row cannot be repeated on the same call, and this write does the
    /// same work (one statement, one WAL commit); <see cref="TransitionWriteBenchmarks"/> compares the two.
    /// </summary>
    [Benchmark(Baseline = true)]
    public Task TransitionWrite() =>
        _store.AddCallAsync(_ringing with { Id = Secrets.NewToken() }, CancellationToken.None);

    // Callers prove their guest names through the real embedded DNS server, as on a site.
    private EmbeddedGuestNameRegistrar StartGuestDns(Domain zone)
    {
        var records = new GuestRecordSet(TimeProvider.System);
        var registrar = new EmbeddedGuestNameRegistrar(records, zone);
        var guestZone = GuestZone.Create(zone, GuestDnsOptions);
        _guestDns = new GuestZoneServer(
            new GuestZoneResponder(records, guestZone, TimeProvider.System), guestZone, GuestDnsOptions, registrar,
            NullLogger<GuestZoneServer>.Instance);
        _guestDns.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return registrar;
    }

    private GuestAuthorizer CreateAuthorizer() =>
        new(TxtLookup.ForGuestNames(GuestDnsOptions), NullLogger<GuestAuthorizer>.Instance);

    private static string CallerOf(int index) => $"caller-{index}";

    private static string DeskOf(int index) => $"desk-{index}";

    /// <summary>Places and answers <see cref="LiveCalls"/> calls, and returns the id of the first.</summary>
    private async Task<string> AnswerCallsAsync()
    {
        string? first = null;
        for (var i = 0; i < LiveCalls; i++)
        {
            // A desk is busy once it has answered, so each call rings a desk of its own.
            _switchboard.JoinDesk(DeskOf(i), Site, DeskGrant.Owner);
            var identity = await _switchboard.GetIdentityAsync(CallerOf(i), CancellationToken.None);
            await _switchboard.ProveIdentityAsync(
                CallerOf(i), Domain.Parse(identity.Name), identity.Code, CancellationToken.None);
            var placed = await _switchboard.PlaceCallAsync(
                CallerOf(i), Site, Reason, CallMode.Video, CancellationToken.None);
            if (placed.Status != "ringing")
            {
                throw new InvalidOperationException($"Call {i} did not ring: {placed.Status}.");
            }

            var callId = _channel.LastOfferedCallId!;
            await _switchboard.AcceptAsync(DeskOf(i), callId, CancellationToken.None);
            first ??= callId;
        }

        if (first is null || _switchboard.LiveCallCount != LiveCalls)
        {
            throw new InvalidOperationException(
                $"Expected {LiveCalls} live calls, found {_switchboard.LiveCallCount}.");
        }

        return first;
    }
}
