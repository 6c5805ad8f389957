using System.Diagnostics;
using System.Net;
using System.Text;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using ARSoft.Tools.Net.Dns.DynamicUpdate;
using DnsClient;
using DomainCall.Dns.Rfc2136;
using DomainCall.Testing;

namespace DomainCall.Dns.Tests.Servers;

/// <summary>
/// Runs a real authoritative DNS server as a child process for one test class: its own configuration, zone files
/// and run folder in a temporary folder, a free loopback port, the test zone, and an update ACL for the test key.
/// </summary>
public abstract class DnsServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly StringBuilder _output = new();
    private Process? _process;

    protected DnsServerFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "domaincall-dns-" + Guid.NewGuid().ToString("N")[..12]);
    }

    /// <summary>Gets the server's name for messages, such as <c>Knot DNS</c>.</summary>
    public abstract string ServerName { get; }

    public string Folder { get; }

    public int Port { get; private set; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    /// <summary>Gets what the server printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        Port = FreeLoopbackPort.Find();
        await File.WriteAllTextAsync(Path.Combine(Folder, TestZone.Name + ".zone"), TestZone.ZoneFile);

        var start = Prepare();
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{ServerName} did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync();
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Options for the RFC 2136 registrar that point at this server with the test key.</summary>
    public Rfc2136Options RegistrarOptions(Action<Rfc2136Options>? change = null)
    {
        var options = new Rfc2136Options
        {
            Server = "127.0.0.1",
            Port = Port,
            Zone = TestZone.Name,
            KeyName = TestZone.KeyName,
            Algorithm = TestZone.Algorithm,
            Secret = TestZone.Secret,
            Timeout = TimeSpan.FromSeconds(2),
        };
        change?.Invoke(options);
        return options;
    }

    /// <summary>Asks this server, with caching off.</summary>
    public Task<IDnsQueryResponse> QueryAsync(string name, QueryType type, bool useTcp = false)
    {
        var client = new LookupClient(new LookupClientOptions(EndPoint)
        {
            UseCache = false,
            Timeout = TimeSpan.FromSeconds(2),
            Retries = 1,
            ThrowDnsErrors = false,
            UseTcpOnly = useTcp,
        });
        return client.QueryAsync(name, type);
    }

    /// <summary>Publishes TXT records at <paramref name="name"/> with a signed update; each record is given as its
    /// strings, so that a record of several strings can be made.</summary>
    public async Task PublishTxtAsync(string name, params string[][] records)
    {
        var update = NewUpdate();
        foreach (var strings in records)
        {
            update.Updates.Add(new AddRecordUpdate(new TxtRecord(DomainName.Parse(name), 60, strings)));
        }

        await SendAsync(update);
    }

    /// <summary>Sends an update with the test key and fails the test unless the server applies it.</summary>
    public async Task SendAsync(DnsUpdateMessage update)
    {
        var response = await SendRawAsync(update);
        Assert.True(
            response?.ReturnCode == ReturnCode.NoError,
            $"{ServerName} did not apply the update: {response?.ReturnCode.ToString() ?? "no answer"}.\n{Output}");
    }

    /// <summary>Sends an update as it is, signed or not, and returns the server's answer.</summary>
    public async Task<DnsUpdateMessage?> SendRawAsync(DnsUpdateMessage update)
    {
        using var client = new ARSoft.Tools.Net.Dns.DnsClient(
            [IPAddress.Loopback], [new TcpClientTransport(Port)], disposeTransport: true, queryTimeout: 2_000);
        return await client.SendUpdateAsync(update);
    }

    /// <summary>A new update of the test zone, signed with the test key, or unsigned.</summary>
    public static DnsUpdateMessage NewUpdate(bool withKey = true, string secret = TestZone.Secret)
    {
        var update = new DnsUpdateMessage
        {
            ZoneName = DomainName.Parse(TestZone.Name),
            TransactionID = (ushort)Random.Shared.Next(1, ushort.MaxValue),
        };
        if (withKey)
        {
            update.TSigOptions = new TSigRecord(
                DomainName.Parse(TestZone.KeyName), TSigAlgorithm.Sha256, DateTime.UtcNow, TimeSpan.FromMinutes(5),
                update.TransactionID, ReturnCode.NoError, null, Convert.FromBase64String(secret));
        }

        return update;
    }

    /// <summary>Writes the server's configuration into <see cref="Folder"/> and says how to start it.</summary>
    protected abstract ProcessStartInfo Prepare();

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"{ServerName} exited with code {_process.ExitCode} before answering. It printed:\n{Output}");
            }

            try
            {
                var response = await QueryAsync(TestZone.Name, QueryType.SOA);
                if (!response.HasError && response.Header.HasAuthorityAnswer && response.Answers.Count > 0)
                {
                    return;
                }
            }
            catch (DnsResponseException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException(
            $"{ServerName} did not answer for {TestZone.Name} on port {Port} within {StartTimeout}. It printed:\n" +
            Output);
    }
}
